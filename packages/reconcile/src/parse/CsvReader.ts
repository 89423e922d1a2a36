// Turns CSV rows into transactions with the caller's column mapping, one row at a time.
import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction } from '../model/BankTransaction.js';
import type { CsvColumn, CsvOptions } from './CsvOptions.js';
import { csvAmount } from './csvAmount.js';
import { csvDate } from './csvDate.js';
import { type CsvRow, CsvRowSplitter } from './csvRows.js';
import { EMPTY_LIST, orEmpty } from './emptyList.js';
import type { StatementSink } from './StatementSink.js';
import type { TxDraft } from './TxDraft.js';

type Columns = Record<
  | 'date'
  | 'valueDate'
  | 'amount'
  | 'credit'
  | 'debit'
  | 'currency'
  | 'reference'
  | 'endToEndId'
  | 'bankReference'
  | 'counterpartyName'
  | 'counterpartyAccount',
  number | undefined
> & { description: number[] };

function fail(where: { path: string; line?: number; column?: number }, message: string): never {
  throw new StatementParseError('MALFORMED_STATEMENT', 'csv', where, message);
}

/**
 * Incremental CSV reader: {@link CsvReader.push} text as it arrives, then {@link CsvReader.end}.
 * A header naming the same column twice is refused (which one would be meant?); a Credit or
 * Debit cell with a sign, or a row with both filled, is refused rather than netted.
 *
 * @example
 * ```ts
 * const sink = collectingSink();
 * const r = new CsvReader({ currency: 'EUR', columns: { date: 0, amount: 1 }, header: false }, sink);
 * r.push('2026-03-02,1.00\n');
 * r.end();
 * ```
 */
export class CsvReader {
  private readonly options: CsvOptions;
  private readonly sink: StatementSink;
  private readonly splitter: CsvRowSplitter;
  private columns: Columns | undefined;
  private count = 0;
  private lastDateText: string | undefined;
  private lastDate: string | undefined;

  constructor(options: CsvOptions, sink: StatementSink) {
    this.options = options;
    this.sink = sink;
    this.splitter = new CsvRowSplitter(options, (row) => this.row(row));
    if (options.header === false) this.columns = this.resolve([], options.skipLines ?? 0);
  }

  push(text: string): void {
    this.splitter.push(text);
  }

  end(): void {
    this.splitter.end();
    this.columns ??= this.resolve([], (this.options.skipLines ?? 0) + 1);
    const statementId = this.options.statementId ?? 'csv';
    this.sink.statement({ id: statementId, format: 'csv' });
  }

  private resolve(header: readonly string[], line: number): Columns {
    const seen = new Map<string, number>();
    header.forEach((h, i) => {
      const key = h.trim().toLowerCase();
      if (key === '') return;
      if (seen.has(key)) {
        const mapped = Object.entries(this.options.columns).find(([, c]) =>
          [c].flat().some((x) => typeof x === 'string' && x.trim().toLowerCase() === key),
        )?.[0];
        fail(
          { path: mapped ?? 'header', line, column: i + 1 },
          `column "${h.trim()}" appears more than once in the header (columns ${(seen.get(key) ?? 0) + 1} and ${i + 1})`,
        );
      }
      seen.set(key, i);
    });
    const col = (c: CsvColumn | undefined, name: string): number | undefined => {
      if (c === undefined) return undefined;
      if (typeof c === 'number') return c;
      const i = seen.get(c.trim().toLowerCase());
      if (i === undefined) fail({ path: name, line }, `no column "${c}" in the header`);
      return i;
    };
    const m = this.options.columns;
    const description = (
      m.description === undefined ? [] : Array.isArray(m.description) ? m.description : [m.description]
    ).map((c) => col(c as CsvColumn, 'description') as number);
    const columns: Columns = {
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
      description,
    };
    if (columns.amount === undefined && columns.credit === undefined && columns.debit === undefined)
      fail({ path: 'columns' }, 'mapping needs amount or credit/debit columns');
    return columns;
  }

  /** A trimmed cell, `undefined` when blank or unmapped; a short row is an error. */
  private cell(row: CsvRow, i: number | undefined): string | undefined {
    if (i === undefined) return undefined;
    const v = row.cells[i];
    if (v === undefined)
      fail({ path: `column ${i + 1}`, line: row.line }, `row has only ${row.cells.length} columns`);
    const t = v.trim();
    return t === '' ? undefined : t;
  }

  private money(row: CsvRow, i: number | undefined, name: string, exp: number): number | undefined {
    const raw = this.cell(row, i);
    if (raw === undefined) return undefined;
    const v = csvAmount(raw, this.options.decimalSeparator ?? '.', exp);
    if (typeof v === 'string') fail({ path: name, line: row.line, column: (i ?? 0) + 1 }, `amount ${v}`);
    return v;
  }

  private unsignedOnly(row: CsvRow, v: number | undefined, i: number | undefined, name: string): void {
    const raw = this.cell(row, i) ?? '';
    if (v !== undefined && (v < 0 || /^[-+(]/.test(raw)))
      fail(
        { path: name, line: row.line, column: (i ?? 0) + 1 },
        `a signed value "${raw}" in the ${name} column is ambiguous (the column gives the direction)`,
      );
  }

  /**
   * A date cell read with {@link csvDate}. Statements list many rows per day, so the last cell read
   * and its ISO date are kept: the same text on the next row is the same day, already checked.
   */
  private date(
    v: string | undefined,
    line: number,
    path: string,
    column: number | undefined,
  ): string | undefined {
    if (v === undefined) return undefined;
    if (v === this.lastDateText) return this.lastDate;
    const format = this.options.dateFormat ?? 'YYYY-MM-DD';
    const iso = csvDate(v, format, column === undefined ? { path, line } : { path, line, column });
    this.lastDateText = v;
    this.lastDate = iso;
    return iso;
  }

  // Hot: one call per row. No closures or spreads here (each closure is an allocation, and a
  // defineProperty under keepNames transpilers); the transaction is built in the same key order.
  private row(row: CsvRow): void {
    if (this.columns === undefined) {
      this.columns = this.resolve(row.cells, row.line);
      return;
    }
    const cells = row.cells;
    let blank = true;
    for (let k = 0; k < cells.length; k++) {
      if ((cells[k] as string).trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    const idx = this.columns;
    const o = this.options;
    const currency = this.cell(row, idx.currency) ?? o.currency;
    const exp = currency === undefined ? undefined : currencyExponent(currency);
    if (currency === undefined || exp === undefined)
      fail({ path: 'currency', line: row.line }, `missing or invalid currency "${currency ?? ''}"`);
    let signed = this.money(row, idx.amount, 'amount', exp);
    if (signed === undefined) {
      const c = this.money(row, idx.credit, 'credit', exp);
      const d = this.money(row, idx.debit, 'debit', exp);
      this.unsignedOnly(row, c, idx.credit, 'credit');
      this.unsignedOnly(row, d, idx.debit, 'debit');
      if (c !== undefined && d !== undefined && c !== 0 && d !== 0)
        fail(
          { path: 'credit', line: row.line },
          'both the credit and the debit column are filled; refusing to net them',
        );
      if (c === undefined && d === undefined)
        fail({ path: 'amount', line: row.line }, 'no amount in this row');
      signed = c !== undefined && c !== 0 ? c : -(d ?? 0);
    }
    const bookingDate = this.date(this.cell(row, idx.date), row.line, 'date', (idx.date ?? 0) + 1);
    if (bookingDate === undefined) fail({ path: 'date', line: row.line }, 'missing date');
    const valueDate =
      idx.valueDate === undefined
        ? undefined
        : this.date(this.cell(row, idx.valueDate), row.line, 'valueDate', undefined);
    const description: string[] = [];
    for (let k = 0; k < idx.description.length; k++) {
      const v = this.cell(row, idx.description[k]);
      if (v !== undefined) description.push(v);
    }
    const reference = this.cell(row, idx.reference);
    const e2e = this.cell(row, idx.endToEndId);
    const bankRef = this.cell(row, idx.bankReference);
    const name = this.cell(row, idx.counterpartyName);
    const account = this.cell(row, idx.counterpartyAccount);
    const statementId = o.statementId ?? 'csv';
    this.count++;
    const tx: TxDraft = {
      id: `${statementId}:${this.count}`,
      format: 'csv',
      statementId,
      direction: signed < 0 ? 'debit' : 'credit',
      amountMinor: Math.abs(signed),
      currency,
      bookingDate,
    };
    if (valueDate !== undefined) tx.valueDate = valueDate;
    tx.reversal = false;
    if (bankRef !== undefined) tx.bankReference = bankRef;
    if (e2e !== undefined) tx.endToEndId = e2e;
    tx.otherReferences = EMPTY_LIST;
    tx.creditorReferences = reference === undefined ? EMPTY_LIST : [reference];
    tx.referredDocuments = EMPTY_LIST;
    tx.remittanceText = orEmpty(description);
    tx.additionalInfo = EMPTY_LIST;
    if (name !== undefined) tx.counterpartyName = name;
    if (account !== undefined) tx.counterpartyAccount = account;
    tx.source = { path: 'row', line: row.line };
    this.sink.transaction(tx as BankTransaction);
  }
}
