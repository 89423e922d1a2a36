import { ValidationError } from '../errors/ValidationError.js';
import { describeValue } from '../wire/describeValue.js';
import { type CurrencyCode, ISO_4217_EXPONENTS, isCurrencyCode } from './currencies.js';

/**
 * An amount of money: an integer number of minor units (cents, fils, yen) in one currency.
 * `amountMinor` is a JS number within the safe-integer range because event payloads travel
 * through the node's float64 decoder (PROTOCOL G17); use bigint only at the edges
 * ({@link minorToBigInt}, {@link minorFromBigInt}).
 *
 * @example
 * ```ts
 * const fee: Money = { amountMinor: 1050, currency: 'USD' }; // $10.50
 * ```
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/**
 * Throws `ValidationError('INVALID_AMOUNT')` unless `value` is a safe integer.
 *
 * @example
 * ```ts
 * assertSafeMinor(1050, 'payload.amountMinor'); // ok
 * assertSafeMinor(10.5, 'payload.amountMinor'); // throws INVALID_AMOUNT
 * ```
 */
export function assertSafeMinor(value: unknown, path = ''): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ValidationError('INVALID_AMOUNT', [
      { path, message: `expected a safe integer number of minor units, got ${describeValue(value)}` },
    ]);
  }
}

/**
 * Returns `currency` as a {@link CurrencyCode} or throws `ValidationError('INVALID_CURRENCY')`.
 *
 * @example
 * ```ts
 * requireCurrency('EUR'); // 'EUR'
 * requireCurrency('XYZ'); // throws INVALID_CURRENCY
 * ```
 */
export function requireCurrency(currency: unknown, path = 'currency'): CurrencyCode {
  if (!isCurrencyCode(currency)) {
    throw new ValidationError('INVALID_CURRENCY', [
      { path, message: `unknown ISO 4217 currency code ${describeValue(currency)}` },
    ]);
  }
  return currency;
}

/**
 * Minor-unit exponent of a known currency; throws `INVALID_CURRENCY` for an unknown one.
 *
 * @example
 * ```ts
 * exponentOf('CLF'); // 4
 * ```
 */
export function exponentOf(currency: string): number {
  return ISO_4217_EXPONENTS[requireCurrency(currency)];
}

/**
 * A safe-integer minor amount as a bigint, for exact arithmetic at the edges.
 *
 * @example
 * ```ts
 * minorToBigInt(1050); // 1050n
 * ```
 */
export function minorToBigInt(amountMinor: number): bigint {
  assertSafeMinor(amountMinor);
  return BigInt(amountMinor);
}

/**
 * A bigint minor amount back to a safe-integer number; throws `INVALID_AMOUNT` past 2^53 - 1.
 *
 * @example
 * ```ts
 * minorFromBigInt(1050n); // 1050
 * minorFromBigInt(2n ** 60n); // throws INVALID_AMOUNT
 * ```
 */
export function minorFromBigInt(amountMinor: bigint, path = ''): number {
  if (amountMinor > BigInt(Number.MAX_SAFE_INTEGER) || amountMinor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ValidationError('INVALID_AMOUNT', [
      { path, message: `${amountMinor} minor units is outside the safe-integer range` },
    ]);
  }
  return Number(amountMinor);
}
