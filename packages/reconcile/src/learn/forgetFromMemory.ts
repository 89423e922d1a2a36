import type { PayerMemory, PayerMemoryEntry } from '../model/PayerMemory.js';
import { normaliseAccount } from '../refs/iban.js';
import { nameKey } from '../text/nameKey.js';

/**
 * Undoes learning: returns a new memory without the given alias, account or reference pattern
 * of one payer (or without the payer at all when nothing more specific is named). Learned state
 * stays inspectable and reversible; the input memory is not changed.
 *
 * @example
 * ```ts
 * memory = forgetFromMemory(memory, 'buyer-acme', { alias: 'Fairchild Holding AG' });
 * ```
 */
export function forgetFromMemory(
  memory: PayerMemory,
  payerId: string,
  what: { readonly alias?: string; readonly account?: string; readonly pattern?: string } = {},
): PayerMemory {
  const prev = memory.payers[payerId];
  if (prev === undefined) return memory;
  const payers: Record<string, PayerMemoryEntry> = { ...memory.payers };
  if (what.alias === undefined && what.account === undefined && what.pattern === undefined) {
    delete payers[payerId];
    return { version: 1, payers };
  }
  const alias = what.alias === undefined ? undefined : nameKey(what.alias);
  const account = what.account === undefined ? undefined : normaliseAccount(what.account);
  payers[payerId] = {
    aliases: prev.aliases.filter((a) => a !== alias),
    accounts: prev.accounts.filter((a) => a !== account),
    referencePatterns: Object.fromEntries(
      Object.entries(prev.referencePatterns).filter(([k]) => k !== what.pattern),
    ),
    confirmations: prev.confirmations,
    ...without(prev.accountConfirmations, account, 'accountConfirmations'),
    ...without(prev.aliasConfirmations, alias, 'aliasConfirmations'),
  };
  return { version: 1, payers };
}

function without<K extends string>(
  counts: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined,
  key: string | undefined,
  field: K,
): Partial<Record<K, Readonly<Record<string, Readonly<Record<string, number>>>>>> {
  if (counts === undefined) return {};
  const kept = Object.fromEntries(Object.entries(counts).filter(([k]) => k !== key));
  return Object.keys(kept).length > 0 ? ({ [field]: kept } as Partial<Record<K, typeof kept>>) : {};
}
