// Records an approval one decides to fund in a running PortfolioState, so the next decision sees it.

import { FactoringInputError } from './errors/FactoringInputError.js';
import type { PortfolioState } from './facts/portfolioState.js';
import type { InvoiceInput } from './inputs/invoice.js';
import { type InvoiceFingerprintRecord, invoiceFingerprint } from './math/fingerprint.js';
import type { FactoringDecision } from './outputs/decision.js';

/** True when `r` describes `invoice` as it is now (the same id, number, parties, amount, date, PO). */
function isRecordOf(r: InvoiceFingerprintRecord, invoice: InvoiceInput): boolean {
  return (
    r.invoiceId === invoice.invoiceId &&
    r.invoiceNumber === (invoice.invoiceNumber ?? '') &&
    r.supplierQuid === invoice.supplierQuid &&
    r.buyerQuid === invoice.buyerQuid &&
    r.amountMinor === invoice.amountMinor &&
    r.issuedAt === invoice.issuedAt &&
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
 * changes nothing, for a decision that is not an approval with an offer. Throws
 * {@link FactoringInputError} (`INVALID_INPUT`) when the decision was made for another invoice.
 *
 * @example
 * ```ts
 * const state = createPortfolioState(portfolio);
 * for (const { invoice, events } of book) {
 *   const decision = evaluateInvoice({ invoice, events, trust, policy, asOf, portfolio: state });
 *   if (decision.outcome === 'approve') reserveApproval(state, invoice, decision); // then wire it
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
  state.fund(invoice.supplierQuid, invoice.buyerQuid, offer.advanceMinor, invoice.amountMinor);
  const numbered = invoice.invoiceNumber !== undefined && invoice.invoiceNumber !== '';
  if (numbered) state.markFinanced(invoiceFingerprint(invoice as InvoiceInput & { invoiceNumber: string }));
  // The record the duplicate check used carries the stream's shipping documents: a later invoice
  // reusing its bill of lading is then caught, as in a batch.
  const checked = state.duplicates.queried?.(invoice.invoiceId);
  state.duplicates.add(
    checked !== undefined && isRecordOf(checked, invoice)
      ? checked
      : {
          invoiceId: invoice.invoiceId,
          invoiceNumber: invoice.invoiceNumber ?? '',
          supplierQuid: invoice.supplierQuid,
          buyerQuid: invoice.buyerQuid,
          amountMinor: invoice.amountMinor,
          issuedAt: invoice.issuedAt,
          ...(invoice.poReference !== undefined ? { poReference: invoice.poReference } : {}),
        },
  );
  return true;
}
