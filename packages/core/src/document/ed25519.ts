import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { ValidationError } from '../errors/ValidationError.js';

// Ed25519 for off-chain documents only (Quidnug transactions are P-256; see wire/).
// noble's sync API needs hashes.sha512; it is set here, lazily, never at module top level, so
// importing core does not pull noble into bundles that never sign documents (ENGINEERING §8.3).
function ready(): void {
  if (ed.hashes.sha512 === undefined) ed.hashes.sha512 = sha512;
}

function requireKey(key: Uint8Array, what: string): void {
  if (!(key instanceof Uint8Array) || key.length !== 32) {
    throw new ValidationError('INVALID_KEY', [{ path: what, message: 'must be a 32-byte Uint8Array' }]);
  }
}

/**
 * A new random Ed25519 secret key (32 bytes, from `crypto.getRandomValues`) for signing
 * invoice documents. Keep it apart from the quid's P-256 key.
 *
 * @example
 * ```ts
 * const secret = generateDocumentKey();
 * const pub = documentPublicKey(secret);
 * ```
 */
export function generateDocumentKey(): Uint8Array {
  ready();
  return ed.utils.randomSecretKey();
}

/**
 * The 32-byte Ed25519 public key of a document secret key.
 *
 * @example
 * ```ts
 * documentKeyAttribute(documentPublicKey(secret)); // 'ed25519:…'
 * ```
 */
export function documentPublicKey(secretKey: Uint8Array): Uint8Array {
  requireKey(secretKey, 'secretKey');
  ready();
  return ed.getPublicKey(secretKey);
}

/**
 * Ed25519 signature (RFC 8032, 64 bytes) of `message`.
 *
 * @example
 * ```ts
 * const sig = ed25519Sign(new TextEncoder().encode('hello'), secret);
 * ```
 */
export function ed25519Sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  requireKey(secretKey, 'secretKey');
  ready();
  return ed.sign(message, secretKey);
}

/**
 * Verifies an Ed25519 signature with the strict RFC 8032 / FIPS 186-5 rule (`zip215: false`:
 * canonical encodings only, so one message has one valid signature encoding per key), in pure
 * JS. Never WebCrypto: browsers skip small-order checks. Returns false, never throws, for
 * malformed signatures or keys.
 *
 * @example
 * ```ts
 * ed25519Verify(sig, message, documentPublicKey(secret)); // true
 * ```
 */
export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) return false;
  ready();
  try {
    return ed.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
