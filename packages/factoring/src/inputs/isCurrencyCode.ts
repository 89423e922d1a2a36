// The one test of a currency code the engine's inputs are held to.

const CODE = /^[A-Z]{3}$/;

/**
 * True when `v` is an ISO 4217 code as the engine reads one: three upper-case letters.
 *
 * @example
 * ```ts
 * isCurrencyCode('USD'); // true
 * isCurrencyCode('yen'); // false
 * ```
 */
export function isCurrencyCode(v: unknown): v is string {
  return typeof v === 'string' && CODE.test(v);
}
