import type { Proposal } from '../match/Proposal.js';
import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import type { PayerMemory, PayerMemoryEntry } from '../model/PayerMemory.js';
import { normaliseAccount } from '../refs/iban.js';
import { nameKey } from '../text/nameKey.js';

type Counts = Map<string, Map<string, number>>;

function countsOf(saved: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined): Counts {
  return new Map(Object.entries(saved ?? {}).map(([k, v]) => [k, new Map(Object.entries(v))]));
}

function bump(counts: Counts, key: string, currency: string): void {
  const per = counts.get(key) ?? new Map<string, number>();
  per.set(currency, (per.get(currency) ?? 0) + 1);
  counts.set(key, per);
}

function sortedCounts(counts: Counts): Record<string, Record<string, number>> {
  const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
  return Object.fromEntries(
    [...counts].sort(byKey).map(([k, per]) => [k, Object.fromEntries([...per].sort(byKey))]),
  );
}

/**
 * Returns a new memory that has learned from a person confirming that `transaction` pays
 * `invoices` (e.g. after accepting a suggestion): the sender's name and account become aliases
 * of the invoices' payer, and the way the reference was written (taken from the confirmed
 * proposal's evidence) is counted as one of the payer's usual patterns. Accounts and aliases are
 * counted per payment currency: they weigh like master data only after several confirmations in
 * the line's currency, and alone (with no reference) they never auto-apply. Future lines with the
 * same alias or pattern score higher. The input memory is not changed.
 *
 * @example
 * ```ts
 * const line = result.lines[0]!;
 * memory = learnFromConfirmation(memory, { transaction: tx, invoices: [inv], proposal: line.suggestions[0] });
 * ```
 */
export function learnFromConfirmation(
  memory: PayerMemory,
  confirmation: {
    readonly transaction: BankTransaction;
    readonly invoices: readonly OpenInvoice[];
    readonly proposal?: Proposal;
  },
): PayerMemory {
  const first = confirmation.invoices[0];
  if (first === undefined) return memory;
  const payerId = first.payerId;
  const own = first.payerName ? nameKey(first.payerName) : '';
  const prev: PayerMemoryEntry = memory.payers[payerId] ?? {
    aliases: [],
    accounts: [],
    referencePatterns: {},
    confirmations: 0,
  };
  const tx = confirmation.transaction;
  const aliases = new Set(prev.aliases);
  const aliasCounts = countsOf(prev.aliasConfirmations);
  for (const k of new Set([tx.counterpartyName, tx.ultimateDebtorName].map((n) => (n ? nameKey(n) : '')))) {
    if (k === '' || k === own) continue;
    aliases.add(k);
    bump(aliasCounts, k, tx.currency);
  }
  const accounts = new Set(prev.accounts);
  const accountCounts = countsOf(prev.accountConfirmations);
  const ownAccounts = new Set((first.payerAccounts ?? []).map(normaliseAccount));
  if (tx.counterpartyAccount) {
    const a = normaliseAccount(tx.counterpartyAccount);
    if (!ownAccounts.has(a)) {
      accounts.add(a);
      bump(accountCounts, a, tx.currency);
    }
  }
  const patterns: Record<string, number> = { ...prev.referencePatterns };
  for (const e of confirmation.proposal?.evidence ?? []) {
    if (e.tier === 'reference' || e.tier === 'text') patterns[e.code] = (patterns[e.code] ?? 0) + 1;
  }
  const entry: PayerMemoryEntry = {
    aliases: [...aliases].sort(),
    accounts: [...accounts].sort(),
    referencePatterns: Object.fromEntries(Object.entries(patterns).sort(([a], [b]) => (a < b ? -1 : 1))),
    confirmations: prev.confirmations + 1,
    ...(accountCounts.size > 0 ? { accountConfirmations: sortedCounts(accountCounts) } : {}),
    ...(aliasCounts.size > 0 ? { aliasConfirmations: sortedCounts(aliasCounts) } : {}),
  };
  const payers: Record<string, PayerMemoryEntry> = { ...memory.payers, [payerId]: entry };
  return {
    version: 1,
    payers: Object.fromEntries(Object.entries(payers).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
