import { currencyExponent } from '@quidfin/core';

/**
 * Converts minor units of `from` into minor units of `to` at a decimal-string `rate` (units of
 * `to` per unit of `from`), exactly with big integers and half-even rounding.
 *
 * @example
 * ```ts
 * convertMinor(10000, 'USD', 'JPY', '151.5'); // 15150 (100.00 USD -> 15150 JPY)
 * ```
 */
export function convertMinor(amountMinor: number, from: string, to: string, rate: string): number {
  const ef = currencyExponent(from) ?? 2;
  const et = currencyExponent(to) ?? 2;
  const [w = '0', f = ''] = rate.split('.');
  const rateNum = BigInt(w + f);
  const rateScale = f.length;
  // value_to_minor = amount / 10^ef * rateNum / 10^rateScale * 10^et
  let num = BigInt(amountMinor) * rateNum;
  const den = 10n ** BigInt(rateScale + ef);
  num *= 10n ** BigInt(et);
  const q = num / den;
  const r = num % den;
  const twice = r * 2n;
  let out = q;
  if (twice > den || (twice === den && q % 2n === 1n)) out = q + 1n;
  return Number(out);
}
