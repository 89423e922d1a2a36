import type { OpenInvoice } from '../model/OpenInvoice.js';
import { confidenceOf, type Evidence } from './Evidence.js';
import type { LineContext } from './LineContext.js';
import type { PlannedAllocation, PlannedProposal } from './PlannedProposal.js';

/**
 * Open amount with its sign: credit notes count against the group.
 *
 * @example
 * ```ts
 * const net = items.reduce((s, i) => s + signedOpen(invoices[i], open.get(i)), 0);
 * ```
 */
export function signedOpen(inv: OpenInvoice | undefined, o: number): number {
  return inv?.kind === 'credit-note' ? -o : o;
}

/**
 * The weakest of a group's evidence: a group is only as well referenced as its weakest member.
 *
 * @example
 * ```ts
 * const ev = minWeight(items.map((i) => refHits.get(i)!));
 * ```
 */
export function minWeight(list: Evidence[]): Evidence {
  return list.reduce((m, e) => (e.weight < m.weight ? e : m));
}

/**
 * Plans a group of items (invoices and credit notes) against one payment.
 *
 * @example
 * ```ts
 * const p = groupProposal(items, ev, ctx, tx.amountMinor, 0, false);
 * ```
 */
export function groupProposal(
  items: readonly number[],
  ev: Evidence[],
  ctx: LineContext,
  pay: number,
  short: number,
  ambiguous: boolean,
): PlannedProposal {
  const { invoices } = ctx.index;
  const invs = items.filter((i) => invoices[i]?.kind !== 'credit-note');
  const cns = items.filter((i) => invoices[i]?.kind === 'credit-note');
  let credit = cns.reduce((s, i) => s + ctx.open.get(i), 0);
  const plan: PlannedAllocation[] = [];
  let cashLeft = pay;
  // Largest invoice absorbs the write-off, then credits; the rest is cash.
  const ordered = [...invs].sort((a, b) => ctx.open.get(b) - ctx.open.get(a) || a - b);
  ordered.forEach((i, k) => {
    const o = ctx.open.get(i);
    const writeOff = k === 0 ? short : 0;
    const c = Math.min(credit, o - writeOff);
    credit -= c;
    const cash = o - writeOff - c;
    cashLeft -= cash;
    plan.push({
      item: i,
      kind: 'full',
      cashMinor: cash,
      paymentCashMinor: cash,
      creditMinor: c,
      writeOffMinor: writeOff,
      ...(writeOff > 0 ? { writeOffReason: 'BANK_FEE' as const } : {}),
      fxDifferenceMinor: 0,
    });
  });
  for (const i of cns)
    plan.push({
      item: i,
      kind: 'credit-note',
      cashMinor: 0,
      paymentCashMinor: 0,
      creditMinor: ctx.open.get(i),
      writeOffMinor: 0,
      fxDifferenceMinor: 0,
    });
  plan.sort((a, b) => a.item - b.item);
  return {
    items: [...items].sort((a, b) => a - b),
    evidence: ev,
    confidence: confidenceOf(ev),
    plan,
    unappliedMinor: Math.max(0, cashLeft),
    ambiguousGroup: ambiguous,
  };
}
