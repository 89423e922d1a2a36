// Checks the options of every statement parser at once, before any input is read.
import { OptionsChecker } from '@quidfin/core';
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { CsvOptions } from './CsvOptions.js';
import type { StatementStreamOptions } from './StatementStreamOptions.js';

const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be'] as const;
const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD-MM-YYYY'] as const;
const CURRENCY = /^[A-Z]{3}$/;
const CSV_COLUMNS = [
  'valueDate',
  'amount',
  'credit',
  'debit',
  'currency',
  'reference',
  'endToEndId',
  'bankReference',
  'counterpartyName',
  'counterpartyAccount',
] as const;

/**
 * Checks parser options (any parser's, or {@link parseStatementStream}'s with `csv`) and throws one
 * {@link ReconcileInputError} listing every problem, each at `options.<name>`. A `maxTextChars` of
 * 0 or a misspelt `integrity` mode would otherwise hang or be ignored.
 *
 * @example
 * ```ts
 * checkParserOptions({ integrity: 'warn', maxDepth: 64 }); // fine
 * checkParserOptions({ maxDepth: 0, integrity: 'lenient' as 'warn' }); // throws, two issues
 * ```
 */
export function checkParserOptions(o: StatementStreamOptions): void {
  const check = new OptionsChecker();
  if (!check.object('options', o)) check.throwIfInvalid((issues) => new ReconcileInputError(issues));
  check.oneOf('options.encoding', o.encoding, ENCODINGS, { optional: true });
  check.integer('options.maxBytes', o.maxBytes, { min: 1, optional: true });
  check.oneOf('options.integrity', o.integrity, ['error', 'warn'], { optional: true });
  check.integer('options.maxDepth', o.maxDepth, { min: 1, optional: true });
  check.integer('options.maxTextChars', o.maxTextChars, { min: 1, optional: true });
  check.string('options.defaultCurrency', o.defaultCurrency, { pattern: CURRENCY, optional: true });
  if (check.object('options.csv', o.csv, { optional: true }) && o.csv !== undefined)
    checkCsv(check, o.csv, 'options.csv');
  check.throwIfInvalid((issues) => new ReconcileInputError(issues));
}

/**
 * {@link checkParserOptions} for the CSV parser's options (the column mapping included).
 *
 * @example
 * ```ts
 * checkCsvOptions({ currency: 'EUR', columns: { date: 0, amount: 1 } }); // fine
 * ```
 */
export function checkCsvOptions(o: CsvOptions): void {
  const check = new OptionsChecker();
  if (check.object('options', o)) {
    check.oneOf('options.encoding', o.encoding, ENCODINGS, { optional: true });
    check.integer('options.maxBytes', o.maxBytes, { min: 1, optional: true });
    checkCsv(check, o, 'options');
  }
  check.throwIfInvalid((issues) => new ReconcileInputError(issues));
}

function checkCsv(check: OptionsChecker, o: CsvOptions, at: string): void {
  check.string(`${at}.delimiter`, o.delimiter, { nonEmpty: true, optional: true });
  check.oneOf(`${at}.decimalSeparator`, o.decimalSeparator, ['.', ','], { optional: true });
  check.oneOf(`${at}.dateFormat`, o.dateFormat, DATE_FORMATS, { optional: true });
  check.string(`${at}.currency`, o.currency, { pattern: CURRENCY, optional: true });
  check.boolean(`${at}.header`, o.header, { optional: true });
  check.string(`${at}.statementId`, o.statementId, { nonEmpty: true, optional: true });
  check.integer(`${at}.skipLines`, o.skipLines, { min: 0, optional: true });
  if (!check.object(`${at}.columns`, o.columns)) return;
  const c = o.columns;
  column(check, `${at}.columns.date`, c.date, false);
  for (const k of CSV_COLUMNS) column(check, `${at}.columns.${k}`, c[k], true);
  const d = c.description;
  if (Array.isArray(d)) {
    for (let i = 0; i < d.length; i++) column(check, `${at}.columns.description[${i}]`, d[i], false);
  } else column(check, `${at}.columns.description`, d, true);
}

/** A column is a header name (non-empty) or a 0-based index. */
function column(check: OptionsChecker, path: string, v: unknown, optional: boolean): void {
  if (typeof v === 'number') check.integer(path, v, { min: 0 });
  else check.string(path, v, { nonEmpty: true, optional });
}
