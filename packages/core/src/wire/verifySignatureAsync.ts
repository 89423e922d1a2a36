import { hexToBytesOrUndefined } from './hex.js';
import { findSubtle } from './subtle.js';
import { verifySignature } from './verifySignature.js';

const SIG_RE = /^[0-9a-fA-F]{128}$/;
const KEY_RE = /^04[0-9a-fA-F]{128}$/;
const CACHE_LIMIT = 512;

// Imported keys are cached lazily (created on first use, never at module load).
let keyCache: Map<string, Promise<CryptoKey | undefined>> | undefined;

function importKey(subtle: SubtleCrypto, publicKeyHex: string): Promise<CryptoKey | undefined> {
  const id = publicKeyHex.toLowerCase();
  keyCache ??= new Map();
  let key = keyCache.get(id);
  if (!key) {
    if (keyCache.size >= CACHE_LIMIT) keyCache.clear();
    const raw = hexToBytesOrUndefined(id) as Uint8Array<ArrayBuffer>;
    key = subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']).then(
      (k) => k,
      () => undefined, // not a point on the curve
    );
    keyCache.set(id, key);
  }
  return key;
}

/**
 * Same verdicts as {@link verifySignature}, using WebCrypto `subtle.verify` where it exists (much
 * faster than pure JS; accepts high-s like the node) and falling back to `@noble/curves`.
 * Imported public keys are cached. Never rejects: bad input resolves to `false`.
 *
 * @example
 * ```ts
 * await verifySignatureAsync(tx.publicKey, signableBytes(tx), tx.signature); // true
 * ```
 */
export async function verifySignatureAsync(
  publicKeyHex: string,
  message: Uint8Array,
  signatureHex: string,
): Promise<boolean> {
  if (typeof signatureHex !== 'string' || !SIG_RE.test(signatureHex)) return false;
  if (typeof publicKeyHex !== 'string' || !KEY_RE.test(publicKeyHex)) return false;
  const subtle = findSubtle();
  if (!subtle) return verifySignature(publicKeyHex, message, signatureHex);
  try {
    const key = await importKey(subtle, publicKeyHex);
    if (!key) return false;
    const sig = hexToBytesOrUndefined(signatureHex) as Uint8Array<ArrayBuffer>;
    return await subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      sig,
      message as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}
