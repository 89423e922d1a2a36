// Records an approval one decides to fund in a running PortfolioState, so the next decision sees it.

import { bookedIn, changedSinceDecided, isDecidedOn } from './decidedOn.js';
import { FactoringInputError } from './errors/FactoringInputError.js';
import { invoiceRecord } from './facts/invoiceRecord.js';
import type { PortfolioState } from './facts/portfolioState.js';
import type { InvoiceInput } from './inputs/invoice.js';
import { type InvoiceFingerprintRecord, invoiceFingerprints } from './math/fingerprint.js';
import type { FactoringDecision, LimitUse, Offer } from './outputs/decision.js';
import { isSuperseded } from './outputs/superseded.js';

/** The invoice ids reserved in each state (a state is never given an id twice). */
const reservedIn = new WeakMap<PortfolioState, Set<string>>();

/** The currency first booked in a state that states none: its exposures are then in it. */
const bookedCurrency = new WeakMap<PortfolioState, string>();

/** True when the exposures the decision was judged against are no longer the state's. */
function isStale(state: PortfolioState, invoice: InvoiceInput, limits: LimitUse | null): boolean {
  return (
    limits !== null &&
    (limits.buyer.beforeMinor !== state.buyerExposure(invoice.buyerQuid) ||
      limits.supplier.beforeMinor !== state.supplierExposure(invoice.supplierQuid) ||
      limits.facility.beforeMinor !== state.totalExposure())
  );
}

/**
 * True when `advance` fits every limit the state holds (the buyer's falls back to the one the
 * decision was priced within, such as the policy default): a decision that read no limits at all
 * (the proof of concept's blend) is held to them here.
 */
function fitsLimits(
  state: PortfolioState,
  invoice: InvoiceInput,
  limits: LimitUse | null,
  advance: number,
): boolean {
  const fits = (limit: number | null | undefined, exposure: number): boolean =>
    limit === null || limit === undefined || exposure + advance <= limit;
  const buyer = invoice.buyerQuid;
  const group = state.groupOf(buyer);
  return (
    fits(state.buyerLimit(buyer) ?? limits?.buyer.limitMinor, state.buyerExposure(buyer)) &&
    fits(state.supplierLimit(invoice.supplierQuid), state.supplierExposure(invoice.supplierQuid)) &&
    fits(state.facilityLimit(), state.totalExposure()) &&
    (group === undefined || fits(state.groupLimit?.(group), state.groupExposure(group)))
  );
}

/**
 * The issues when `offer` was made for another version of `invoice` (amended or re-denominated),
 * or its advance is not one the engine makes (a whole amount from 1 to the eligible amount): a
 * negative advance would lower the exposures, a NaN one would disable every limit after it.
 */
function offerIssues(
  offer: Offer,
  limits: LimitUse | null,
  invoice: InvoiceInput,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const a = offer.advanceMinor;
  if (!(Number.isSafeInteger(a) && a > 0 && a <= offer.eligibleMinor && a <= offer.faceMinor)) {
    issues.push({
      path: 'decision.offer.advanceMinor',
      message: `must be a whole amount of minor units from 1 to the eligible amount ${offer.eligibleMinor} (got ${String(a)})`,
    });
  } else if (a > offer.purchasePriceMinor) {
    // The engine never advances more than it pays for the invoice: an offer edited upward.
    issues.push({
      path: 'decision.offer.advanceMinor',
      message: `${a} is more than the purchase price ${offer.purchasePriceMinor} the decision priced: not an advance the engine made`,
    });
  } else if (limits !== null && limits.buyer.afterMinor - limits.buyer.beforeMinor !== a) {
    // The limits the decision shows moved by the advance it made; a changed advance did not.
    issues.push({
      path: 'decision.limits',
      message: `the buyer limit moved by ${limits.buyer.afterMinor - limits.buyer.beforeMinor}, the offer advances ${a}: the decision was edited after it was made`,
    });
  }
  if (offer.faceMinor !== invoice.amountMinor) {
    issues.push({
      path: 'decision.offer.faceMinor',
      message: `the decision priced a face of ${offer.faceMinor}, the invoice is for ${invoice.amountMinor}: decide the invoice as it is now`,
    });
  }
  if (offer.currency !== invoice.currency) {
    issues.push({
      path: 'decision.offer.currency',
      message: `the decision priced ${offer.currency}, the invoice is in ${JSON.stringify(invoice.currency)}: decide the invoice as it is now`,
    });
  }
  return issues;
}

/** True when `r` describes `invoice` as it is now (the same id, number, parties, amount, currency, date, PO). */
function isRecordOf(r: InvoiceFingerprintRecord, invoice: InvoiceInput): boolean {
  return (
    r.invoiceId === invoice.invoiceId &&
    r.invoiceNumber === (invoice.invoiceNumber ?? '') &&
    r.supplierQuid === invoice.supplierQuid &&
    r.buyerQuid === invoice.buyerQuid &&
    r.amountMinor === invoice.amountMinor &&
    r.issuedAt === invoice.issuedAt &&
    r.currency === invoice.currency &&
    r.poReference === invoice.poReference
  );
}

/**
 * Reserves an approved decision in `state`: its advance against the buyer, supplier, group and
 * facility limits, its face in the supplier's ledger, the invoice in the duplicate index and its
 * fingerprint as financed. `evaluateInvoice` and `decide` only read a {@link PortfolioState}, so
 * a loop that decides invoices one by one must call this for each approval it acts on (before
 * the next decision), or the next invoice is decided against limits that do not count it and the
 * same receivable can be bought again; `evaluateBatch` does this itself. Returns false, and
 * changes nothing (do not fund it), for a decision that is not an approval with an offer, for an
 * invoice already reserved in this state (a retry, or a copy already financed), for a decision
 * not made by `evaluateInvoice` or `decide` on this very state as it is now (made on another
 * state or a plain portfolio, before another approval was reserved here, or rebuilt from
 * storage: decide it again on the state, or an approval `applyRecentKeyEvents` or
 * `applyLedgerFindings` has since held), and, as a second line, for a decision made on another book (another
 * currency than `portfolio.currency`, or than the first approval booked in a state that states
 * none, other limits, or an advance past a buyer, supplier, facility or group limit of this
 * state, as a proof-of-concept decision that read no limits can be). Throws
 * {@link FactoringInputError} (`INVALID_INPUT`) when the decision was made for another invoice, or
 * for another version of it (another face or currency, or, edited in place or copied since the
 * decision, other parties, number, issue or due date, or PO), its outcome or offer (advance,
 * reserve, fee, price, face, currency) was edited after the engine made it (an offer added to a
 * decision made without one included), or its advance is not a whole amount from 1 to its
 * eligible amount.
 *
 * @example
 * ```ts
 * const state = createPortfolioState(portfolio);
 * for (const { invoice, events } of book) {
 *   const decision = evaluateInvoice({ invoice, events, trust, policy, asOf, portfolio: state });
 *   // false: do not fund it (decide it again on the state, or leave it)
 *   if (decision.outcome === 'approve' && reserveApproval(state, invoice, decision)) wire(decision);
 * }
 * ```
 */
export function reserveApproval(
  state: PortfolioState,
  invoice: InvoiceInput,
  decision: FactoringDecision,
): boolean {
  if (decision.invoiceId !== invoice.invoiceId) {
    throw new FactoringInputError('INVALID_INPUT', [
      {
        path: 'decision.invoiceId',
        message: `the decision is for ${JSON.stringify(decision.invoiceId)}, not for invoice ${JSON.stringify(invoice.invoiceId)}`,
      },
    ]);
  }
  const offer = decision.offer;
  if (decision.outcome !== 'approve' || offer === null) return false;
  // Booked against another buyer (or supplier, number, PO) than it was judged for, the decided
  // buyer's limit would not count the advance and the receivable would not be marked financed.
  const issues = [...offerIssues(offer, decision.limits, invoice), ...changedSinceDecided(decision, invoice)];
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
  // Made on another state (another book with other limits, ledgers or known invoices, or this one
  // before another approval was booked), or rebuilt from storage: decide it again.
  if (!isDecidedOn(decision, state) || isSuperseded(decision)) return false;
  // A book that states no currency is in the first one booked (a batch refuses a mix outright);
  // a decision that read no limits (the proof of concept's blend) is held to the state's here.
  const currency = state.currency ?? bookedCurrency.get(state);
  if (currency !== undefined && offer.currency !== currency) return false;
  if (!fitsLimits(state, invoice, decision.limits, offer.advanceMinor)) return false;
  // Once per invoice and state: a retry, or the same decision reserved twice, must not book (and
  // be bought) twice.
  let reserved = reservedIn.get(state);
  if (reserved === undefined) {
    reserved = new Set();
    reservedIn.set(state, reserved);
  }
  const numbered = invoice.invoiceNumber !== undefined && invoice.invoiceNumber !== '';
  // Both forms of the number (INV-2026-0100 and INV-20260100 are one receivable).
  const fps = numbered ? invoiceFingerprints(invoice as InvoiceInput & { invoiceNumber: string }) : [];
  if (reserved.has(invoice.invoiceId) || fps.some((fp) => state.isFinanced(fp))) return false;
  // A decision made before other approvals were reserved was judged against exposures that have
  // moved (its group limit and facility shares too, which the decision does not carry): refused,
  // decide it again. Unmoved, the limits it was priced within still hold.
  if (isStale(state, invoice, decision.limits)) return false;
  reserved.add(invoice.invoiceId);
  if (currency === undefined) bookedCurrency.set(state, offer.currency);
  state.fund(invoice.supplierQuid, invoice.buyerQuid, offer.advanceMinor, invoice.amountMinor);
  bookedIn(state);
  for (const fp of fps) state.markFinanced(fp);
  // The record the duplicate check used carries the stream's shipping documents: a later invoice
  // reusing its bill of lading is then caught, as in a batch.
  const checked = state.duplicates.queried?.(invoice.invoiceId);
  state.duplicates.add(
    checked !== undefined && isRecordOf(checked, invoice) ? checked : invoiceRecord(invoice),
  );
  return true;
}
