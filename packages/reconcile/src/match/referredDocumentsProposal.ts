// One-to-many payments that say how much goes to each document (camt `RfrdDocInf` with
// `RfrdDocAmt/RmtdAmt`, and `DscntApldAmt`): follow the payer's split instead of guessing one.
import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { referenceKey } from '../text/referenceKey.js';
import { confidenceOf, type Evidence, evidence } from './Evidence.js';
import { postings } from './InvoiceIndex.js';
import type { LineContext } from './LineContext.js';
import type { PlannedAllocation, PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

/**
 * The proposal the line's referred documents spell out, when every document carries a remitted
 * amount, names exactly one open item of one payer in the payment currency, and the remitted
 * amounts add up to the payment (plus reported charges, written off as a bank fee on the largest
 * fully paid item). A stated discount is written off as `EARLY_PAYMENT_DISCOUNT`; a document paid
 * in part stays partly open. `undefined` otherwise.
 *
 * @example
 * ```ts
 * const p = referredDocumentsProposal(tx, ctx, payerEvidence, payerIds);
 * ```
 */
export function referredDocumentsProposal(
  tx: BankTransaction,
  ctx: LineContext,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
): PlannedProposal | undefined {
  const docs = tx.referredDocuments;
  if (docs.length < 2 || docs.some((d) => d.remittedMinor === undefined)) return undefined;
  const { invoices } = ctx.index;
  const plan: PlannedAllocation[] = [];
  let total = 0;
  for (const d of docs) {
    const list = postings(ctx.index.byNumberKey.get(referenceKey(d.number))).filter(
      (i) => ctx.open.get(i) > 0 && invoices[i]?.kind !== 'credit-note',
    );
    if (list.length !== 1) return undefined;
    const i = list[0] ?? 0;
    const o = ctx.open.get(i);
    const remitted = d.remittedMinor ?? 0;
    if (remitted <= 0 || remitted > o) return undefined;
    const discount = Math.min(d.discountMinor ?? 0, o - remitted);
    total += remitted;
    plan.push({
      item: i,
      kind: remitted + discount >= o ? 'full' : 'partial',
      cashMinor: remitted,
      paymentCashMinor: remitted,
      creditMinor: 0,
      writeOffMinor: discount,
      ...(discount > 0 ? { writeOffReason: 'EARLY_PAYMENT_DISCOUNT' as const } : {}),
      fxDifferenceMinor: 0,
    });
  }
  const items = plan.map((a) => a.item);
  if (new Set(items).size !== items.length) return undefined;
  if (new Set(items.map((i) => invoices[i]?.payerId)).size !== 1) return undefined;
  if (items.some((i) => invoices[i]?.currency !== tx.currency)) return undefined;
  const charges = total - tx.amountMinor;
  if (charges < 0 || (charges > 0 && charges !== tx.chargesMinor)) return undefined;
  if (charges > 0) {
    // The bank's charge comes off the largest item paid in full without another write-off.
    let carrier = -1;
    plan.forEach((a, k) => {
      if (a.kind === 'full' && a.writeOffMinor === 0 && a.cashMinor > charges)
        if (carrier < 0 || a.cashMinor > (plan[carrier]?.cashMinor ?? 0)) carrier = k;
    });
    const c = plan[carrier];
    if (c === undefined) return undefined;
    plan[carrier] = {
      ...c,
      cashMinor: c.cashMinor - charges,
      paymentCashMinor: c.paymentCashMinor - charges,
      writeOffMinor: charges,
      writeOffReason: 'BANK_FEE',
    };
  }
  plan.sort((a, b) => a.item - b.item);
  const first = invoices[plan[0]?.item ?? 0] as OpenInvoice;
  const ev: Evidence[] = [
    evidence('reference', 'REFERRED_DOCUMENT', 'referredDocuments', `${docs.length} documents named`),
    evidence(
      'remittance',
      'REMITTED_AMOUNTS',
      'referredDocuments',
      `remitted amounts add up to ${total}${charges ? `, charges ${charges}` : ''}`,
    ),
    ...payerEvidenceFor(first, payerEvidence, payerIds),
  ];
  return {
    items: plan.map((a) => a.item),
    evidence: ev,
    confidence: confidenceOf(ev),
    plan,
    unappliedMinor: 0,
    ambiguousGroup: false,
  };
}
