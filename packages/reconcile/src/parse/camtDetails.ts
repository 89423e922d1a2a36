// Reads one camt TxDtls (references, parties, remittance, charges, FX) into a plain record.
import type { ParseWarning, ReferredDocument } from '../model/BankTransaction.js';
import { type CamtAt, camtFail, exchangeRateOf, type Money, moneyOf, optionalMoney } from './camtFields.js';
import { EMPTY_LIST } from './emptyList.js';
import { child, children, textAt, textOf, type XmlElement, type XmlNode } from './xmlNode.js';

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

// Field paths are built once here, not per entry: a path made per call is a new string that the
// lookup then has to flatten, for every field of every entry.
function partyName(parties: XmlNode, role: 'Dbtr' | 'Cdtr' | 'UltmtDbtr'): string | undefined {
  const party = child(parties, role);
  return textAt(party, 'Nm') ?? textAt(party, 'Pty/Nm');
}

function partyAccount(parties: XmlNode, role: 'DbtrAcct' | 'CdtrAcct'): string | undefined {
  const id = child(parties, role);
  return textAt(id, 'Id/IBAN') ?? textAt(id, 'Id/Othr/Id');
}

const AMOUNT_DETAILS = ['InstdAmt', 'TxAmt', 'CntrValAmt', 'AnncdPstngAmt', 'PrtryAmt'];
const REFERENCE_KEYS = ['InstrId', 'TxId', 'MndtId', 'UETR', 'AcctSvcrRef', 'PmtInfId', 'Prtry/Ref'];

/**
 * Charges (`Chrgs/Rcrd/Amt`, or `Chrgs/Amt` in version 2) in minor units of `currency`. Charges
 * in another currency are not added to it: they stay text, with a warning.
 *
 * @example
 * ```ts
 * camtCharges(tx, 'TxDtls[0]', at, 'EUR', warnings); // 150
 * ```
 */
export function camtCharges(
  node: XmlNode,
  path: string,
  at: CamtAt,
  currency: string,
  warnings: ParseWarning[],
  info: string[],
): number | undefined {
  let charges = 0;
  let has = false;
  children(node, 'Chrgs').forEach((ch, ci) => {
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

/**
 * Reads one `TxDtls`.
 *
 * @example
 * ```ts
 * const d = camtDetails(tx, 'Document/.../TxDtls[0]', at, true, 'EUR', warnings);
 * ```
 */
export function camtDetails(
  tx: XmlNode,
  path: string,
  at: CamtAt,
  credit: boolean,
  currency: string,
  warnings: ParseWarning[],
): CamtDetails {
  const d = emptyDetails();
  // One pass over the children instead of a lookup per field (the first of each name, as the
  // lookups took); a field's path is only built when the field is there.
  let amt: XmlNode;
  let amtDtls: XmlNode;
  let refs: XmlNode;
  let parties: XmlNode;
  let rmtInfs: XmlElement[] | undefined;
  for (const c of tx?.children ?? EMPTY_LIST) {
    switch (c.name) {
      case 'Amt':
        amt ??= c;
        break;
      case 'AmtDtls':
        amtDtls ??= c;
        break;
      case 'Refs':
        refs ??= c;
        break;
      case 'RltdPties':
        parties ??= c;
        break;
      case 'RmtInf':
        if (rmtInfs === undefined) rmtInfs = [c];
        else rmtInfs.push(c);
        break;
    }
  }
  const txAmt = amt === undefined ? child(amtDtls, 'TxAmt') : undefined;
  const amount =
    amt !== undefined
      ? moneyOf(amt, `${path}/Amt`, at)
      : txAmt !== undefined
        ? moneyOf(txAmt, `${path}/AmtDtls/TxAmt`, at)
        : undefined;
  if (amount) d.amount = amount;
  const sign = textAt(tx, 'CdtDbtInd');
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
  if (refs !== undefined) {
    const e2e = textAt(refs, 'EndToEndId');
    if (e2e !== undefined && e2e.toUpperCase() !== 'NOTPROVIDED') d.endToEndId = e2e;
    for (const k of REFERENCE_KEYS) {
      const v = textAt(refs, k);
      if (v !== undefined && v.toUpperCase() !== 'NOTPROVIDED') d.otherReferences.push(v);
    }
  }
  if (parties !== undefined) {
    const name = partyName(parties, credit ? 'Dbtr' : 'Cdtr');
    if (name !== undefined) d.counterpartyName = name;
    const acct = partyAccount(parties, credit ? 'DbtrAcct' : 'CdtrAcct');
    if (acct !== undefined) d.counterpartyAccount = acct;
    const ult = partyName(parties, 'UltmtDbtr');
    if (ult !== undefined) d.ultimateDebtorName = ult;
  }
  for (const rmt of rmtInfs ?? EMPTY_LIST) {
    for (const u of children(rmt, 'Ustrd')) {
      const t = textOf(u)?.trim();
      if (t) d.remittanceText.push(t);
    }
    children(rmt, 'Strd').forEach((strd, si) => {
      for (const cri of children(strd, 'CdtrRefInf')) {
        const ref = textAt(cri, 'Ref');
        if (ref !== undefined) d.creditorReferences.push(ref);
      }
      children(strd, 'RfrdDocInf').forEach((rdi, ri) => {
        const nb = textAt(rdi, 'Nb');
        if (nb === undefined) return;
        const type = textAt(rdi, 'Tp/CdOrPrtry/Cd') ?? textAt(rdi, 'Tp/CdOrPrtry/Prtry');
        const amtNode = child(strd, 'RfrdDocAmt');
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
      for (const a of children(strd, 'AddtlRmtInf')) {
        const t = textOf(a)?.trim();
        if (t) d.remittanceText.push(t);
      }
    });
  }
  const addtl = textAt(tx, 'AddtlTxInf');
  if (addtl !== undefined) d.additionalInfo.push(addtl);
  const charges = camtCharges(tx, path, at, currency, warnings, d.additionalInfo);
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
