// The payment terms the invoice states against its due date (FACTORING.md F5: a due date
// inconsistent with the terms is a warning sign of pre-invoicing).

import type { StreamFacts } from '../facts/streamFacts.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { TraceEntry } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

const DAY = 86_400;

// "NET-60", "Net 30", "net30", "NET 60 days", and with an early-payment discount in front
// ("2/10 net 45", "2% 10, Net 30"). Anything else (end-of-month terms, "due on receipt") is not
// read: the engine does not guess a date from terms it cannot parse.
const NET_TERMS =
  /^\s*(?:\d{1,2}(?:\.\d+)?\s*%?\s*\/?\s*\d{1,3}\s*,?\s*)?net\s*[- ]?\s*(\d{1,4})(?:\s*days?)?\s*$/i;

// A book uses a handful of terms strings: each is parsed once (bounded, so hostile input cannot
// grow the memo without limit).
const MAX_PARSED = 1_024;
const parsed = new Map<string, number | undefined>();

/**
 * The number of days net payment terms give the buyer ("NET-60" gives 60), or `undefined` for
 * terms that are absent or not plain net days.
 *
 * @example
 * ```ts
 * netTermsDays('2/10 net 45'); // 45
 * netTermsDays('NET 30 EOM'); // undefined
 * ```
 */
export function netTermsDays(terms: unknown): number | undefined {
  if (typeof terms !== 'string') return undefined;
  const known = parsed.get(terms);
  if (known !== undefined || parsed.has(terms)) return known;
  const m = NET_TERMS.exec(terms);
  const days = m === null ? undefined : Number(m[1]);
  if (parsed.size < MAX_PARSED) parsed.set(terms, days);
  return days;
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
 * 6d. Terms: the longest net days the input or any signed `invoice.issued` states give the date
 * the buyer is entitled to pay by. A due date more than a day before it is held for review
 * (`DUE_DATE_BEFORE_TERMS`, a fraud flag): the buyer pays on its terms, so the invoice would be
 * priced, and judged overdue, too early. Returns that date when it is after the due date (the
 * engine then prices to it), else `undefined`. Not run by the proof-of-concept preset.
 */
export function checkTermsDueDate(run: Run, invoice: InvoiceInput, facts: StreamFacts): number | undefined {
  let days = netTermsDays(invoice.terms);
  let terms = invoice.terms;
  for (const e of facts.issued) {
    const signed = (e.payload as Readonly<Record<string, unknown>> | undefined)?.['terms'];
    const d = netTermsDays(signed);
    if (d !== undefined && (days === undefined || d > days)) {
      days = d;
      terms = signed as string;
    }
  }
  if (days === undefined) {
    run.trace?.push(TERMS_PASS);
    return undefined;
  }
  const termsDue = invoice.issuedAt + days * DAY;
  if (invoice.dueAt + DAY >= termsDue) {
    run.trace?.push(TERMS_PASS);
    return undefined;
  }
  const dueDays = Math.floor((invoice.dueAt - invoice.issuedAt) / DAY);
  run.reason(
    'DUE_DATE_BEFORE_TERMS',
    `due ${dueDays} days after issue, but the terms ${JSON.stringify(terms)} give the buyer ${days}: priced to the terms' date ${termsDue}`,
  );
  run.trace?.push(traceEntry('terms', 'flag', { termsDays: days, dueDays, termsDueAt: termsDue }, null, 0));
  return termsDue;
}
