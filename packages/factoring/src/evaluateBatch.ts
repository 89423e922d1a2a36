// Decides a whole book at once: one compiled policy, a running portfolio, in-batch duplicates.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from './errors/FactoringInputError.js';
import { shownValue } from './errors/shownValue.js';
import { decideShared } from './evaluateInvoice.js';
import { bookAfter, figuresFor } from './facts/bookAfter.js';
import { type CircularTrade, circleMembers, circularTrades, crossSales } from './facts/circularTrades.js';
import { invoiceRecord } from './facts/invoiceRecord.js';
import { partyOf } from './facts/partyKey.js';
import { type PortfolioState, portfolioStateOver } from './facts/portfolioState.js';
import { type BuyerProfile, profileBuyer } from './facts/predictPayment.js';
import { listingContent, type RepeatedInvoice, repeatedInvoices } from './facts/repeatedInvoices.js';
import { checkBatchCurrency } from './inputs/checkBatchCurrency.js';
import { eventListIssues } from './inputs/checkEventList.js';
import { checkInvoiceInput } from './inputs/checkInvoiceInput.js';
import { type CompiledPolicy, compilePolicy, isCompiledPolicy } from './inputs/compilePolicy.js';
import type { VerifiedEvent } from './inputs/events.js';
import type { BuyerHistory } from './inputs/history.js';
import type { InvoiceInput } from './inputs/invoice.js';
import { miswrittenMessage, miswrittenQuid } from './inputs/miswrittenQuid.js';
import { plainCopy } from './inputs/plainCopy.js';
import { plainEvents, plainInvoice } from './inputs/plainInputs.js';
import type { FactoringPolicy } from './inputs/policy.js';
import type { Portfolio } from './inputs/portfolio.js';
import type { TrustSource } from './inputs/trust.js';
import { trustOnce } from './inputs/trustOnce.js';
import {
  type InvoiceFingerprintRecord,
  invoiceFingerprint,
  invoiceFingerprints,
} from './math/fingerprint.js';
import type { DecisionOutcome, FactoringDecision, Reason, TraceEntry } from './outputs/decision.js';
import { createInternCache } from './outputs/internCache.js';
import type { ReasonCodeValue } from './outputs/reasonCodes.js';
import { escalateDecision } from './rules/escalateDecision.js';
import { applyItemEvidence, checkItemEvidence } from './rules/itemEvidence.js';
import type { LedgerFindingInput } from './rules/ledgerFindings.js';
import type { KeyEventInput } from './rules/recentKeyEvents.js';
import { traceEvaluateBatch } from './telemetry/traceEvaluation.js';

/**
 * One invoice of a batch with its verified events.
 *
 * @example
 * ```ts
 * const item: BatchItem = { invoice, events };
 * ```
 */
export interface BatchItem {
  readonly invoice: InvoiceInput;
  readonly events: readonly VerifiedEvent[];
  /** Events the ledger refused: fraud evidence only (see `EvaluationRequest.rejectedEvents`). */
  readonly rejectedEvents?: readonly VerifiedEvent[];
  /**
   * What the ledger's read path flagged about this invoice, applied to its decision as
   * `applyLedgerFindings` does, before the batch reserves and sums it.
   */
  readonly ledgerFindings?: LedgerFindingInput;
  /**
   * The parties' recent key events, applied to its decision as `applyRecentKeyEvents` does (to
   * this item's invoice unless they name one), before the batch reserves and sums it.
   */
  readonly keyEvents?: KeyEventInput;
}

/**
 * A batch request: shared trust, policy, decision time, portfolio and buyer histories.
 *
 * @example
 * ```ts
 * const req: BatchRequest = { items, trust, policy: standardPolicy(), asOf: 1_700_864_000, portfolio };
 * ```
 */
export interface BatchRequest {
  readonly items: readonly BatchItem[];
  readonly trust: TrustSource;
  readonly policy: FactoringPolicy | CompiledPolicy;
  readonly asOf: number;
  readonly portfolio?: Portfolio;
  /** Payment history per buyer quid. */
  readonly buyerHistories?: Readonly<Record<string, BuyerHistory>>;
  /**
   * Build every decision's rule trace (default false in a batch: a kept, traced decision is about
   * 2.6 times the memory and the batch about 0.6 times as fast). Turn it on when each decision must
   * carry its own audit trail; `evaluateInvoice` on one invoice traces by default.
   */
  readonly trace?: boolean;
  /**
   * Called with each decision as it is made (in processing order) with its input index: stream
   * decisions to storage instead of holding a large batch in memory. Called after the batch has
   * counted and booked the decision: editing it changes only the handler's object. The batch
   * decides on copies of its items taken when it was called, so editing a later item here (its
   * amount, buyer or events) changes nothing the batch decides.
   */
  readonly onDecision?: (decision: FactoringDecision, index: number) => void;
  /** Keep every decision in the result (default true); false returns `decisions: []`. */
  readonly keepDecisions?: boolean;
}

/**
 * One currency's totals in a batch: its decisions by outcome, the faces of its invoices, and the
 * cash advanced, fees and purchase prices of its approvals.
 *
 * @example
 * ```ts
 * result.summary.byCurrency['EUR']?.advanceMinor;
 * ```
 */
export interface BatchCurrencyTotals {
  readonly counts: Readonly<Record<DecisionOutcome, number>>;
  readonly faceMinor: number;
  readonly advanceMinor: number;
  readonly feeMinor: number;
  readonly purchasePriceMinor: number;
}

/**
 * Totals of a batch. `byReason` counts each code once per decision, keys sorted. Amounts are never
 * added across currencies: the top-level amounts are the batch's when all its invoices are in one
 * `currency` (0 for an empty batch) and null when they are in several; `byCurrency` has every
 * currency's totals (keys sorted) whatever the mix.
 *
 * @example
 * ```ts
 * result.summary.counts.approve;
 * result.summary.advanceMinor ?? result.summary.byCurrency; // one total, or one per currency
 * ```
 */
export interface BatchSummary {
  readonly counts: Readonly<Record<DecisionOutcome, number>>;
  /** The currency of every invoice of the batch; null when they are in several (or there are none). */
  readonly currency: string | null;
  /** The faces of all the invoices, in `currency`; null when the batch has several currencies. */
  readonly faceMinor: number | null;
  /** Approved invoices only: cash advanced, fees and purchase prices (null with several currencies). */
  readonly advanceMinor: number | null;
  readonly feeMinor: number | null;
  readonly purchasePriceMinor: number | null;
  /** The same totals (and counts) for each currency of the batch, keys sorted. */
  readonly byCurrency: Readonly<Record<string, BatchCurrencyTotals>>;
  /**
   * The book's exposure before and after the batch's approvals, in `portfolio.currency` (or, when
   * the book states none, in the one currency the batch approved in). `afterMinor` is null when
   * approvals in another currency (or in several) would have to be added to it.
   */
  readonly facility: {
    readonly beforeMinor: number;
    readonly afterMinor: number | null;
    readonly limitMinor: number | null;
  };
  readonly byReason: Readonly<Partial<Record<ReasonCodeValue, number>>>;
}

/** A currency's running totals while the batch is decided. */
interface CurrencySums {
  counts: Record<DecisionOutcome, number>;
  faceMinor: number;
  advanceMinor: number;
  feeMinor: number;
  purchasePriceMinor: number;
  approved: boolean;
}

/** The summary from the per-currency sums: totals only where they are in one currency. */
function summarise(
  counts: Record<DecisionOutcome, number>,
  sums: ReadonlyMap<string, CurrencySums>,
  bookCurrency: string | undefined,
  facility: { beforeMinor: number; afterMinor: number; limitMinor: number | null },
  byReason: Partial<Record<ReasonCodeValue, number>>,
): BatchSummary {
  const codes = [...sums.keys()].sort();
  // fromEntries defines own keys: an invoice in currency '__proto__' is an entry, not a prototype.
  const byCurrency: Record<string, BatchCurrencyTotals> = Object.fromEntries(
    codes.map((c) => {
      const t = sums.get(c) as CurrencySums;
      const totals: BatchCurrencyTotals = {
        counts: t.counts,
        faceMinor: t.faceMinor,
        advanceMinor: t.advanceMinor,
        feeMinor: t.feeMinor,
        purchasePriceMinor: t.purchasePriceMinor,
      };
      return [c, totals];
    }),
  );
  const approvedIn = codes.filter((c) => (sums.get(c) as CurrencySums).approved);
  const facilityCurrency = bookCurrency ?? approvedIn[0];
  const facilityAfter =
    approvedIn.length === 0 || (approvedIn.length === 1 && approvedIn[0] === facilityCurrency)
      ? facility.afterMinor
      : null;
  const one = codes.length === 1 ? (sums.get(codes[0] as string) as CurrencySums) : undefined;
  const total = (k: 'faceMinor' | 'advanceMinor' | 'feeMinor' | 'purchasePriceMinor'): number | null =>
    codes.length === 0 ? 0 : one === undefined ? null : one[k];
  return {
    counts,
    currency: one === undefined ? null : (codes[0] as string),
    faceMinor: total('faceMinor'),
    advanceMinor: total('advanceMinor'),
    feeMinor: total('feeMinor'),
    purchasePriceMinor: total('purchasePriceMinor'),
    byCurrency,
    facility: {
      beforeMinor: facility.beforeMinor,
      afterMinor: facilityAfter,
      limitMinor: facility.limitMinor,
    },
    byReason,
  };
}

/**
 * Decisions (in the input order; empty with `keepDecisions: false`) and the summary.
 *
 * @example
 * ```ts
 * const { decisions, summary } = evaluateBatch(request);
 * ```
 */
export interface BatchResult {
  readonly decisions: readonly FactoringDecision[];
  /** Input indices in the order they were decided (the order limits were applied in). */
  readonly processingOrder: readonly number[];
  readonly summary: BatchSummary;
  /**
   * `invoiceFingerprints` of every invoice this batch approved (the fingerprint and, for a number
   * with a separator between digits, the one of its joined form), sorted: add them all to the next
   * batch's `portfolio.financedFingerprints` once you buy them, so no copy gets through later.
   * Built on first read from the approvals' records, copied when the batch ended (items changed
   * afterwards change nothing here).
   */
  readonly financedFingerprints: readonly string[];
  /**
   * The fingerprint records of the same approvals (number, parties, amount, date, PO, shipping
   * documents), in the same order as the input: add them to the next batch's
   * `portfolio.knownInvoices`, so a near copy (an amount one unit off, a day later, a reformatted
   * number) is held for review, not bought again. Built on first read.
   */
  readonly financedRecords: readonly InvoiceFingerprintRecord[];
  /**
   * The book after this batch's approvals, for the next batch (or `createPortfolioState`) once you
   * fund them: `portfolio` with each advance added to its buyer's, supplier's, group's and the
   * total exposure, each face to its supplier's ledger, and `financedFingerprints` and
   * `financedRecords` added to `financedFingerprints` and `knownInvoices`. The same `portfolio`
   * passed to the next batch does not count this batch's approvals: its limits are used again
   * (two batches of 4,500,000 advances each against a 6,000,000 buyer limit). Null when the
   * approvals are in several currencies and the book states none. Built on first read; not
   * enumerable, so not in the result's JSON or a spread of it.
   */
  readonly portfolioAfter: Portfolio | null;
}

/** The request the batch hands the engine, refilled for each invoice. */
interface BatchCall {
  invoice: InvoiceInput;
  events: readonly VerifiedEvent[];
  rejectedEvents: readonly VerifiedEvent[] | undefined;
  readonly trust: TrustSource;
  readonly policy: CompiledPolicy;
  readonly asOf: number;
  buyerProfile: BuyerProfile | undefined;
  readonly trace: boolean;
  /** The caller's book, as given (the batch keeps its own running state). */
  readonly portfolio: Portfolio | undefined;
}

const NO_EVENTS: readonly VerifiedEvent[] = [];

interface OrderKey {
  readonly t: number;
  readonly id: string;
  readonly i: number;
}

function compareOrder(x: OrderKey, y: OrderKey): number {
  if (x.t !== y.t) return x.t - y.t;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return x.i - y.i;
}

/**
 * Orders each run of items with one issue date and invoice id (one invoice listed twice, or two
 * invoices under one id) by their content, then position: by position alone, which of two
 * different invoices was decided first (and so which carried the duplicate reasons) followed the
 * list's order. Runs are rare: the usual batch pays one comparison per item.
 */
function sameKeyByContent(items: readonly BatchItem[], keys: OrderKey[]): void {
  for (let start = 0; start < keys.length; ) {
    const first = keys[start] as OrderKey;
    let end = start + 1;
    while (
      end < keys.length &&
      (keys[end] as OrderKey).t === first.t &&
      (keys[end] as OrderKey).id === first.id
    )
      end++;
    if (end - start > 1) {
      const run = keys
        .slice(start, end)
        .map((k) => ({ k, c: listingContent(items[k.i] as BatchItem) ?? '' }));
      run.sort((x, y) => (x.c < y.c ? -1 : x.c > y.c ? 1 : x.k.i - y.k.i));
      for (let j = 0; j < run.length; j++) keys[start + j] = (run[j] as { k: OrderKey }).k;
    }
    start = end;
  }
}

/**
 * Input indices earliest issued first, then by invoice id, then by content and position (see
 * {@link sameKeyByContent}). The keys are copied
 * out once so the sort compares adjacent small objects instead of chasing items over the heap, and
 * a list already in that order (a ledger export) is not sorted at all.
 */
function decisionOrder(items: readonly BatchItem[]): number[] {
  const n = items.length;
  const keys = new Array<OrderKey>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const inv = (items[i] as BatchItem).invoice;
    const k: OrderKey = { t: inv.issuedAt, id: inv.invoiceId, i };
    if (sorted && i > 0 && compareOrder(keys[i - 1] as OrderKey, k) > 0) sorted = false;
    keys[i] = k;
  }
  if (!sorted) keys.sort(compareOrder);
  sameKeyByContent(items, keys);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = (keys[i] as OrderKey).i;
  return order;
}

/** The items' currencies, read lazily (a one-currency batch is read to the end once). */
function* currenciesOf(items: readonly BatchItem[]): Generator<string> {
  for (const item of items) yield item.invoice.currency;
}

/** Sorted fingerprints (both number forms, `invoiceFingerprints`) of the records that have a number. */
function fingerprintsOf(records: readonly InvoiceFingerprintRecord[]): string[] {
  const out: string[] = [];
  for (const r of records) if (r.invoiceNumber !== '') out.push(...invoiceFingerprints(r));
  return out.sort();
}

/** `records` (one per input index in `indices`, in processing order) in input order. */
function inInputOrder(
  records: readonly InvoiceFingerprintRecord[],
  indices: readonly number[],
): InvoiceFingerprintRecord[] {
  const k = records.map((_, j) => j).sort((a, b) => (indices[a] as number) - (indices[b] as number));
  return k.map((j) => records[j] as InvoiceFingerprintRecord);
}

/** True when a `factor.purchased` is on the item's stream (accepted or refused). */
function carriesPurchase(item: BatchItem): boolean {
  for (const e of item.events) if (e.eventType === 'factor.purchased') return true;
  for (const e of item.rejectedEvents ?? []) if (e.eventType === 'factor.purchased') return true;
  return false;
}

/** {@link invoiceRecord} with the shipping documents the item's stream names. */
function recordOf(item: BatchItem): InvoiceFingerprintRecord {
  return invoiceRecord(item.invoice, documentRefsOf(item));
}

/** The shipping documents an item's stream names (bill of lading, delivery proof). */
function documentRefsOf(item: BatchItem): string[] {
  const refs: string[] = [];
  for (const e of item.events) {
    const p = e.payload;
    const ref =
      e.eventType === 'carrier.shipped'
        ? p?.['billOfLading']
        : e.eventType === 'carrier.delivered'
          ? p?.['deliveryProof']
          : undefined;
    if (typeof ref === 'string' && ref !== '') refs.push(ref);
  }
  return refs;
}

/**
 * Before anything is decided: copies of one receivable (same exact fingerprint) in the batch, one
 * of which is already financed (carries a `factor.purchased`), are all marked financed, so no copy
 * is approved whichever sorts first; and every financed item joins the duplicate index up front,
 * so a look-alike (a reformatted number, a shared bill of lading) is flagged even when it sorts
 * before it. Purchases are rare: their amounts screen the other items before any fingerprint
 * string is built. Returns the indices already in the index.
 */
function markFinancedCopies(items: readonly BatchItem[], state: PortfolioState): Set<number> | undefined {
  let financed: Set<string> | undefined;
  let amounts: Set<number> | undefined;
  let indexed: Set<number> | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as BatchItem;
    if (!carriesPurchase(item)) continue;
    const inv = item.invoice;
    indexed ??= new Set();
    indexed.add(i);
    state.duplicates.add(recordOf(item));
    if (inv.invoiceNumber === undefined || inv.invoiceNumber === '') continue;
    financed ??= new Set();
    amounts ??= new Set();
    financed.add(invoiceFingerprint(inv as InvoiceInput & { invoiceNumber: string }));
    amounts.add(inv.amountMinor);
  }
  if (financed === undefined || amounts === undefined) return indexed;
  const counts = new Map<string, number>();
  for (const item of items) {
    const inv = item.invoice;
    if (!amounts.has(inv.amountMinor) || inv.invoiceNumber === undefined || inv.invoiceNumber === '')
      continue;
    const fp = invoiceFingerprint(inv as InvoiceInput & { invoiceNumber: string });
    if (financed.has(fp)) counts.set(fp, (counts.get(fp) ?? 0) + 1);
  }
  // A financed receivable with no copy in the batch is already refused (DOUBLE_FACTORED).
  for (const [fp, n] of counts) if (n > 1) state.markFinanced(fp);
  return indexed;
}

/**
 * `d` held (or refused) for what the batch as a whole shows: one reason, its trace entry (a flag
 * for review, a failure for a refusal) and the proof of concept's label.
 */
function holdForBatch(
  d: FactoringDecision,
  code: ReasonCodeValue,
  severity: 'review' | 'reject',
  message: string,
  rule: string,
  inputs: TraceEntry['inputs'],
  label: string,
): FactoringDecision {
  return escalateDecision(
    d,
    [{ code, severity, message }],
    severity,
    { rule, outcome: severity === 'reject' ? 'fail' : 'flag', inputs, threshold: null, effectMinor: 0 },
    label,
  );
}

/** A decision on an item whose invoice id another item of the batch also has, made safe. */
function holdRepeated(
  d: FactoringDecision,
  repeat: RepeatedInvoice,
  items: readonly BatchItem[],
): FactoringDecision {
  const id = d.invoiceId;
  if (repeat.kind === 'copy') {
    const first = (items[repeat.firstIndex] as BatchItem).invoice.invoiceId;
    return holdForBatch(
      d,
      'DUPLICATE_EXACT',
      'reject',
      `the same invoice and stream as item ${repeat.firstIndex} (${first}) of this batch: listed twice, decided once`,
      'batch-copies',
      { firstIndex: repeat.firstIndex },
      'listed twice in the batch',
    );
  }
  return holdForBatch(
    d,
    'INVOICE_ID_REUSED',
    'review',
    `invoice id ${id} names ${repeat.indices.length} different invoices in this batch (items ${[...repeat.indices].sort((a, b) => a - b).join(', ')})`,
    'batch-copies',
    { items: repeat.indices.length },
    'invoice id reused in the batch',
  );
}

/**
 * Decides many invoices against one portfolio. Stated order: invoices are taken earliest issued
 * first, then by invoice id, then by input position, so the result does not depend on how the
 * items are listed; each approval reserves its advance against the buyer, supplier and facility
 * limits (and joins the supplier's ledger) before the next invoice is decided, so no limit is ever
 * exceeded. Every decided invoice joins the duplicate index, so a second copy in the same batch is
 * caught. An invoice id listed on several items is decided once when the items are the same
 * (the later listings are refused, `DUPLICATE_EXACT`) and held for review on every item when they
 * differ (`INVOICE_ID_REUSED`). Buyer profiles are computed once per buyer.
 *
 * @example
 * ```ts
 * const { summary } = evaluateBatch({ items, trust, policy: pocPolicy(), asOf });
 * summary.counts; // { approve: 1, review: 0, pending: 1, reject: 1 }
 * ```
 */
export function evaluateBatch(request: BatchRequest): BatchResult {
  const n = Array.isArray(request.items) ? request.items.length : 0;
  return traceEvaluateBatch(n, () => runBatch(request));
}

/** `d` held for review: its invoice is one of a circle of alike sales (FACTORING.md F9). */
function holdCircular(d: FactoringDecision, circle: CircularTrade): FactoringDecision {
  if (circle.incomplete === true) {
    // The batch is too dense with alike sales to show this invoice is on no circle: held, not cleared.
    return holdForBatch(
      d,
      'CIRCLE_SEARCH_INCOMPLETE',
      'review',
      `the search for a circle of sales through ${circle.parties.join(' -> ')} ran out of its budget among alike sales of this batch: the invoice is not shown to be on none`,
      'circular-trade',
      { incomplete: true },
      'circle search incomplete',
    );
  }
  const route = [...circle.parties, circle.parties[0]].join(' -> ');
  const currencies = circle.currencies;
  if (currencies !== undefined) {
    // Legs in different currencies: a circle all the same, whose amounts no rate was guessed for.
    const legs = circle.invoiceIds.map((id, k) => `${id} in ${currencies[k] ?? 'no stated currency'}`);
    return holdForBatch(
      d,
      'CIRCULAR_TRADE_MIXED_CURRENCY',
      'review',
      `a circle of sales within 30 days whose legs are in different currencies, so their amounts were not compared: ${route} (invoices ${legs.join(', ')})`,
      'circular-trade',
      { invoices: circle.invoiceIds.length, mixedCurrency: true },
      'circular trade across currencies',
    );
  }
  return holdForBatch(
    d,
    'CIRCULAR_TRADE',
    'review',
    `a circle of sales of about the same amount within 30 days: ${route} (invoices ${circle.invoiceIds.join(', ')})`,
    'circular-trade',
    { invoices: circle.invoiceIds.length },
    'circular trade',
  );
}

/**
 * Checks every item's invoice and event lists as `evaluateInvoice` would, listing every problem
 * at `items[i].invoice.<field>` (or `items[i].events[j].<field>`) in one
 * `FactoringInputError('INVALID_INPUT')`.
 */
function checkBatchInvoices(items: readonly BatchItem[], asOf: number): void {
  let issues: ValidationIssue[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as BatchItem;
    if (typeof item !== 'object' || item === null) {
      issues ??= [];
      issues.push({
        path: `items[${i}]`,
        message: 'must be a batch item (an object with invoice and events)',
      });
      continue;
    }
    try {
      checkInvoiceInput(item.invoice, asOf);
    } catch (e) {
      if (!(e instanceof FactoringInputError)) throw e;
      issues ??= [];
      for (const x of e.issues) issues.push({ path: `items[${i}].${x.path}`, message: x.message });
    }
    // The events too: a type or id that is not a string threw a raw TypeError half way.
    issues = eventListIssues(issues, item.events, `items[${i}].events`);
    issues = eventListIssues(issues, item.rejectedEvents, `items[${i}].rejectedEvents`, true);
  }
  if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
}

/**
 * Refuses `buyerHistories` that is not a plain record by quid: a `Map` (or a string) was read as
 * no history at all, so every buyer was decided on the prior.
 */
function checkBuyerHistories(histories: unknown): void {
  if (histories === undefined) return;
  const proto =
    typeof histories === 'object' && histories !== null ? Object.getPrototypeOf(histories) : undefined;
  if (proto === Object.prototype || proto === null) {
    // A history keyed by its buyer's quid written another way (upper case, padded) is no one's:
    // the buyer was decided on the prior, its unpaid and disputed invoices unread.
    let issues: ValidationIssue[] | undefined;
    for (const key of Object.keys(histories as object)) {
      const quid = miswrittenQuid(key);
      if (quid === undefined) continue;
      issues ??= [];
      issues.push({ path: `buyerHistories.${key}`, message: miswrittenMessage(key, quid) });
    }
    if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
    return;
  }
  throw new FactoringInputError('INVALID_INPUT', [
    {
      path: 'buyerHistories',
      message: `must be a record of buyer histories by quid (got ${shownValue(histories)})`,
    },
  ]);
}

/**
 * Refuses a `buyerHistories` key that is a batch buyer's quid in other letter case (and not that
 * quid): it matched nobody, so the buyer was decided on the policy prior, a defaulter's history
 * unread under a key that looked like its own.
 */
function checkHistoryKeys(
  items: readonly BatchItem[],
  histories: Readonly<Record<string, BuyerHistory>> | undefined,
): void {
  if (histories === undefined) return;
  const keys = Object.keys(histories);
  if (keys.length === 0) return;
  // Keys by their lower case; a buyer with a history under its own quid is never folded (the
  // common case costs one property read per item).
  const byLower = new Map<string, string>();
  for (const key of keys) byLower.set(key.toLowerCase(), key);
  let issues: ValidationIssue[] | undefined;
  let reported: Set<string> | undefined;
  for (const item of items) {
    const b = item.invoice.buyerQuid;
    if (typeof b !== 'string' || Object.hasOwn(histories, b)) continue;
    const key = byLower.get(b.toLowerCase());
    if (key === undefined || reported?.has(key)) continue;
    reported ??= new Set();
    reported.add(key);
    issues ??= [];
    issues.push({
      path: `buyerHistories.${key}`,
      message: `is the batch's buyer ${b} in other letter case: key its history by the invoice's buyerQuid exactly`,
    });
  }
  if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
}

/**
 * Each buyer's profile from its history, once per buyer, into `profiles`; a history of the wrong
 * shape is refused at `buyerHistories.<quid>` (every one at once).
 */
function profileBuyers(
  items: readonly BatchItem[],
  histories: Readonly<Record<string, BuyerHistory>> | undefined,
  policy: FactoringPolicy,
  asOf: number,
  profiles: Map<string, BuyerProfile>,
): void {
  let issues: ValidationIssue[] | undefined;
  // Buyers whose history was refused: a second invoice of one does not report it again.
  const refused = new Set<string>();
  for (const item of items) {
    const buyer = item.invoice.buyerQuid;
    if (profiles.has(buyer) || refused.has(buyer)) continue;
    const h = histories !== undefined && Object.hasOwn(histories, buyer) ? histories[buyer] : undefined;
    try {
      profiles.set(
        buyer,
        profileBuyer(
          h,
          policy.paymentPriorDaysLate,
          policy.paymentPriorWeight,
          policy.noHistoryDilutionBps,
          asOf,
        ),
      );
    } catch (e) {
      if (!(e instanceof FactoringInputError)) throw e;
      issues ??= [];
      const at = `buyerHistories.${buyer}`;
      for (const x of e.issues)
        issues.push({ path: x.path.replace(/^buyerHistory/, at), message: x.message });
      refused.add(buyer);
    }
  }
  if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
}

/**
 * The item read once into objects the batch owns: what it checks is what it decides on, whatever
 * the caller (an onDecision handler among them) does to its own objects meanwhile.
 */
function plainItem(item: BatchItem): BatchItem {
  if (typeof item !== 'object' || item === null) return item;
  const out: { -readonly [K in keyof BatchItem]: BatchItem[K] } = {
    invoice: plainInvoice(item.invoice),
    events: plainEvents(item.events),
  };
  const { rejectedEvents, ledgerFindings, keyEvents } = item;
  if (rejectedEvents !== undefined) out.rejectedEvents = plainEvents(rejectedEvents);
  if (ledgerFindings !== undefined) out.ledgerFindings = plainCopy(ledgerFindings);
  if (keyEvents !== undefined) out.keyEvents = plainCopy(keyEvents);
  return out;
}

function runBatch(called: BatchRequest): BatchResult {
  const compiled = isCompiledPolicy(called.policy) ? called.policy : compilePolicy(called.policy);
  const policy = compiled.policy;
  const given = called.items;
  if (!Array.isArray(given)) {
    throw new FactoringInputError('INVALID_INPUT', [
      {
        path: 'items',
        message: `must be a list of batch items (got ${given === null ? 'null' : typeof given})`,
      },
    ]);
  }
  // The batch decides on the items and book as they were when it was called (one read each):
  // edits made meanwhile, by an onDecision handler or anyone else, are not seen.
  // An index loop, never the caller's own `map`: an Array subclass or a Proxy would answer it
  // with a list the caller still holds.
  const list = given as readonly BatchItem[];
  const n = list.length;
  const items = new Array<BatchItem>(n);
  for (let i = 0; i < n; i++) items[i] = plainItem(list[i] as BatchItem);
  const book = plainCopy(called.portfolio);
  const request: BatchRequest = book === undefined ? called : { ...called, portfolio: book };
  const state = portfolioStateOver(book);
  // Every invoice and event list is readable before anything reads them (currencies, faces).
  checkBatchInvoices(items, request.asOf);
  checkBatchCurrency(request.portfolio, policy, currenciesOf(items));
  // Every running total (exposures, ledgers, the summary) stays exact: refused before any decision.
  // Unreadable faces are left to each invoice's own check.
  let faces = 0;
  for (const item of items) {
    const a = item.invoice.amountMinor;
    if (Number.isSafeInteger(a) && a > 0) faces += a;
  }
  state.checkSumsWith?.(faces, 'items');
  // Every invoice (above), and the evidence from outside the engine, checked before any decision
  // is made: a batch that streams its decisions (onDecision) must not stop half way.
  const evidence = checkItemEvidence(items);
  const order = decisionOrder(items);
  const profiles = new Map<string, BuyerProfile>();
  const keep = request.keepDecisions !== false;
  const onDecision = request.onDecision;
  const decisions: FactoringDecision[] = keep ? new Array(items.length) : [];
  const counts = { approve: 0, review: 0, pending: 0, reject: 0 };
  const byReason = new Map<ReasonCodeValue, number>();
  // Totals per currency (yen are never added to cents); the last one is kept at hand, as a book
  // is mostly in one currency.
  const sums = new Map<string, CurrencySums>();
  let sumsOf: CurrencySums | undefined;
  let sumsCurrency: string | undefined;
  let advance = 0;
  const facilityBefore = state.totalExposure();
  const histories = request.buyerHistories;
  checkBuyerHistories(histories);
  checkHistoryKeys(items, histories);
  const needProfile = policy.fee.kind !== 'poc-blend' || policy.checks.disputeRate;
  // Every buyer's profile before the first decision: a history of the wrong shape is refused at
  // its quid before onDecision has streamed anything.
  if (needProfile) profileBuyers(items, histories, policy, request.asOf, profiles);
  // Only standard pricing (limits, concentration, the supplier's ledger) reads the running
  // exposures; under the proof of concept's blend nothing does, and the summary's facility total is
  // the advances summed below, so the approvals are not booked party by party.
  const bookExposure = policy.fee.kind !== 'poc-blend';
  const traceOn = request.trace === true;
  const cache = createInternCache(request.asOf);
  const preIndexed = policy.checks.duplicates ? markFinancedCopies(items, state) : undefined;
  // Items whose buyer also sells: each is noted as open between its parties, so the invoice the
  // other way round sees what its supplier owes its buyer (contra), and is searched for a circle of
  // sales (A to B, B to C, C back to A) through the batch and the known invoices.
  const contra = policy.checks.eligibility && bookExposure;
  const circular = policy.checks.duplicates && policy.compat !== 'poc';
  const known = request.portfolio?.knownInvoices;
  // A group of the book is one party: a buyer whose sister company sells to the supplier counts.
  const party = request.portfolio?.buyerGroup === undefined ? undefined : partyOf(state.groupOf);
  const cross = contra || circular ? crossSales(items, circular ? known : undefined, party) : undefined;
  if (contra && cross !== undefined) {
    for (const i of cross) {
      const inv = (items[i] as BatchItem).invoice;
      state.noteBatchInvoice?.(inv.supplierQuid, inv.buyerQuid, inv.amountMinor, inv.currency);
    }
  }
  const circles =
    circular && cross !== undefined
      ? circleMembers(items, circularTrades(items, cross, known, party, request.portfolio?.currency))
      : undefined;
  // One invoice id on several items: a second listing is refused, different invoices are held.
  const repeated = repeatedInvoices(items, order);
  // Input indices of the approvals; their fingerprints are built only when the result is read.
  const approved: number[] = [];
  const advances: number[] = [];
  const req: BatchCall = {
    invoice: undefined as unknown as InvoiceInput,
    events: NO_EVENTS,
    rejectedEvents: undefined,
    // One reading per party for the whole batch: a live source cannot answer two of its
    // decisions (or one decision's two reads) differently.
    trust: trustOnce(request.trust),
    policy: compiled,
    asOf: request.asOf,
    buyerProfile: undefined,
    trace: traceOn,
    portfolio: request.portfolio,
  };
  for (const i of order) {
    const item = items[i] as BatchItem;
    const inv = item.invoice;
    const profile = needProfile ? profiles.get(inv.buyerQuid) : undefined;
    // One request object for the whole batch, refilled per invoice: the engine reads it during
    // the call and keeps none of it, so no request is allocated per decision.
    req.invoice = inv;
    req.events = item.events;
    req.rejectedEvents = item.rejectedEvents;
    req.buyerProfile = profile;
    const decided = decideShared(req, compiled, state, cache, true);
    const repeat = repeated?.get(i);
    const held = repeat === undefined ? decided : holdRepeated(decided, repeat, items);
    const circle = circles?.get(i);
    const judged = circle === undefined ? held : holdCircular(held, circle);
    // Applied before the decision is handed out, reserved and summed, so all of them agree.
    const d = evidence ? applyItemEvidence(judged, item) : judged;
    if (keep) decisions[i] = d;
    counts[d.outcome]++;
    if (sumsOf === undefined || inv.currency !== sumsCurrency) {
      sumsCurrency = inv.currency;
      sumsOf = sums.get(sumsCurrency);
      if (sumsOf === undefined) {
        sumsOf = {
          counts: { approve: 0, review: 0, pending: 0, reject: 0 },
          faceMinor: 0,
          advanceMinor: 0,
          feeMinor: 0,
          purchasePriceMinor: 0,
          approved: false,
        };
        sums.set(sumsCurrency, sumsOf);
      }
    }
    sumsOf.counts[d.outcome]++;
    sumsOf.faceMinor += inv.amountMinor;
    let prev: ReasonCodeValue | undefined;
    const reasons = d.reasons;
    for (let k = 0; k < reasons.length; k++) {
      const code = (reasons[k] as Reason).code;
      if (code === prev) continue;
      prev = code;
      byReason.set(code, (byReason.get(code) ?? 0) + 1);
    }
    if (d.outcome === 'approve' && d.offer !== null) {
      if (bookExposure) state.fund(inv.supplierQuid, inv.buyerQuid, d.offer.advanceMinor, inv.amountMinor);
      advance += d.offer.advanceMinor;
      approved.push(i);
      advances.push(d.offer.advanceMinor);
      sumsOf.approved = true;
      sumsOf.advanceMinor += d.offer.advanceMinor;
      sumsOf.feeMinor += d.offer.feeMinor;
      sumsOf.purchasePriceMinor += d.offer.purchasePriceMinor;
    }
    if (policy.checks.duplicates && preIndexed?.has(i) !== true) {
      const checked = state.duplicates.lastQueried;
      if (checked !== undefined && checked.invoiceId === inv.invoiceId) state.duplicates.add(checked);
      else state.duplicates.add(invoiceRecord(inv));
    }
    // Handed out once counted and booked: a handler that edits the decision (an outcome, an
    // advance) changes its own copy, never what the batch sums and books.
    onDecision?.(d, i);
  }
  let financed: readonly string[] | undefined;
  let financedRecords: readonly InvoiceFingerprintRecord[] | undefined;
  let after: Portfolio | null | undefined;
  const reasonCounts: Partial<Record<ReasonCodeValue, number>> = {};
  for (const code of [...byReason.keys()].sort()) reasonCounts[code] = byReason.get(code) ?? 0;
  // What the approvals funded, copied now (in processing order): items changed after the batch
  // (reused for the next chunk) must not change the fingerprints, records or book it hands on.
  const records = approved.map((i) => recordOf(items[i] as BatchItem));
  const result: Omit<BatchResult, 'portfolioAfter'> = {
    decisions,
    processingOrder: order,
    // A getter (enumerable, so JSON and spreads see it): most callers never read it.
    get financedFingerprints(): readonly string[] {
      financed ??= fingerprintsOf(records);
      return financed;
    },
    get financedRecords(): readonly InvoiceFingerprintRecord[] {
      financedRecords ??= inInputOrder(records, approved);
      return financedRecords;
    },
    summary: summarise(
      counts,
      sums,
      state.currency,
      {
        beforeMinor: facilityBefore,
        afterMinor: bookExposure ? state.totalExposure() : facilityBefore + advance,
        limitMinor: state.facilityLimit() ?? null,
      },
      reasonCounts,
    ),
  };
  const portfolio = request.portfolio;
  // The figures the book after reads, copied now: the getter below must not keep `state` (and its
  // index of every invoice of the batch) alive as long as the result.
  const figures = figuresFor(state, records);
  // Not enumerable: a copy of the whole book (its known invoices too) stays out of the result's JSON.
  Object.defineProperty(result, 'portfolioAfter', {
    enumerable: false,
    get(): Portfolio | null {
      if (after === undefined) {
        const funded = records.map((record, k) => ({ record, advanceMinor: advances[k] as number }));
        after = bookAfter(
          portfolio,
          figures,
          bookExposure,
          funded,
          result.financedFingerprints,
          result.financedRecords,
        );
      }
      return after;
    },
  });
  return result as BatchResult;
}
