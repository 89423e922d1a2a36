import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseResult } from '../model/BankTransaction.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { type DecodeOptions, decodeInput } from './decodeInput.js';

/**
 * A column named by its header text or its 0-based index.
 *
 * @example
 * ```ts
 * const col: CsvColumn = 'Verwendungszweck';
 * ```
 */
export type CsvColumn = string | number;

/**
 * Which CSV columns hold what. Give `amount` (signed) or `credit`/`debit` (two columns).
 *
 * @example
 * ```ts
 * const columns: CsvColumnMapping = { date: 'Date', credit: 'Credit', debit: 'Debit', description: ['Memo', 'Payee'] };
 * ```
 */
export interface CsvColumnMapping {
  readonly date: CsvColumn;
  readonly valueDate?: CsvColumn;
  readonly amount?: CsvColumn;
  readonly credit?: CsvColumn;
  readonly debit?: CsvColumn;
  readonly currency?: CsvColumn;
  readonly description?: CsvColumn | readonly CsvColumn[];
  readonly reference?: CsvColumn;
  readonly endToEndId?: CsvColumn;
  readonly bankReference?: CsvColumn;
  readonly counterpartyName?: CsvColumn;
  readonly counterpartyAccount?: CsvColumn;
}

/**
 * Options of {@link parseCsv}.
 *
 * @example
 * ```ts
 * parseCsv(text, { columns: { date: 0, amount: 1 }, header: false, currency: 'EUR' });
 * ```
 */
export interface CsvOptions extends DecodeOptions {
  readonly columns: CsvColumnMapping;
  /** Field separator; detected from the first line (`;`, `,`, tab) when absent. */
  readonly delimiter?: string;
  /** `,` for DE/NL/FR exports; default `.`. Thousands separators (`.`/`,`/space/`'`) are removed. */
  readonly decimalSeparator?: '.' | ',';
  /** Default `YYYY-MM-DD`. */
  readonly dateFormat?: 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD-MM-YYYY';
  /** Currency when there is no currency column. */
  readonly currency?: string;
  /** Whether the first row is a header; default true. */
  readonly header?: boolean;
  /** Statement id for the transactions; default `csv`. */
  readonly statementId?: string;
  /** Lines to skip before the header (bank preambles). */
  readonly skipLines?: number;
}

/**
 * Parses a bank CSV export with a caller-given column mapping. Handles RFC 4180 quoting
 * (embedded separators, doubled quotes, line breaks), decimal commas, signed amounts or separate
 * credit/debit columns, and several date layouts. Errors name the line and column.
 *
 * @example
 * ```ts
 * const { statements } = parseCsv('Datum;Betrag;Text\n02.01.2026;1.234,50;INV-1001', {
 *   columns: { date: 'Datum', amount: 'Betrag', description: 'Text' },
 *   decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', currency: 'EUR',
 * });
 * statements[0]!.transactions[0]!.amountMinor; // 123450
 * ```
 */
export function parseCsv(input: string | Uint8Array, options: CsvOptions): ParseResult {
  const text = decodeInput(input, 'csv', options).replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const skip = options.skipLines ?? 0;
  const body = lines.slice(skip).join('\n');
  const delimiter = options.delimiter ?? detectDelimiter(lines[skip] ?? '');
  const rows = splitCsv(body, delimiter, skip);
  const hasHeader = options.header ?? true;
  const header = hasHeader ? (rows.shift()?.cells ?? []) : [];
  const col = (c: CsvColumn | undefined, name: string): number | undefined => {
    if (c === undefined) return undefined;
    if (typeof c === 'number') return c;
    const i = header.findIndex((h) => h.trim().toLowerCase() === c.toLowerCase());
    if (i < 0)
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'csv',
        { path: name, line: skip + 1 },
        `no column "${c}" in the header`,
      );
    return i;
  };
  const m = options.columns;
  const idx = {
    date: col(m.date, 'date'),
    valueDate: col(m.valueDate, 'valueDate'),
    amount: col(m.amount, 'amount'),
    credit: col(m.credit, 'credit'),
    debit: col(m.debit, 'debit'),
    currency: col(m.currency, 'currency'),
    reference: col(m.reference, 'reference'),
    endToEndId: col(m.endToEndId, 'endToEndId'),
    bankReference: col(m.bankReference, 'bankReference'),
    counterpartyName: col(m.counterpartyName, 'counterpartyName'),
    counterpartyAccount: col(m.counterpartyAccount, 'counterpartyAccount'),
  };
  const descCols = (
    m.description === undefined ? [] : Array.isArray(m.description) ? m.description : [m.description]
  ).map((c) => col(c as CsvColumn, 'description'));
  if (idx.amount === undefined && idx.credit === undefined && idx.debit === undefined) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'csv',
      { path: 'columns' },
      'mapping needs amount or credit/debit columns',
    );
  }
  const statementId = options.statementId ?? 'csv';
  const dec = options.decimalSeparator ?? '.';
  const transactions: BankTransaction[] = [];
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const cell = (i: number | undefined): string | undefined => {
      if (i === undefined) return undefined;
      const v = row.cells[i];
      if (v === undefined)
        throw new StatementParseError(
          'MALFORMED_STATEMENT',
          'csv',
          { path: `column ${i + 1}`, line: row.line },
          `row has only ${row.cells.length} columns`,
        );
      const t = v.trim();
      return t === '' ? undefined : t;
    };
    const currency = cell(idx.currency) ?? options.currency;
    const exp = currency === undefined ? undefined : currencyExponent(currency);
    if (currency === undefined || exp === undefined) {
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'csv',
        { path: 'currency', line: row.line },
        `missing or invalid currency "${currency ?? ''}"`,
      );
    }
    const money = (i: number | undefined, name: string): number | undefined => {
      const raw = cell(i);
      if (raw === undefined) return undefined;
      const cleaned = dec === ',' ? raw.replace(/[.\s'\u00a0]/g, '') : raw.replace(/[,\s'\u00a0]/g, '');
      const v = parseDecimalMinor(cleaned.replace(/^\((.*)\)$/, '-$1'), exp, dec);
      if (typeof v === 'string')
        throw new StatementParseError(
          'MALFORMED_STATEMENT',
          'csv',
          { path: name, line: row.line, column: (i ?? 0) + 1 },
          `amount ${v}`,
        );
      return v;
    };
    let signed = money(idx.amount, 'amount');
    if (signed === undefined) {
      const c = money(idx.credit, 'credit') ?? 0;
      const d = money(idx.debit, 'debit') ?? 0;
      signed = Math.abs(c) - Math.abs(d);
    }
    const bookingDate = parseDate(cell(idx.date), options.dateFormat ?? 'YYYY-MM-DD', {
      path: 'date',
      line: row.line,
      column: (idx.date ?? 0) + 1,
    });
    if (bookingDate === undefined)
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'csv',
        { path: 'date', line: row.line },
        'missing date',
      );
    const valueDate = parseDate(cell(idx.valueDate), options.dateFormat ?? 'YYYY-MM-DD', {
      path: 'valueDate',
      line: row.line,
    });
    const description = descCols.map((i) => cell(i)).filter((v): v is string => v !== undefined);
    const reference = cell(idx.reference);
    const e2e = cell(idx.endToEndId);
    const bankRef = cell(idx.bankReference);
    const name = cell(idx.counterpartyName);
    const account = cell(idx.counterpartyAccount);
    transactions.push({
      id: `${statementId}:${transactions.length + 1}`,
      format: 'csv',
      statementId,
      direction: signed < 0 ? 'debit' : 'credit',
      amountMinor: Math.abs(signed),
      currency,
      bookingDate,
      ...(valueDate === undefined ? {} : { valueDate }),
      reversal: false,
      ...(bankRef === undefined ? {} : { bankReference: bankRef }),
      ...(e2e === undefined ? {} : { endToEndId: e2e }),
      otherReferences: [],
      creditorReferences: reference === undefined ? [] : [reference],
      referredDocuments: [],
      remittanceText: description,
      additionalInfo: [],
      ...(name === undefined ? {} : { counterpartyName: name }),
      ...(account === undefined ? {} : { counterpartyAccount: account }),
      source: { path: 'row', line: row.line },
    });
  }
  return { statements: [{ id: statementId, format: 'csv', transactions }], warnings: [] };
}

function detectDelimiter(line: string): string {
  const counts = [';', ',', '\t', '|'].map((d) => [d, line.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

function parseDate(
  v: string | undefined,
  format: string,
  where: { path: string; line: number; column?: number },
): string | undefined {
  if (v === undefined) return undefined;
  const parts = v.split(/[-./]/);
  const [a = '', b = '', c = ''] = parts;
  let y: string;
  let mo: string;
  let d: string;
  if (format === 'YYYY-MM-DD') [y, mo, d] = [a, b, c];
  else if (format === 'MM/DD/YYYY') [y, mo, d] = [c, a, b];
  else [y, mo, d] = [c, b, a];
  if (y.length === 2) y = `20${y}`;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (
    parts.length !== 3 ||
    !/^\d{4}-\d{2}-\d{2}$/.test(iso) ||
    Number.isNaN(t) ||
    new Date(t).toISOString().slice(0, 10) !== iso
  ) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'csv',
      where,
      `date "${v}" does not match ${format}`,
    );
  }
  return iso;
}

interface CsvRow {
  readonly cells: string[];
  readonly line: number;
}

function splitCsv(text: string, delimiter: string, lineOffset: number): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = lineOffset + 1;
  let rowLine = line;
  let quoteLine = line;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted)
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'csv',
      { path: 'quote', line: quoteLine },
      'unterminated quoted field',
    );
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
