// How often a learned account or alias was confirmed for a payer in one currency.
import type { PayerMemory } from '../model/PayerMemory.js';

/**
 * Confirmations of a learned account or alias (normalised, as the memory keeps it) for `payerId`
 * in `currency`; 0 for memories written before the counts were kept.
 *
 * @example
 * ```ts
 * learnedConfirmations(memory, 'buyer-acme', 'account', 'GB33BUKB20201555555555', 'EUR'); // 3
 * ```
 */
export function learnedConfirmations(
  memory: PayerMemory,
  payerId: string,
  kind: 'account' | 'alias',
  key: string,
  currency: string,
): number {
  const entry = memory.payers[payerId];
  const counts = kind === 'account' ? entry?.accountConfirmations : entry?.aliasConfirmations;
  return counts?.[key]?.[currency] ?? 0;
}
