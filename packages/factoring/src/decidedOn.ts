// Which running book each decision was made on, and at which of its versions: reserveApproval
// books only a decision made on the state it books into, as that state is now.

import type { PortfolioState } from './facts/portfolioState.js';
import type { InvoiceInput } from './inputs/invoice.js';
import type { FactoringDecision } from './outputs/decision.js';

/** The fields of the invoice a reservation books by, copied when it was decided. */
const BOOKED_FIELDS = [
  'supplierQuid',
  'buyerQuid',
  'invoiceNumber',
  'poReference',
  'issuedAt',
  'dueAt',
] as const satisfies readonly (keyof InvoiceInput)[];

type DecidedFields = { readonly [K in (typeof BOOKED_FIELDS)[number]]: InvoiceInput[K] };

/** How many approvals each state has booked (a decision made before the last one is stale). */
const versions = new WeakMap<PortfolioState, number>();
const madeOn = new WeakMap<
  FactoringDecision,
  { readonly state: PortfolioState; readonly version: number; readonly invoice: DecidedFields }
>();

/**
 * Notes that `decision` was made on `state` as it is now, for `invoice` as it is now (its fields
 * are copied: an invoice object edited in place afterwards is another invoice).
 *
 * @example
 * ```ts
 * noteDecidedOn(decision, state, invoice);
 * ```
 */
export function noteDecidedOn(
  decision: FactoringDecision,
  state: PortfolioState,
  invoice: InvoiceInput,
): void {
  const fields: DecidedFields = {
    supplierQuid: invoice.supplierQuid,
    buyerQuid: invoice.buyerQuid,
    invoiceNumber: invoice.invoiceNumber,
    poReference: invoice.poReference,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
  };
  madeOn.set(decision, { state, version: versions.get(state) ?? 0, invoice: fields });
}

/**
 * Where `invoice` differs from the invoice `decision` was made for (parties, number, PO, dates;
 * the face and currency are checked against the offer): reserving it would book one invoice's
 * approval against another's buyer, supplier or fingerprint. Empty for a decision not noted here.
 *
 * @example
 * ```ts
 * const issues = invoiceChangesSince(decision, invoice); // [{ path: 'invoice.buyerQuid', ... }]
 * ```
 */
export function invoiceChangesSince(
  decision: FactoringDecision,
  invoice: InvoiceInput,
): { path: string; message: string }[] {
  const decided = madeOn.get(decision)?.invoice;
  const issues: { path: string; message: string }[] = [];
  if (decided === undefined) return issues;
  for (const k of BOOKED_FIELDS) {
    if (decided[k] !== invoice[k]) {
      issues.push({
        path: `invoice.${k}`,
        message: `the decision was made for ${k} ${JSON.stringify(decided[k])}, the invoice says ${JSON.stringify(invoice[k])}: decide the invoice as it is now`,
      });
    }
  }
  return issues;
}

/**
 * True when `decision` was made on `state` and nothing was booked in it since (the same object:
 * a decision rebuilt from JSON, or edited, is not).
 *
 * @example
 * ```ts
 * if (!isDecidedOn(decision, state)) return false; // decide it again on this state
 * ```
 */
export function isDecidedOn(decision: FactoringDecision, state: PortfolioState): boolean {
  const made = madeOn.get(decision);
  return made !== undefined && made.state === state && made.version === (versions.get(state) ?? 0);
}

/**
 * Counts one more approval booked in `state`: every decision made on it before is stale.
 *
 * @example
 * ```ts
 * bookedIn(state);
 * ```
 */
export function bookedIn(state: PortfolioState): void {
  versions.set(state, (versions.get(state) ?? 0) + 1);
}
