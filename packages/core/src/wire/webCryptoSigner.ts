import { p256 } from '@noble/curves/nist.js';
import { ValidationError } from '../errors/ValidationError.js';
import { bytesToHex } from './hex.js';
import { quidIdFromPublicKey } from './quidIdFromPublicKey.js';
import { requireSubtle } from './subtle.js';
import type { Signer } from './types.js';

/** Flips s to n − s when s > n/2 (WebCrypto does not normalise; low-s is the canonical form). */
function toLowS(raw: Uint8Array): string {
  const n = p256.Point.Fn.ORDER;
  const s = BigInt(`0x${bytesToHex(raw.subarray(32, 64))}`);
  if (s <= n >> 1n) return bytesToHex(raw);
  return bytesToHex(raw.subarray(0, 32)) + (n - s).toString(16).padStart(64, '0');
}

/**
 * Wraps an existing WebCrypto ECDSA P-256 key pair (for example one kept in IndexedDB) as a
 * {@link Signer}. Signatures are raw r‖s normalised to low-s; they are randomised, not RFC 6979.
 *
 * @example
 * ```ts
 * const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
 * const signer = await createWebCryptoSigner(pair);
 * ```
 */
export async function createWebCryptoSigner(keyPair: {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}): Promise<Signer> {
  const subtle = requireSubtle();
  const raw = new Uint8Array(await subtle.exportKey('raw', keyPair.publicKey));
  const publicKey = bytesToHex(raw);
  if (raw.length !== 65) {
    throw new ValidationError('INVALID_KEY', [
      { path: 'publicKey', message: 'expected an uncompressed P-256 public key' },
    ]);
  }
  const quidId = quidIdFromPublicKey(publicKey);
  const { privateKey } = keyPair;
  return {
    publicKey,
    quidId,
    sign: async (message: Uint8Array) => {
      const sig = await subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        privateKey,
        message as Uint8Array<ArrayBuffer>,
      );
      return toLowS(new Uint8Array(sig));
    },
  };
}

/**
 * A signer on a fresh WebCrypto P-256 key pair whose private key is NON-extractable (it cannot
 * be read out of the browser's key store; persist the `CryptoKeyPair` in IndexedDB if needed).
 * Throws `CryptoUnavailableError` when `crypto.subtle` is missing or the page is not a secure
 * context.
 *
 * @example
 * ```ts
 * const { signer, keyPair } = await generateWebCryptoSigner();
 * const tx = await buildTrust({ signer, trustDomain: 'd', trustee, trustLevel: 1, nonce: 1 });
 * ```
 */
export async function generateWebCryptoSigner(): Promise<{ signer: Signer; keyPair: CryptoKeyPair }> {
  const subtle = requireSubtle();
  const keyPair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { signer: await createWebCryptoSigner(keyPair), keyPair };
}
