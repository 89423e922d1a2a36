import type { BankTransaction } from '../model/BankTransaction.js';
import type { Evidence } from './Evidence.js';
import { postings } from './InvoiceIndex.js';
import type { LineContext } from './LineContext.js';

const SCAN_LIMIT = 64;

/**
 * Candidate open items for one line: referenced items, the identified payers' open items (or,
 * for payers with many, those in the payment's amount window) and items with a matching amount.
 *
 * @example
 * ```ts
 * const candidates = gatherCandidates(tx, ctx, refHits, payerIds, notes);
 * ```
 */
export function gatherCandidates(
  tx: BankTransaction,
  ctx: LineContext,
  refHits: ReadonlyMap<number, Evidence>,
  payerIds: readonly string[],
  notes: string[],
): Set<number> {
  const { index, open, options } = ctx;
  const candidates = new Set<number>(refHits.keys());
  const pay = tx.amountMinor;
  for (const payerId of payerIds) {
    const info = index.payers.get(payerId);
    if (info === undefined) continue;
    if (info.items.length <= SCAN_LIMIT) {
      for (const i of info.items) if (open.get(i) > 0) candidates.add(i);
    } else {
      const lo = pay - Math.max(options.feeToleranceMinor, 0);
      const hi = Math.ceil((pay * 10000) / 9000) + options.feeToleranceMinor + (tx.chargesMinor ?? 0);
      let l = 0;
      let h = info.amounts.length;
      while (l < h) {
        const m = (l + h) >>> 1;
        if ((info.amounts[m] ?? 0) < lo) l = m + 1;
        else h = m;
      }
      for (let k = l; k < info.amounts.length && (info.amounts[k] ?? 0) <= hi && k < l + SCAN_LIMIT; k++) {
        const i = info.items[info.byAmount[k] ?? 0];
        if (i !== undefined) candidates.add(i);
      }
    }
  }
  const amountKeys: [string, number][] = [[tx.currency, pay]];
  if (tx.chargesMinor) amountKeys.push([tx.currency, pay + tx.chargesMinor]);
  if (tx.instructedAmount) amountKeys.push([tx.instructedAmount.currency, tx.instructedAmount.amountMinor]);
  for (const [ccy, amount] of amountKeys) {
    const list = postings(index.byAmount.get(ccy)?.get(amount));
    if (list.length > options.maxAmountCandidates)
      notes.push(`amount ${amount} ${ccy} is shared by ${list.length} open items; amount alone not used`);
    else for (const i of list) candidates.add(i);
  }
  return candidates;
}
