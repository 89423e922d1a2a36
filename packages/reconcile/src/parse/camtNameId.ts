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
const SLOTS = new Int16Array(SIZE); // index into CAMT_NAMES + 1; 0 = empty
// A hash of the length and three characters only: a name is then found with four reads and one
// comparison (camt names differ early or late, so collisions are few and simply probed past).
const hashOf = (s: string): number => {
  const n = s.length;
  return (n * 977 + s.charCodeAt(0) * 31 + s.charCodeAt(n >> 1) * 7 + s.charCodeAt(n - 1)) & (SIZE - 1);
};
CAMT_NAMES.forEach((name, i) => {
  let slot = hashOf(name);
  while (SLOTS[slot] !== 0) slot = (slot + 1) & (SIZE - 1);
  SLOTS[slot] = i + 1;
});

function find(name: string): number {
  if (name.length === 0) return -1;
  for (let slot = hashOf(name); ; slot = (slot + 1) & (SIZE - 1)) {
    const k = SLOTS[slot] as number;
    if (k === 0) return -1;
    if (CAMT_NAMES[k - 1] === name) return k - 1;
  }
}

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
  const id = find(raw);
  // Known names have no ':', so a prefixed name is only looked at once it is not found as it is.
  if (id >= 0) return id;
  const colon = raw.indexOf(':');
  return colon < 0 ? -1 : find(raw.slice(colon + 1));
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
