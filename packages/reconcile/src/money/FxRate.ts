// An exchange rate as the caller gives it: decimal text, optionally dated.

/**
 * An FX rate: `rate` units of `to` per unit of `from`, as a decimal string (no floats). With a
 * `date` it applies from that day until the next rate of the pair; the opposite pair is derived
 * exactly when only one direction is given.
 *
 * @example
 * ```ts
 * const rates: FxRate[] = [
 *   { from: 'USD', to: 'EUR', rate: '0.9250', date: '2026-02-01' },
 *   { from: 'USD', to: 'EUR', rate: '0.9190', date: '2026-02-15' },
 * ];
 * ```
 */
export interface FxRate {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
  /** `YYYY-MM-DD` the rate applies from; undated rates apply before every dated one. */
  readonly date?: string;
}
