// Checks a camt statement against itself when it ends: opening booked balance plus booked
// entries equals the closing booked balance, one currency throughout, and TxsSummry agrees.
import { currencyExponent } from '@quidfin/core';
import type { ParseWarning, StatementFormat } from '../model/BankTransaction.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import type { CamtEntryFacts } from './camtEntry.js';
import { type CamtAt, camtDate, camtFail, creditDebit, moneyOf } from './camtFields.js';
import { formatMinor, type IntegrityMode, integrityIssue } from './IntegrityOptions.js';
import { children, textAt, type XmlNode } from './xmlNode.js';

/**
 * Running totals of a statement's entries, kept while they stream past.
 *
 * @example
 * ```ts
 * const t: CamtTotals = { count: 0, credits: 0, debits: 0, creditSum: 0n, debitSum: 0n, bookedNet: 0n, currencies: new Set() };
 * ```
 */
export interface CamtTotals {
  count: number;
  credits: number;
  debits: number;
  creditSum: bigint;
  debitSum: bigint;
  bookedNet: bigint;
  readonly currencies: Set<string>;
}

/**
 * Fresh totals.
 *
 * @example
 * ```ts
 * const t = camtTotals();
 * ```
 */
export function camtTotals(): CamtTotals {
  return {
    count: 0,
    credits: 0,
    debits: 0,
    creditSum: 0n,
    debitSum: 0n,
    bookedNet: 0n,
    currencies: new Set(),
  };
}

/**
 * Adds one entry to the totals.
 *
 * @example
 * ```ts
 * addEntry(totals, facts);
 * ```
 */
export function addEntry(t: CamtTotals, e: CamtEntryFacts): void {
  t.count++;
  t.currencies.add(e.currency);
  if (e.signedMinor >= 0n) {
    t.credits++;
    t.creditSum += e.signedMinor;
  } else {
    t.debits++;
    t.debitSum -= e.signedMinor;
  }
  if (e.booked) t.bookedNet += e.signedMinor;
}

interface Balance {
  readonly code: string;
  readonly path: string;
  readonly currency: string;
  readonly minor: bigint;
}

/**
 * Runs every check of a finished statement; findings go through the integrity mode.
 *
 * @example
 * ```ts
 * checkCamtStatement(header, path, at, totals, 'error', warnings);
 * ```
 */
export function checkCamtStatement(
  s: XmlNode,
  path: string,
  at: CamtAt & { readonly format: StatementFormat },
  totals: CamtTotals,
  mode: IntegrityMode | undefined,
  warnings: ParseWarning[],
): void {
  const issue = (check: string, where: string, message: string): void =>
    integrityIssue(mode, warnings, at.format, check, { path: where, line: at.line }, message);
  const balances: Balance[] = children(s, 'Bal').map((b, i) => {
    const bp = `${path}/Bal[${i}]`;
    const code = textAt(b, 'Tp/CdOrPrtry/Cd') ?? textAt(b, 'Tp/CdOrPrtry/Prtry') ?? '';
    const m = moneyOf(children(b, 'Amt')[0], `${bp}/Amt`, at);
    const cd = creditDebit(b, bp, at);
    camtDate(b, 'Dt', bp, at);
    return {
      code,
      path: bp,
      currency: m.currency,
      minor: cd === 'CRDT' ? BigInt(m.amountMinor) : -BigInt(m.amountMinor),
    };
  });
  const account = textAt(s, 'Acct/Ccy');
  const entryCurrency = [...totals.currencies][0] ?? account;
  if (account !== undefined)
    for (const c of totals.currencies)
      if (c !== account)
        issue('CURRENCY_MISMATCH', `${path}/Acct/Ccy`, `an entry in ${c} on a ${account} account`);
  if (totals.currencies.size > 1)
    issue('CURRENCY_MISMATCH', path, `entries in several currencies: ${[...totals.currencies].join(', ')}`);
  for (const b of balances) {
    if (
      entryCurrency !== undefined &&
      b.currency !== entryCurrency &&
      ['OPBD', 'PRCD', 'CLBD', 'ITBD'].includes(b.code)
    )
      issue(
        'CURRENCY_MISMATCH',
        `${b.path}/Amt/@Ccy`,
        `${b.code} balance in ${b.currency}, entries in ${entryCurrency}`,
      );
  }
  const opening = balances.find((b) => b.code === 'OPBD') ?? balances.find((b) => b.code === 'PRCD');
  const closing = balances.find((b) => b.code === 'CLBD');
  if (opening === undefined && closing === undefined) {
    if (at.format === 'camt.053')
      warnings.push({
        code: 'BALANCES_ABSENT',
        message:
          'camt.053 statement without opening and closing booked balances: its entries cannot be checked against them',
        location: { path, line: at.line },
      });
  } else if (opening === undefined || closing === undefined) {
    issue(
      'BALANCE_MISSING',
      (opening ?? closing)?.path ?? path,
      opening === undefined
        ? 'a closing booked balance (CLBD) without an opening one (OPBD/PRCD)'
        : 'an opening booked balance without a closing one (CLBD)',
    );
  } else if (opening.currency === closing.currency) {
    const exp = currencyExponent(opening.currency) ?? 2;
    const expected = opening.minor + totals.bookedNet;
    if (expected !== closing.minor)
      issue(
        'BALANCE_MISMATCH',
        closing.path,
        `opening ${formatMinor(opening.minor, exp)} + booked entries ${formatMinor(totals.bookedNet, exp)} = ${formatMinor(expected, exp)} ${opening.currency}, CLBD says ${formatMinor(closing.minor, exp)}`,
      );
  } else
    issue(
      'CURRENCY_MISMATCH',
      closing.path,
      `CLBD in ${closing.currency}, opening balance in ${opening.currency}`,
    );
  const sumCurrency = entryCurrency ?? opening?.currency;
  checkSummary(
    s,
    path,
    at,
    totals,
    sumCurrency === undefined ? 2 : (currencyExponent(sumCurrency) ?? 2),
    issue,
  );
}

function checkSummary(
  s: XmlNode,
  path: string,
  at: CamtAt,
  t: CamtTotals,
  exp: number,
  issue: (check: string, where: string, message: string) => void,
): void {
  const sp = `${path}/TxsSummry`;
  const num = (rel: string): bigint | undefined => {
    const v = textAt(s, `TxsSummry/${rel}`);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) camtFail(at, `${sp}/${rel}`, `"${v}" is not a number of entries`);
    return BigInt(v);
  };
  const amount = (rel: string): bigint | undefined => {
    const v = textAt(s, `TxsSummry/${rel}`);
    if (v === undefined) return undefined;
    const m = parseDecimalMinor(v, exp, '.');
    if (typeof m === 'string') camtFail(at, `${sp}/${rel}`, `amount ${m}`);
    return BigInt(m);
  };
  const compare = (rel: string, written: bigint | undefined, read: bigint, isAmount: boolean): void => {
    if (written === undefined || written === read) return;
    const show = (v: bigint): string => (isAmount ? formatMinor(v, exp) : String(v));
    issue(
      'SUMMARY_MISMATCH',
      `${sp}/${rel}`,
      `TxsSummry says ${show(written)}, the entries give ${show(read)}`,
    );
  };
  compare('TtlNtries/NbOfNtries', num('TtlNtries/NbOfNtries'), BigInt(t.count), false);
  compare('TtlNtries/Sum', amount('TtlNtries/Sum'), t.creditSum + t.debitSum, true);
  compare('TtlCdtNtries/NbOfNtries', num('TtlCdtNtries/NbOfNtries'), BigInt(t.credits), false);
  compare('TtlCdtNtries/Sum', amount('TtlCdtNtries/Sum'), t.creditSum, true);
  compare('TtlDbtNtries/NbOfNtries', num('TtlDbtNtries/NbOfNtries'), BigInt(t.debits), false);
  compare('TtlDbtNtries/Sum', amount('TtlDbtNtries/Sum'), t.debitSum, true);
  // The net: TtlNetNtry/Amt + CdtDbtInd (version 3 on) or TtlNetNtryAmt + CdtDbtInd (version 2).
  const v3 = textAt(s, 'TxsSummry/TtlNtries/TtlNetNtry/Amt') !== undefined;
  const rel = v3 ? 'TtlNtries/TtlNetNtry' : 'TtlNtries';
  const net = amount(v3 ? 'TtlNtries/TtlNetNtry/Amt' : 'TtlNtries/TtlNetNtryAmt');
  if (net !== undefined) {
    const cd = textAt(s, `TxsSummry/${rel}/CdtDbtInd`);
    if (cd !== 'CRDT' && cd !== 'DBIT')
      camtFail(at, `${sp}/${rel}/CdtDbtInd`, `CdtDbtInd must be CRDT or DBIT, got "${cd ?? ''}"`);
    compare(
      v3 ? 'TtlNtries/TtlNetNtry/Amt' : 'TtlNtries/TtlNetNtryAmt',
      cd === 'CRDT' ? net : -net,
      t.creditSum - t.debitSum,
      true,
    );
  }
}
