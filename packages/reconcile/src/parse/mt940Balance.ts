// Reads an MT940 balance field (:60F:, :60M:, :62F:, :62M:, :64:, :65:) into exact minor units.
import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { calendarDate } from './calendarDate.js';

/**
 * One MT940 balance: sign, date, currency and signed amount in minor units.
 *
 * @example
 * ```ts
 * const b: Mt940Balance = { tag: '60F', line: 4, date: '2026-03-01', currency: 'EUR', minor: 100000n, exponent: 2 };
 * ```
 */
export interface Mt940Balance {
  readonly tag: string;
  readonly line: number;
  readonly date: string;
  readonly currency: string;
  /** Signed: a `D` balance is negative. */
  readonly minor: bigint;
  readonly exponent: number;
}

/**
 * Parses `C260301EUR1000,00` (mark, YYMMDD, currency, amount with a decimal comma).
 *
 * @example
 * ```ts
 * mt940Balance('60F', 'C260301EUR1000,00', 4).minor; // 100000n
 * ```
 */
export function mt940Balance(tag: string, value: string, line: number): Mt940Balance {
  const where = { path: `:${tag}:`, line };
  const m = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d[\d,]*)\s*$/.exec(value.trim());
  if (!m) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'mt940',
      where,
      `cannot read balance "${value.slice(0, 40)}" (expected C/D, YYMMDD, currency, amount)`,
    );
  }
  const [, mark = '', yy = '', mm = '', dd = '', currency = '', amount = ''] = m;
  const date = calendarDate(String(fullYear(Number(yy))), mm, dd, 'mt940', where);
  const exponent = currencyExponent(currency);
  if (exponent === undefined)
    throw new StatementParseError('MALFORMED_STATEMENT', 'mt940', where, `invalid currency "${currency}"`);
  const minor = parseDecimalMinor(amount, exponent, ',');
  if (typeof minor === 'string')
    throw new StatementParseError('MALFORMED_STATEMENT', 'mt940', where, `balance amount ${minor}`);
  return { tag, line, date, currency, minor: BigInt(mark === 'D' ? -minor : minor), exponent };
}

/**
 * The four-digit year of an MT940 two-digit year (70-99 are 19xx, as SWIFT dates are).
 *
 * @example
 * ```ts
 * fullYear(26); // 2026
 * ```
 */
export function fullYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}
