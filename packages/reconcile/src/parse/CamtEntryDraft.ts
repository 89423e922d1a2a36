// What CamtEntryCollector keeps of one camt Ntry: the fields the readers use, straight from the
// parser's events. Small subtrees read with the shared field readers (amounts, status, charges,
// referred documents) are kept as elements.
import type { XmlElement } from './xmlNode.js';

/**
 * One `Strd` of a `RmtInf`: creditor references, referred documents and their amounts, texts.
 *
 * @example
 * ```ts
 * const s: CamtStrdDraft = { refs: ['RF18...'], docs: [], docAmount: undefined, texts: [] };
 * ```
 */
export interface CamtStrdDraft {
  /** `CdtrRefInf/Ref` of each `CdtrRefInf`, when not empty. */
  readonly refs: string[];
  /** Every `RfrdDocInf`. */
  readonly docs: XmlElement[];
  /** The first `RfrdDocAmt`. */
  docAmount: XmlElement | undefined;
  /** `AddtlRmtInf` texts, when not empty. */
  readonly texts: string[];
}

/**
 * One `RmtInf`: its `Ustrd` texts (when not empty) and its `Strd` blocks.
 *
 * @example
 * ```ts
 * const r: CamtRmtInfDraft = { ustrd: ['INV-1'], strd: [] };
 * ```
 */
export interface CamtRmtInfDraft {
  readonly ustrd: string[];
  readonly strd: CamtStrdDraft[];
}

/** Order of the references kept besides `EndToEndId` (`Prtry/Ref` last). */
export const REFERENCE_KEYS: readonly string[] = [
  'InstrId',
  'TxId',
  'MndtId',
  'UETR',
  'AcctSvcrRef',
  'PmtInfId',
  'Prtry/Ref',
];

/**
 * One `TxDtls`. Texts are trimmed, `undefined` when absent or empty; each is the first of its
 * name (and of its parents' names), as a lookup by path would find it.
 *
 * @example
 * ```ts
 * const t = new CamtTxDraft();
 * t.endToEndId = 'E2E-1';
 * ```
 */
export class CamtTxDraft {
  amt: XmlElement | undefined = undefined;
  amtDtls: XmlElement | undefined = undefined;
  cdtDbtInd: string | undefined = undefined;
  hasRefs = false;
  endToEndId: string | undefined = undefined;
  /** Values of {@link REFERENCE_KEYS}, by position (made when the first one is found). */
  references: (string | undefined)[] | undefined = undefined;
  hasParties = false;
  // RltdPties: Nm and Pty/Nm of Dbtr, Cdtr, UltmtDbtr; Id/IBAN and Id/Othr/Id of DbtrAcct, CdtrAcct.
  dbtrNm: string | undefined = undefined;
  dbtrPtyNm: string | undefined = undefined;
  cdtrNm: string | undefined = undefined;
  cdtrPtyNm: string | undefined = undefined;
  ultmtDbtrNm: string | undefined = undefined;
  ultmtDbtrPtyNm: string | undefined = undefined;
  dbtrIban: string | undefined = undefined;
  dbtrOthrId: string | undefined = undefined;
  cdtrIban: string | undefined = undefined;
  cdtrOthrId: string | undefined = undefined;
  rmtInf: CamtRmtInfDraft[] | undefined = undefined;
  addtlTxInf: string | undefined = undefined;
  chrgs: XmlElement[] | undefined = undefined;
}

/**
 * One `Ntry`, as {@link CamtTxDraft} for its own fields, with its `NtryDtls` (each a list of
 * `TxDtls`).
 *
 * @example
 * ```ts
 * const e = new CamtEntryDraft();
 * e.cdtDbtInd = 'CRDT';
 * ```
 */
export class CamtEntryDraft {
  amt: XmlElement | undefined = undefined;
  cdtDbtInd: string | undefined = undefined;
  sts: XmlElement | undefined = undefined;
  bookgDt: string | undefined = undefined;
  bookgDtTm: string | undefined = undefined;
  valDt: string | undefined = undefined;
  valDtTm: string | undefined = undefined;
  acctSvcrRef: string | undefined = undefined;
  // BkTxCd: Domn/Cd, Domn/Fmly/Cd, Domn/Fmly/SubFmlyCd, Prtry/Cd.
  domainCode: string | undefined = undefined;
  familyCode: string | undefined = undefined;
  subFamilyCode: string | undefined = undefined;
  proprietaryCode: string | undefined = undefined;
  addtlNtryInf: string | undefined = undefined;
  rvslInd: string | undefined = undefined;
  readonly ntryDtls: CamtTxDraft[][] = [];
  chrgs: XmlElement[] | undefined = undefined;
}
