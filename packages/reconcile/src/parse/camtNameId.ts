// Element names by number: the local name of a camt element (after any namespace prefix) as its
// index in a table of the names camt uses, found with one pass over the parser's fresh string, so
// that later steps look things up by number instead of hashing and comparing strings.
import { SINGLE_ELEMENTS, UNREAD_ELEMENTS } from './camtElementKinds.js';

/** Element names of camt.052/053/054 (the ones read, and the usual others), by id. */
export const CAMT_NAMES: readonly string[] = [
  ...new Set([
    ...SINGLE_ELEMENTS,
    ...UNREAD_ELEMENTS,
    ...'Document BkToCstmrStmt BkToCstmrAcctRpt BkToCstmrDbtCdtNtfctn GrpHdr MsgId CreDtTm MsgPgntn PgNb LastPgInd Stmt Rpt Ntfctn ElctrncSeqNb LglSeqNb RptPgntn FrToDt FrDtTm ToDtTm CpyDplctInd Acct Ownr Svcr FinInstnId BIC BICFI Othr IBAN Nm Tp CdOrPrtry Cd Prtry Issr Bal CdtLine Incl TxsSummry TtlNtries TtlCdtNtries TtlDbtNtries TtlNtriesPerBkTxCd Ntry NtryRef BkTxCd Domn Fmly SubFmlyCd AddtlNtryInf AddtlInfInd NtryDtls Btch NbOfTxs PmtInfId TxDtls Refs EndToEndId InstrId TxId MndtId UETR ChqNb ClrSysRef Ref AmtDtls CntrValAmt AnncdPstngAmt PrtryAmt RltdPties Dbtr Cdtr UltmtDbtr UltmtCdtr DbtrAcct CdtrAcct Pty Ctry AdrLine StrtNm BldgNb PstCd TwnNm RmtInf Ustrd Strd CdtrRefInf RfrdDocInf Nb RfrdDocAmt RmtdAmt DscntApldAmt DuePyblAmt CdtNoteAmt AddtlRmtInf AddtlTxInf Chrgs Rcrd ChrgInclInd Br Agt LclInstrm SeqTp BookgDt ValDt AddtlStmtInf AddtlRptInf AddtlNtfctnInf DbtrAgt CdtrAgt'.split(
      ' ',
    ),
  ]),
];

const SIZE = 1024;
const SLOTS = new Int16Array(SIZE); // index into KNOWN + 1; 0 = empty
const hashOf = (s: string): number => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
};
CAMT_NAMES.forEach((name, i) => {
  let slot = hashOf(name) & (SIZE - 1);
  while (SLOTS[slot] !== 0) slot = (slot + 1) & (SIZE - 1);
  SLOTS[slot] = i + 1;
});

/**
 * The id (index in {@link CAMT_NAMES}) of an element's local name, the part after a namespace
 * prefix; -1 for a name camt does not use.
 *
 * @example
 * ```ts
 * CAMT_NAMES[camtNameId('camt:Ntry')]; // 'Ntry'
 * ```
 */
export function camtNameId(raw: string): number {
  // One pass: the hash of the part after the first ':' (the whole name when there is none).
  let h = 0;
  let colon = -1;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 58 && colon < 0) {
      colon = i;
      h = 0;
    } else h = (Math.imul(h, 31) + c) | 0;
  }
  for (let slot = h & (SIZE - 1); ; slot = (slot + 1) & (SIZE - 1)) {
    const k = SLOTS[slot] as number;
    if (k === 0) return -1;
    const known = CAMT_NAMES[k - 1] as string;
    if (colon < 0 ? known === raw : known.length === n - colon - 1 && raw.endsWith(known)) return k - 1;
  }
}

/**
 * The element name after its namespace prefix (`camt:Ntry` gives `Ntry`).
 *
 * @example
 * ```ts
 * localName('camt:Ntry'); // 'Ntry'
 * ```
 */
export function localName(raw: string): string {
  const i = raw.indexOf(':');
  return i < 0 ? raw : raw.slice(i + 1);
}
