// Fixed-width digit codes (record codes, field tags, type codes) as shared strings, looked up by
// value instead of cut out of each line.

/**
 * Every number below `10 ** width` as text of `width` digits with leading zeros, at its own index.
 *
 * @example
 * ```ts
 * digitStrings(2)[7]; // '07'
 * ```
 */
export function digitStrings(width: number): readonly string[] {
  return Array.from({ length: 10 ** width }, (_, i) => String(i).padStart(width, '0'));
}

/** `'00'` to `'99'` (BAI2 record codes, MT940 field tags). */
export const TWO_DIGITS: readonly string[] = digitStrings(2);
