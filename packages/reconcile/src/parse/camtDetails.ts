// Reads one camt TxDtls (references, parties, remittance, charges, FX) into a plain record.
import type { ParseWarning, ReferredDocument } from '../model/BankTransaction.js';
import { type CamtTxDraft, REFERENCE_KEYS } from './CamtEntryDraft.js';
import { type CamtAt, camtFail, exchangeRateOf, type Money, moneyOf, optionalMoney } from './camtFields.js';
import { EMPTY_LIST } from './emptyList.js';
import { isNotProvided } from './isNotProvided.js';
import { child, children, textAt, textOf, type XmlElement } from './xmlNode.js';

/**
 * What one `TxDtls` says (or several merged).
 *
 * @example
 * ```ts
 * const d: CamtDetails = emptyDetails();
 * ```
 */
export interface CamtDetails {
  amount?: Money;
  sign?: 'CRDT' | 'DBIT';
  instructed?: Money;
  exchangeRate?: { sourceCurrency: string; targetCurrency: string; rate: string };
  endToEndId?: string;
  otherReferences: string[];
  creditorReferences: string[];
  referredDocuments: ReferredDocument[];
  remittanceText: string[];
  additionalInfo: string[];
  counterpartyName?: string;
  counterpartyAccount?: string;
  ultimateDebtorName?: string;
  chargesMinor?: number;
}

/**
 * A details record with nothing in it.
 *
 * @example
 * ```ts
 * emptyDetails().otherReferences; // []
 * ```
 */
export function emptyDetails(): CamtDetails {
  return {
    otherReferences: [],
    creditorReferences: [],
    referredDocuments: [],
    remittanceText: [],
    additionalInfo: [],
  };
}

const AMOUNT_DETAILS = ['InstdAmt', 'TxAmt', 'CntrValAmt', 'AnncdPstngAmt', 'PrtryAmt'];

/**
 * Charges (`Chrgs/Rcrd/Amt`, or `Chrgs/Amt` in version 2) in minor units of `currency`, from the
 * `Chrgs` elements of an entry or a detail. Charges in another currency are not added to it: they
 * stay text, with a warning.
 *
 * @example
 * ```ts
 * camtCharges(draft.chrgs, 'TxDtls[0]', at, 'EUR', warnings, info); // 150
 * ```
 */
export function camtCharges(
  chrgs: readonly XmlElement[] | undefined,
  path: string,
  at: CamtAt,
  currency: string,
  warnings: ParseWarning[],
  info: string[],
): number | undefined {
  if (chrgs === undefined) return undefined;
  let charges = 0;
  let has = false;
  chrgs.forEach((ch, ci) => {
    const records = children(ch, 'Rcrd');
    const list = records.length > 0 ? records : [ch];
    list.forEach((r, ri) => {
      if (child(r, 'Amt') === undefined) return;
      const where = `${path}/Chrgs[${ci}]${records.length > 0 ? `/Rcrd[${ri}]` : ''}/Amt`;
      const m = moneyOf(child(r, 'Amt'), where, at);
      if (m.currency !== currency) {
        warnings.push({
          code: 'CHARGES_OTHER_CURRENCY',
          message: `charges of ${m.currency} ${m.amountMinor} (minor units) on a ${currency} entry are kept as text, not added to chargesMinor`,
          location: { path: where, line: at.line },
        });
        info.push(
          `Charges ${m.currency} ${textOf(child(child(r, 'Amt'), 'Amt')) ?? textOf(child(r, 'Amt')) ?? ''}`,
        );
        return;
      }
      charges += m.amountMinor;
      has = true;
    });
  });
  return has ? charges : undefined;
}

// A reference that is there and not the word NOTPROVIDED (any case).
const isProvided = (v: string | undefined): v is string => v !== undefined && !isNotProvided(v);

/**
 * Reads one `TxDtls`.
 *
 * @example
 * ```ts
 * const d = camtDetails(txDraft, 'Document/.../TxDtls[0]', at, true, 'EUR', warnings);
 * ```
 */
export function camtDetails(
  tx: CamtTxDraft,
  path: string,
  at: CamtAt,
  credit: boolean,
  currency: string,
  warnings: ParseWarning[],
): CamtDetails {
  const d = emptyDetails();
  const amt = tx.amt;
  const amtDtls = tx.amtDtls;
  const txAmt = amt === undefined ? child(amtDtls, 'TxAmt') : undefined;
  const amount =
    amt !== undefined
      ? moneyOf(amt, path, at, 'Amt')
      : txAmt !== undefined
        ? moneyOf(txAmt, `${path}/AmtDtls/TxAmt`, at)
        : undefined;
  if (amount) d.amount = amount;
  const sign = tx.cdtDbtInd;
  if (sign !== undefined) {
    if (sign !== 'CRDT' && sign !== 'DBIT')
      camtFail(at, `${path}/CdtDbtInd`, `CdtDbtInd must be CRDT or DBIT, got "${sign}"`);
    d.sign = sign;
  }
  if (amtDtls !== undefined) {
    const instdAmt = child(amtDtls, 'InstdAmt');
    if (instdAmt !== undefined) d.instructed = moneyOf(instdAmt, `${path}/AmtDtls/InstdAmt`, at);
    for (const k of AMOUNT_DETAILS) {
      const x = child(child(amtDtls, k), 'CcyXchg');
      if (x === undefined) continue;
      const rate = exchangeRateOf(x, `${path}/AmtDtls/${k}/CcyXchg`, at);
      if (rate !== undefined) {
        d.exchangeRate = rate;
        break;
      }
    }
  }
  if (tx.hasRefs) {
    if (isProvided(tx.endToEndId)) d.endToEndId = tx.endToEndId;
    const refs = tx.references;
    if (refs !== undefined)
      for (let k = 0; k < REFERENCE_KEYS.length; k++) {
        const v = refs[k];
        if (isProvided(v)) d.otherReferences.push(v);
      }
  }
  if (tx.hasParties) {
    // Nm, else Pty/Nm, of the counterparty (Dbtr on a credit, Cdtr on a debit); then UltmtDbtr.
    const name = credit ? (tx.dbtrNm ?? tx.dbtrPtyNm) : (tx.cdtrNm ?? tx.cdtrPtyNm);
    if (name !== undefined) d.counterpartyName = name;
    const acct = credit ? (tx.dbtrIban ?? tx.dbtrOthrId) : (tx.cdtrIban ?? tx.cdtrOthrId);
    if (acct !== undefined) d.counterpartyAccount = acct;
    const ult = tx.ultmtDbtrNm ?? tx.ultmtDbtrPtyNm;
    if (ult !== undefined) d.ultimateDebtorName = ult;
  }
  for (const rmt of tx.rmtInf ?? EMPTY_LIST) {
    for (const t of rmt.ustrd) d.remittanceText.push(t);
    rmt.strd.forEach((strd, si) => {
      for (const ref of strd.refs) d.creditorReferences.push(ref);
      strd.docs.forEach((rdi, ri) => {
        const nb = textAt(rdi, 'Nb');
        if (nb === undefined) return;
        const type = textAt(rdi, 'Tp/CdOrPrtry/Cd') ?? textAt(rdi, 'Tp/CdOrPrtry/Prtry');
        const amtNode = strd.docAmount;
        const base = `${path}/RmtInf/Strd[${si}]/RfrdDocAmt`;
        const rmtd = optionalMoney(child(amtNode, 'RmtdAmt'), `${base}/RmtdAmt`, at);
        const dsc = optionalMoney(child(amtNode, 'DscntApldAmt'), `${base}/DscntApldAmt`, at);
        d.referredDocuments.push({
          number: nb,
          ...(type === undefined ? {} : { type }),
          ...(rmtd && ri === 0 ? { remittedMinor: rmtd.amountMinor } : {}),
          ...(dsc && ri === 0 ? { discountMinor: dsc.amountMinor } : {}),
        });
      });
      for (const t of strd.texts) d.remittanceText.push(t);
    });
  }
  if (tx.addtlTxInf !== undefined) d.additionalInfo.push(tx.addtlTxInf);
  const charges = camtCharges(tx.chrgs, path, at, currency, warnings, d.additionalInfo);
  if (charges !== undefined) d.chargesMinor = charges;
  return d;
}

/**
 * Merges several details into one record (for a batch booked as one transaction).
 *
 * @example
 * ```ts
 * mergeDetails([a, b]).remittanceText; // a's then b's
 * ```
 */
export function mergeDetails(list: readonly CamtDetails[]): CamtDetails {
  // One record merges into itself: no copy (the usual entry has one TxDtls).
  if (list.length === 1 && list[0] !== undefined) return list[0];
  const m = emptyDetails();
  for (const d of list) {
    m.otherReferences.push(...d.otherReferences);
    m.creditorReferences.push(...d.creditorReferences);
    m.referredDocuments.push(...d.referredDocuments);
    m.remittanceText.push(...d.remittanceText);
    m.additionalInfo.push(...d.additionalInfo);
    if (d.endToEndId !== undefined) {
      if (m.endToEndId === undefined) m.endToEndId = d.endToEndId;
      else if (m.endToEndId !== d.endToEndId) m.otherReferences.push(d.endToEndId);
    }
    if (m.counterpartyName === undefined && d.counterpartyName !== undefined)
      m.counterpartyName = d.counterpartyName;
    if (m.counterpartyAccount === undefined && d.counterpartyAccount !== undefined)
      m.counterpartyAccount = d.counterpartyAccount;
    if (m.ultimateDebtorName === undefined && d.ultimateDebtorName !== undefined)
      m.ultimateDebtorName = d.ultimateDebtorName;
    if (d.instructed) m.instructed ??= d.instructed;
    if (d.exchangeRate) m.exchangeRate ??= d.exchangeRate;
    if (d.chargesMinor !== undefined) m.chargesMinor = (m.chargesMinor ?? 0) + d.chargesMinor;
  }
  return m;
}
