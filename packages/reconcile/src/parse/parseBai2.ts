import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankStatement, BankTransaction, ParseResult, ParseWarning } from '../model/BankTransaction.js';
import { type DecodeOptions, decodeInput } from './decodeInput.js';

/**
 * Options of {@link parseBai2}.
 *
 * @example
 * ```ts
 * parseBai2(text, { defaultCurrency: 'CAD' });
 * ```
 */
export interface Bai2Options extends DecodeOptions {
  /** Currency when neither the group (02) nor the account (03) record names one; default USD. */
  readonly defaultCurrency?: string;
}

interface RecordLine {
  readonly code: string;
  fields: string[];
  text: string;
  readonly line: number;
}

// Key-value continuation lines some banks put in 88 records after a 16 (e.g. "EREF: 1111").
const KV = /^([A-Z]{4}):\s?(.*)$/;

/**
 * Parses a BAI2 cash-management file: 01 file, 02 group, 03 account, 16 transaction detail,
 * 88 continuation, 49/98/99 trailers. Amounts are integer minor units already (no decimal point
 * in BAI2). Type codes below 400 are credits, 400-699 debits. The 16 record's text runs to the
 * end of the record and may contain commas; 88 lines continue it (`KEY: value` lines such as
 * `EREF:`/`DBNM:` are decoded).
 *
 * @example
 * ```ts
 * const { statements } = parseBai2(text);
 * statements[0]!.transactions[0]!.transactionCode; // '409'
 * ```
 */
export function parseBai2(input: string | Uint8Array, options: Bai2Options = {}): ParseResult {
  const text = decodeInput(input, 'bai2', options).replace(/\r\n?/g, '\n');
  const records = splitRecords(text);
  const warnings: ParseWarning[] = [];
  const first = records[0];
  if (first === undefined || first.code !== '01') {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'bai2',
      { path: first?.code ?? '', line: first?.line ?? 1 },
      'file must start with an 01 file header record',
    );
  }
  const statements: BankStatement[] = [];
  let groupCurrency: string | undefined;
  let asOf: string | undefined;
  let groupId = '';
  let acct: { id: string; currency: string; tx: BankTransaction[]; line: number } | undefined;
  let sawTrailer = false;
  const close = (): void => {
    if (acct)
      statements.push({
        id: acct.id,
        format: 'bai2',
        accountId: acct.id.split(':').pop() ?? acct.id,
        currency: acct.currency,
        transactions: acct.tx,
      });
    acct = undefined;
  };
  for (const r of records) {
    const where = { path: r.code, line: r.line };
    switch (r.code) {
      case '01':
        break;
      case '02': {
        groupId = r.fields[1] ?? '';
        asOf = date(r.fields[3], where);
        groupCurrency = r.fields[5] || undefined;
        break;
      }
      case '03': {
        close();
        const number = r.fields[0] ?? '';
        if (number === '')
          throw new StatementParseError(
            'MALFORMED_STATEMENT',
            'bai2',
            where,
            'account record without an account number',
          );
        const currency = r.fields[1] || groupCurrency || options.defaultCurrency || 'USD';
        if (currencyExponent(currency) === undefined)
          throw new StatementParseError(
            'MALFORMED_STATEMENT',
            'bai2',
            where,
            `invalid currency "${currency}"`,
          );
        acct = { id: `${groupId}:${asOf ?? ''}:${number}`, currency, tx: [], line: r.line };
        break;
      }
      case '16': {
        if (acct === undefined)
          throw new StatementParseError(
            'MALFORMED_STATEMENT',
            'bai2',
            where,
            '16 record outside an account (no 03 before it)',
          );
        acct.tx.push(detail(r, acct.id, acct.currency, asOf, `${acct.id}:${acct.tx.length + 1}`, warnings));
        break;
      }
      case '49':
        close();
        break;
      case '98':
      case '99':
        close();
        sawTrailer = r.code === '99' || sawTrailer;
        break;
      default:
        throw new StatementParseError(
          'MALFORMED_STATEMENT',
          'bai2',
          where,
          `unknown record code "${r.code}"`,
        );
    }
  }
  close();
  if (!sawTrailer)
    warnings.push({
      code: 'MISSING_TRAILER',
      message: 'no 99 file trailer; the file may be truncated',
      location: { path: '99' },
    });
  return { statements, warnings };
}

function date(v: string | undefined, where: { path: string; line: number }): string | undefined {
  if (v === undefined || v === '') return undefined;
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (!m) throw new StatementParseError('MALFORMED_STATEMENT', 'bai2', where, `date "${v}" is not YYMMDD`);
  return `20${m[1]}-${m[2]}-${m[3]}`;
}

function splitRecords(text: string): RecordLine[] {
  const out: RecordLine[] = [];
  const push = (physical: string, lineNo: number): void => {
    const line = physical.trim();
    if (line === '') return;
    const prev = out[out.length - 1];
    if (!/^\d{2},/.test(line)) {
      // A physical line that is no record: the previous record wrapped (seen in bank files).
      if (prev === undefined) {
        out.push({ code: line.slice(0, 2), fields: [], text: '', line: lineNo });
        return;
      }
      if (prev.code === '16')
        prev.fields[prev.fields.length - 1] =
          `${(prev.fields[prev.fields.length - 1] ?? '').replace(/\/$/, '').trimEnd()} ${line}`;
      else prev.text += `\n${line}`;
      return;
    }
    // Several records may share one physical line, each ending with "/" (seen in bank files).
    const segments = line.split(/\/\s+(?=\d{2},)/);
    if (segments.length > 1) {
      for (const seg of segments) push(seg, lineNo);
      return;
    }
    const code = line.slice(0, 2);
    let rest = line.slice(3);
    if (code !== '16' && code !== '88') rest = rest.replace(/\/$/, '');
    if (code === '88') {
      if (prev === undefined) {
        out.push({ code, fields: [], text: rest, line: lineNo });
        return;
      }
      prev.text += `\n${rest.replace(/\/$/, '')}`;
      if (prev.code !== '16') prev.fields.push(...rest.replace(/\/$/, '').split(','));
      return;
    }
    out.push({ code, fields: rest.split(','), text: '', line: lineNo });
  };
  text.split('\n').forEach((raw, i) => {
    push(raw, i + 1);
  });
  return out;
}

function detail(
  r: RecordLine,
  statementId: string,
  currency: string,
  asOf: string | undefined,
  id: string,
  warnings: ParseWarning[],
): BankTransaction {
  const where = { path: '16', line: r.line };
  const f = r.fields;
  const type = f[0] ?? '';
  const typeNo = Number(type);
  if (!/^\d{3}$/.test(type))
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'bai2',
      where,
      `type code "${type}" is not three digits`,
    );
  const amountText = f[1] ?? '';
  if (!/^\d+$/.test(amountText))
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'bai2',
      where,
      `amount "${amountText}" is not an unsigned integer`,
    );
  const amountMinor = Number(amountText);
  if (!Number.isSafeInteger(amountMinor))
    throw new StatementParseError('MALFORMED_STATEMENT', 'bai2', where, 'amount too large');
  const funds = f[2] ?? '';
  let k = 3;
  let valueDate: string | undefined;
  if (funds === 'S') k += 3;
  else if (funds === 'V') {
    valueDate = date(f[3], where);
    k += 2;
  } else if (funds === 'D') {
    const n = Number(f[3] ?? '0');
    if (!Number.isInteger(n) || n < 0)
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'bai2',
        where,
        'distributed funds count is not a number',
      );
    k += 1 + 2 * n;
  } else if (!['', '0', '1', '2', 'Z'].includes(funds)) {
    throw new StatementParseError('MALFORMED_STATEMENT', 'bai2', where, `unknown funds type "${funds}"`);
  }
  const bankRef = (f[k] ?? '').trim();
  const customerRef = (f[k + 1] ?? '').trim();
  const mainText = f
    .slice(k + 2)
    .join(',')
    .replace(/\/$/, '')
    .trim();
  const kv = new Map<string, string>();
  const texts: string[] = mainText ? [mainText] : [];
  for (const cont of r.text.split('\n').slice(1)) {
    const m = KV.exec(cont.trim());
    if (m?.[1] !== undefined) {
      if (!kv.has(m[1])) kv.set(m[1], (m[2] ?? '').trim());
    } else if (cont.trim()) texts.push(cont.trim());
  }
  const credit = typeNo < 400;
  if (typeNo >= 700)
    warnings.push({
      code: 'BAI2_TYPE_DIRECTION',
      message: `type code ${type} treated as a debit`,
      location: where,
    });
  const eref = kv.get('EREF');
  const remi = kv.get('REMI');
  const name = credit ? kv.get('DBNM') : kv.get('CRNM');
  const account = credit ? kv.get('DACT') : kv.get('CACT');
  return {
    id,
    format: 'bai2',
    statementId,
    accountId: statementId.split(':').pop() ?? statementId,
    direction: credit ? 'credit' : 'debit',
    amountMinor,
    currency,
    ...(asOf === undefined ? {} : { bookingDate: asOf }),
    ...(valueDate === undefined ? {} : { valueDate }),
    reversal: false,
    ...(bankRef ? { bankReference: bankRef } : {}),
    ...(eref ? { endToEndId: eref } : {}),
    otherReferences: customerRef ? [customerRef] : [],
    creditorReferences: [],
    referredDocuments: [],
    remittanceText: remi ? [remi, ...texts] : texts,
    additionalInfo: [...kv.entries()]
      .filter(([key]) => !['EREF', 'REMI', 'DBNM', 'CRNM', 'DACT', 'CACT'].includes(key))
      .map(([key, v]) => `${key}: ${v}`),
    ...(name ? { counterpartyName: name } : {}),
    ...(account ? { counterpartyAccount: account } : {}),
    transactionCode: type,
    source: where,
  };
}
