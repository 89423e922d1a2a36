// Turns one camt Ntry into the transactions it stands for: the entry itself, or its batch
// details when (and only when) they agree with the entry in sign, currency and sum.

import { currencyExponent } from '@quidfin/core';
import type { BankTransaction, ParseWarning, StatementFormat } from '../model/BankTransaction.js';
import type { CamtEntryDraft, CamtTxDraft } from './CamtEntryDraft.js';
import { type CamtDetails, camtCharges, camtDetails, mergeDetails } from './camtDetails.js';
import { type CamtAt, camtDateOf, creditDebitValue, type Money, moneyOf } from './camtFields.js';
import { EMPTY_LIST, orEmpty } from './emptyList.js';
import { formatMinor, type IntegrityMode, integrityIssue } from './IntegrityOptions.js';
import type { TxDraft } from './TxDraft.js';
import { nonEmpty, textAt } from './xmlNode.js';

/**
 * What a statement's checks need to know about one entry.
 *
 * @example
 * ```ts
 * const e: CamtEntryFacts = { currency: 'EUR', signedMinor: 885n, booked: true, path: '...', line: 9 };
 * ```
 */
export interface CamtEntryFacts {
  readonly currency: string;
  readonly signedMinor: bigint;
  readonly booked: boolean;
  readonly path: string;
  readonly line: number;
}

/**
 * The statement an entry belongs to.
 *
 * @example
 * ```ts
 * const s: CamtEntryContext = { format: 'camt.053', id: 'S1', accountId: undefined, integrity: undefined, warnings: [] };
 * ```
 */
export interface CamtEntryContext {
  readonly format: StatementFormat;
  readonly id: string;
  readonly accountId: string | undefined;
  readonly integrity: IntegrityMode | undefined;
  readonly warnings: ParseWarning[];
}

/**
 * Reads one `Ntry` (as collected from the parser's events) and emits its transactions through `emit`.
 *
 * @example
 * ```ts
 * const facts = camtEntry(draft, 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]', 12, 0, ctx, (tx) => out.push(tx));
 * ```
 */
export function camtEntry(
  n: CamtEntryDraft,
  path: string,
  line: number,
  index: number,
  ctx: CamtEntryContext,
  emit: (tx: BankTransaction) => void,
): CamtEntryFacts {
  const at: CamtAt = { format: ctx.format, line };
  const sts = n.sts;
  const { amountMinor, currency } = moneyOf(n.amt, path, at, 'Amt');
  const cd = creditDebitValue(n.cdtDbtInd, path, at);
  const credit = cd === 'CRDT';
  const status = nonEmpty(sts) ?? textAt(sts, 'Cd') ?? textAt(sts, 'Prtry');
  const bookingDate = camtDateOf(n.bookgDt, n.bookgDtTm, 'BookgDt', path, at);
  const valueDate = camtDateOf(n.valDt, n.valDtTm, 'ValDt', path, at);
  const bankReference = n.acctSvcrRef;
  const transactionCode = domainCode(n) || n.proprietaryCode;
  const entryInfo = n.addtlNtryInf;
  const details: { d: CamtDetails; path: string }[] = [];
  for (let ni = 0; ni < n.ntryDtls.length; ni++) {
    const txs = n.ntryDtls[ni] as CamtTxDraft[];
    for (let ti = 0; ti < txs.length; ti++) {
      const p = `${path}/NtryDtls[${ni}]/TxDtls[${ti}]`;
      details.push({
        d: camtDetails(txs[ti] as CamtTxDraft, p, at, credit, currency, ctx.warnings),
        path: p,
      });
    }
  }
  const entryInfoList: string[] = [];
  const entryCharges = camtCharges(n.chrgs, path, at, currency, ctx.warnings, entryInfoList);
  const baseId = `${ctx.id}:${index + 1}`;
  // One shape for every entry (absent fields undefined); build() leaves the absent ones out.
  const common: EntryCommon = {
    format: ctx.format,
    statementId: ctx.id,
    accountId: ctx.accountId,
    direction: credit ? 'credit' : 'debit',
    bookingDate,
    valueDate,
    status,
    reversal: n.rvslInd === 'true',
    transactionCode: transactionCode || undefined,
  };
  const facts: CamtEntryFacts = {
    currency,
    signedMinor: credit ? BigInt(amountMinor) : -BigInt(amountMinor),
    booked: status === undefined || status === 'BOOK' || /^(BOOK|BOOKED)$/i.test(status),
    path,
    line,
  };
  const split = details.length > 1 && details.every((x) => x.d.amount !== undefined);
  const problem = batchProblem(details, { amountMinor, currency }, cd, split);
  if (problem !== undefined) {
    integrityIssue(
      ctx.integrity,
      ctx.warnings,
      ctx.format,
      'BATCH_INCONSISTENT',
      { path: problem.path, line },
      problem.message,
    );
  }
  if (split && problem === undefined) {
    details.forEach(({ d }, k) => {
      const p = `${path}/NtryDtls/TxDtls[${k}]`;
      emit(
        build(
          `${baseId}.${k + 1}`,
          common,
          d,
          d.amount ?? { amountMinor, currency },
          bankReference,
          [],
          p,
          line,
        ),
      );
    });
    return facts;
  }
  if (details.length > 1 && problem === undefined) {
    ctx.warnings.push({
      code: 'BATCH_DETAILS_MERGED',
      message: `${details.length} TxDtls without individual amounts were merged into one transaction`,
      location: { path, line },
    });
  }
  // One transaction as the bank booked it; an inconsistent batch (warn mode) keeps its references here.
  const merged =
    details.length === 1 ? (details[0] as { d: CamtDetails }).d : mergeDetails(details.map((x) => x.d));
  if (merged.chargesMinor === undefined && entryCharges !== undefined) merged.chargesMinor = entryCharges;
  emit(
    build(
      baseId,
      common,
      merged,
      { amountMinor, currency },
      bankReference,
      entryInfo === undefined ? entryInfoList : [...entryInfoList, entryInfo],
      path,
      line,
    ),
  );
  return facts;
}

/** Why a batch's details cannot stand for the entry: other sign, other currency, or another sum. */
function batchProblem(
  details: readonly { d: CamtDetails; path: string }[],
  entry: Money,
  cd: 'CRDT' | 'DBIT',
  split: boolean,
): { path: string; message: string } | undefined {
  for (const { d, path } of details) {
    if (d.sign !== undefined && d.sign !== cd)
      return { path: `${path}/CdtDbtInd`, message: `a ${d.sign} detail inside a ${cd} entry` };
  }
  if (!split) return undefined;
  for (const { d, path } of details) {
    if (d.amount !== undefined && d.amount.currency !== entry.currency)
      return {
        path: `${path}/Amt`,
        message: `a detail in ${d.amount.currency} inside a ${entry.currency} entry`,
      };
  }
  const sum = details.reduce((a, x) => a + BigInt(x.d.amount?.amountMinor ?? 0), 0n);
  if (sum !== BigInt(entry.amountMinor)) {
    const exp = currencyExponent(entry.currency) ?? 2;
    return {
      path: details[0]?.path.replace(/\/NtryDtls\[\d+\]\/TxDtls\[\d+\]$/, '') ?? '',
      message: `TxDtls amounts sum to ${formatMinor(sum, exp)}, the entry is ${formatMinor(BigInt(entry.amountMinor), exp)} ${entry.currency}`,
    };
  }
  return undefined;
}

/** The entry-level fields every transaction of one entry shares. */
interface EntryCommon {
  readonly format: StatementFormat;
  readonly statementId: string;
  readonly accountId: string | undefined;
  readonly direction: 'credit' | 'debit';
  readonly bookingDate: string | undefined;
  readonly valueDate: string | undefined;
  readonly status: string | undefined;
  readonly reversal: boolean;
  readonly transactionCode: string | undefined;
}

/** `Domn/Cd/Fmly/Cd/SubFmlyCd`, the parts that are present joined by `/` (`''` when none). */
function domainCode(n: CamtEntryDraft): string {
  let code = n.domainCode ?? '';
  const f = n.familyCode;
  if (f !== undefined) code = code === '' ? f : `${code}/${f}`;
  const sub = n.subFamilyCode;
  if (sub !== undefined) code = code === '' ? sub : `${code}/${sub}`;
  return code;
}

/**
 * A list as kept in a transaction: the shared empty list, or a copy just as long. A list filled
 * by push has room for 17 items; the copy keeps the output (often 14,000 entries and more, all
 * kept until the parse returns) from carrying that spare room through every garbage collection.
 */
function fit<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY_LIST : list.slice();
}

function build(
  id: string,
  common: EntryCommon,
  d: CamtDetails,
  amount: Money,
  bankReference: string | undefined,
  extraInfo: string[],
  path: string,
  line: number,
): BankTransaction {
  const additionalInfo =
    extraInfo.length === 0 ? fit(d.additionalInfo) : orEmpty([...d.additionalInfo, ...extraInfo]);
  let tx: TxDraft;
  if (
    common.accountId !== undefined &&
    common.bookingDate !== undefined &&
    common.valueDate !== undefined &&
    common.status !== undefined &&
    common.transactionCode !== undefined &&
    bankReference !== undefined &&
    d.endToEndId !== undefined &&
    d.counterpartyName !== undefined &&
    d.counterpartyAccount !== undefined
  ) {
    // The usual entry: one literal, so the object is built with all its fields in place instead
    // of growing its property store once per added field (a third of an entry's reading time).
    tx = {
      id,
      format: common.format,
      statementId: common.statementId,
      accountId: common.accountId,
      direction: common.direction,
      bookingDate: common.bookingDate,
      valueDate: common.valueDate,
      status: common.status,
      reversal: common.reversal,
      transactionCode: common.transactionCode,
      amountMinor: amount.amountMinor,
      currency: amount.currency,
      otherReferences: fit(d.otherReferences),
      creditorReferences: fit(d.creditorReferences),
      referredDocuments: fit(d.referredDocuments),
      remittanceText: fit(d.remittanceText),
      additionalInfo,
      source: { path, line },
      bankReference,
      endToEndId: d.endToEndId,
      counterpartyName: d.counterpartyName,
      counterpartyAccount: d.counterpartyAccount,
    };
  } else {
    // Assigned field by field in the same key order, leaving the absent fields out.
    tx = { id, format: common.format, statementId: common.statementId };
    if (common.accountId !== undefined) tx.accountId = common.accountId;
    tx.direction = common.direction;
    if (common.bookingDate !== undefined) tx.bookingDate = common.bookingDate;
    if (common.valueDate !== undefined) tx.valueDate = common.valueDate;
    if (common.status !== undefined) tx.status = common.status;
    tx.reversal = common.reversal;
    if (common.transactionCode !== undefined) tx.transactionCode = common.transactionCode;
    tx.amountMinor = amount.amountMinor;
    tx.currency = amount.currency;
    tx.otherReferences = fit(d.otherReferences);
    tx.creditorReferences = fit(d.creditorReferences);
    tx.referredDocuments = fit(d.referredDocuments);
    tx.remittanceText = fit(d.remittanceText);
    tx.additionalInfo = additionalInfo;
    tx.source = { path, line };
    if (bankReference !== undefined) tx.bankReference = bankReference;
    if (d.endToEndId !== undefined) tx.endToEndId = d.endToEndId;
    if (d.counterpartyName !== undefined) tx.counterpartyName = d.counterpartyName;
    if (d.counterpartyAccount !== undefined) tx.counterpartyAccount = d.counterpartyAccount;
  }
  if (d.ultimateDebtorName !== undefined) tx.ultimateDebtorName = d.ultimateDebtorName;
  if (d.chargesMinor !== undefined) tx.chargesMinor = d.chargesMinor;
  const ins = d.instructed;
  if (ins !== undefined && (ins.currency !== amount.currency || ins.amountMinor !== amount.amountMinor))
    tx.instructedAmount = ins;
  if (d.exchangeRate !== undefined) tx.exchangeRate = d.exchangeRate;
  return tx as BankTransaction;
}
