import { p256 } from '@noble/curves/nist.js';
import { bytesToHex } from './hex.js';
import { decodePrivateKey } from './privateKey.js';

/**
 * The uncompressed SEC1 public key (130 lowercase hex chars) of a raw 32-byte private scalar.
 * Throws `ValidationError('INVALID_KEY')` on a bad length or an out-of-range scalar.
 *
 * @example
 * ```ts
 * publicKeyFromPrivateKey('1ccb11c6…07af'); // '0421afc8…0243'
 * ```
 */
export function publicKeyFromPrivateKey(privateKey: string | Uint8Array): string {
  return bytesToHex(p256.getPublicKey(decodePrivateKey(privateKey), false));
}
