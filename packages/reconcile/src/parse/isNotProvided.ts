// The placeholder banks write for a reference the payer did not give.

/**
 * Is `text` the word `NOTPROVIDED` in any case (a missing EndToEndId or reference, which the
 * parsers drop)? Only an 11-character text starting with N can be, so no upper-cased copy is made
 * of any other.
 *
 * @example
 * ```ts
 * isNotProvided('NotProvided'); // true
 * isNotProvided('E2E-1'); // false
 * ```
 */
export function isNotProvided(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length <= 11 && (c === 78 || c === 110) && text.toUpperCase() === 'NOTPROVIDED';
}
