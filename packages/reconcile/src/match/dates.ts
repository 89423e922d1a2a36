/**
 * Whole days from `a` to `b` (`YYYY-MM-DD`, UTC).
 *
 * @example
 * ```ts
 * daysBetween('2026-01-01', '2026-01-31'); // 30
 * ```
 */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Unix seconds of a `YYYY-MM-DD` date at 00:00 UTC.
 *
 * @example
 * ```ts
 * unixSeconds('2026-02-20'); // 1771545600
 * ```
 */
export function unixSeconds(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
}
