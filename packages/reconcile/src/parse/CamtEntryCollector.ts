// Reads one camt Ntry straight from the parser's events into a CamtEntryDraft: a path state
// machine (each open element has a role, found from its parent's role and its name) instead of
// a tree per entry that is then searched. A second single-valued element is refused as it opens.
import { StatementParseError } from '../errors/StatementParseError.js';
import { CamtEntryDraft, type CamtRmtInfDraft, type CamtStrdDraft, CamtTxDraft } from './CamtEntryDraft.js';
import { SINGLE_ELEMENTS, UNREAD_ELEMENTS } from './camtElementKinds.js';
import { CAMT_NAMES } from './camtNameId.js';
import { XmlElement } from './xmlNode.js';

// What a role does with its element.
const OTHER = 0; // not read: its subtree is only checked for second single-valued elements
const STRUCT = 1; // a container whose children have roles of their own
const LEAF = 2; // its text (before any child element) is a field
const CAPTURE = 3; // kept as an element subtree, read by the shared field readers

// Roles. Children of OTHER are OTHER; children of a CAPTURE role are CAPTURED.
const R_OTHER = 0;
const R_CAPTURED = 1;
const R_NTRY = 2;
const R_E_AMT = 3;
const R_E_CD = 4;
const R_E_STS = 5;
const R_E_BOOKG = 6;
const R_E_VAL = 7;
const R_E_REF = 8;
const R_E_BKTXCD = 9;
const R_E_ADDTL = 10;
const R_E_RVSL = 11;
const R_NTRYDTLS = 12;
const R_E_CHRGS = 13;
const R_TX = 14;
const R_T_AMT = 15;
const R_T_AMTDTLS = 16;
const R_T_CD = 17;
const R_REFS = 18;
const R_PARTIES = 19;
const R_RMTINF = 20;
const R_T_ADDTL = 21;
const R_T_CHRGS = 22;
const R_E2E = 23;
const R_REF_KEY = 24; // 24..29: REFERENCE_KEYS 0..5; 31: Prtry/Ref (6)
const R_REFS_PRTRY = 30;
const R_PRTRY_REF = 31;
const R_PARTY = 32; // 32 + 4p: party p (Dbtr, Cdtr, UltmtDbtr); +1 Nm, +2 Pty, +3 Pty/Nm
const R_ACCT = 44; // 44 + 5a: account a (DbtrAcct, CdtrAcct); +1 Id, +2 Id/IBAN, +3 Id/Othr, +4 Id/Othr/Id
const R_USTRD = 54;
const R_STRD = 55;
const R_CRI = 56;
const R_CRI_REF = 57;
const R_RDI = 58;
const R_RDAMT = 59;
const R_ADDTLRMT = 60;
const R_BOOKG_DT = 61;
const R_BOOKG_DTTM = 62;
const R_VAL_DT = 63;
const R_VAL_DTTM = 64;
const R_DOMN = 65;
const R_DOMN_CD = 66;
const R_FMLY = 67;
const R_FMLY_CD = 68;
const R_SUBFMLY = 69;
const R_BK_PRTRY = 70;
const R_BK_PRTRY_CD = 71;
const ROLES = 72;

const KIND = new Uint8Array(ROLES).fill(OTHER);
// Children of each role: [name, role, many] (many: every one is read, not only the first).
const CHILDREN: [number, [string, number, boolean?][]][] = [
  [
    R_NTRY,
    [
      ['Amt', R_E_AMT],
      ['CdtDbtInd', R_E_CD],
      ['Sts', R_E_STS],
      ['BookgDt', R_E_BOOKG],
      ['ValDt', R_E_VAL],
      ['AcctSvcrRef', R_E_REF],
      ['BkTxCd', R_E_BKTXCD],
      ['AddtlNtryInf', R_E_ADDTL],
      ['RvslInd', R_E_RVSL],
      ['NtryDtls', R_NTRYDTLS, true],
      ['Chrgs', R_E_CHRGS, true],
    ],
  ],
  [R_NTRYDTLS, [['TxDtls', R_TX, true]]],
  [
    R_E_BOOKG,
    [
      ['Dt', R_BOOKG_DT],
      ['DtTm', R_BOOKG_DTTM],
    ],
  ],
  [
    R_E_VAL,
    [
      ['Dt', R_VAL_DT],
      ['DtTm', R_VAL_DTTM],
    ],
  ],
  [
    R_E_BKTXCD,
    [
      ['Domn', R_DOMN],
      ['Prtry', R_BK_PRTRY],
    ],
  ],
  [
    R_DOMN,
    [
      ['Cd', R_DOMN_CD],
      ['Fmly', R_FMLY],
    ],
  ],
  [
    R_FMLY,
    [
      ['Cd', R_FMLY_CD],
      ['SubFmlyCd', R_SUBFMLY],
    ],
  ],
  [R_BK_PRTRY, [['Cd', R_BK_PRTRY_CD]]],
  [
    R_TX,
    [
      ['Amt', R_T_AMT],
      ['AmtDtls', R_T_AMTDTLS],
      ['CdtDbtInd', R_T_CD],
      ['Refs', R_REFS],
      ['RltdPties', R_PARTIES],
      ['RmtInf', R_RMTINF, true],
      ['AddtlTxInf', R_T_ADDTL],
      ['Chrgs', R_T_CHRGS, true],
    ],
  ],
  [
    R_REFS,
    [
      ['EndToEndId', R_E2E],
      ['InstrId', R_REF_KEY],
      ['TxId', R_REF_KEY + 1],
      ['MndtId', R_REF_KEY + 2],
      ['UETR', R_REF_KEY + 3],
      ['AcctSvcrRef', R_REF_KEY + 4],
      ['PmtInfId', R_REF_KEY + 5],
      ['Prtry', R_REFS_PRTRY],
    ],
  ],
  [R_REFS_PRTRY, [['Ref', R_PRTRY_REF]]],
  [
    R_PARTIES,
    [
      ['Dbtr', R_PARTY],
      ['Cdtr', R_PARTY + 4],
      ['UltmtDbtr', R_PARTY + 8],
      ['DbtrAcct', R_ACCT],
      ['CdtrAcct', R_ACCT + 5],
    ],
  ],
  [
    R_RMTINF,
    [
      ['Ustrd', R_USTRD, true],
      ['Strd', R_STRD, true],
    ],
  ],
  [
    R_STRD,
    [
      ['CdtrRefInf', R_CRI, true],
      ['RfrdDocInf', R_RDI, true],
      ['RfrdDocAmt', R_RDAMT],
      ['AddtlRmtInf', R_ADDTLRMT, true],
    ],
  ],
  [R_CRI, [['Ref', R_CRI_REF]]],
];
for (let p = 0; p < 3; p++) {
  const r = R_PARTY + 4 * p;
  CHILDREN.push(
    [
      r,
      [
        ['Nm', r + 1],
        ['Pty', r + 2],
      ],
    ],
    [r + 2, [['Nm', r + 3]]],
  );
  KIND[r] = STRUCT;
  KIND[r + 1] = LEAF;
  KIND[r + 2] = STRUCT;
  KIND[r + 3] = LEAF;
}
for (let a = 0; a < 2; a++) {
  const r = R_ACCT + 5 * a;
  CHILDREN.push(
    [r, [['Id', r + 1]]],
    [
      r + 1,
      [
        ['IBAN', r + 2],
        ['Othr', r + 3],
      ],
    ],
    [r + 3, [['Id', r + 4]]],
  );
  KIND[r] = STRUCT;
  KIND[r + 1] = STRUCT;
  KIND[r + 2] = LEAF;
  KIND[r + 3] = STRUCT;
  KIND[r + 4] = LEAF;
}
const KINDS: [number, number[]][] = [
  [STRUCT, [R_NTRY, R_NTRYDTLS, R_TX, R_REFS, R_PARTIES, R_RMTINF, R_REFS_PRTRY, R_STRD, R_CRI]],
  [STRUCT, [R_E_BOOKG, R_E_VAL, R_E_BKTXCD, R_DOMN, R_FMLY, R_BK_PRTRY]],
  [LEAF, [R_E_CD, R_E_REF, R_E_ADDTL, R_E_RVSL, R_T_CD, R_T_ADDTL, R_E2E, R_USTRD, R_CRI_REF, R_ADDTLRMT]],
  [LEAF, [R_REF_KEY, R_REF_KEY + 1, R_REF_KEY + 2, R_REF_KEY + 3, R_REF_KEY + 4, R_REF_KEY + 5, R_PRTRY_REF]],
  [LEAF, [R_BOOKG_DT, R_BOOKG_DTTM, R_VAL_DT, R_VAL_DTTM, R_DOMN_CD, R_FMLY_CD, R_SUBFMLY, R_BK_PRTRY_CD]],
  [CAPTURE, [R_CAPTURED, R_E_AMT, R_E_STS, R_E_CHRGS, R_T_AMT, R_T_AMTDTLS, R_T_CHRGS, R_RDI, R_RDAMT]],
];
for (const [kind, roles] of KINDS) for (const r of roles) KIND[r] = kind;

// What each camt name (by its id) is to the machine: its id in TABLE (low 8 bits), its
// single-valued bit + 1 (bits 8-13) and whether its subtree is never read (bit 14).
const UNREAD = 1 << 14;
const INFO = new Int32Array(CAMT_NAMES.length);
const tableId = new Map<string, number>();
for (const [, list] of CHILDREN)
  for (const [n] of list) if (!tableId.has(n)) tableId.set(n, tableId.size + 1);
CAMT_NAMES.forEach((n, id) => {
  const single = SINGLE_ELEMENTS.indexOf(n) + 1;
  INFO[id] = (tableId.get(n) ?? 0) | (single << 8) | (UNREAD_ELEMENTS.includes(n) ? UNREAD : 0);
});
// A name the machine reads must have an id, or its element would silently go unread.
for (const n of tableId.keys())
  if (!CAMT_NAMES.includes(n)) throw new Error(`${n} is missing from CAMT_NAMES`);
const NAMES = tableId.size + 1;
// Role of a child: TABLE[parentRole * NAMES + tableId] = role | (first-only bit + 1) << 8.
const TABLE = new Int32Array(ROLES * NAMES);
for (const [parent, list] of CHILDREN) {
  let bit = 0;
  for (const [n, role, many] of list) {
    TABLE[parent * NAMES + (tableId.get(n) as number)] = role | (many ? 0 : ++bit << 8);
  }
}

/** One open element: its role, which first-only and single-valued children it has seen. */
class Frame {
  role = R_OTHER;
  firsts = 0;
  singles = 0;
  name = '';
  /** Where the element is in the entry's log of opened elements (for error paths). */
  logAt = -1;
  el: XmlElement | undefined = undefined;
}

/**
 * Collects one `Ntry` from parser events: {@link begin} at `<Ntry>`, then `open`/`text`/`close`
 * for everything inside it; `close` returns the draft when the `Ntry` itself closes.
 *
 * @example
 * ```ts
 * const c = new CamtEntryCollector('camt.053');
 * c.begin('Document/BkToCstmrStmt/Stmt[0]/Ntry[0]', 12);
 * c.open('CdtDbtInd', camtNameId('CdtDbtInd'), {}); c.text('CRDT'); c.close();
 * const draft = c.close(); // CamtEntryDraft with cdtDbtInd 'CRDT'
 * ```
 */
export class CamtEntryCollector {
  private readonly format: string;
  private readonly frames: Frame[] = [];
  private depth = 0;
  private skipping = 0;
  /** Names of the open elements of a skipped subtree (for error locations). */
  private readonly skipped: string[] = [];
  private rootPath = '';
  private line = 0;
  private draft = new CamtEntryDraft();
  private dtls: CamtTxDraft[] = [];
  private tx = new CamtTxDraft();
  private rmtInf: CamtRmtInfDraft = { ustrd: [], strd: [] };
  private strd: CamtStrdDraft = { refs: [], docs: [], docAmount: undefined, texts: [] };
  private leafText = '';
  private leafHasChild = false;
  // Depth and name of every element opened in this entry, in order: error paths need the index
  // of each ancestor among its same-named siblings.
  // (Written by index and never shortened, so their storage is kept from entry to entry.)
  private readonly logDepth: number[] = [];
  private readonly logName: string[] = [];
  private logSize = 0;

  constructor(format: string) {
    this.format = format;
  }

  /** An entry starts (its `<Ntry>` has opened at `line`). */
  begin(rootPath: string, line: number): void {
    this.rootPath = rootPath;
    this.line = line;
    this.draft = new CamtEntryDraft();
    this.logSize = 0;
    this.skipping = 0;
    if (this.skipped.length > 0) this.skipped.length = 0;
    const root = this.frame(0);
    root.role = R_NTRY;
    root.firsts = 0;
    root.singles = 0;
    root.name = 'Ntry';
    root.logAt = -1;
    root.el = undefined;
    this.depth = 1;
  }

  private frame(depth: number): Frame {
    let f = this.frames[depth];
    if (f === undefined) {
      f = new Frame();
      this.frames[depth] = f;
    }
    return f;
  }

  /** An element opens inside the entry (`id`: its {@link camtNameId}). */
  open(name: string, id: number, attributes: Record<string, string>): void {
    if (this.skipping > 0) {
      this.skipping++;
      this.skipped.push(name);
      return;
    }
    const info = id < 0 ? 0 : (INFO[id] as number);
    if ((info & UNREAD) !== 0) {
      this.skipping = 1;
      this.skipped.push(name);
      return;
    }
    const parent = this.frames[this.depth - 1] as Frame;
    const single = (info >> 8) & 63;
    if (single !== 0) {
      const bit = 1 << (single - 1);
      if ((parent.singles & bit) !== 0) this.refuseSecond(name, parent.name);
      parent.singles |= bit;
    }
    const logAt = this.logSize++;
    this.logDepth[logAt] = this.depth;
    this.logName[logAt] = name;
    const pr = parent.role;
    const pk = KIND[pr] as number;
    let role: number;
    if (pk === CAPTURE) role = R_CAPTURED;
    else if (pk === STRUCT) {
      const t = TABLE[pr * NAMES + (info & 255)] as number;
      role = t & 255;
      const first = t >> 8;
      if (first !== 0) {
        const bit = 1 << (first - 1);
        if ((parent.firsts & bit) !== 0) role = R_OTHER;
        else parent.firsts |= bit;
      }
    } else {
      if (pk === LEAF) this.leafHasChild = true;
      role = R_OTHER;
    }
    const f = this.frame(this.depth++);
    f.role = role;
    f.firsts = 0;
    f.singles = 0;
    f.name = name;
    f.logAt = logAt;
    f.el = undefined;
    const kind = KIND[role];
    if (kind === LEAF) {
      this.leafText = '';
      this.leafHasChild = false;
    } else if (kind === CAPTURE) {
      // The parser makes a fresh attributes object per tag: kept as it is.
      const el = new XmlElement(name, attributes);
      f.el = el;
      if (role === R_CAPTURED) {
        const up = parent.el as XmlElement;
        if (up.children === undefined) up.children = [el];
        else up.children.push(el);
      }
    } else if (kind === STRUCT) this.startStruct(role);
  }

  private startStruct(role: number): void {
    switch (role) {
      case R_NTRYDTLS:
        this.dtls = [];
        this.draft.ntryDtls.push(this.dtls);
        break;
      case R_TX:
        this.tx = new CamtTxDraft();
        this.dtls.push(this.tx);
        break;
      case R_REFS:
        this.tx.hasRefs = true;
        break;
      case R_PARTIES:
        this.tx.hasParties = true;
        break;
      case R_RMTINF:
        this.rmtInf = { ustrd: [], strd: [] };
        if (this.tx.rmtInf === undefined) this.tx.rmtInf = [this.rmtInf];
        else this.tx.rmtInf.push(this.rmtInf);
        break;
      case R_STRD:
        this.strd = { refs: [], docs: [], docAmount: undefined, texts: [] };
        this.rmtInf.strd.push(this.strd);
        break;
    }
  }

  /** Names of the open elements below the `Ntry`, outermost first. */
  openNames(): string[] {
    const out: string[] = [];
    for (let i = 1; i < this.depth; i++) out.push((this.frames[i] as Frame).name);
    out.push(...this.skipped);
    return out;
  }

  /** Text (or CDATA) inside the entry. */
  text(t: string): void {
    if (this.skipping > 0) return;
    const f = this.frames[this.depth - 1] as Frame;
    const kind = KIND[f.role];
    // Text after a child element is layout between tags (camt has no mixed content).
    if (kind === LEAF) {
      if (!this.leafHasChild) this.leafText = this.leafText === '' ? t : this.leafText + t;
    } else if (kind === CAPTURE) {
      const el = f.el as XmlElement;
      if (el.children === undefined) el.text = el.text === '' ? t : el.text + t;
    }
  }

  /** The current element ends; returns the draft when the `Ntry` ends. */
  close(): CamtEntryDraft | undefined {
    if (this.skipping > 0) {
      this.skipping--;
      this.skipped.pop();
      return undefined;
    }
    const f = this.frames[--this.depth] as Frame;
    const kind = KIND[f.role];
    if (kind === LEAF) {
      const t = this.leafText === '' ? '' : this.leafText.trim();
      this.leafText = '';
      this.leafHasChild = true;
      this.setLeaf(f.role, t === '' ? undefined : t);
    } else if (kind === CAPTURE) {
      const el = f.el as XmlElement;
      f.el = undefined;
      if (el.text !== '') el.text = el.text.trim();
      if (f.role !== R_CAPTURED) this.setCaptured(f.role, el);
    }
    return this.depth === 0 ? this.draft : undefined;
  }

  private setLeaf(role: number, v: string | undefined): void {
    const tx = this.tx;
    const d = this.draft;
    if (role >= R_REF_KEY && role < R_REF_KEY + 6) {
      tx.references ??= [];
      tx.references[role - R_REF_KEY] = v;
      return;
    }
    switch (role) {
      case R_E_CD:
        d.cdtDbtInd = v;
        break;
      case R_E_REF:
        d.acctSvcrRef = v;
        break;
      case R_E_ADDTL:
        d.addtlNtryInf = v;
        break;
      case R_E_RVSL:
        d.rvslInd = v;
        break;
      case R_BOOKG_DT:
        d.bookgDt = v;
        break;
      case R_BOOKG_DTTM:
        d.bookgDtTm = v;
        break;
      case R_VAL_DT:
        d.valDt = v;
        break;
      case R_VAL_DTTM:
        d.valDtTm = v;
        break;
      case R_DOMN_CD:
        d.domainCode = v;
        break;
      case R_FMLY_CD:
        d.familyCode = v;
        break;
      case R_SUBFMLY:
        d.subFamilyCode = v;
        break;
      case R_BK_PRTRY_CD:
        d.proprietaryCode = v;
        break;
      case R_T_CD:
        tx.cdtDbtInd = v;
        break;
      case R_T_ADDTL:
        tx.addtlTxInf = v;
        break;
      case R_E2E:
        tx.endToEndId = v;
        break;
      case R_PRTRY_REF:
        tx.references ??= [];
        tx.references[6] = v;
        break;
      case R_PARTY + 1:
        tx.dbtrNm = v;
        break;
      case R_PARTY + 3:
        tx.dbtrPtyNm = v;
        break;
      case R_PARTY + 5:
        tx.cdtrNm = v;
        break;
      case R_PARTY + 7:
        tx.cdtrPtyNm = v;
        break;
      case R_PARTY + 9:
        tx.ultmtDbtrNm = v;
        break;
      case R_PARTY + 11:
        tx.ultmtDbtrPtyNm = v;
        break;
      case R_ACCT + 2:
        tx.dbtrIban = v;
        break;
      case R_ACCT + 4:
        tx.dbtrOthrId = v;
        break;
      case R_ACCT + 7:
        tx.cdtrIban = v;
        break;
      case R_ACCT + 9:
        tx.cdtrOthrId = v;
        break;
      case R_USTRD:
        if (v !== undefined) this.rmtInf.ustrd.push(v);
        break;
      case R_CRI_REF:
        if (v !== undefined) this.strd.refs.push(v);
        break;
      case R_ADDTLRMT:
        if (v !== undefined) this.strd.texts.push(v);
        break;
    }
  }

  private setCaptured(role: number, el: XmlElement): void {
    const d = this.draft;
    switch (role) {
      case R_E_AMT:
        d.amt = el;
        break;
      case R_E_STS:
        d.sts = el;
        break;
      case R_E_CHRGS:
        if (d.chrgs === undefined) d.chrgs = [el];
        else d.chrgs.push(el);
        break;
      case R_T_AMT:
        this.tx.amt = el;
        break;
      case R_T_AMTDTLS:
        this.tx.amtDtls = el;
        break;
      case R_T_CHRGS:
        if (this.tx.chrgs === undefined) this.tx.chrgs = [el];
        else this.tx.chrgs.push(el);
        break;
      case R_RDI:
        this.strd.docs.push(el);
        break;
      case R_RDAMT:
        this.strd.docAmount = el;
        break;
    }
  }

  /** A second single-valued element: refused at its path, `Name[index]` below the entry. */
  private refuseSecond(name: string, parentName: string): never {
    let path = this.rootPath;
    for (let i = 1; i < this.depth; i++) {
      const f = this.frames[i] as Frame;
      const from = (this.frames[i - 1] as Frame).logAt;
      let siblings = 0;
      for (let k = from + 1; k < f.logAt; k++)
        if (this.logDepth[k] === i && this.logName[k] === f.name) siblings++;
      path += `/${f.name}[${siblings}]`;
    }
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      this.format,
      { path: `${path}/${name}[1]`, line: this.line },
      `a second <${name}> in one <${parentName}>: which one would be meant?`,
    );
  }
}
