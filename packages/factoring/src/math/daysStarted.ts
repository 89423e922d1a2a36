// Whole days between two instants, counting a started day as a day.

const DAY = 86_400;

/**
 * Whole days from `from` to `to` (Unix seconds), rounded up: an hour after a due time is a day
 * late and an hour before it is on time, and an invoice 90 days and an hour old is 91 days old.
 * Rounding down let a payment or an invoice an hour past a line count as within it, in the
 * debtor's favour. Never -0.
 *
 * @example
 * ```ts
 * daysStarted(0, 3_600); // 1
 * daysStarted(3_600, 0); // 0
 * daysStarted(0, 5 * 86_400); // 5
 * ```
 */
export function daysStarted(from: number, to: number): number {
  // `+ 0` turns the -0 of an early part-day into 0.
  return Math.ceil((to - from) / DAY) + 0;
}
