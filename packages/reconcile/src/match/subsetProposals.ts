import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { confidenceOf, type Evidence, evidence } from './Evidence.js';
import { findExactSubsets } from './findExactSubsets.js';
import { groupProposal, minWeight, signedOpen } from './groupProposal.js';
import type { LineContext } from './LineContext.js';
import type { PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

/**
 * Group proposals from exact subsets of one payer's open items that sum to the payment (or to
 * the payment plus reported charges). Uniqueness is proven over ALL the payer's open items in the
 * payment currency: a payer with more than `maxSubsetItems` gets none. Subsets padded with a
 * zero-sum part (an invoice and a credit note of equal open amount) are discarded; several
 * solutions, or a search cut short, mark them all ambiguous; a subset that leaves out an item the
 * text names, or a text that names an already-settled item, is never applied automatically.
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
  const pool = info.items.filter((i) => ctx.open.get(i) > 0 && invoices[i]?.currency === tx.currency);
  if (pool.length < 2) return [];
  if (pool.length > ctx.options.maxSubsetItems) {
    notes.push(
      `payer has ${pool.length} open items; a group cannot be proven unique over all of them, so none is proposed`,
    );
    return [];
  }
  const amounts = pool.map((i) => signedOpen(invoices[i], ctx.open.get(i)));
  const targets: [number, number][] = [[tx.amountMinor, 0]];
  if (tx.chargesMinor) targets.push([tx.amountMinor + tx.chargesMinor, tx.chargesMinor]);
  const found: { sol: readonly number[]; short: number }[] = [];
  let complete = true;
  let truncated = false;
  for (const [target, short] of targets) {
    const result = findExactSubsets(amounts, target, {
      minSize: 2,
      maxSize: ctx.options.maxGroupSize,
      maxSolutions: 20,
      maxSteps: ctx.options.maxSubsetSteps,
    });
    complete &&= result.complete;
    if (result.found > result.solutions.length) truncated = true;
    for (const sol of result.solutions) if (!padded(sol, amounts)) found.push({ sol, short });
  }
  if (!complete) notes.push('subset search stopped at its step limit; abstaining on groups');
  if (found.length === 0) return [];
  const ambiguous = found.length > 1 || !complete || truncated;
  if (found.length > 1)
    notes.push(`${found.length} different groups of open items sum to the payment; abstaining`);
  // What the text names decides: a group that leaves out a named open item, or a text naming an
  // item already settled, is about something else.
  const named = [...refHits.keys()].filter((i) => invoices[i]?.payerId === payerId);
  const namesSettled = named.some((i) => ctx.open.get(i) <= 0);
  const namedOpen = named.filter((i) => ctx.open.get(i) > 0);
  const first = invoices[pool[0] ?? 0] as OpenInvoice;
  return found.map(({ sol, short }) => {
    const items = sol.map((k) => pool[k] ?? 0);
    const ev: Evidence[] = [
      evidence(
        'group',
        ambiguous ? 'SUBSET_SUM_AMBIGUOUS' : 'SUBSET_SUM_UNIQUE',
        'amountMinor',
        `${items.length} open items sum exactly to ${tx.amountMinor}${short ? ` plus charges ${short}` : ''} (${found.length} solution(s) over all ${pool.length} open items)`,
      ),
      evidence(
        'amount',
        short ? 'BANK_CHARGES' : 'AMOUNT_EXACT',
        short ? 'chargesMinor' : 'amountMinor',
        'group sum',
      ),
      ...payerEvidenceFor(first, payerEvidence, payerIds),
    ];
    const refs = items.map((i) => refHits.get(i)).filter((e): e is Evidence => e !== undefined);
    if (refs.length === items.length)
      ev.push(
        minWeight(refs),
        evidence('group', 'GROUP_ALL_REFERENCED', 'remittanceText', 'every item referenced'),
      );
    const p = groupProposal(items, ev, ctx, tx.amountMinor, short, ambiguous);
    const conflicts = namesSettled || namedOpen.some((i) => !items.includes(i));
    if (!conflicts) return p;
    const doubt = [
      ...p.evidence,
      evidence(
        'group',
        'OTHER_ITEMS_NAMED',
        'remittanceText',
        'the text names items outside the group, or settled ones',
      ),
    ];
    return {
      ...p,
      evidence: doubt,
      confidence: confidenceOf(doubt),
      blocked: 'TEXT_NAMES_OTHER_ITEMS' as const,
    };
  });
}

/** True when some proper, non-empty part of the group sums to zero (it pads a smaller answer). */
function padded(sol: readonly number[], amounts: readonly number[]): boolean {
  const n = sol.length;
  for (let mask = 1; mask < (1 << n) - 1; mask++) {
    let sum = 0;
    for (let b = 0; b < n; b++) if (mask & (1 << b)) sum += amounts[sol[b] ?? 0] ?? 0;
    if (sum === 0) return true;
  }
  return false;
}
