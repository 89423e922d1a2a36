import { p256 } from '@noble/curves/nist.js';
import { bytesToHex } from './hex.js';
import { decodePrivateKey } from './privateKey.js';
import { quidIdFromPublicKey } from './quidIdFromPublicKey.js';
import type { Signer } from './types.js';

/**
 * A {@link Signer} over an in-memory raw P-256 scalar (64 hex chars or 32 bytes; the key is
 * copied). Signs SHA-256 of the message with RFC 6979 deterministic k and low-s, so a retried
 * transaction is byte-identical and the test vectors reproduce. Throws
 * `ValidationError('INVALID_KEY')` on a bad length or an out-of-range scalar.
 *
 * @example
 * ```ts
 * const alice = signerFromPrivateKey('1ccb11c6f8ca348eb189672eb2e793da0a1a3967105a3107a871010c9aad07af');
 * alice.quidId; // 'c31907f180e6e1e0'
 * ```
 */
export function signerFromPrivateKey(privateKey: string | Uint8Array): Signer {
  const secret = decodePrivateKey(privateKey);
  const publicKey = bytesToHex(p256.getPublicKey(secret, false));
  const quidId = quidIdFromPublicKey(publicKey);
  return {
    publicKey,
    quidId,
    // noble v2 prehashes with SHA-256 and normalises to low-s by default.
    sign: async (message: Uint8Array) => bytesToHex(p256.sign(message, secret)),
  };
}
