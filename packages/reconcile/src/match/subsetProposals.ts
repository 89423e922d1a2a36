import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { type Evidence, evidence } from './Evidence.js';
import { findExactSubsets } from './findExactSubsets.js';
import { groupProposal, minWeight, signedOpen } from './groupProposal.js';
import type { LineContext } from './LineContext.js';
import type { PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

/**
 * Group proposals from exact subsets of one payer's open items (referenced items first) that sum
 * to the payment; several solutions, or a search cut short, mark them all ambiguous.
 *
 * @example
 * ```ts
 * proposals.push(...subsetProposals(tx, payerId, ctx, refHits, payerEvidence, payerIds, notes));
 * ```
 */
export function subsetProposals(
  tx: BankTransaction,
  payerId: string,
  ctx: LineContext,
  refHits: ReadonlyMap<number, Evidence>,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
  notes: string[],
): PlannedProposal[] {
  const info = ctx.index.payers.get(payerId);
  if (info === undefined) return [];
  const { invoices } = ctx.index;
  const pool: number[] = [];
  for (const i of info.items)
    if (refHits.has(i) && ctx.open.get(i) > 0 && invoices[i]?.currency === tx.currency) pool.push(i);
  for (
    let k = 0;
    k < info.items.length && pool.length < ctx.options.maxSubsetItems && k < 4 * ctx.options.maxSubsetItems;
    k++
  ) {
    const i = info.items[k] ?? 0;
    if (!refHits.has(i) && ctx.open.get(i) > 0 && invoices[i]?.currency === tx.currency) pool.push(i);
  }
  if (pool.length < 2) return [];
  const amounts = pool.map((i) => signedOpen(invoices[i], ctx.open.get(i)));
  const result = findExactSubsets(amounts, tx.amountMinor, {
    minSize: 2,
    maxSize: ctx.options.maxGroupSize,
    maxSolutions: 20,
    maxSteps: ctx.options.maxSubsetSteps,
  });
  if (!result.complete) notes.push('subset search stopped at its step limit; abstaining on groups');
  if (result.found === 0) return [];
  if (result.found > 1)
    notes.push(`${result.found} different groups of open items sum to the payment; abstaining`);
  const ambiguous = result.found > 1 || !result.complete;
  const first = invoices[pool[0] ?? 0] as OpenInvoice;
  return result.solutions.map((sol) => {
    const items = sol.map((k) => pool[k] ?? 0);
    const ev: Evidence[] = [
      evidence(
        'group',
        ambiguous ? 'SUBSET_SUM_AMBIGUOUS' : 'SUBSET_SUM_UNIQUE',
        'amountMinor',
        `${items.length} open items sum exactly to ${tx.amountMinor} (${result.found} solution(s))`,
      ),
      evidence('amount', 'AMOUNT_EXACT', 'amountMinor', 'group sum'),
      ...payerEvidenceFor(first, payerEvidence, payerIds),
    ];
    const refs = items.map((i) => refHits.get(i)).filter((e): e is Evidence => e !== undefined);
    if (refs.length === items.length)
      ev.push(
        minWeight(refs),
        evidence('group', 'GROUP_ALL_REFERENCED', 'remittanceText', 'every item referenced'),
      );
    return groupProposal(items, ev, ctx, tx.amountMinor, 0, ambiguous);
  });
}
