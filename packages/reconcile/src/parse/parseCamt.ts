import { currencyExponent } from '@quidfin/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { StatementParseError } from '../errors/StatementParseError.js';
import type {
  BankStatement,
  BankTransaction,
  ParseResult,
  ParseWarning,
  ReferredDocument,
  StatementFormat,
} from '../model/BankTransaction.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { type DecodeOptions, decodeInput } from './decodeInput.js';
import { attr, child, children, textAt, textOf, type XmlNode } from './xmlNode.js';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.001\.(\d{2})$/;
const CONTAINERS: Readonly<Record<string, readonly [string, string]>> = {
  'camt.052': ['BkToCstmrAcctRpt', 'Rpt'],
  'camt.053': ['BkToCstmrStmt', 'Stmt'],
  'camt.054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
};

/**
 * Parses an ISO 20022 camt.052 / camt.053 / camt.054 document (any version 001.01 to 001.13)
 * into normalised statements. Every `Ntry` becomes a transaction; a batch entry whose `TxDtls`
 * all carry amounts becomes one transaction per detail. Both unstructured (`Ustrd`) and
 * structured (`Strd/CdtrRefInf/Ref`, `RfrdDocInf`) remittance, `EndToEndId`, charges and the
 * counterparty are kept. XML parsing is fast-xml-parser's; DTDs are refused (no entity tricks).
 *
 * @example
 * ```ts
 * const { statements } = parseCamt(xmlText);
 * const tx = statements[0]!.transactions[0]!;
 * console.log(tx.amountMinor, tx.endToEndId, tx.creditorReferences);
 * ```
 */
export function parseCamt(input: string | Uint8Array, options: DecodeOptions = {}): ParseResult {
  const text = decodeInput(input, 'camt', options);
  if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'camt',
      { path: '' },
      'DTDs and entity declarations are not allowed',
    );
  }
  const valid = guarded(() => XMLValidator.validate(text));
  if (valid !== true) {
    const unclosed = /^Invalid '(\[[\s\S]*\])' found/.exec(valid.err.msg)?.[1];
    if (unclosed !== undefined) {
      // The validator reports tags still open at end of input at 1:1; say where it really is.
      let open: string[] = [];
      try {
        open = JSON.parse(unclosed) as string[];
      } catch {
        open = [];
      }
      const lines = text.split('\n');
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'camt',
        { path: open.join('/'), line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 },
        `input ends inside <${open[open.length - 1] ?? '?'}>: truncated XML`,
      );
    }
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'camt',
      { path: '', line: valid.err.line, column: valid.err.col },
      `invalid XML: ${valid.err.msg}`,
    );
  }
  const format = sniffNamespace(text);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
  });
  const root = child(guarded(() => parser.parse(text)) as XmlNode, 'Document');
  const spec = CONTAINERS[format];
  if (spec === undefined)
    throw new StatementParseError(
      'UNSUPPORTED_FORMAT',
      'camt',
      { path: 'Document' },
      `unsupported ${format}`,
    );
  const [containerName, stmtName] = spec;
  const container = child(root, containerName);
  if (container === undefined) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      format,
      { path: 'Document' },
      `missing ${containerName} for ${format}`,
    );
  }
  const stmts = children(container, stmtName);
  if (stmts.length === 0) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      format,
      { path: `Document/${containerName}` },
      `no ${stmtName} element`,
    );
  }
  const warnings: ParseWarning[] = [];
  const statements = stmts.map((s, i) =>
    readStatement(s, `Document/${containerName}/${stmtName}[${i}]`, format, warnings),
  );
  return { statements, warnings };
}

/** Turns the XML library's own errors (e.g. nesting limits) into a typed, located error. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StatementParseError) throw e;
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'camt',
      { path: '' },
      `XML parser refused the input: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function sniffNamespace(text: string): StatementFormat {
  const m = /<(?:([A-Za-z_][\w.-]*):)?Document\b([^>]*)>/.exec(text);
  if (!m)
    throw new StatementParseError('UNSUPPORTED_FORMAT', 'camt', { path: '' }, 'root element is not Document');
  const prefix = m[1];
  const attrs = m[2] ?? '';
  const nsRe =
    prefix === undefined ? /\sxmlns=["']([^"']*)["']/ : new RegExp(`\\sxmlns:${prefix}=["']([^"']*)["']`);
  const ns = nsRe.exec(attrs)?.[1];
  const hit = ns === undefined ? null : NAMESPACE.exec(ns);
  if (!hit || hit[1] === undefined) {
    throw new StatementParseError(
      'UNSUPPORTED_FORMAT',
      'camt',
      { path: 'Document/@xmlns' },
      `namespace ${ns === undefined ? '(none)' : `"${ns}"`} is not camt.052/053/054`,
    );
  }
  return hit[1] as StatementFormat;
}

function fail(format: string, path: string, message: string): never {
  throw new StatementParseError('MALFORMED_STATEMENT', format, { path }, message);
}

/** Reads an amount element: `<X Ccy="EUR">1.00</X>`, or `<X><Amt Ccy="EUR">1.00</Amt></X>` (newer versions). */
function moneyOf(el: XmlNode, path: string, format: string): { amountMinor: number; currency: string } {
  const node = textOf(el) === undefined && child(el, 'Amt') !== undefined ? child(el, 'Amt') : el;
  const where = node === el ? path : `${path}/Amt`;
  const raw = textOf(node)?.trim();
  const ccy = attr(node, 'Ccy');
  if (raw === undefined || raw === '') fail(format, where, 'missing amount');
  if (ccy === undefined) fail(format, `${where}/@Ccy`, 'missing currency');
  const exp = currencyExponent(ccy);
  if (exp === undefined) fail(format, `${where}/@Ccy`, `invalid currency "${ccy}"`);
  const minor = parseDecimalMinor(raw, exp, '.');
  if (typeof minor === 'string') fail(format, where, `amount ${minor}`);
  if (minor < 0) fail(format, where, 'amount must not be negative (CdtDbtInd carries the sign)');
  return { amountMinor: minor, currency: ccy };
}

function amountAt(node: XmlNode, path: string, format: string): { amountMinor: number; currency: string } {
  return moneyOf(child(node, 'Amt'), `${path}/Amt`, format);
}

function optionalMoney(
  el: XmlNode,
  path: string,
  format: string,
): { amountMinor: number; currency: string } | undefined {
  return el === undefined ? undefined : moneyOf(el, path, format);
}

function dateAt(node: XmlNode, path: string): string | undefined {
  const d = textAt(node, `${path}/Dt`) ?? textAt(node, `${path}/DtTm`);
  return d?.slice(0, 10);
}

function readStatement(
  s: XmlNode,
  path: string,
  format: StatementFormat,
  warnings: ParseWarning[],
): BankStatement {
  const id = textAt(s, 'Id');
  if (id === undefined) fail(format, `${path}/Id`, 'missing statement Id');
  const accountId = textAt(s, 'Acct/Id/IBAN') ?? textAt(s, 'Acct/Id/Othr/Id');
  const currency = textAt(s, 'Acct/Ccy');
  const transactions: BankTransaction[] = [];
  children(s, 'Ntry').forEach((n, i) => {
    readEntry(n, `${path}/Ntry[${i}]`, format, { id, accountId }, `${id}:${i + 1}`, transactions, warnings);
  });
  return {
    id,
    format,
    ...(accountId === undefined ? {} : { accountId }),
    ...(currency === undefined ? {} : { currency }),
    transactions,
  };
}

interface Details {
  amount?: { amountMinor: number; currency: string };
  instructed?: { amountMinor: number; currency: string };
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

function partyName(node: XmlNode, role: string): string | undefined {
  return textAt(node, `RltdPties/${role}/Nm`) ?? textAt(node, `RltdPties/${role}/Pty/Nm`);
}

function partyAccount(node: XmlNode, role: string): string | undefined {
  return textAt(node, `RltdPties/${role}/Id/IBAN`) ?? textAt(node, `RltdPties/${role}/Id/Othr/Id`);
}

function readDetails(tx: XmlNode, path: string, format: string, credit: boolean): Details {
  const d: Details = {
    otherReferences: [],
    creditorReferences: [],
    referredDocuments: [],
    remittanceText: [],
    additionalInfo: [],
  };
  const amount =
    optionalMoney(child(tx, 'Amt'), `${path}/Amt`, format) ??
    optionalMoney(child(tx, 'AmtDtls/TxAmt'), `${path}/AmtDtls/TxAmt`, format);
  if (amount) d.amount = amount;
  const instd = optionalMoney(child(tx, 'AmtDtls/InstdAmt'), `${path}/AmtDtls/InstdAmt`, format);
  if (instd) d.instructed = instd;
  const e2e = textAt(tx, 'Refs/EndToEndId');
  if (e2e !== undefined && e2e.toUpperCase() !== 'NOTPROVIDED') d.endToEndId = e2e;
  for (const k of ['InstrId', 'TxId', 'MndtId', 'UETR', 'AcctSvcrRef', 'PmtInfId', 'Prtry/Ref']) {
    const v = textAt(tx, `Refs/${k}`);
    if (v !== undefined && v.toUpperCase() !== 'NOTPROVIDED') d.otherReferences.push(v);
  }
  const name = partyName(tx, credit ? 'Dbtr' : 'Cdtr');
  if (name !== undefined) d.counterpartyName = name;
  const acct = partyAccount(tx, credit ? 'DbtrAcct' : 'CdtrAcct');
  if (acct !== undefined) d.counterpartyAccount = acct;
  const ult = partyName(tx, 'UltmtDbtr');
  if (ult !== undefined) d.ultimateDebtorName = ult;
  for (const rmt of children(tx, 'RmtInf')) {
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
        const rmtd = optionalMoney(child(amtNode, 'RmtdAmt'), `${base}/RmtdAmt`, format);
        const dsc = optionalMoney(child(amtNode, 'DscntApldAmt'), `${base}/DscntApldAmt`, format);
        const doc: ReferredDocument = {
          number: nb,
          ...(type === undefined ? {} : { type }),
          ...(rmtd && ri === 0 ? { remittedMinor: rmtd.amountMinor } : {}),
          ...(dsc && ri === 0 ? { discountMinor: dsc.amountMinor } : {}),
        };
        d.referredDocuments.push(doc);
      });
      for (const a of children(strd, 'AddtlRmtInf')) {
        const t = textOf(a)?.trim();
        if (t) d.remittanceText.push(t);
      }
    });
  }
  const addtl = textAt(tx, 'AddtlTxInf');
  if (addtl !== undefined) d.additionalInfo.push(addtl);
  let charges = 0;
  let hasCharges = false;
  for (const ch of children(tx, 'Chrgs')) {
    const records = children(ch, 'Rcrd');
    const list = records.length > 0 ? records : [ch];
    list.forEach((r, ri) => {
      if (child(r, 'Amt') === undefined) return;
      charges += amountAt(r, `${path}/Chrgs/Rcrd[${ri}]`, format).amountMinor;
      hasCharges = true;
    });
  }
  if (hasCharges) d.chargesMinor = charges;
  return d;
}

function readEntry(
  n: XmlNode,
  path: string,
  format: StatementFormat,
  stmt: { id: string; accountId: string | undefined },
  baseId: string,
  out: BankTransaction[],
  warnings: ParseWarning[],
): void {
  const { amountMinor, currency } = amountAt(n, path, format);
  const cd = textAt(n, 'CdtDbtInd');
  if (cd !== 'CRDT' && cd !== 'DBIT')
    fail(format, `${path}/CdtDbtInd`, `CdtDbtInd must be CRDT or DBIT, got "${cd ?? ''}"`);
  const credit = cd === 'CRDT';
  const status = textAt(n, 'Sts') ?? textAt(n, 'Sts/Cd') ?? textAt(n, 'Sts/Prtry');
  const bookingDate = dateAt(n, 'BookgDt');
  const valueDate = dateAt(n, 'ValDt');
  const bankReference = textAt(n, 'AcctSvcrRef');
  const domain = [
    textAt(n, 'BkTxCd/Domn/Cd'),
    textAt(n, 'BkTxCd/Domn/Fmly/Cd'),
    textAt(n, 'BkTxCd/Domn/Fmly/SubFmlyCd'),
  ]
    .filter((x) => x !== undefined)
    .join('/');
  const transactionCode = domain || textAt(n, 'BkTxCd/Prtry/Cd');
  const entryInfo = textAt(n, 'AddtlNtryInf');
  const details: Details[] = [];
  children(n, 'NtryDtls').forEach((nd, ni) => {
    children(nd, 'TxDtls').forEach((tx, ti) => {
      details.push(readDetails(tx, `${path}/NtryDtls[${ni}]/TxDtls[${ti}]`, format, credit));
    });
  });
  const entryCharges =
    children(n, 'Chrgs').length > 0
      ? readDetails({ Chrgs: child(n, 'Chrgs') }, path, format, credit).chargesMinor
      : undefined;
  const common = {
    format,
    statementId: stmt.id,
    ...(stmt.accountId === undefined ? {} : { accountId: stmt.accountId }),
    direction: credit ? ('credit' as const) : ('debit' as const),
    ...(bookingDate === undefined ? {} : { bookingDate }),
    ...(valueDate === undefined ? {} : { valueDate }),
    ...(status === undefined ? {} : { status }),
    reversal: textAt(n, 'RvslInd') === 'true',
    ...(transactionCode ? { transactionCode } : {}),
  };
  const split = details.length > 1 && details.every((d) => d.amount !== undefined);
  if (split) {
    const sum = details.reduce((a, d) => a + (d.amount?.amountMinor ?? 0), 0);
    if (sum !== amountMinor) {
      warnings.push({
        code: 'BATCH_SUM_MISMATCH',
        message: `TxDtls amounts sum to ${sum}, entry amount is ${amountMinor}`,
        location: { path },
      });
    }
    details.forEach((d, k) => {
      out.push(
        build(
          `${baseId}.${k + 1}`,
          common,
          d,
          d.amount ?? { amountMinor, currency },
          bankReference,
          [],
          `${path}/NtryDtls/TxDtls[${k}]`,
        ),
      );
    });
    return;
  }
  if (details.length > 1) {
    warnings.push({
      code: 'BATCH_DETAILS_MERGED',
      message: `${details.length} TxDtls without individual amounts were merged into one transaction`,
      location: { path },
    });
  }
  const merged = mergeDetails(details);
  if (merged.chargesMinor === undefined && entryCharges !== undefined) merged.chargesMinor = entryCharges;
  out.push(
    build(
      baseId,
      common,
      merged,
      { amountMinor, currency },
      bankReference,
      entryInfo === undefined ? [] : [entryInfo],
      path,
    ),
  );
}

function mergeDetails(list: Details[]): Details {
  const m: Details = {
    otherReferences: [],
    creditorReferences: [],
    referredDocuments: [],
    remittanceText: [],
    additionalInfo: [],
  };
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
    m.counterpartyName ??= d.counterpartyName as string;
    m.counterpartyAccount ??= d.counterpartyAccount as string;
    m.ultimateDebtorName ??= d.ultimateDebtorName as string;
    if (d.instructed) m.instructed ??= d.instructed;
    if (d.chargesMinor !== undefined) m.chargesMinor = (m.chargesMinor ?? 0) + d.chargesMinor;
  }
  for (const k of ['counterpartyName', 'counterpartyAccount', 'ultimateDebtorName'] as const)
    if (m[k] === undefined) delete m[k];
  return m;
}

function build(
  id: string,
  common: Omit<
    BankTransaction,
    | 'id'
    | 'amountMinor'
    | 'currency'
    | 'source'
    | 'otherReferences'
    | 'creditorReferences'
    | 'referredDocuments'
    | 'remittanceText'
    | 'additionalInfo'
  >,
  d: Details,
  amount: { amountMinor: number; currency: string },
  bankReference: string | undefined,
  extraInfo: string[],
  path: string,
): BankTransaction {
  return {
    id,
    ...common,
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    ...(bankReference === undefined ? {} : { bankReference }),
    ...(d.endToEndId === undefined ? {} : { endToEndId: d.endToEndId }),
    otherReferences: d.otherReferences,
    creditorReferences: d.creditorReferences,
    referredDocuments: d.referredDocuments,
    remittanceText: d.remittanceText,
    additionalInfo: [...d.additionalInfo, ...extraInfo],
    ...(d.counterpartyName === undefined ? {} : { counterpartyName: d.counterpartyName }),
    ...(d.counterpartyAccount === undefined ? {} : { counterpartyAccount: d.counterpartyAccount }),
    ...(d.ultimateDebtorName === undefined ? {} : { ultimateDebtorName: d.ultimateDebtorName }),
    ...(d.chargesMinor === undefined ? {} : { chargesMinor: d.chargesMinor }),
    ...(d.instructed === undefined ||
    (d.instructed.currency === amount.currency && d.instructed.amountMinor === amount.amountMinor)
      ? {}
      : { instructedAmount: d.instructed }),
    source: { path },
  };
}
