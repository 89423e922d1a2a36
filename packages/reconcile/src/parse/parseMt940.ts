import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankStatement, BankTransaction, ParseResult, ParseWarning } from '../model/BankTransaction.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { type DecodeOptions, decodeInput } from './decodeInput.js';
import { parseMt940Details } from './parseMt940Details.js';

/**
 * Options of {@link parseMt940}.
 *
 * @example
 * ```ts
 * parseMt940(text, { defaultCurrency: 'EUR', encoding: 'windows-1252' });
 * ```
 */
export interface Mt940Options extends DecodeOptions {
  /** Currency when neither `:60F:`/`:60M:` nor `:25:` names one. */
  readonly defaultCurrency?: string;
}

interface Field {
  readonly tag: string;
  value: string;
  readonly line: number;
}

const LINE_61 =
  /^(\d{2})(\d{2})(\d{2})(\d{4})?(R?[CD])([A-Z])?(\d+(?:,\d*)?)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

/**
 * Parses SWIFT MT940 (and MT942) statements, including bank exports without the SWIFT block
 * envelope. Every `:61:` line becomes a transaction; its `:86:` is decoded for the common
 * dialects (German `?NN` with SEPA keys `EREF+`/`SVWZ+`/`KREF+`, `>NN`, Dutch `/TAG/value`,
 * `REK:`/`NAAM:` free text). Amounts use the decimal comma and are read as integer minor units.
 *
 * @example
 * ```ts
 * const { statements } = parseMt940(':20:REF\n:25:NL91ABNA0417164300\n:28C:1\n:60F:C240101EUR0,\n:61:2401020102C10,00NTRFNONREF\n:86:INV-1001\n:62F:C240102EUR10,\n-');
 * statements[0]!.transactions[0]!.amountMinor; // 1000
 * ```
 */
export function parseMt940(input: string | Uint8Array, options: Mt940Options = {}): ParseResult {
  const text = decodeInput(input, 'mt940', options).replace(/\r\n?/g, '\n');
  const warnings: ParseWarning[] = [];
  const messages = splitMessages(text, warnings);
  if (messages.length === 0) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'mt940',
      { path: '', line: 1 },
      'no MT940 fields (":20:") found',
    );
  }
  const statements = messages.map((fields, i) => readMessage(fields, i, options, warnings));
  return { statements, warnings };
}

function splitMessages(text: string, warnings: ParseWarning[]): Field[][] {
  const messages: Field[][] = [];
  let current: Field[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    const lineNo = i + 1;
    // SWIFT envelope: {1:...}{2:...}{4: then fields; "-}" closes it.
    if (line.startsWith('{')) {
      const idx = line.indexOf('{4:');
      if (idx < 0) continue;
      line = line.slice(idx + 3);
      if (line === '') continue;
    }
    if (/^-\}?$|^-[A-Z]*$/.test(line.trim()) || line.trim() === '}' || line.trim() === '-}') {
      if (current.length > 0) messages.push(current);
      current = [];
      continue;
    }
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m?.[1] !== undefined) {
      if (m[1] === '20' && current.some((f) => f.tag === '20')) {
        messages.push(current);
        current = [];
      }
      current.push({ tag: m[1], value: m[2] ?? '', line: lineNo });
      continue;
    }
    if (line.trim() === '') continue;
    const last = current[current.length - 1];
    if (last === undefined) {
      warnings.push({
        code: 'PREAMBLE_LINE',
        message: `text before the first field: "${line.slice(0, 40)}"`,
        location: { path: '', line: lineNo },
      });
      continue;
    }
    last.value += `\n${line}`;
  }
  if (current.length > 0) messages.push(current);
  return messages.filter((m) => m.some((f) => f.tag === '20' || f.tag === '61'));
}

function yyMmDd(yy: string, mm: string, dd: string): string {
  const y = Number(yy);
  return `${y < 70 ? 2000 + y : 1900 + y}-${mm}-${dd}`;
}

function readMessage(
  fields: Field[],
  index: number,
  options: Mt940Options,
  warnings: ParseWarning[],
): BankStatement {
  const get = (tag: string): Field | undefined => fields.find((f) => f.tag === tag);
  const reference = get('20')?.value.trim() || `MT940-${index + 1}`;
  const statementNo = (get('28C') ?? get('28'))?.value.trim();
  const id = statementNo ? `${reference}/${statementNo}` : reference;
  const account = get('25')?.value.trim();
  const opening = fields.find((f) => /^6[02][FM]$/.test(f.tag));
  const currency =
    (opening === undefined ? undefined : /^[CD]\d{6}([A-Z]{3})/.exec(opening.value)?.[1]) ??
    (account === undefined ? undefined : /([A-Z]{3})$/.exec(account)?.[1]) ??
    options.defaultCurrency;
  const transactions: BankTransaction[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f === undefined || f.tag !== '61') continue;
    const next = fields[i + 1];
    const info = next?.tag === '86' ? next : undefined;
    transactions.push(readLine(f, info, `${id}:${transactions.length + 1}`, id, account, currency));
  }
  for (const f of fields) {
    if (
      ![
        '20',
        '21',
        '25',
        '28',
        '28C',
        '60F',
        '60M',
        '61',
        '62F',
        '62M',
        '64',
        '65',
        '86',
        '13',
        '13D',
        '34F',
        '90D',
        '90C',
        '940',
        '942',
      ].includes(f.tag)
    ) {
      warnings.push({
        code: 'UNKNOWN_FIELD',
        message: `unknown field :${f.tag}:`,
        location: { path: `:${f.tag}:`, line: f.line },
      });
    }
  }
  return {
    id,
    format: 'mt940',
    ...(account === undefined ? {} : { accountId: account }),
    ...(currency === undefined ? {} : { currency }),
    transactions,
  };
}

function readLine(
  f: Field,
  info: Field | undefined,
  id: string,
  statementId: string,
  account: string | undefined,
  currency: string | undefined,
): BankTransaction {
  const where = { path: ':61:', line: f.line };
  const m = LINE_61.exec(f.value.replace(/^\s+/, ''));
  if (!m)
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'mt940',
      where,
      `cannot read statement line "${f.value.slice(0, 60)}"`,
    );
  if (currency === undefined) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'mt940',
      where,
      'no currency (no :60F: balance; pass defaultCurrency)',
    );
  }
  const exp = currencyExponent(currency);
  if (exp === undefined)
    throw new StatementParseError('MALFORMED_STATEMENT', 'mt940', where, `invalid currency "${currency}"`);
  const [
    ,
    yy = '',
    mm = '',
    dd = '',
    entry,
    mark = '',
    ,
    rawAmount = '',
    type = '',
    customerRef = '',
    bankRef,
    supplementary,
  ] = m;
  const amountMinor = parseDecimalMinor(rawAmount, exp, ',');
  if (typeof amountMinor === 'string')
    throw new StatementParseError('MALFORMED_STATEMENT', 'mt940', where, `amount ${amountMinor}`);
  const valueDate = yyMmDd(yy, mm, dd);
  let bookingDate = valueDate;
  if (entry !== undefined) {
    // Entry date has no year: take the value date's year, stepping over a year end.
    let year = Number(valueDate.slice(0, 4));
    if (mm === '12' && entry.startsWith('01')) year++;
    else if (mm === '01' && entry.startsWith('12')) year--;
    bookingDate = `${year}-${entry.slice(0, 2)}-${entry.slice(2)}`;
  }
  const details = info === undefined ? undefined : parseMt940Details(info.value);
  const cref = customerRef.trim();
  const other = [cref, ...(details?.otherReferences ?? [])].filter((r) => r !== '' && r !== 'NONREF');
  const bank = bankRef?.trim();
  const supp = supplementary?.trim();
  const counterpartyAccount =
    details?.counterpartyAccount ?? (supp && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(supp) ? supp : undefined);
  return {
    id,
    format: 'mt940',
    statementId,
    ...(account === undefined ? {} : { accountId: account }),
    direction: mark.endsWith('C') ? 'credit' : 'debit',
    amountMinor,
    currency,
    bookingDate,
    valueDate,
    reversal: mark.startsWith('R'),
    ...(bank ? { bankReference: bank } : {}),
    ...(details?.endToEndId === undefined ? {} : { endToEndId: details.endToEndId }),
    otherReferences: other,
    creditorReferences: details?.creditorReferences ?? [],
    referredDocuments: [],
    remittanceText: details?.remittanceText ?? [],
    additionalInfo: [
      ...(details?.additionalInfo ?? []),
      ...(supp && supp !== counterpartyAccount ? [supp] : []),
    ],
    ...(details?.counterpartyName === undefined ? {} : { counterpartyName: details.counterpartyName }),
    ...(counterpartyAccount === undefined ? {} : { counterpartyAccount }),
    transactionCode: details?.transactionCode === undefined ? type : `${type}/${details.transactionCode}`,
    source: where,
  };
}
