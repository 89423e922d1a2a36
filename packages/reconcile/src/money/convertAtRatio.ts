// Exact currency conversion at a rational rate (num/den units of `to` per unit of `from`), so an
// inverse rate (1 / 1.0635) is as exact as the printed one.
import { currencyExponent } from '@quidfin/core';

/**
 * A rate as an exact fraction: `num / den` units of `to` per unit of `from`.
 *
 * @example
 * ```ts
 * const r: RateRatio = { num: 10635n, den: 10000n }; // 1.0635
 * ```
 */
export interface RateRatio {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * Reads a positive decimal-string rate (`'1.0635'`) into an exact fraction; `undefined` when it
 * is not a positive decimal.
 *
 * @example
 * ```ts
 * rateRatio('1.0635'); // { num: 10635n, den: 10000n }
 * ```
 */
export function rateRatio(rate: string): RateRatio | undefined {
  if (!/^\d+(\.\d+)?$/.test(rate)) return undefined;
  const [w = '0', f = ''] = rate.split('.');
  const num = BigInt(w + f);
  if (num === 0n) return undefined;
  return { num, den: 10n ** BigInt(f.length) };
}

/**
 * Converts minor units of `from` into minor units of `to` at an exact ratio, half-even rounding.
 *
 * @example
 * ```ts
 * convertAtRatio(937_000, 'CHF', 'EUR', { num: 10635n, den: 10000n }); // 996_500
 * convertAtRatio(996_500, 'EUR', 'CHF', { num: 10000n, den: 10635n }); // 937_000
 * ```
 */
export function convertAtRatio(amountMinor: number, from: string, to: string, ratio: RateRatio): number {
  const ef = currencyExponent(from) ?? 2;
  const et = currencyExponent(to) ?? 2;
  const num = BigInt(amountMinor) * ratio.num * 10n ** BigInt(et);
  const den = ratio.den * 10n ** BigInt(ef);
  const q = num / den;
  const twice = (num % den) * 2n;
  return Number(twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q);
}
