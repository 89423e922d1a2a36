import { p256 } from '@noble/curves/nist.js';
import { hexToBytesOrUndefined } from './hex.js';

const SIG_RE = /^[0-9a-fA-F]{128}$/;
const KEY_RE = /^04[0-9a-fA-F]{128}$/;

/**
 * Node-compatible P-256 verification (PROTOCOL §5), synchronous, in pure JS: SHA-256 of `message`,
 * raw 64-byte `r‖s` signature as hex in either case, uncompressed public key. Accepts high-s like
 * the node; rejects DER and any other length. Never throws: bad input is `false`.
 *
 * @example
 * ```ts
 * verifySignature(tx.publicKey, signableBytes(tx), tx.signature); // true
 * ```
 */
export function verifySignature(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  if (typeof signatureHex !== 'string' || !SIG_RE.test(signatureHex)) return false;
  if (typeof publicKeyHex !== 'string' || !KEY_RE.test(publicKeyHex)) return false;
  try {
    const sig = hexToBytesOrUndefined(signatureHex) as Uint8Array;
    const key = hexToBytesOrUndefined(publicKeyHex) as Uint8Array;
    return p256.verify(sig, message, key, { lowS: false });
  } catch {
    return false;
  }
}
