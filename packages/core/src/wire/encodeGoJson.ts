import { writeGoJsonValue } from './encodeGoJsonValue.js';
import type { LoneSurrogateMode } from './goString.js';

/**
 * Options of {@link encodeGoJson}.
 *
 * @example
 * ```ts
 * encodeGoJson(receivedBody, { loneSurrogates: 'replace' });
 * ```
 */
export interface EncodeGoJsonOptions {
  /**
   * `reject` (default) throws an `EncodingError` on a lone UTF-16 surrogate; `replace` writes
   * U+FFFD like Go does after decoding such a string.
   */
  readonly loneSurrogates?: LoneSurrogateMode;
}

/**
 * Go `encoding/json` output for a generic JSON value (what `json.Marshal` writes for the same value
 * decoded into `any`): object keys sorted by UTF-8 bytes, `<` `>` `&` U+2028 U+2029 escaped,
 * shortest number formatting, no whitespace. Throws `EncodingError` (with the path) on NaN,
 * ±Infinity, bigint, non-plain objects, cycles and lone surrogates; skips `undefined` members.
 *
 * @example
 * ```ts
 * encodeGoJson({ b: 1, a: '<&>', '10': true, '9': null });
 * // '{"10":true,"9":null,"a":"\\u003c\\u0026\\u003e","b":1}'
 * ```
 */
export function encodeGoJson(value: unknown, options: EncodeGoJsonOptions = {}): string {
  return writeGoJsonValue(value, options.loneSurrogates ?? 'reject', '');
}
