// One form for an ECDSA P-256 signature and its high-s twin, so a malleated copy of our own
// transaction is recognised as ours (the node accepts both, PROTOCOL §5 and G18).

const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const HALF_N = N >> 1n;
const RAW = /^[0-9a-f]{128}$/;

/**
 * The low-s, lower-case form of a raw `r‖s` hex signature: `(r, s)` and its twin `(r, n − s)`
 * verify for the same bytes and key, and both map to the same string. Anything that is not 128 hex
 * characters is only lower-cased.
 *
 * @example
 * ```ts
 * canonicalSignature(highSTwin) === canonicalSignature(tx.signature); // true
 * ```
 */
export function canonicalSignature(signature: string): string {
  const hex = signature.toLowerCase();
  if (!RAW.test(hex)) return hex;
  const s = BigInt(`0x${hex.slice(64)}`);
  if (s <= HALF_N) return hex;
  return hex.slice(0, 64) + (N - s).toString(16).padStart(64, '0');
}

/**
 * True when two signatures are the same signature or each other's high-s twin.
 *
 * @example
 * ```ts
 * sameSignature(pending.signature, tx.signature);
 * ```
 */
export function sameSignature(a: string, b: string): boolean {
  return canonicalSignature(a) === canonicalSignature(b);
}
