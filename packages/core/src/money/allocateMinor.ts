import { ValidationError } from '../errors/ValidationError.js';
import { assertSafeMinor, minorFromBigInt } from './Money.js';

/**
 * Splits `totalMinor` into parts proportional to integer `weights` by the largest-remainder
 * method: every part gets floor(total x w / sum), then the leftover minor units go one each to
 * the parts with the largest remainders (ties to the earlier part). The parts always sum to
 * exactly `totalMinor`; a negative total is split by magnitude and negated. Arithmetic is in
 * bigint, so nothing drifts. Weights must be non-negative safe integers (use basis points or
 * minor units for fractional shares) with a positive sum, else `ValidationError('INVALID_AMOUNT')`.
 *
 * @example
 * ```ts
 * allocateMinor(100, [1, 1, 1]);     // [34, 33, 33]
 * allocateMinor(1000, [5000, 3000, 2000]); // [500, 300, 200]
 * allocateMinor(-5, [1, 1]);        // [-3, -2]
 * ```
 */
export function allocateMinor(totalMinor: number, weights: readonly number[]): number[] {
  assertSafeMinor(totalMinor, 'totalMinor');
  weights.forEach((w, i) => {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new ValidationError('INVALID_AMOUNT', [
        { path: `weights[${i}]`, message: `weight must be a non-negative safe integer, got ${w}` },
      ]);
    }
  });
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weightSum === 0n) {
    throw new ValidationError('INVALID_AMOUNT', [
      { path: 'weights', message: 'weights must sum to more than 0' },
    ]);
  }
  const negative = totalMinor < 0;
  const total = BigInt(negative ? -totalMinor : totalMinor);
  const parts = weights.map((w) => (total * BigInt(w)) / weightSum);
  const remainders = weights.map((w, index) => ({ index, rest: (total * BigInt(w)) % weightSum }));
  let leftover = total - parts.reduce((sum, p) => sum + p, 0n);
  remainders.sort((x, y) => (x.rest === y.rest ? x.index - y.index : x.rest > y.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((p, i) => {
    const n = minorFromBigInt(negative ? -p : p, `[${i}]`);
    return n === 0 ? 0 : n;
  });
}
