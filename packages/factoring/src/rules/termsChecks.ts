// The payment terms the invoice states against its due date (FACTORING.md F5: a due date
// inconsistent with the terms is a warning sign of pre-invoicing).

import type { StreamFacts } from '../facts/streamFacts.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { TraceEntry } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

const DAY = 86_400;

// Net days wherever the terms state them, the largest counting: "NET-60", "Net 30", "net30", "NET
// 60 days.", "Net 120 days from invoice date", "120 days net", "n/60", "Payment within 120 days",
// with any dash, and beside an early-payment discount ("2/10 net 45", "Net 60, 2/10"). End-of-month
// terms ("NET 30 EOM") run their net days from the end of the month of issue. Terms with no net
// days ("due on receipt") are not read: the engine does not guess a date.
const NET_DAYS = [
  /\bnet\s*[-\u2010-\u2015\u2212]?\s*(\d{1,4})(?!\d)/gi,
  /(?<!\d)(\d{1,4})\s*days?\s*net\b/gi,
  /\bn\s*\/\s*(\d{1,4})(?!\d)/gi,
  /\bwithin\s*(\d{1,4})\s*days?\b/gi,
];

// End-of-month terms: the net days run from the end of the month of issue.
const END_OF_MONTH = /\bEOM\b|\bend\s+of\s+(?:the\s+)?month\b/i;

// Early-payment discounts anywhere in terms that state net days: "2/10 net 60" (2 % within 10
// days), "2% 10, Net 30", "Net 60, 2/10", tiers "1/20, 3/10 net 60" (the largest rate counts).
// Rates are read in basis points without floating point.
const DISCOUNT = /(?<![\d.])(\d{1,2})(?:\.(\d{1,2}))?\s*(?:%\s*\/?|\/)\s*(\d{1,3})(?!\d)/g;

/** What payment terms give: net days (at least), and an early-payment discount if stated. */
interface ParsedTerms {
  readonly netDays: number | undefined;
  /** Net days run from the end of the month of issue ("NET 30 EOM", "net 30 end of month"). */
  readonly endOfMonth: boolean;
  readonly discount: { readonly rateBps: number; readonly withinDays: number } | undefined;
}

const NOTHING: ParsedTerms = { netDays: undefined, endOfMonth: false, discount: undefined };

// A book uses a handful of terms strings: each is parsed once (bounded, so hostile input cannot
// grow the memo without limit).
const MAX_PARSED = 1_024;
const parsed = new Map<string, ParsedTerms>();

function parseTerms(terms: unknown): ParsedTerms {
  if (typeof terms !== 'string') return NOTHING;
  const known = parsed.get(terms);
  if (known !== undefined) return known;
  let netDays: number | undefined;
  for (const pattern of NET_DAYS) {
    for (const m of terms.matchAll(pattern)) {
      const days = Number(m[1]);
      if (netDays === undefined || days > netDays) netDays = days;
    }
  }
  let discount: { rateBps: number; withinDays: number } | undefined;
  if (netDays !== undefined) {
    for (const m of terms.matchAll(DISCOUNT)) {
      const rateBps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
      if (discount === undefined || rateBps > discount.rateBps)
        discount = { rateBps, withinDays: Number(m[3]) };
    }
  }
  const out: ParsedTerms =
    netDays === undefined ? NOTHING : { netDays, endOfMonth: END_OF_MONTH.test(terms), discount };
  if (parsed.size < MAX_PARSED) parsed.set(terms, out);
  return out;
}

/**
 * The number of days net payment terms give the buyer at least ("NET-60" gives 60, "NET 30 EOM"
 * 30), or `undefined` for terms that are absent or state no net days.
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
 * The early-payment discount written in front of net terms ("2/10 net 60": 200 bps within 10
 * days), or `undefined`.
 *
 * @example
 * ```ts
 * termsDiscount('2/10 net 60'); // { rateBps: 200, withinDays: 10 }
 * ```
 */
export function termsDiscount(
  terms: unknown,
): { readonly rateBps: number; readonly withinDays: number } | undefined {
  return parseTerms(terms).discount;
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
 * 6d. Terms: the latest date the input's or any signed `invoice.issued`'s terms give (net days
 * from issue, or from the end of the month of issue for end-of-month terms) is the date the buyer
 * is entitled to pay by. A due date more than a day before it is held for review
 * (`DUE_DATE_BEFORE_TERMS`, a fraud flag): the buyer pays on its terms, so the invoice would be
 * priced, and judged overdue, too early. Returns that date when it is after the due date (the
 * engine then prices to it), else `undefined`. Not run by the proof-of-concept preset.
 */
export function checkTermsDueDate(run: Run, invoice: InvoiceInput, facts: StreamFacts): number | undefined {
  // The latest date any stated terms give: net days from issue, or from the end of the month of
  // issue for end-of-month terms.
  let termsDue: number | undefined;
  let days = 0;
  let terms: unknown;
  let endOfMonth = false;
  const consider = (t: unknown): void => {
    const parsed = parseTerms(t);
    if (parsed.netDays === undefined) return;
    const from = parsed.endOfMonth ? endOfMonthUtc(invoice.issuedAt) : invoice.issuedAt;
    const due = from + parsed.netDays * DAY;
    if (termsDue === undefined || due > termsDue) {
      termsDue = due;
      days = parsed.netDays;
      terms = t;
      endOfMonth = parsed.endOfMonth;
    }
  };
  consider(invoice.terms);
  for (const e of facts.issued)
    consider((e.payload as Readonly<Record<string, unknown>> | undefined)?.['terms']);
  if (termsDue === undefined || invoice.dueAt + DAY >= termsDue) {
    run.trace?.push(TERMS_PASS);
    return undefined;
  }
  const dueDays = Math.floor((invoice.dueAt - invoice.issuedAt) / DAY);
  run.reason(
    'DUE_DATE_BEFORE_TERMS',
    `due ${dueDays} days after issue, but the terms ${JSON.stringify(terms)} give the buyer ${days}${endOfMonth ? ' from the end of the month' : ''}: priced to the terms' date ${termsDue}`,
  );
  run.trace?.push(traceEntry('terms', 'flag', { termsDays: days, dueDays, termsDueAt: termsDue }, null, 0));
  return termsDue;
}

/** The last second (UTC) of the month `at` falls in. */
function endOfMonthUtc(at: number): number {
  const d = new Date(at * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000 - 1;
}
