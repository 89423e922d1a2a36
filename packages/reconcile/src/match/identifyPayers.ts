import type { BankTransaction } from '../model/BankTransaction.js';
import type { PayerMemory } from '../model/PayerMemory.js';
import { normaliseAccount } from '../refs/iban.js';
import { nameKey, nameTokens, printedTokens, tokenSimilarity } from '../text/nameKey.js';
import { referenceKey } from '../text/referenceKey.js';
import { type Evidence, type EvidenceCode, evidence } from './Evidence.js';
import type { InvoiceIndex } from './InvoiceIndex.js';
import { learnedConfirmations } from './learnedConfirmations.js';

/**
 * Confirmations in the line's currency after which a learned account or alias weighs like
 * master data: one confirmation from a shared payment-service account says little about the next.
 */
const LEARNED_CONFIRMATIONS = 3;

/**
 * Tier 3: payers the line identifies by account or name (exact, learned or fuzzy), each with its
 * evidence, one item per evidence code. A learned account or alias confirmed fewer than
 * {@link LEARNED_CONFIRMATIONS} times in the line's currency weighs less (`*_UNCONFIRMED`); an
 * ultimate-debtor name, free text the payer chooses, weighs less than the account holder's name
 * (`PAYER_NAME_ULTIMATE_DEBTOR`); an account of one payer (on file, or learned and confirmed) with
 * a name of another is a `PAYER_CONFLICT` on every payer the line identifies.
 *
 * @example
 * ```ts
 * const payerEvidence = identifyPayers(tx, index, memory);
 * ```
 */
export function identifyPayers(
  tx: BankTransaction,
  index: InvoiceIndex,
  memory: PayerMemory,
): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  const add = (payerId: string, e: Evidence): void => {
    const list = out.get(payerId) ?? [];
    list.push(e);
    out.set(payerId, list);
  };
  let accountPayer: string | undefined;
  const namePayers = new Set<string>();
  if (tx.counterpartyAccount) {
    const acct = normaliseAccount(tx.counterpartyAccount);
    const list = index.payerByAccount.get(acct) ?? [];
    if (list.length === 1 && list[0]) {
      const { payerId, learned } = list[0];
      const seen = learned ? learnedConfirmations(memory, payerId, 'account', acct, tx.currency) : 0;
      const code: EvidenceCode = !learned
        ? 'PAYER_ACCOUNT'
        : seen >= LEARNED_CONFIRMATIONS
          ? 'LEARNED_ACCOUNT'
          : 'LEARNED_ACCOUNT_UNCONFIRMED';
      // An account learned only a time or two (a shared payment-service account) does not outvote a name.
      if (code !== 'LEARNED_ACCOUNT_UNCONFIRMED') accountPayer = payerId;
      add(
        payerId,
        evidence(
          'payer',
          code,
          'counterpartyAccount',
          learned ? `${acct} (${seen} confirmed in ${tx.currency})` : acct,
        ),
      );
    }
  }
  for (const [field, name] of [
    ['counterpartyName', tx.counterpartyName],
    ['ultimateDebtorName', tx.ultimateDebtorName],
  ] as const) {
    if (!name) continue;
    // The ultimate debtor is whatever the payer typed: it names a payer, but weakly.
    const addName = (payerId: string, code: EvidenceCode, detail: string): void => {
      namePayers.add(payerId);
      add(
        payerId,
        field === 'ultimateDebtorName'
          ? evidence('payer', 'PAYER_NAME_ULTIMATE_DEBTOR', field, `${detail} (${code})`)
          : evidence('payer', code, field, detail),
      );
    };
    const printed = printedTokens(name);
    // A cut legal form (`GMB`) is dropped from the key, so the rest can match exactly.
    const key = printed.prefix ? nameKey(name) : [...printed.tokens].sort().join(' ');
    const exact = index.payerByName.get(key) ?? [];
    if (exact.length === 1 && exact[0]) {
      const { payerId, learned } = exact[0];
      const seen = learned ? learnedConfirmations(memory, payerId, 'alias', key, tx.currency) : 0;
      addName(
        payerId,
        !learned
          ? 'PAYER_NAME_EXACT'
          : seen >= LEARNED_CONFIRMATIONS
            ? 'LEARNED_ALIAS'
            : 'LEARNED_ALIAS_UNCONFIRMED',
        learned ? `${name} (${seen} confirmed in ${tx.currency})` : name,
      );
      continue;
    }
    if (exact.length > 1) continue;
    if (printed.prefix) {
      // A name cut at the field length: every payer whose name starts the same way is a
      // candidate, and more than one identifies nobody.
      const fits = truncatedCandidates(printed.tokens, index);
      if (fits.length === 1 && fits[0] !== undefined) {
        addName(fits[0], 'PAYER_NAME_EXACT', `${name} (cut at ${name.trim().length} characters)`);
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
      addName(bestId, 'PAYER_NAME_FUZZY', `${name} ~ ${index.payers.get(bestId)?.name ?? ''} (${bestScore})`);
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
  const others = [...namePayers].filter((p) => accountPayer !== undefined && p !== accountPayer).sort();
  if (others.length > 0) {
    // The account says one payer, a name another: whichever is right, a person decides.
    const conflict = evidence(
      'payer',
      'PAYER_CONFLICT',
      'counterparty',
      `the account identifies ${accountPayer}, the name ${others.join(', ')}`,
    );
    for (const id of [accountPayer ?? '', ...others]) add(id, conflict);
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
