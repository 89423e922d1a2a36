import { p256 } from '@noble/curves/nist.js';

/**
 * A fresh random P-256 private key: the raw 32-byte scalar (uses `crypto.getRandomValues`).
 * Keep it secret; store it encrypted.
 *
 * @example
 * ```ts
 * const signer = signerFromPrivateKey(generatePrivateKey());
 * ```
 */
export function generatePrivateKey(): Uint8Array {
  return p256.utils.randomSecretKey();
}
