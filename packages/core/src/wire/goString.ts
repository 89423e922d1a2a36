import { EncodingError } from '../errors/EncodingError.js';
import { type LazyPath, resolvePath } from './path.js';

/**
 * What to do with a lone UTF-16 surrogate, which has no UTF-8 form. `reject` (building, signing)
 * throws; `replace` (verifying what someone else sent) writes U+FFFD, because that is what Go's
 * decoder turns `"\ud800"` into before the node re-marshals the transaction.
 *
 * @example
 * ```ts
 * signableBytes(receivedTx, { loneSurrogates: 'replace' satisfies LoneSurrogateMode });
 * ```
 */
export type LoneSurrogateMode = 'reject' | 'replace';

const HEX = '0123456789abcdef';
// Anything that is not copied through verbatim by Go's encoder with HTML escaping on.
const NEEDS_WORK = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

/** Go `encoding/json` quoting of a string (HTML escaping on), as JS text. */
export function quoteGoString(value: string, mode: LoneSurrogateMode, path: LazyPath): string {
  if (!NEEDS_WORK.test(value)) return `"${value}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      if (c === 0x08) rep = '\\b';
      else if (c === 0x0c) rep = '\\f';
      else if (c === 0x0a) rep = '\\n';
      else if (c === 0x0d) rep = '\\r';
      else if (c === 0x09) rep = '\\t';
      else rep = `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = '\\\\';
    else if (c === 0x3c) rep = '\\u003c';
    else if (c === 0x3e) rep = '\\u003e';
    else if (c === 0x26) rep = '\\u0026';
    else if (c === 0x2028) rep = '\\u2028';
    else if (c === 0x2029) rep = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // valid pair: copied through as UTF-8
        continue;
      }
      if (mode === 'reject') {
        throw new EncodingError(
          resolvePath(path),
          `lone UTF-16 surrogate U+${c.toString(16).toUpperCase()} at index ${i} has no UTF-8 form (the node would turn it into U+FFFD and the signature would break)`,
        );
      }
      rep = '\ufffd';
    }
    if (rep !== undefined) {
      out += value.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + value.slice(start) + '"';
}
