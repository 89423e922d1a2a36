// Options and column mapping of the CSV parser.
import type { DecodeOptions } from './decodeInput.js';

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
  /** Field separator; detected from the first line (`;`, `,`, tab, `|`) when absent. */
  readonly delimiter?: string;
  /**
   * `,` for DE/NL/FR exports; default `.`. The other of `.`/`,` (and space, `'`) may only group
   * thousands in groups of three; anything else is refused as ambiguous.
   */
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
