// Signable bytes of a TRUST whose `validUntil` is an int64 beyond 2^53 (a nanosecond expiry): the
// wire encoder refuses such numbers, so the digits are spliced in after encoding. Internal.

import { utf8 } from '../wire/hex.js';
import { signableJson } from '../wire/signableBytes.js';
import type { TrustTx } from '../wire/types.js';

const PLACEHOLDER_SUFFIX = '"validUntil":1}';

/**
 * The node's signable bytes of `tx`, also when `validUntil` is an integer above 2^53 (written with
 * the exact digits of the number as JavaScript holds it: a value the JSON parser had to round no
 * longer matches what was signed). `undefined` when the transaction cannot be encoded.
 */
export function trustSignableBytes(tx: TrustTx): Uint8Array | undefined {
  try {
    if (tx.timestamp === 0) return undefined; // the node rewrites it after signing (§6.1)
    const v = tx.validUntil;
    if (v === undefined || Number.isSafeInteger(v))
      return utf8(signableJson(tx, { loneSurrogates: 'replace' }));
    if (!Number.isInteger(v)) return undefined;
    const json = signableJson({ ...tx, validUntil: 1 }, { loneSurrogates: 'replace' });
    if (!json.endsWith(PLACEHOLDER_SUFFIX)) return undefined;
    return utf8(`${json.slice(0, -PLACEHOLDER_SUFFIX.length)}"validUntil":${BigInt(v).toString()}}`);
  } catch {
    return undefined;
  }
}

/** True when `validUntil` is an integer too large for JavaScript to hold exactly. */
export function hasUnsafeValidUntil(tx: TrustTx): boolean {
  return tx.validUntil !== undefined && !Number.isSafeInteger(tx.validUntil);
}
