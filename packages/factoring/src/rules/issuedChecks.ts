// Rules on the invoice the supplier signed on the ledger (`invoice.issued`) against the input.

import { canonicalJson } from '@quidfin/core';
import type { StreamFacts } from '../facts/streamFacts.js';
import type { VerifiedEvent } from '../inputs/events.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import { mulDivCeil } from '../math/money.js';
import type { TraceEntry } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { cutAmount, type Funding } from './funding.js';
import type { Run } from './run.js';
import { termsDeposit, termsDiscount, termsDiscountRateUnknown } from './termsChecks.js';

// The fields an `invoice.issued` payload and an InvoiceInput share, compared one by one.
const SHARED_FIELDS = [
  'invoiceId',
  'invoiceNumber',
  'supplierQuid',
  'buyerQuid',
  'amountMinor',
  'currency',
  'issuedAt',
  'dueAt',
  'terms',
  'poReference',
  'carrierQuid',
  'earlyPaymentDiscount',
] as const;

const NO_PAYLOAD: Readonly<Record<string, unknown>> = {};

function payloadOf(e: VerifiedEvent): Readonly<Record<string, unknown>> {
  return (e.payload as Readonly<Record<string, unknown>> | undefined) ?? NO_PAYLOAD;
}

/** A value as a reason shows it: strings and numbers as they are, anything else as JSON. */
function shown(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // The discount is the only object field: compare its two numbers.
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return x['rateBps'] === y['rateBps'] && x['withinDays'] === y['withinDays'];
}

/** The `fields` both carry that differ, as `field: <a side> X, <b side> Y`. */
function differences(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  aName: string,
  bName: string,
  fields: readonly string[] = SHARED_FIELDS,
): string[] {
  const out: string[] = [];
  for (const k of fields) {
    const x = a[k];
    const y = b[k];
    if (x === undefined || y === undefined || same(x, y)) continue;
    out.push(`${k}: ${aName} ${shown(x)}, ${bName} ${shown(y)}`);
  }
  return out;
}

function byStreamOrder(a: VerifiedEvent, b: VerifiedEvent): number {
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function contentOf(e: VerifiedEvent): string {
  try {
    return canonicalJson(e.payload ?? null);
  } catch {
    // Not canonical JSON (a payload no schema screened): distinct from every other.
    return `\u0000${e.id}`;
  }
}

/** The counted issues with different payloads, the first of each in stream order. */
function issuedVariants(facts: StreamFacts): VerifiedEvent[] {
  if (facts.issued.length < 2) return facts.issued;
  const sorted = [...facts.issued].sort(byStreamOrder);
  const seen = new Set<string>();
  const out: VerifiedEvent[] = [];
  for (const e of sorted) {
    const c = contentOf(e);
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(e);
  }
  return out;
}

/** Every field either payload carries, sorted. */
function keysOf(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

// The fields of the signed issue that bind the stream: which carrier may attest, which PO a
// buyer's match must name.
const BINDING_FIELDS = ['carrierQuid', 'poReference'] as const;

/**
 * The invoice the stream is bound to: the input, with the carrier and PO of the first counted
 * `invoice.issued` (in stream order) where the input states none. An integrator's own record that
 * leaves them out must not unbind the stream from what the supplier signed: a delivery by another
 * carrier on the title counted, and the buyer's match of another order satisfied requirePoMatch.
 * Returns `invoice` itself when there is nothing to fill.
 *
 * @example
 * ```ts
 * const bound = signedBinding(invoice, facts); // invoice.carrierQuid ?? the signed carrierQuid
 * ```
 */
export function signedBinding(invoice: InvoiceInput, facts: StreamFacts): InvoiceInput {
  if (facts.issued.length === 0) return invoice;
  if (invoice.carrierQuid !== undefined && invoice.poReference !== undefined) return invoice;
  const first = payloadOf(issuedVariants(facts)[0] as VerifiedEvent);
  let out: InvoiceInput | undefined;
  for (const k of BINDING_FIELDS) {
    const signed = first[k];
    if (invoice[k] !== undefined || typeof signed !== 'string' || signed === '') continue;
    out = { ...(out ?? invoice), [k]: signed };
  }
  return out ?? invoice;
}

// The common case, one issue agreeing with the input: shared by every such decision (never mutated).
const ISSUED_PASS: TraceEntry = {
  rule: 'issued-evidence',
  outcome: 'pass',
  inputs: { issued: 1, variants: 1, mismatched: 0 },
  threshold: null,
  effectMinor: 0,
};

/**
 * 6c. The invoice as signed: with no counted `invoice.issued` the invoice itself is not on the
 * ledger (pending); two counted issues with different content are a re-issue (review); an input
 * that disagrees with a signed issue in any field both carry is review, naming each field and
 * both values. Not run by the proof-of-concept preset, which never read the issue.
 */
export function checkIssuedEvidence(run: Run, invoice: InvoiceInput, facts: StreamFacts): void {
  const variants = issuedVariants(facts);
  if (variants.length === 0) {
    run.reason(
      'ISSUED_EVENT_MISSING',
      'no invoice.issued signed by the supplier counted on the stream: the invoice itself is not on the ledger',
    );
    run.trace?.push(
      traceEntry('issued-evidence', 'fail', { issued: 0, variants: 0, mismatched: 0 }, null, 0),
    );
    return;
  }
  const first = variants[0] as VerifiedEvent;
  if (variants.length > 1) {
    const a = payloadOf(first);
    const each = variants.slice(1).map((e) => {
      const b = payloadOf(e);
      const diff = differences(a, b, 'first', 'then', keysOf(a, b));
      return `${e.id}: ${diff.length > 0 ? diff.join(', ') : 'fields present in only one'}`;
    });
    run.reason(
      'INVOICE_REISSUED',
      `${variants.length} invoice.issued events with different content; against the first (${first.id}): ${each.join('; ')}`,
    );
  }
  const input = invoice as unknown as Readonly<Record<string, unknown>>;
  let mismatched = 0;
  const each: string[] = [];
  for (const e of variants) {
    const diff = differences(input, payloadOf(e), 'input', 'signed');
    if (diff.length === 0) continue;
    mismatched++;
    each.push(`invoice.issued (${e.id}) ${diff.join('; ')}`);
  }
  if (mismatched > 0) {
    run.reason(
      'ISSUED_PAYLOAD_MISMATCH',
      `the invoice input contradicts the signed invoice: ${each.join(' | ')}`,
    );
  }
  const bad = mismatched > 0 || variants.length > 1;
  if (!bad && facts.issued.length === 1) {
    run.trace?.push(ISSUED_PASS);
    return;
  }
  run.trace?.push(
    traceEntry(
      'issued-evidence',
      bad ? 'fail' : 'pass',
      { issued: facts.issued.length, variants: variants.length, mismatched },
      null,
      0,
    ),
  );
}

// Shared by every decision whose invoice grants no discount (never mutated).
const DISCOUNT_PASS: TraceEntry = {
  rule: 'early-payment-discount',
  outcome: 'pass',
  inputs: { rateBps: 0, cutMinor: 0 },
  threshold: null,
  effectMinor: 0,
};

/** A discount rate as a cut: an unreadable one (a payload the schema did not screen) cuts it all. */
function rateOf(d: unknown): number {
  if (typeof d !== 'object' || d === null) return 0;
  const r = (d as Record<string, unknown>)['rateBps'];
  return Number.isSafeInteger(r) && (r as number) >= 0 && (r as number) <= 10_000 ? (r as number) : 10_000;
}

/**
 * 16b. Early-payment discount: the buyer may pay face less `rateBps` (within its days), so that
 * share of face is not eligible. The largest rate the input or any signed issue states counts (as
 * `earlyPaymentDiscount` or in front of its net terms, "2/10 net 60"),
 * whether or not its window is still open (a late discount taken is a short-pay all the same),
 * and the cut rounds up: both in the financier's favour.
 */
export function checkEarlyPaymentDiscount(
  run: Run,
  invoice: InvoiceInput,
  facts: StreamFacts,
  face: number,
  f: Funding,
): void {
  let rate = rateOf(invoice.earlyPaymentDiscount);
  let days = invoice.earlyPaymentDiscount?.withinDays;
  // A discount written in the terms ("2/10 net 60") lets the buyer pay as much less; a deposit they
  // ask for ("50% deposit, balance net 30") is paid before the due date. The input's terms, then
  // each signed issue's (indexed, without a closure: this runs per decision).
  let deposit = 0;
  // Terms that name a discount with no rate ("Skonto nach Vereinbarung"): the first such.
  let unpriced: unknown;
  const issued = facts.issued;
  for (let i = -1; i < issued.length; i++) {
    const p = i < 0 ? undefined : payloadOf(issued[i] as VerifiedEvent);
    if (p !== undefined) {
      const d = p['earlyPaymentDiscount'];
      const r = rateOf(d);
      if (r > rate) {
        rate = r;
        days = (d as Record<string, unknown>)['withinDays'] as number | undefined;
      }
    }
    const terms = p === undefined ? invoice.terms : p['terms'];
    const inTerms = termsDiscount(terms);
    if (inTerms !== undefined && inTerms.rateBps > rate) {
      rate = inTerms.rateBps;
      days = inTerms.withinDays;
    }
    const asked = termsDeposit(terms) ?? 0;
    if (asked > deposit) deposit = asked;
    if (unpriced === undefined && termsDiscountRateUnknown(terms)) unpriced = terms;
  }
  // A discount with no rate anywhere (terms or a stated earlyPaymentDiscount): what the buyer will
  // pay is not known, and nothing can be cut for it.
  if (unpriced !== undefined && rate === 0)
    run.reason(
      'DISCOUNT_RATE_UNKNOWN',
      `the terms ${JSON.stringify(unpriced)} offer an early-payment discount at a rate they do not state: what the buyer will pay is not known; confirm the rate`,
    );
  if (rate === 0 && deposit === 0) {
    run.trace?.push(DISCOUNT_PASS);
    return;
  }
  const before = f.eligible;
  const cut = mulDivCeil(face, rate, 10_000);
  if (rate > 0) {
    cutAmount(f, 'EARLY_PAYMENT_DISCOUNT', cut);
    run.reason(
      'EARLY_PAYMENT_DISCOUNT',
      `the invoice lets the buyer pay ${rate} bps less within ${shown(days)} days: ${cut} of ${face} is not eligible`,
    );
  }
  if (deposit === 0) {
    run.trace?.push(
      traceEntry(
        'early-payment-discount',
        'flag',
        { rateBps: rate, cutMinor: cut },
        null,
        f.eligible - before,
      ),
    );
    return;
  }
  const depositCut = mulDivCeil(face, deposit, 10_000);
  cutAmount(f, 'TERMS_DEPOSIT', depositCut);
  run.reason(
    'TERMS_DEPOSIT',
    `the terms ask the buyer for a deposit of ${deposit} bps of face, paid before the due date: ${depositCut} of ${face} is not there to collect, so not eligible`,
  );
  run.trace?.push(
    traceEntry(
      'early-payment-discount',
      'flag',
      { rateBps: rate, cutMinor: rate > 0 ? cut : 0, depositBps: deposit, depositCutMinor: depositCut },
      null,
      f.eligible - before,
    ),
  );
}
