import { generatePrivateKey } from './generatePrivateKey.js';
import { signerFromPrivateKey } from './signerFromPrivateKey.js';
import type { Signer } from './types.js';

/**
 * A new in-memory signer with a random key, together with that key so it can be stored.
 *
 * @example
 * ```ts
 * const { signer, privateKey } = generateSigner();
 * await saveEncrypted(privateKey);
 * ```
 */
export function generateSigner(): { signer: Signer; privateKey: Uint8Array } {
  const privateKey = generatePrivateKey();
  return { signer: signerFromPrivateKey(privateKey), privateKey };
}
