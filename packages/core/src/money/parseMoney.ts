import { ValidationError } from '../errors/ValidationError.js';
import { describeValue } from '../wire/describeValue.js';
import { exponentOf, type Money, minorFromBigInt, requireCurrency } from './Money.js';

// Plain decimal notation only: no sign other than a leading '-', no exponent, no grouping,
// no whitespace, at least one digit on each side of the point.
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string in major units ("1234.56") into exact integer minor units.
 * Refuses numbers (floats cannot carry money exactly), exponents, grouping separators, more
 * significant decimals than the currency has (`"12.345"` USD; trailing zeros such as
 * `"12.340"` are exact and accepted) and results outside the safe-integer range, all with
 * `ValidationError('INVALID_AMOUNT')`; an unknown currency gives `INVALID_CURRENCY`.
 *
 * @example
 * ```ts
 * parseMoney('1234.56', 'USD'); // { amountMinor: 123456, currency: 'USD' }
 * parseMoney('500', 'JPY');     // { amountMinor: 500, currency: 'JPY' }
 * parseMoney('1.005', 'BHD');   // { amountMinor: 1005, currency: 'BHD' }
 * ```
 */
export function parseMoney(decimal: string, currency: string): Money {
  const code = requireCurrency(currency);
  const exponent = exponentOf(code);
  if (typeof decimal !== 'string') {
    throw new ValidationError('INVALID_AMOUNT', [
      {
        path: '',
        message: `expected a decimal string, got ${describeValue(decimal)} (never pass money as a float)`,
      },
    ]);
  }
  const m = DECIMAL.exec(decimal);
  if (!m) {
    throw new ValidationError('INVALID_AMOUNT', [
      { path: '', message: `${describeValue(decimal)} is not a plain decimal number such as "1234.56"` },
    ]);
  }
  const [, sign = '', whole = '0', rawFraction = ''] = m;
  // Extra fraction digits are allowed only when they are zeros: the value stays exact.
  const fraction = rawFraction.length > exponent ? rawFraction.replace(/0+$/, '') : rawFraction;
  if (fraction.length > exponent) {
    throw new ValidationError('INVALID_AMOUNT', [
      {
        path: '',
        message: `${describeValue(decimal)} has ${fraction.length} decimals but ${code} has ${exponent}`,
      },
    ]);
  }
  const digits = whole + fraction.padEnd(exponent, '0');
  const magnitude = BigInt(digits);
  const amountMinor = minorFromBigInt(sign === '-' ? -magnitude : magnitude);
  // Normalise -0 to 0 (JSON and the node have no negative zero).
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency: code };
}
