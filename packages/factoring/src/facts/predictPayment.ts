// A buyer's payment behaviour from its history: days-late quantiles, dispute rate, dilution.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { shownValue } from '../errors/shownValue.js';
import { type BuyerHistory, MAX_DAYS_LATE, type PaidInvoiceRecord } from '../inputs/history.js';
import { daysStarted } from '../math/daysStarted.js';
import { mulDivCeil, mulDivFloor } from '../math/money.js';
import { MAX_UNIX_SECONDS } from '../math/unixSeconds.js';

/**
 * A buyer's predicted payment behaviour: days-late quantiles (shrunk toward the policy prior when
 * the history is short), dispute rate and dilution.
 *
 * @example
 * ```ts
 * const profile: BuyerProfile = profileBuyer({ records: [] }, [0, 5, 30], 5, 500);
 * profile.daysLate; // [0, 5, 30]
 * ```
 */
export interface BuyerProfile {
  /** Paid invoices used for the quantiles. */
  readonly sampleSize: number;
  /**
   * What those paid invoices add up to, in minor units (a track record is money, not a count).
   * `profileBuyer` always fills it; a precomputed profile without it shows no track record to
   * `newDebtorMinPaidShareBps`.
   */
  readonly paidMinor?: number;
  /** All invoices (paid or open) used for the dispute rate and dilution. */
  readonly invoiceCount: number;
  /** P10, P50, P90 days late (negative = early). */
  readonly daysLate: readonly [number, number, number];
  /**
   * Share paid within 30 / 60 / 90 days after due, bps: the smaller of the share by count and by
   * money (prior-free, 10_000 with no history).
   */
  readonly paidWithinBps: readonly [number, number, number];
  /** Share of invoices disputed, bps: the larger of the share by count and by amount. */
  readonly disputeRateBps: number;
  readonly dilutionBps: number;
  /**
   * What the history shows unpaid at the decision date, in minor units (`profileBuyer` fills it
   * when given `asOf`), and of it, what is more than 90 days past due: the buyer's ageing as its
   * history tells it, judged as the book's `buyerAging` is (`CROSS_AGED_DEBTOR`).
   */
  readonly openMinor?: number;
  readonly over90Minor?: number;
}

/**
 * When an invoice is expected to be collected: the P50 date and the P10..P90 range, in Unix
 * seconds, and the days from the decision date (at least 1).
 *
 * @example
 * ```ts
 * const p: PaymentPrediction = predictCollection(profile, invoice.dueAt, asOf);
 * p.expectedCollectionAt;
 * ```
 */
export interface PaymentPrediction {
  readonly expectedCollectionAt: number;
  readonly earliestCollectionAt: number;
  readonly latestCollectionAt: number;
  readonly daysLate: readonly [number, number, number];
  /** Days from `asOf` to the expected (P50) collection, at least 1. */
  readonly expectedDays: number;
  /** Days from `asOf` to the P90 collection (the stressed horizon), at least 1. */
  readonly stressedDays: number;
  readonly sampleSize: number;
}

const DAY = 86_400;
/** Days past due after which an unpaid invoice is in the book's "over 90" ageing bucket. */
const OVER_DAYS = 90;

/** Whole days from `asOf` to `t`, rounded up, at least 1. */
function daysFrom(asOf: number, t: number): number {
  return Math.max(1, Math.ceil((t - asOf) / DAY));
}

function quantileIndex(n: number, pct: number): number {
  // Nearest-rank: ceil(pct/100 * n) - 1, in integers.
  return Math.max(0, Math.floor((pct * n + 99) / 100) - 1);
}

/** Shrunk nearest-rank quantile of the first `n` (sorted) of `late`, or the prior with no data. */
function quantile(late: Float64Array, n: number, pct: number, prior: number, k: number): number {
  return n === 0 ? prior : shrink(late[quantileIndex(n, pct)] ?? 0, n, prior, k);
}

/**
 * Nearest-rank quantile of the first `n` (sorted) of `late` weighted by `money`: the first days late
 * by which `pct` % of the money paid was paid. `total` is the sum of those weights (> 0).
 */
function moneyQuantile(
  late: Float64Array,
  money: Float64Array,
  n: number,
  total: number,
  pct: number,
): number {
  const needed = mulDivCeil(total, pct, 100);
  let paid = 0;
  for (let i = 0; i < n; i++) {
    paid += money[i] as number;
    if (paid >= needed) return late[i] as number;
  }
  return late[n - 1] as number;
}

/**
 * Kish's effective sample size of the weights: one huge invoice among a thousand of one cent is
 * about one observation of the money, whatever the count. Used as the weight of a money quantile
 * against the prior, so padding cannot outvote the prior either.
 */
function effectiveSize(money: Float64Array, n: number, total: number): number {
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (money[i] as number) ** 2;
  return squares === 0 ? 0 : Math.max(1, Math.floor((total * total) / squares));
}

/** Share (bps) of the first `n` of `late` settled at most `days` late; 10_000 with no data. */
function paidWithin(late: Float64Array, n: number, days: number): number {
  if (n === 0) return 10_000;
  let c = 0;
  for (let i = 0; i < n; i++) if ((late[i] as number) <= days) c++;
  return Math.floor((c * 10_000) / n);
}

/** Share (bps) of the money of the first `n` paid at most `days` late; 10_000 with no money. */
function moneyPaidWithin(
  late: Float64Array,
  money: Float64Array,
  n: number,
  total: number,
  days: number,
): number {
  if (total === 0) return 10_000;
  let paid = 0;
  for (let i = 0; i < n; i++) if ((late[i] as number) <= days) paid += money[i] as number;
  return mulDivFloor(paid, 10_000, total);
}

// Days late and amounts of the buyer being profiled, reused from one profile to the next: a batch
// profiles every buyer, and pushed-to arrays per buyer were most of what profiling allocated.
// Whole days and safe-integer amounts are exact in a Float64Array.
let scratch = new Float64Array(64);
let scratchMoney = new Float64Array(64);

/**
 * Sorts the first `n` of `days` ascending, moving `money` with them (in place; a short history
 * allocates nothing).
 */
function sortDays(days: Float64Array, money: Float64Array, n: number): void {
  if (n > 32) {
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (days[a] as number) - (days[b] as number),
    );
    const d = order.map((i) => days[i] as number);
    const m = order.map((i) => money[i] as number);
    days.set(d);
    money.set(m);
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = days[i] as number;
    const w = money[i] as number;
    let j = i - 1;
    while (j >= 0 && (days[j] as number) > v) {
      days[j + 1] = days[j] as number;
      money[j + 1] = money[j] as number;
      j--;
    }
    days[j + 1] = v;
    money[j + 1] = w;
  }
}

function shrink(emp: number, n: number, prior: number, k: number): number {
  // Weighted mean of the empirical quantile (weight n) and the prior (weight k), rounded half up.
  const num = emp * n + prior * k;
  const den = n + k;
  return Math.floor((2 * num + den) / (2 * den));
}

/**
 * Shrunk P10/P50/P90 days late and the shares paid within 30/60/90 days of the first `n` (sorted)
 * of `late`, weighted by `money` (summing to `total`). Each quantile is the later of the one by
 * count and the one by money, each shrunk toward the prior by its own sample size, and each share
 * the smaller: padding a history with tiny invoices paid on time moves the count, not the money,
 * so it cannot make a buyer that pays its real invoices late look punctual.
 */
function lateness(
  late: Float64Array,
  money: Float64Array,
  n: number,
  total: number,
  prior: readonly [number, number, number],
  k: number,
): { days: number[]; within: number[] } {
  const m = total === 0 ? 0 : effectiveSize(money, n, total);
  const at = (pct: number, p: number): number => {
    const byCount = quantile(late, n, pct, p, k);
    return m === 0 ? byCount : Math.max(byCount, shrink(moneyQuantile(late, money, n, total, pct), m, p, k));
  };
  const share = (days: number): number =>
    Math.min(paidWithin(late, n, days), moneyPaidWithin(late, money, n, total, days));
  // Keep P10 <= P50 <= P90 after shrinking.
  const p10 = at(10, prior[0]);
  const p50 = Math.max(p10, at(50, prior[1]));
  const p90 = Math.max(p50, at(90, prior[2]));
  return { days: [p10, p50, p90], within: [share(30), share(60), share(90)] };
}

/** True when two history records are the same in every field (a copy, as far as can be told). */
function sameRecord(a: PaidInvoiceRecord, b: PaidInvoiceRecord): boolean {
  return (
    a.dueAt === b.dueAt &&
    a.paidAt === b.paidAt &&
    a.amountMinor === b.amountMinor &&
    (a.disputed === true) === (b.disputed === true) &&
    (a.dilutedMinor ?? 0) === (b.dilutedMinor ?? 0)
  );
}

/** A record that can only make a buyer look better: paid by its due time, undisputed, undiluted. */
function isFavourable(r: PaidInvoiceRecord): boolean {
  return (
    r.paidAt !== undefined &&
    daysStarted(r.dueAt, r.paidAt) <= 0 &&
    r.disputed !== true &&
    (r.dilutedMinor ?? 0) === 0
  );
}

/**
 * Per record, 1 when it is a copy of an earlier one (every field the same), or undefined when
 * there is none (the common case: one Map keyed by due date, compared in full on a shared date).
 */
function copiesIn(records: readonly PaidInvoiceRecord[]): Uint8Array | undefined {
  if (records.length < 2) return undefined;
  const byDue = new Map<number, number[]>();
  let copies: Uint8Array | undefined;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as PaidInvoiceRecord;
    const seen = byDue.get(r.dueAt);
    if (seen === undefined) {
      byDue.set(r.dueAt, [i]);
      continue;
    }
    let copy = false;
    for (const j of seen)
      if (sameRecord(records[j] as PaidInvoiceRecord, r)) {
        copy = true;
        break;
      }
    if (!copy) seen.push(i);
    else {
      copies ??= new Uint8Array(records.length);
      copies[i] = 1;
    }
  }
  return copies;
}

/**
 * Profiles a buyer from its history: nearest-rank P10/P50/P90 of whole days late
 * (`ceil((paidAt - dueAt) / 86400)`: a payment any part of a day after the due time is a day late), shrunk toward `prior` as if the prior were `priorWeight`
 * invoices, each the later of the quantile by count and the one by money (weighted by amount,
 * shrunk by the effective sample size of the amounts). Dispute rate and dilution in bps
 * (dilution is `noHistoryDilutionBps` with no history). With `asOf`, records due or paid after it
 * are not history yet, and invoices due before it and not paid by then count at their days late so
 * far (a lower bound): each quantile is the later of the profiles with and without them, so a
 * buyer that pays on time what it pays and leaves the rest unpaid is not punctual. Records of
 * amount 0 are not history (nothing was paid). Refuses (`INVALID_INPUT`) records that are not a
 * list of objects, a `disputed` that is not a boolean, and a record paid more than 3650 days early
 * or late, as a precomputed profile is; and a prior that is not three ordered whole days within
 * ±3650, a `priorWeight` that is not a whole number >= 0, a dilution outside 0..10000 bps and an
 * `asOf` that is not a safe integer, each at its argument's name. An unpaid invoice counts at most
 * 3650 days late. Records carry no id, so thirty copies of one good record would make a buyer paid
 * once look like one with a long track record (NEW_DEBTOR, the shrinkage toward the prior, the
 * dispute rate): a record the same in every field as an earlier one (due and paid dates, amount,
 * dispute, dilution) counts once when it is paid by its due time, undisputed and undiluted; a copy
 * of anything adverse (late, unpaid, disputed, diluted) counts every time, as the separate invoice
 * it may be, but adds no money to what the buyer has paid. Either way the copy cannot flatter.
 *
 * @example
 * ```ts
 * const profile = profileBuyer(history, [0, 5, 30], 5, 500);
 * ```
 */
export function profileBuyer(
  history: BuyerHistory | undefined,
  prior: readonly [number, number, number],
  priorWeight: number,
  noHistoryDilutionBps: number,
  asOf?: number,
): BuyerProfile {
  checkProfileArgs(prior, priorWeight, noHistoryDilutionBps, asOf);
  // Only an absent history is no history: null records or a history that is not an object (a
  // storage or mapping error) would otherwise decide the buyer on the prior alone.
  if (history !== undefined && (typeof history !== 'object' || history === null)) {
    throw new FactoringInputError('INVALID_INPUT', [
      { path: 'buyerHistory', message: `must be an object with records (got ${shownValue(history)})` },
    ]);
  }
  const records = history === undefined ? [] : history.records;
  checkHistory(records);
  if (scratch.length < records.length) {
    scratch = new Float64Array(records.length);
    scratchMoney = new Float64Array(records.length);
  }
  let n = 0;
  let paidAmount = 0;
  let disputed = 0;
  let disputedAmount = 0;
  let amount = 0;
  let diluted = 0;
  let count = 0;
  let openMinor = 0;
  let over90Minor = 0;
  // Invoices due before asOf and not paid by then: at least this many days late, a lower bound.
  let overdue: number[] | undefined;
  let overdueMoney: number[] | undefined;
  const addLate = (days: number, money: number): void => {
    overdue ??= [];
    overdueMoney ??= [];
    overdue.push(days);
    overdueMoney.push(money);
  };
  // Copies of an earlier record (records carry no id) may be padding, or real invoices alike in
  // every field: the profile is of the distinct records, and a copy counts again only where it
  // makes the buyer look worse (late, unpaid, disputed, diluted), never in the money paid.
  let copyDisputed = 0;
  let copyDisputedAmount = 0;
  let copyDiluted = 0;
  let copyDilutedAmount = 0;
  const copies = copiesIn(records);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as PaidInvoiceRecord;
    const copy = copies !== undefined && copies[i] === 1;
    if (copy && isFavourable(r)) continue;
    // An invoice for nothing paid says nothing about paying: padding a history with such records
    // would outvote the prior and make a debtor never paid look known (NEW_DEBTOR).
    if (r.amountMinor === 0) continue;
    if (asOf !== undefined && (r.paidAt === undefined || r.paidAt > asOf)) {
      // Unpaid at the decision date; a copy counts again, as an unpaid overdue copy does below.
      openMinor += r.amountMinor;
      if (daysStarted(r.dueAt, asOf) > OVER_DAYS) over90Minor += r.amountMinor;
    }
    if (asOf !== undefined && r.dueAt <= asOf && (r.paidAt === undefined || r.paidAt > asOf)) {
      // Capped as a paid record is: ten years late is past any tenor, and the profile stays one
      // checkBuyerProfile accepts.
      addLate(Math.min(MAX_DAYS_LATE, daysStarted(r.dueAt, asOf)), r.amountMinor);
    }
    if (asOf !== undefined && (r.dueAt > asOf || (r.paidAt ?? 0) > asOf)) continue;
    if (copy) {
      // A late copy weighs with the unpaid ones (the later quantiles are kept); a disputed or
      // diluted one raises those rates.
      const late = r.paidAt === undefined ? 0 : daysStarted(r.dueAt, r.paidAt);
      if (late > 0) addLate(late, r.amountMinor);
      if (r.disputed === true) {
        copyDisputed++;
        copyDisputedAmount += r.amountMinor;
      }
      if ((r.dilutedMinor ?? 0) > 0) {
        copyDiluted += r.dilutedMinor ?? 0;
        copyDilutedAmount += r.amountMinor;
      }
      continue;
    }
    count++;
    if (r.paidAt !== undefined) {
      scratch[n] = daysStarted(r.dueAt, r.paidAt);
      scratchMoney[n++] = r.amountMinor;
      paidAmount += r.amountMinor;
    }
    if (r.disputed === true) {
      disputed++;
      disputedAmount += r.amountMinor;
    }
    amount += r.amountMinor;
    diluted += r.dilutedMinor ?? 0;
  }
  sortDays(scratch, scratchMoney, n);
  let { days, within } = lateness(scratch, scratchMoney, n, paidAmount, prior, priorWeight);
  if (overdue !== undefined && overdueMoney !== undefined) {
    // Profiling paid invoices alone hides a buyer that leaves its invoices unpaid: the ones it
    // paid were on time. Count each unpaid overdue invoice at its days late so far too, and keep
    // the later quantiles and smaller "paid within" shares of the two profiles.
    const k = n + overdue.length;
    const late = new Float64Array(k);
    const money = new Float64Array(k);
    late.set(scratch.subarray(0, n));
    money.set(scratchMoney.subarray(0, n));
    late.set(overdue, n);
    money.set(overdueMoney, n);
    let total = paidAmount;
    for (const m of overdueMoney) total += m;
    sortDays(late, money, k);
    const withOverdue = lateness(late, money, k, total, prior, priorWeight);
    days = days.map((d, i) => Math.max(d, withOverdue.days[i] as number));
    within = within.map((w, i) => Math.min(w, withOverdue.within[i] as number));
  }
  return {
    ...(asOf !== undefined && { openMinor, over90Minor }),
    sampleSize: n,
    paidMinor: paidAmount,
    invoiceCount: count,
    daysLate: [days[0] as number, days[1] as number, days[2] as number],
    paidWithinBps: [within[0] as number, within[1] as number, within[2] as number],
    // Disputed copies count again (each is a dispute), over the distinct records plus them.
    disputeRateBps: disputeRate(
      disputed + copyDisputed,
      count + copyDisputed,
      disputedAmount + copyDisputedAmount,
      amount + copyDisputedAmount,
    ),
    // Diluted copies count again only when they raise the rate.
    dilutionBps:
      amount === 0
        ? noHistoryDilutionBps
        : Math.max(
            dilutionRate(diluted, amount),
            dilutionRate(diluted + copyDiluted, amount + copyDilutedAmount),
          ),
  };
}

/** The larger of the dispute rate by count and by amount, in bps (0 with no records). */
function disputeRate(disputed: number, count: number, disputedAmount: number, amount: number): number {
  // The larger of the two: padding a history with tiny undisputed invoices dilutes the count, not
  // the money the buyer disputed.
  if (count === 0) return 0;
  return Math.max(
    Math.floor((disputed * 10_000) / count),
    amount === 0 ? 0 : mulDivFloor(disputedAmount, 10_000, amount),
  );
}

/** Diluted over invoiced, in bps, at most 10,000. */
function dilutionRate(diluted: number, amount: number): number {
  return Math.min(10_000, Math.floor((diluted * 10_000) / amount));
}

/** Whole days late within ±{@link MAX_DAYS_LATE}. */
function isDaysLate(v: unknown): boolean {
  return Number.isSafeInteger(v) && Math.abs(v as number) <= MAX_DAYS_LATE;
}

/** Three whole days late within ±3650, ordered P10 <= P50 <= P90 (no allocation when they are). */
function isOrderedDays(days: unknown): boolean {
  if (!Array.isArray(days) || days.length !== 3) return false;
  // Indexed, not destructured: this runs per prediction.
  const a = days[0] as unknown;
  const b = days[1] as unknown;
  const c = days[2] as unknown;
  return (
    isDaysLate(a) &&
    isDaysLate(b) &&
    isDaysLate(c) &&
    (a as number) <= (b as number) &&
    (b as number) <= (c as number)
  );
}

/** Why `days` (at `path`) is not three ordered whole days late, each issue with its path. */
function daysIssues(days: unknown, path: string, out: ValidationIssue[]): void {
  if (!Array.isArray(days) || days.length !== 3) {
    out.push({ path, message: `must list three whole day counts (P10, P50, P90) (got ${shownDays(days)})` });
    return;
  }
  let whole = true;
  for (let i = 0; i < 3; i++) {
    if (isDaysLate(days[i])) continue;
    whole = false;
    out.push({
      path: `${path}[${i}]`,
      message: `must be whole days within ±${MAX_DAYS_LATE} (got ${shownValue(days[i])})`,
    });
  }
  if (whole) out.push({ path, message: `must be ordered P10 <= P50 <= P90 (got ${days.join(', ')})` });
}

function shownDays(v: unknown): string {
  return Array.isArray(v) ? `[${v.map(shownValue).join(', ')}]` : shownValue(v);
}

/**
 * {@link profileBuyer}'s figures besides the history, or `FactoringInputError('INVALID_INPUT')`:
 * the engine passes a compiled policy's, but a direct caller's NaN prior came back as NaN
 * quantiles, and a NaN `asOf` read as none (the unpaid overdue invoices went uncounted).
 */
function checkProfileArgs(prior: unknown, weight: unknown, dilution: unknown, asOf: unknown): void {
  const weightOk = Number.isSafeInteger(weight) && (weight as number) >= 0;
  const dilutionOk =
    Number.isSafeInteger(dilution) && (dilution as number) >= 0 && (dilution as number) <= 10_000;
  const asOfOk = asOf === undefined || Number.isSafeInteger(asOf);
  if (isOrderedDays(prior) && weightOk && dilutionOk && asOfOk) return;
  const issues: ValidationIssue[] = [];
  if (!isOrderedDays(prior)) daysIssues(prior, 'prior', issues);
  if (!weightOk)
    issues.push({ path: 'priorWeight', message: `must be a whole number >= 0 (got ${shownValue(weight)})` });
  if (!dilutionOk)
    issues.push({
      path: 'noHistoryDilutionBps',
      message: `must be whole bps in 0..10000 (got ${shownValue(dilution)})`,
    });
  if (!asOfOk)
    issues.push({ path: 'asOf', message: `must be Unix seconds (a safe integer) (got ${shownValue(asOf)})` });
  throw new FactoringInputError('INVALID_INPUT', issues);
}

/** Integer money and times in a buyer's history, or `FactoringInputError('INVALID_INPUT')`. */
function checkHistory(records: BuyerHistory['records']): void {
  if (!Array.isArray(records)) {
    throw new FactoringInputError('INVALID_INPUT', [
      {
        path: 'buyerHistory.records',
        message: `must be a list of records (got ${records === null ? 'null' : typeof records})`,
      },
    ]);
  }
  // A plain loop with no closures: every buyer of a batch is checked, and a clean history (the
  // rule) allocates nothing; the issues are collected only once one is found.
  let issues: { path: string; message: string }[] | undefined;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as BuyerHistory['records'][number];
    if (typeof r !== 'object' || r === null) {
      issues ??= [];
      issues.push({ path: `buyerHistory.records[${i}]`, message: `must be a record (got ${String(r)})` });
      continue;
    }
    if (!isMinorInt(r.amountMinor)) issues = badField(issues, i, 'amountMinor', r.amountMinor);
    if (!isMinorInt(r.dueAt)) issues = badField(issues, i, 'dueAt', r.dueAt);
    else if (r.dueAt > MAX_UNIX_SECONDS) issues = badField(issues, i, 'dueAt', r.dueAt, IN_SECONDS);
    if (r.paidAt !== undefined && !isMinorInt(r.paidAt)) issues = badField(issues, i, 'paidAt', r.paidAt);
    else if (r.paidAt !== undefined && r.paidAt > MAX_UNIX_SECONDS)
      issues = badField(issues, i, 'paidAt', r.paidAt, IN_SECONDS);
    else if (r.paidAt !== undefined && Math.abs(daysStarted(r.dueAt, r.paidAt)) > MAX_DAYS_LATE)
      issues = badField(issues, i, 'paidAt', r.paidAt, `must be within ±${MAX_DAYS_LATE} days of dueAt`);
    if (r.dilutedMinor !== undefined && !isMinorInt(r.dilutedMinor))
      issues = badField(issues, i, 'dilutedMinor', r.dilutedMinor);
    // 'yes' or 1 would otherwise read as undisputed.
    if (r.disputed !== undefined && typeof r.disputed !== 'boolean')
      issues = badField(issues, i, 'disputed', r.disputed, 'must be true or false');
  }
  if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
}

// A record dated in milliseconds lies millennia ahead: left out as "not yet due", a buyer's unpaid,
// disputed invoices vanished and the buyer was priced as one with no history.
const IN_SECONDS = 'must be Unix seconds, not milliseconds (at most 99999999999, the year 5138)';

/** A safe integer >= 0 (money in minor units, Unix seconds). */
function isMinorInt(v: unknown): boolean {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

function badField(
  issues: { path: string; message: string }[] | undefined,
  i: number,
  field: string,
  v: unknown,
  rule = 'must be a safe integer >= 0',
): { path: string; message: string }[] {
  const out = issues ?? [];
  out.push({ path: `buyerHistory.records[${i}].${field}`, message: `${rule} (got ${shownValue(v)})` });
  return out;
}

/**
 * Turns a buyer profile into collection dates for one invoice: due date plus P10/P50/P90 days
 * late, never before the decision date. An invoice already past its median date is expected at
 * its P90 date (it is among the buyer's late ones; collecting it tomorrow is what nothing
 * supports), and one past its P90 date at the decision date itself, which the engine holds for
 * review (`OVERDUE_BEYOND_BUYER_PATTERN`). Throws `FactoringInputError('INVALID_INPUT')` for a
 * `dueAt` or `asOf` that is not a safe integer and a profile whose `daysLate` is not three ordered
 * whole days within ±3650 (at `dueAt`, `asOf`, `profile.daysLate[i]`).
 *
 * @example
 * ```ts
 * const prediction = predictCollection(profile, 1_705_184_000, 1_700_000_000);
 * prediction.expectedDays; // days from asOf to the P50 date
 * ```
 */
export function predictCollection(profile: BuyerProfile, dueAt: number, asOf: number): PaymentPrediction {
  checkPredictionArgs(profile, dueAt, asOf);
  const [p10, p50, p90] = profile.daysLate;
  const latestCollectionAt = Math.max(asOf, dueAt + p90 * DAY);
  const median = dueAt + p50 * DAY;
  const expectedCollectionAt = median > asOf ? median : latestCollectionAt;
  return {
    expectedCollectionAt,
    earliestCollectionAt: Math.max(asOf, dueAt + p10 * DAY),
    latestCollectionAt,
    daysLate: profile.daysLate,
    expectedDays: daysFrom(asOf, expectedCollectionAt),
    stressedDays: daysFrom(asOf, latestCollectionAt),
    sampleSize: profile.sampleSize,
  };
}

/**
 * {@link predictCollection}'s figures, or `FactoringInputError('INVALID_INPUT')`: a NaN date or
 * days late gave NaN collection dates. Runs per prediction, so a sound call allocates nothing.
 */
function checkPredictionArgs(profile: BuyerProfile, dueAt: unknown, asOf: unknown): void {
  const isProfile = typeof profile === 'object' && profile !== null;
  const daysOk = isProfile && isOrderedDays(profile.daysLate);
  if (daysOk && Number.isSafeInteger(dueAt) && Number.isSafeInteger(asOf)) return;
  const issues: ValidationIssue[] = [];
  if (!isProfile)
    issues.push({ path: 'profile', message: `must be a buyer profile (got ${shownValue(profile)})` });
  else if (!daysOk) daysIssues(profile.daysLate, 'profile.daysLate', issues);
  for (const [path, v] of [
    ['dueAt', dueAt],
    ['asOf', asOf],
  ] as const) {
    if (!Number.isSafeInteger(v))
      issues.push({ path, message: `must be Unix seconds (a safe integer) (got ${shownValue(v)})` });
  }
  throw new FactoringInputError('INVALID_INPUT', issues);
}
