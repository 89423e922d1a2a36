// Bank CSV exports from a whole string or byte array, with a caller-given column mapping.
import type { ParseResult } from '../model/BankTransaction.js';
import type { CsvOptions } from './CsvOptions.js';
import { CsvReader } from './CsvReader.js';
import { checkCsvOptions } from './checkParserOptions.js';
import { decodeInput } from './decodeInput.js';
import { collectingSink } from './StatementSink.js';

export type { CsvColumn, CsvColumnMapping, CsvOptions } from './CsvOptions.js';

/**
 * Parses a bank CSV export with a caller-given column mapping. Handles RFC 4180 quoting
 * (embedded separators, doubled quotes, line breaks), decimal commas, signed amounts or separate
 * credit/debit columns, and several date layouts, in time linear in the input. Amounts whose
 * separators could mean two sums, signed Credit/Debit cells, rows with both filled and headers
 * naming a column twice are refused. Errors name the line and column.
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
  checkCsvOptions(options);
  const sink = collectingSink();
  const reader = new CsvReader(options, sink);
  reader.push(decodeInput(input, 'csv', options));
  reader.end();
  return sink.result();
}
