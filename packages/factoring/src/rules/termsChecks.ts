// The payment terms the invoice states against its due date (FACTORING.md F5: a due date
// inconsistent with the terms is a warning sign of pre-invoicing).

import type { StreamFacts } from '../facts/streamFacts.js';
import type { VerifiedEvent } from '../inputs/events.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { TraceEntry } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { type ParsedTerms, readTerms, type TermsDate, type TermsDiscount } from './parseTerms.js';
import type { Run } from './run.js';

const DAY = 86_400;

const NOTHING: ParsedTerms = {
  netDays: undefined,
  endOfMonth: false,
  endOfMonthEitherWay: false,
  endOfNextMonth: false,
  start: 'issue',
  cash: false,
  discount: undefined,
  discountRateUnknown: false,
  depositBps: undefined,
  dates: [],
  daysUnread: undefined,
  netUnstated: false,
  dayAfterMonthEnd: undefined,
};

// With a discount window and no net period ("2/10 EOM", "2% within 10 days"), the net amount is
// customarily due 20 days after the window closes (net 30 for "2/10"; 30 days after the end of the
// month for "2/10 EOM"): the longer reading, and the date such terms are priced to.
const NET_DAYS_AFTER_WINDOW = 20;

// A book uses a handful of terms strings: each is parsed once. Bounded, so hostile input cannot
// grow the memo without limit: when full it starts over (a book's common strings come back at
// once, where a memo that kept its first thousand would miss them for good). Only short strings
// are kept: a memo of a thousand megabyte-long terms would hold a gigabyte.
const MAX_PARSED = 1_024;
const MAX_MEMO_LENGTH = 256;
const parsed = new Map<string, ParsedTerms>();

// Terms are a line or two. Longer ones are not read (TERMS_TOO_LONG holds the invoice): a node
// takes event bodies up to 1 MiB, and megabyte-long terms would cost every decision tens of
// milliseconds and could hide a net figure anywhere.
export const MAX_TERMS_LENGTH = 2_000;
const TOO_LONG: ParsedTerms = { ...NOTHING };

function parseTerms(terms: unknown): ParsedTerms {
  if (typeof terms !== 'string') return NOTHING;
  if (terms.length > MAX_TERMS_LENGTH) return TOO_LONG;
  const known = parsed.get(terms);
  if (known !== undefined) return known;
  const out = readTerms(terms);
  if (terms.length <= MAX_MEMO_LENGTH) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(terms, out);
  }
  return out;
}

/**
 * The number of days net payment terms give the buyer at least ("NET-60" gives 60, "NET 30 EOM"
 * 30, "ROG 30" 30 from delivery), or `undefined` for terms that are absent or state no net days.
 *
 * @example
 * ```ts
 * netTermsDays('2/10 net 45'); // 45
 * netTermsDays('due on receipt'); // undefined
 * ```
 */
export function netTermsDays(terms: unknown): number | undefined {
  return parseTerms(terms).netDays;
}

/**
 * The largest early-payment discount the terms state ("2/10 net 60", "2% within 10 days", "2
 * percent discount if paid within 10 days": 200 bps within 10 days), or `undefined`.
 * `withinDays` is undefined when the terms give no window ("2% discount").
 *
 * @example
 * ```ts
 * termsDiscount('2/10 net 60'); // { rateBps: 200, withinDays: 10 }
 * ```
 */
export function termsDiscount(terms: unknown): TermsDiscount | undefined {
  return parseTerms(terms).discount;
}

/**
 * Whether the terms offer an early-payment discount whose rate they do not state ("early payment
 * discount available", "Skonto nach Vereinbarung"); a discount refused ("ohne Skonto") is none.
 *
 * @example
 * ```ts
 * termsDiscountRateUnknown('Net 30, early payment discount available'); // true
 * termsDiscountRateUnknown('2/10 net 30'); // false
 * ```
 */
export function termsDiscountRateUnknown(terms: unknown): boolean {
  return parseTerms(terms).discountRateUnknown;
}

/**
 * The largest deposit the terms ask of the buyer ("50% deposit, balance net 30", "30 % Anzahlung"),
 * in basis points of face, or `undefined`. A deposit is not an early-payment discount: that share
 * is paid before the due date, so it is not there to collect. 100 % is cash terms.
 *
 * @example
 * ```ts
 * termsDeposit('50% deposit, balance net 30'); // 5000
 * ```
 */
export function termsDeposit(terms: unknown): number | undefined {
  return parseTerms(terms).depositBps;
}

// Shared by every decision whose due date agrees with its terms, or whose terms are not read.
const TERMS_PASS: TraceEntry = {
  rule: 'terms',
  outcome: 'pass',
  inputs: {},
  threshold: null,
  effectMinor: 0,
};

/**
 * 6d. Terms: the latest date the input's or any signed `invoice.issued`'s terms give is the date
 * the buyer is entitled to pay by: net days from issue, from the end of the month (EOM, MFI,
 * prox; with no days, "Net EOM", "fine mese", the end of the month itself, and "MFI" or "prox"
 * alone the end of the month after), from the latest delivery the stream shows ("net 30 from delivery", "ROG 30"), or from
 * receipt (the later of that delivery and the buyer's first acknowledgement: "30 days from date
 * of receipt"); a date the terms name ("due 12/31"; "net 60 from 03/15" adds the net days to it).
 * A due date more than a day before it is held for review (`DUE_DATE_BEFORE_TERMS`, a fraud
 * flag): the buyer pays on its terms, so the invoice would be priced, and judged overdue, too
 * early. Terms that run from a delivery or receipt the stream does not show yet are pending
 * (`TERMS_START_UNKNOWN`): no date can be justified, and the issue date would understate the
 * tenor. Cash terms (CIA, COD, PIA, CWO) are held for review (`CASH_TERMS`). Returns the terms'
 * date when it is after the due date (the engine then prices to it), else `undefined`. Not run
 * by the proof-of-concept preset.
 */
export function checkTermsDueDate(run: Run, invoice: InvoiceInput, facts: StreamFacts): number | undefined {
  const issuedAt = invoice.issuedAt;
  let termsDue: number | undefined;
  // What gave the latest date: its terms, their reading, where it ran from, and the date named.
  let terms: unknown;
  let reading: ParsedTerms = NOTHING;
  let from = issuedAt;
  let named: TermsDate | undefined;
  // The latest date is the net days' end, then to the end of its month ("fine mese" read that way).
  let monthAfter = false;
  // The latest date is a discount window's end plus the customary net period (see netUnstated).
  let unstated = false;
  let unknownStart: ParsedTerms | undefined;
  let unknownTerms: unknown;
  let cash: unknown;
  // The first terms that state days the reader could not count, and no net days (see daysUnread).
  let unreadTerms: unknown;
  let unreadWords: string | undefined;
  let tooLong: string | undefined;
  // The input's terms, then each signed issue's (no closure: this runs once per decision).
  for (let k = -1; k < facts.issued.length; k++) {
    const t =
      k < 0
        ? invoice.terms
        : ((facts.issued[k] as VerifiedEvent).payload as Readonly<Record<string, unknown>> | undefined)?.[
            'terms'
          ];
    const p = parseTerms(t);
    if (p === TOO_LONG) tooLong ??= t as string;
    if (p === NOTHING || p === TOO_LONG) continue;
    if (p.cash && cash === undefined) cash = t;
    if (p.daysUnread !== undefined && unreadWords === undefined) {
      unreadTerms = t;
      unreadWords = p.daysUnread;
    }
    // End-of-month terms with no days ("Net EOM", "fine mese", "Monatsende") give to the end of the
    // month: no days from it. With a discount window and no net period ("2/10 EOM", "2% within 10
    // days"), the window is no credit period: the net amount is due after it, customarily 20 days
    // after (NET_DAYS_AFTER_WINDOW), 30 days after the end of the month for "2/10 EOM".
    const window = p.netUnstated ? (p.discount?.withinDays as number) : undefined;
    const days =
      p.netDays ??
      (window !== undefined
        ? window + NET_DAYS_AFTER_WINDOW
        : p.endOfMonth
          ? (p.discount?.withinDays ?? 0)
          : undefined);
    const start = days === undefined ? undefined : startOf(p, issuedAt, facts);
    if (days !== undefined && start === undefined && unknownStart === undefined) {
      unknownStart = p;
      unknownTerms = t;
    }
    // Each date these terms give: from their net days, then from each date they name.
    for (let n = start === undefined ? 0 : -1; n < p.dates.length; n++) {
      const d = n < 0 ? undefined : (p.dates[n] as TermsDate);
      const at = d === undefined ? (start as number) : latestReading(d, issuedAt);
      let due =
        d === undefined
          ? (p.endOfMonth ? endOfMonthUtc(p.endOfNextMonth ? endOfMonthUtc(at) + 1 : at) : at) +
            (days as number) * DAY
          : d.kind === 'from' && days !== undefined
            ? at + days * DAY
            : at;
      // "60 giorni fine mese": also the days from the start, then to the end of that month. The
      // later of the two readings is the date the buyer may hold to (up to weeks later for 45 days).
      let after = false;
      // Net days only: a discount window at the end of the month ("2/10 EOM") is read one way, to
      // the 10th of the month after.
      if (d === undefined && p.endOfMonthEitherWay && p.netDays !== undefined) {
        const other = endOfMonthUtc(at + (days as number) * DAY);
        if (other > due) {
          due = other;
          after = true;
        }
      }
      // "30 jours fin de mois le 10": from the end of the month that date reaches, to the 10th.
      if (d === undefined && p.endOfMonth && p.dayAfterMonthEnd !== undefined)
        due = endOfMonthUtc(due) + p.dayAfterMonthEnd * DAY;
      if (termsDue === undefined || due > termsDue) {
        termsDue = due;
        terms = t;
        reading = p;
        from = at;
        named = d;
        monthAfter = after;
        unstated = d === undefined && window !== undefined;
      }
    }
  }
  if (tooLong !== undefined) {
    run.reason(
      'TERMS_TOO_LONG',
      `the payment terms run to ${tooLong.length} characters, more than the ${MAX_TERMS_LENGTH} the engine reads (${JSON.stringify(tooLong.slice(0, 60))}...): the credit they give is not known; confirm them`,
    );
    run.trace?.push(traceEntry('terms', 'fail', { termsLength: tooLong.length }, MAX_TERMS_LENGTH, 0));
    return undefined;
  }
  if (cash !== undefined)
    run.reason(
      'CASH_TERMS',
      `the terms ${JSON.stringify(cash)} are cash terms (in advance, with order or on delivery): they give the buyer no credit, so an open receivable under them is already paid or not the sale they describe`,
    );
  if (unreadWords !== undefined)
    run.reason(
      'TERMS_DAYS_UNREAD',
      `the terms ${JSON.stringify(unreadTerms)} state days the engine cannot count (${JSON.stringify(unreadWords)}: a number it does not read, business days, whose date depends on holidays, or a start it cannot date, the end of a quarter) and no net days it can: the date the buyer must pay by is not known; confirm the terms`,
    );
  if (unknownStart !== undefined) {
    const what = unknownStart.start === 'delivery' ? 'delivery' : 'receipt (delivery and acknowledgement)';
    run.reason(
      'TERMS_START_UNKNOWN',
      `the terms ${JSON.stringify(unknownTerms)} run from ${unknownStart.start}, and the stream shows no dated ${what} yet: the date the buyer must pay by is not known`,
    );
    run.trace?.push(
      traceEntry(
        'terms',
        'fail',
        { termsDays: unknownStart.netDays ?? null, start: unknownStart.start },
        null,
        0,
      ),
    );
    return undefined;
  }
  if (termsDue === undefined || invoice.dueAt + DAY >= termsDue) {
    run.trace?.push(
      cash === undefined && unreadWords === undefined
        ? TERMS_PASS
        : traceEntry(
            'terms',
            'flag',
            unreadWords === undefined
              ? { cash: true }
              : { cash: cash !== undefined, daysUnread: unreadWords },
            null,
            0,
          ),
    );
    return undefined;
  }
  const dueDays = Math.floor((invoice.dueAt - issuedAt) / DAY);
  const windowDays = reading.discount?.withinDays as number;
  const windowEnd = termsDue - NET_DAYS_AFTER_WINDOW * DAY;
  const fromWords = `${reading.endOfMonth ? 'the end of the month of ' : ''}${
    reading.start === 'issue'
      ? 'issue'
      : reading.start === 'delivery'
        ? `the latest delivery (${from})`
        : `receipt (${from})`
  }`;
  if (unstated && invoice.dueAt + DAY >= windowEnd) {
    // Due after the window closes, before the customary net date: the due date may be the net date
    // the terms leave out, or the window read as credit. Held, not flagged as fraud.
    run.reason(
      'TERMS_NET_UNSTATED',
      `due ${dueDays} days after issue, but the terms ${JSON.stringify(terms)} give a discount window (${windowDays} days from ${fromWords}, to ${windowEnd}) and no net period: the net amount is customarily due ${NET_DAYS_AFTER_WINDOW} days after the window; priced to that date, ${termsDue}; confirm the net terms`,
    );
    run.trace?.push(
      traceEntry(
        'terms',
        'flag',
        {
          termsDays: Math.floor((termsDue - issuedAt) / DAY),
          dueDays,
          termsDueAt: termsDue,
          netUnstated: true,
        },
        null,
        0,
      ),
    );
    return termsDue;
  }
  const days = reading.netDays;
  const startWord =
    reading.start === 'issue'
      ? 'issue'
      : reading.start === 'delivery'
        ? `the latest delivery (${from})`
        : `receipt (${from})`;
  // "2/10 EOM": no net days, the discount's window from the end of the month dates the terms.
  const window = days === undefined && reading.endOfMonth ? reading.discount?.withinDays : undefined;
  const gives = unstated
    ? `let the buyer pay less a discount until ${windowEnd} (${windowDays} days from ${fromWords}) and state no net period, customarily ${NET_DAYS_AFTER_WINDOW} days after the window`
    : named === undefined && window !== undefined
      ? `let the buyer pay less a discount until ${window} days after the end of the month of ${startWord}, and state no net days`
      : named === undefined && days === undefined
        ? `give the buyer to the end of the ${reading.endOfNextMonth ? 'month after the month' : 'month'} of ${startWord}`
        : named !== undefined
          ? named.kind === 'from' && days !== undefined
            ? `give the buyer ${days} days from the date they name, ${from}`
            : `name the date ${from}`
          : monthAfter
            ? `give the buyer ${days} days from ${reading.start === 'issue' ? 'issue' : reading.start === 'delivery' ? `the latest delivery (${from})` : `receipt (${from})`} and then to the end of that month (the later of the two ways end-of-month terms are read)`
            : reading.start === 'issue'
              ? `give the buyer ${days}${reading.endOfMonth ? ' from the end of the month' : ''}`
              : `give the buyer ${days} days from ${reading.endOfMonth ? 'the end of the month of ' : ''}${reading.start === 'delivery' ? 'the latest delivery' : 'receipt'} (${from})`;
  const dayAfter =
    named === undefined && reading.dayAfterMonthEnd !== undefined
      ? `, then to day ${reading.dayAfterMonthEnd} of the month after`
      : '';
  run.reason(
    'DUE_DATE_BEFORE_TERMS',
    `due ${dueDays} days after issue, but the terms ${JSON.stringify(terms)} ${gives}${dayAfter}: priced to the terms' date ${termsDue}`,
  );
  const termsDays =
    named === undefined && days !== undefined ? days : Math.floor((termsDue - issuedAt) / DAY);
  run.trace?.push(traceEntry('terms', 'flag', { termsDays, dueDays, termsDueAt: termsDue }, null, 0));
  return termsDue;
}

/**
 * Where net days start: the issue date, the latest delivery the stream shows, or for receipt the
 * later of that and the buyer's first acknowledgement (it had the invoice by then); `undefined`
 * when the stream does not show it yet.
 */
function startOf(p: ParsedTerms, issuedAt: number, facts: StreamFacts): number | undefined {
  if (p.start === 'issue') return issuedAt;
  const delivered = facts.deliveredLatest;
  if (p.start === 'delivery' || delivered === undefined) return delivered;
  const ack = facts.ackEarliest;
  return ack === undefined ? undefined : Math.max(delivered, ack);
}

/**
 * The latest reading of a date the terms name (midnight UTC); with no year written, the first
 * such day on or after the day of issue.
 */
function latestReading(d: TermsDate, issuedAt: number): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const [y, m, day] of d.readings) {
    let at: number;
    if (y !== 0) at = Date.UTC(y, m - 1, day) / 1000;
    else {
      const issue = new Date(issuedAt * 1000);
      const year = issue.getUTCFullYear();
      at = Date.UTC(year, m - 1, day) / 1000;
      if (at < Date.UTC(year, issue.getUTCMonth(), issue.getUTCDate()) / 1000)
        at = Date.UTC(year + 1, m - 1, day) / 1000;
    }
    if (at > latest) latest = at;
  }
  return latest;
}

/** The last second (UTC) of the month `at` falls in. */
function endOfMonthUtc(at: number): number {
  const d = new Date(at * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000 - 1;
}
