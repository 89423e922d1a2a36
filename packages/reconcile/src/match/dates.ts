/**
 * Whole days from `a` to `b` (`YYYY-MM-DD`, UTC).
 *
 * @example
 * ```ts
 * daysBetween('2026-01-01', '2026-01-31'); // 30
 * ```
 */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

// Dates repeat a lot in a run (a few hundred distinct days): parse each once.
const DAYS = new Map<string, number>();

function dayNumber(d: string): number {
  let n = DAYS.get(d);
  if (n === undefined) {
    n = Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    if (DAYS.size > 100_000) DAYS.clear();
    DAYS.set(d, n);
  }
  return n;
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
  const n = dayNumber(date);
  return Number.isFinite(n) ? n * 86_400 : Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
}
