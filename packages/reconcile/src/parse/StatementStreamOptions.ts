// Options of the streaming statement reader: every parser's, plus a CSV column mapping.
import type { Bai2Options } from './Bai2Options.js';
import type { CamtOptions } from './CamtOptions.js';
import type { CsvOptions } from './CsvOptions.js';
import type { Mt940Options } from './Mt940Options.js';

/**
 * Options of `parseStatementStream`: those of every parser, plus `csv` (a CSV file needs a
 * column mapping, so CSV is read only when it is given).
 *
 * @example
 * ```ts
 * const options: StatementStreamOptions = { integrity: 'warn', csv: { currency: 'EUR', columns: { date: 0, amount: 1 } } };
 * ```
 */
export interface StatementStreamOptions extends Mt940Options, Bai2Options, CamtOptions {
  readonly csv?: CsvOptions;
}
