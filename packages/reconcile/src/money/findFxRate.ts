// Picks the caller's FX rate for a currency pair on a date: the latest rate dated on or before
// the date (undated rates count as the oldest), or the inverse of the opposite pair's rate. A
// dated rate older than the allowed age is not used: a years-old rate converts at a price nobody paid.

import { type RateRatio, rateRatio } from './convertAtRatio.js';
import type { FxRate } from './FxRate.js';

/**
 * A rate found by {@link findFxRate}, with where it came from (for the evidence).
 *
 * @example
 * ```ts
 * const r: FoundFxRate = { ratio: { num: 925n, den: 1000n }, detail: 'USD/EUR 0.925 from 2026-02-01' };
 * ```
 */
export interface FoundFxRate {
  readonly ratio: RateRatio;
  readonly detail: string;
}

/**
 * The rate that converts `from` into `to` on `date` (`YYYY-MM-DD`): among the rates for the pair,
 * the one with the latest `date` not after `date` (several rates per pair across a period); when
 * only the opposite pair is given, its exact inverse. With `maxAgeDays`, a rate dated more than that
 * many days before `date` is skipped (undated rates have no age). `undefined` when nothing applies.
 *
 * @example
 * ```ts
 * const rates = [{ from: 'EUR', to: 'USD', rate: '1.08', date: '2026-02-01' }, { from: 'EUR', to: 'USD', rate: '1.09', date: '2026-03-01' }];
 * findFxRate(rates, 'USD', 'EUR', '2026-02-15')?.detail; // 'EUR/USD 1.08 from 2026-02-01, inverted'
 * ```
 */
export function findFxRate(
  rates: readonly FxRate[],
  from: string,
  to: string,
  date: string | undefined,
  maxAgeDays?: number,
): FoundFxRate | undefined {
  const pick = (f: string, t: string): FxRate | undefined => {
    let best: FxRate | undefined;
    for (const r of rates) {
      if (r.from !== f || r.to !== t) continue;
      const d = r.date ?? '';
      if (date !== undefined && d > date) continue;
      if (maxAgeDays !== undefined && date !== undefined && isStaleFxRate(r, date, maxAgeDays)) continue;
      if (best === undefined || d > (best.date ?? '')) best = r;
    }
    return best;
  };
  const describe = (r: FxRate): string => `${r.from}/${r.to} ${r.rate}${r.date ? ` from ${r.date}` : ''}`;
  const direct = pick(from, to);
  if (direct) {
    const ratio = rateRatio(direct.rate);
    if (ratio) return { ratio, detail: describe(direct) };
  }
  const inverse = pick(to, from);
  if (inverse) {
    const ratio = rateRatio(inverse.rate);
    if (ratio) return { ratio: { num: ratio.den, den: ratio.num }, detail: `${describe(inverse)}, inverted` };
  }
  return undefined;
}

/**
 * Is `rate` dated more than `maxAgeDays` days before `date` (`YYYY-MM-DD`)? Undated rates have no
 * age: never.
 *
 * @example
 * ```ts
 * isStaleFxRate({ from: 'USD', to: 'EUR', rate: '0.92', date: '2026-01-01' }, '2026-03-01', 31); // true
 * ```
 */
export function isStaleFxRate(rate: FxRate, date: string, maxAgeDays: number): boolean {
  return rate.date !== undefined && ageInDays(rate.date, date) > maxAgeDays;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function ageInDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
