// The bound past which a "Unix seconds" date is almost surely milliseconds (core's schema bound).

/**
 * The largest date read as Unix seconds (99,999,999,999: the year 5138), as core's event schemas
 * bound it. A date in milliseconds (`Date.getTime()`, 1.7e12 today) lies past it: read as
 * seconds it is thousands of years ahead, an expiry that never comes or a record never due.
 *
 * @example
 * ```ts
 * Date.now() > MAX_UNIX_SECONDS; // true: milliseconds
 * ```
 */
export const MAX_UNIX_SECONDS = 99_999_999_999;

/**
 * True when `v` is a whole number of Unix seconds from 0 to {@link MAX_UNIX_SECONDS}.
 *
 * @example
 * ```ts
 * isUnixSeconds(1_700_000_000); // true
 * isUnixSeconds(1_700_000_000_000); // false: milliseconds
 * ```
 */
export function isUnixSeconds(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_UNIX_SECONDS;
}
