import { ValidationError } from '../errors/ValidationError.js';
import { assertSafeMinor } from './Money.js';

function checked(result: number, what: string): number {
  if (!Number.isSafeInteger(result)) {
    throw new ValidationError('INVALID_AMOUNT', [
      { path: '', message: `${what} overflows the safe-integer range of minor units` },
    ]);
  }
  return result;
}

/**
 * Adds two minor amounts; throws `ValidationError('INVALID_AMOUNT')` when an input is not a
 * safe integer or the sum leaves the safe-integer range (it would silently round otherwise).
 *
 * @example
 * ```ts
 * addMinor(1050, 250); // 1300
 * addMinor(Number.MAX_SAFE_INTEGER, 1); // throws INVALID_AMOUNT
 * ```
 */
export function addMinor(a: number, b: number): number {
  assertSafeMinor(a, 'a');
  assertSafeMinor(b, 'b');
  return checked(a + b, `${a} + ${b}`);
}

/**
 * Subtracts `b` from `a` in minor units, refusing unsafe inputs or results like {@link addMinor}.
 *
 * @example
 * ```ts
 * subtractMinor(1300, 250); // 1050
 * ```
 */
export function subtractMinor(a: number, b: number): number {
  assertSafeMinor(a, 'a');
  assertSafeMinor(b, 'b');
  return checked(a - b, `${a} - ${b}`);
}

/**
 * Sums a list of minor amounts, refusing overflow past `Number.MAX_SAFE_INTEGER` at any step.
 *
 * @example
 * ```ts
 * sumMinor([100, 250, 5]); // 355
 * ```
 */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  amounts.forEach((amount, i) => {
    assertSafeMinor(amount, `[${i}]`);
    total = checked(total + amount, 'sum');
  });
  return total;
}
