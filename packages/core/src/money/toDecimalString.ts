import { describeValue } from '../wire/describeValue.js';
import { assertSafeMinor, exponentOf } from './Money.js';

/**
 * Exact major-unit decimal string of an integer minor amount, with exactly the currency's
 * number of decimals and no grouping: the inverse of {@link parseMoney}. Accepts a safe-integer
 * number or any bigint.
 *
 * @example
 * ```ts
 * toDecimalString(123456, 'USD'); // '1234.56'
 * toDecimalString(-5, 'EUR');     // '-0.05'
 * toDecimalString(500, 'JPY');    // '500'
 * toDecimalString(10n ** 20n, 'KWD'); // '100000000000000000.000'
 * ```
 */
export function toDecimalString(amountMinor: number | bigint, currency: string): string {
  const exponent = exponentOf(currency);
  if (typeof amountMinor === 'number') assertSafeMinor(amountMinor);
  else if (typeof amountMinor !== 'bigint') assertSafeMinor(amountMinor, describeValue(amountMinor));
  const value = BigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
