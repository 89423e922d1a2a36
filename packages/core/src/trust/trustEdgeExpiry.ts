// When a TRUST edge stops counting, read from its `validUntil` the way a risk desk would: the
// node compares it with Unix seconds, so a nanosecond value never expires there (PROTOCOL G12).

/**
 * Largest `validUntil` read as Unix seconds (the year 5138); larger values are not seconds. The
 * same bound quidfin's builders put on every seconds field.
 *
 * @example
 * ```ts
 * if (tx.validUntil !== undefined && tx.validUntil > MAX_VALID_UNTIL_SECONDS) console.warn('not seconds');
 * ```
 */
export const MAX_VALID_UNTIL_SECONDS = 1e11;

/**
 * How a `validUntil` was read: `none` (0 or absent: no expiry), `seconds` (as the node reads it),
 * or `nanoseconds` (too large to be seconds: the node never expires it; the SDK reads it as Unix
 * nanoseconds, which is what the public protocol document says the field holds, so a millisecond
 * or microsecond value reads as a date in 1970 and the edge is already expired).
 *
 * @example
 * ```ts
 * const unit: ValidUntilUnit = trustEdgeExpiry(1_800_000_000_000_000_000).unit; // 'nanoseconds'
 * ```
 */
export type ValidUntilUnit = 'none' | 'seconds' | 'nanoseconds';

/**
 * The expiry of a TRUST edge in Unix seconds (`undefined`: never expires) and how `validUntil` was
 * read. A value above {@link MAX_VALID_UNTIL_SECONDS} is read as nanoseconds (floored to seconds),
 * so an edge whose signer meant a date in nanoseconds expires on that date here, while the node
 * keeps it forever.
 *
 * @example
 * ```ts
 * trustEdgeExpiry(undefined);                  // { expiresAt: undefined, unit: 'none' }
 * trustEdgeExpiry(1_767_225_600);              // { expiresAt: 1767225600, unit: 'seconds' }
 * trustEdgeExpiry(1_767_225_600_000_000_000);  // { expiresAt: 1767225600, unit: 'nanoseconds' }
 * ```
 */
export function trustEdgeExpiry(validUntil: number | undefined): {
  readonly expiresAt: number | undefined;
  readonly unit: ValidUntilUnit;
} {
  if (validUntil === undefined || validUntil === 0) return { expiresAt: undefined, unit: 'none' };
  if (validUntil <= MAX_VALID_UNTIL_SECONDS) return { expiresAt: validUntil, unit: 'seconds' };
  return { expiresAt: Math.floor(validUntil / 1e9), unit: 'nanoseconds' };
}
