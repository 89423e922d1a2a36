import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { type AmountFit, amountFit, canFitUnreferenced, refStrength } from './amountFit.js';
import { dateEvidence } from './dateEvidence.js';
import { confidenceOf, type Evidence, evidence } from './Evidence.js';
import { postings } from './InvoiceIndex.js';
import type { LineContext } from './LineContext.js';
import type { PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

/**
 * Scores one proposal per candidate that the payment fits. Part- and over-payments are only
 * proposed for referenced items.
 *
 * @example
 * ```ts
 * const proposals = singleProposals(tx, ctx, candidates, refHits, payerEvidence, payerIds, notes);
 * ```
 */
export function singleProposals(
  tx: BankTransaction,
  ctx: LineContext,
  candidates: ReadonlySet<number>,
  refHits: ReadonlyMap<number, Evidence>,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
  notes: string[],
): PlannedProposal[] {
  const { index, open, options } = ctx;
  const invoices = index.invoices;
  const pay = tx.amountMinor;
  const proposals: PlannedProposal[] = [];
  const payerAmountCount = new Map<string, number>();
  const fits = new Map<number, AmountFit>();
  for (const i of candidates.size > 1 ? [...candidates].sort((a, b) => a - b) : candidates) {
    const inv = invoices[i];
    const o = open.get(i);
    if (inv === undefined || inv.kind === 'credit-note') continue;
    if (o <= 0) {
      if (refHits.has(i)) notes.push(`invoice ${inv.invoiceNumber} is already settled`);
      continue;
    }
    if (!refHits.has(i) && !canFitUnreferenced(tx, inv, o, options)) continue;
    const fit = amountFit(tx, inv, o, options, refStrength(refHits.get(i)));
    if (fit === undefined) continue;
    fits.set(i, fit);
    if (!refHits.has(i) && (fit.kind === 'partial' || fit.kind === 'over')) continue;
    if (fit.kind !== 'partial' && fit.kind !== 'over')
      payerAmountCount.set(inv.payerId, (payerAmountCount.get(inv.payerId) ?? 0) + 1);
  }
  for (const [i, fit] of fits) {
    const inv = invoices[i] as OpenInvoice;
    const ref = refHits.get(i);
    if (ref === undefined && (fit.kind === 'partial' || fit.kind === 'over')) continue;
    const ev: Evidence[] = [];
    if (ref) ev.push(ref);
    ev.push(...payerEvidenceFor(inv, payerEvidence, payerIds));
    ev.push(...fit.evidence);
    if (
      fit.kind === 'exact' &&
      ref === undefined &&
      postings(index.byAmount.get(tx.currency)?.get(pay)).length === 1
    ) {
      ev.push(
        evidence('amount', 'AMOUNT_UNIQUE_OVERALL', 'amountMinor', 'the only open item with this amount'),
      );
    }
    if (
      fit.kind !== 'partial' &&
      fit.kind !== 'over' &&
      ref === undefined &&
      payerEvidence.has(inv.payerId)
    ) {
      const n = payerAmountCount.get(inv.payerId) ?? 0;
      ev.push(
        evidence(
          'amount',
          n === 1 ? 'AMOUNT_UNIQUE_FOR_PAYER' : 'AMOUNT_AMBIGUOUS_FOR_PAYER',
          'amountMinor',
          `${n} open item(s) of this payer fit`,
        ),
      );
    }
    ev.push(...dateEvidence(tx, inv, options));
    const pattern = ctx.memory.payers[inv.payerId]?.referencePatterns;
    if (ref && pattern && (pattern[ref.code] ?? 0) > 0)
      ev.push(
        evidence(
          'memory',
          'USUAL_REFERENCE_PATTERN',
          ref.field,
          `${ref.code} seen ${pattern[ref.code]} time(s)`,
        ),
      );
    proposals.push({
      items: [i],
      evidence: ev,
      confidence: confidenceOf(ev),
      plan: [fit.plan(i)],
      unappliedMinor: fit.unapplied,
      ambiguousGroup: false,
      // A tolerance explains the amount only as a guess unless the line names the item.
      ...(fit.needsReference && ref === undefined ? { blocked: 'TOLERANCE_WITHOUT_REFERENCE' as const } : {}),
    });
  }
  return proposals;
}
