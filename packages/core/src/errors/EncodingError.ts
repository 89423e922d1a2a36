// A value Go encoding/json cannot reproduce byte for byte, refused before signing.
import { ValidationError } from './ValidationError.js';

/**
 * A value that Go `encoding/json` cannot reproduce byte for byte (NaN, Infinity, a lone UTF-16
 * surrogate, an unsafe integer in an int64 field, a `Date`, a `bigint`, a cycle...). Thrown by the
 * Go-exact serializer before anything is signed; `path` says where the value sits.
 *
 * @example
 * ```ts
 * try { encodeGoJson({ amount: Number.NaN }); }
 * catch (e) { if (isCoreError(e) && e.code === 'UNENCODABLE_VALUE') console.log(e.path); } // "amount"
 * ```
 */
export class EncodingError extends ValidationError<'UNENCODABLE_VALUE'> {
  override readonly name: string = 'EncodingError';

  constructor(path: string, message: string) {
    super('UNENCODABLE_VALUE', [{ path, message }]);
  }
}
