import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice, RemittanceAdvice } from '../model/OpenInvoice.js';
import { referenceKey } from '../text/referenceKey.js';
import { confidenceOf, type Evidence, evidence } from './Evidence.js';
import { postings } from './InvoiceIndex.js';
import type { LineContext } from './LineContext.js';
import type { PlannedAllocation, PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

/**
 * The remittance advice the line refers to (by end-to-end id, bank or other reference).
 *
 * @example
 * ```ts
 * const advice = findAdvice(tx, ctx.advices);
 * ```
 */
export function findAdvice(
  tx: BankTransaction,
  advices: ReadonlyMap<string, RemittanceAdvice>,
): RemittanceAdvice | undefined {
  if (advices.size === 0) return undefined;
  for (const r of [tx.endToEndId, tx.bankReference, ...tx.otherReferences, ...tx.creditorReferences]) {
    if (!r) continue;
    const a = advices.get(r.trim().toUpperCase());
    if (a) return a;
  }
  return undefined;
}

/**
 * The proposal a remittance advice spells out, or `undefined` unless every line names exactly one
 * open item and the lines add up to the payment.
 *
 * @example
 * ```ts
 * const p = adviceProposal(tx, advice, ctx, payerEvidence, payerIds);
 * ```
 */
export function adviceProposal(
  tx: BankTransaction,
  advice: RemittanceAdvice,
  ctx: LineContext,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
): PlannedProposal | undefined {
  const { invoices } = ctx.index;
  const plan: PlannedAllocation[] = [];
  let total = 0;
  for (const line of advice.lines) {
    const list = postings(ctx.index.byNumberKey.get(referenceKey(line.invoiceNumber))).filter(
      (i) => ctx.open.get(i) > 0,
    );
    if (list.length !== 1) return undefined;
    const i = list[0] ?? 0;
    const o = ctx.open.get(i);
    const cash = Math.min(line.amountMinor, o);
    const deduction = Math.min(line.deductionMinor ?? 0, o - cash);
    total += line.amountMinor;
    plan.push({
      item: i,
      kind: cash + deduction >= o ? 'full' : 'partial',
      cashMinor: cash,
      paymentCashMinor: cash,
      creditMinor: 0,
      writeOffMinor: deduction,
      ...(deduction > 0 ? { writeOffReason: 'REMITTANCE_DEDUCTION' as const } : {}),
      fxDifferenceMinor: 0,
    });
  }
  if (plan.length === 0 || total !== tx.amountMinor || new Set(plan.map((p) => p.item)).size !== plan.length)
    return undefined;
  if (plan.some((p) => invoices[p.item]?.currency !== tx.currency)) return undefined;
  plan.sort((a, b) => a.item - b.item);
  const first = invoices[plan[0]?.item ?? 0] as OpenInvoice;
  const ev = [
    evidence(
      'remittance',
      'REMITTANCE_ADVICE',
      'endToEndId',
      `advice ${advice.adviceId} lists ${plan.length} item(s)`,
    ),
    ...payerEvidenceFor(first, payerEvidence, payerIds),
  ];
  return {
    items: plan.map((p) => p.item),
    evidence: ev,
    confidence: confidenceOf(ev),
    plan,
    unappliedMinor: 0,
    ambiguousGroup: false,
  };
}
