import type { BankTransaction } from '../model/BankTransaction.js';
import { normaliseAccount } from '../refs/iban.js';
import { nameKey, nameTokens, printedTokens, tokenSimilarity } from '../text/nameKey.js';
import { referenceKey } from '../text/referenceKey.js';
import { type Evidence, evidence } from './Evidence.js';
import type { InvoiceIndex } from './InvoiceIndex.js';

/**
 * Tier 3: payers the line identifies by account or name (exact, learned or fuzzy), each with its
 * evidence, one item per evidence code.
 *
 * @example
 * ```ts
 * const payerEvidence = identifyPayers(tx, index);
 * ```
 */
export function identifyPayers(tx: BankTransaction, index: InvoiceIndex): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  const add = (payerId: string, e: Evidence): void => {
    const list = out.get(payerId) ?? [];
    list.push(e);
    out.set(payerId, list);
  };
  if (tx.counterpartyAccount) {
    const acct = normaliseAccount(tx.counterpartyAccount);
    const list = index.payerByAccount.get(acct) ?? [];
    if (list.length === 1 && list[0])
      add(
        list[0].payerId,
        evidence('payer', list[0].learned ? 'LEARNED_ACCOUNT' : 'PAYER_ACCOUNT', 'counterpartyAccount', acct),
      );
  }
  for (const [field, name] of [
    ['counterpartyName', tx.counterpartyName],
    ['ultimateDebtorName', tx.ultimateDebtorName],
  ] as const) {
    if (!name) continue;
    const printed = printedTokens(name);
    // A cut legal form (`GMB`) is dropped from the key, so the rest can match exactly.
    const key = printed.prefix ? nameKey(name) : [...printed.tokens].sort().join(' ');
    const exact = index.payerByName.get(key) ?? [];
    if (exact.length === 1 && exact[0]) {
      add(
        exact[0].payerId,
        evidence('payer', exact[0].learned ? 'LEARNED_ALIAS' : 'PAYER_NAME_EXACT', field, name),
      );
      continue;
    }
    if (exact.length > 1) continue;
    if (printed.prefix) {
      // A name cut at the field length: every payer whose name starts the same way is a
      // candidate, and more than one identifies nobody.
      const fits = truncatedCandidates(printed.tokens, index);
      if (fits.length === 1 && fits[0] !== undefined) {
        add(
          fits[0],
          evidence('payer', 'PAYER_NAME_EXACT', field, `${name} (cut at ${name.trim().length} characters)`),
        );
        continue;
      }
      if (fits.length > 1) continue;
    }
    const seen = new Set<string>();
    const lineTokens = nameTokens(name);
    for (const t of lineTokens) {
      const ids = index.payerByNameToken.get(t);
      if (ids === undefined || ids.length > 50) continue;
      for (const id of ids) seen.add(id);
    }
    let bestId = '';
    let bestScore = 0;
    let tie = false;
    for (const id of [...seen].sort()) {
      const s = tokenSimilarity(lineTokens, index.payers.get(id)?.tokens ?? []);
      if (s > bestScore) {
        bestScore = s;
        bestId = id;
        tie = false;
      } else if (s === bestScore) tie = true;
    }
    // Abstain on a tie: two payers equally similar means the name identifies nobody.
    if (bestScore >= 0.75 && !tie)
      add(
        bestId,
        evidence(
          'payer',
          'PAYER_NAME_FUZZY',
          field,
          `${name} ~ ${index.payers.get(bestId)?.name ?? ''} (${bestScore})`,
        ),
      );
  }
  if (index.payerByCustomerNumber.size > 0 && tx.remittanceText.length > 0) {
    // The payer's customer number at the supplier ("Kd-Nr. K-4711"), alone or with the word before.
    const tokens = tx.remittanceText.join(' ').split(/\s+/);
    for (let k = 0; k < tokens.length; k++) {
      for (const t of [tokens[k] ?? '', `${tokens[k - 1] ?? ''}${tokens[k] ?? ''}`]) {
        const ids = index.payerByCustomerNumber.get(referenceKey(t)) ?? [];
        const unique = [...new Set(ids)];
        if (unique.length === 1 && unique[0] !== undefined)
          add(unique[0], evidence('payer', 'CUSTOMER_NUMBER_IN_TEXT', 'remittanceText', t));
      }
    }
  }
  for (const [id, list] of out) {
    // Account and name evidence for the same payer both count, but each kind once.
    const uniq = new Map<string, Evidence>();
    for (const e of list) if (!uniq.has(e.code)) uniq.set(e.code, e);
    out.set(id, [...uniq.values()]);
  }
  return out;
}

/** Payers whose name tokens include all of `tokens`, the last one possibly cut short. */
function truncatedCandidates(tokens: readonly string[], index: InvoiceIndex): string[] {
  const whole = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1];
  if (last === undefined || whole.length === 0) return [];
  const seed = index.payerByNameToken.get(whole[0] ?? '') ?? [];
  if (seed.length > 200) return [];
  const out: string[] = [];
  for (const id of seed) {
    const have = index.payers.get(id)?.tokens ?? [];
    if (whole.every((t) => have.includes(t)) && have.some((t) => t.startsWith(last))) out.push(id);
  }
  return [...new Set(out)].sort();
}
