// Which running book each decision was made on, and at which of its versions: reserveApproval
// books only a decision made on the state it books into, as that state is now.

import type { PortfolioState } from './facts/portfolioState.js';
import type { InvoiceInput } from './inputs/invoice.js';
import type { FactoringDecision, Offer } from './outputs/decision.js';

/**
 * The fields of the invoice a decision was made for that reserving it reads (parties, number,
 * dates, PO): copied, since the caller's invoice object may be edited after the decision.
 */
const DECIDED_FIELDS = [
  'supplierQuid',
  'buyerQuid',
  'invoiceNumber',
  'issuedAt',
  'dueAt',
  'poReference',
] as const;
type DecidedInvoice = { readonly [F in (typeof DECIDED_FIELDS)[number]]: InvoiceInput[F] | undefined };

/**
 * The figures of the offer a decision made that reserving it books or checks it by: copied, since
 * the decision object is the caller's and an advance raised in it must not be booked.
 */
const OFFER_FIELDS = [
  'currency',
  'faceMinor',
  'eligibleMinor',
  'advanceMinor',
  'reserveMinor',
  'feeMinor',
  'purchasePriceMinor',
] as const;
type DecidedOffer = { readonly [F in (typeof OFFER_FIELDS)[number]]: Offer[F] };

interface Made {
  readonly state: PortfolioState;
  readonly version: number;
  readonly invoice: DecidedInvoice;
  readonly offer: DecidedOffer | null;
  readonly outcome: FactoringDecision['outcome'];
}

/** How many approvals each state has booked (a decision made before the last one is stale). */
const versions = new WeakMap<PortfolioState, number>();
const madeOn = new WeakMap<FactoringDecision, Made>();

/**
 * Notes that `decision` was made for `invoice` (as it is now) on `state` as it is now.
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
  const decided: DecidedInvoice = {
    supplierQuid: invoice.supplierQuid,
    buyerQuid: invoice.buyerQuid,
    invoiceNumber: invoice.invoiceNumber,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    poReference: invoice.poReference,
  };
  const o = decision.offer;
  const offer: DecidedOffer | null =
    o === null
      ? null
      : {
          currency: o.currency,
          faceMinor: o.faceMinor,
          eligibleMinor: o.eligibleMinor,
          advanceMinor: o.advanceMinor,
          reserveMinor: o.reserveMinor,
          feeMinor: o.feeMinor,
          purchasePriceMinor: o.purchasePriceMinor,
        };
  madeOn.set(decision, {
    state,
    version: versions.get(state) ?? 0,
    invoice: decided,
    offer,
    outcome: decision.outcome,
  });
}

/**
 * Where `invoice` differs from the invoice `decision` was made for (none when the decision was
 * not noted): its parties, number, dates or PO changed since, in place or in a copy, or the
 * decision's offer figures (advance, fee, price, face, currency) were edited since it was made.
 *
 * @example
 * ```ts
 * changedSinceDecided(decision, invoice); // [{ path: 'invoice.buyerQuid', message: '...' }]
 * ```
 */
export function changedSinceDecided(
  decision: FactoringDecision,
  invoice: InvoiceInput,
): { path: string; message: string }[] {
  const made = madeOn.get(decision);
  if (made === undefined) return [];
  const issues: { path: string; message: string }[] = [];
  for (const f of DECIDED_FIELDS) {
    const was = made.invoice[f];
    const now = invoice[f];
    if (was !== now) {
      issues.push({
        path: `invoice.${f}`,
        message: `the decision was made for ${f} ${JSON.stringify(was) ?? 'undefined'}, the invoice now has ${JSON.stringify(now) ?? 'undefined'}: decide the invoice as it is now`,
      });
    }
  }
  // The outcome and offer as the engine made them: a review (or an advance, fee or price) edited
  // since into something the engine did not decide is not booked.
  if (decision.outcome !== made.outcome) {
    issues.push({
      path: 'decision.outcome',
      message: `the engine decided ${JSON.stringify(made.outcome)}, the decision now says ${JSON.stringify(decision.outcome)}: an outcome edited after it was made is not booked`,
    });
  }
  const offer = decision.offer;
  if (made.offer === null && offer !== null) {
    issues.push({
      path: 'decision.offer',
      message:
        'the engine made no offer, the decision now carries one: an offer added after it was made is not booked',
    });
  } else if (made.offer !== null && offer !== null) {
    for (const f of OFFER_FIELDS) {
      const was = made.offer[f];
      const now = offer[f];
      if (was !== now) {
        issues.push({
          path: `decision.offer.${f}`,
          message: `the decision offered ${f} ${JSON.stringify(was)}, the offer now says ${JSON.stringify(now) ?? 'undefined'}: an offer edited after it was made is not booked`,
        });
      }
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
