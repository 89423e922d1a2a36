import canonicalize from 'canonicalize';
import { ValidationError } from '../errors/ValidationError.js';

/**
 * RFC 8785 (JCS) canonical JSON text of `value`, via `canonicalize`. Throws
 * `ValidationError('INVALID_JSON')` for what JCS cannot represent: `undefined` at the top,
 * bigint, NaN, Infinity, lone surrogates. Keep money in strings: JCS rounds integers above 2^53.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: 'x' }); // '{"a":"x","b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ValidationError(
      'INVALID_JSON',
      [{ path: '', message: `not representable in RFC 8785 JSON: ${message}` }],
      {
        cause,
      },
    );
  }
  if (text === undefined) {
    throw new ValidationError('INVALID_JSON', [{ path: '', message: 'undefined has no RFC 8785 JSON form' }]);
  }
  return text;
}

/**
 * UTF-8 bytes of {@link canonicalJson}: what is hashed and signed.
 *
 * @example
 * ```ts
 * canonicalJsonBytes({ a: 1 }); // Uint8Array of '{"a":1}'
 * ```
 */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
