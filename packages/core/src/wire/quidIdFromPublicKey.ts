import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ValidationError } from '../errors/ValidationError.js';
import { bytesToHex, hexToBytesOrUndefined } from './hex.js';

const PUBLIC_KEY_RE = /^04[0-9a-fA-F]{128}$/;

/** Decodes and checks an uncompressed P-256 public key; throws `INVALID_KEY` with the reason. Internal. */
export function decodePublicKey(publicKeyHex: string, path = 'publicKey'): Uint8Array {
  if (typeof publicKeyHex !== 'string' || !PUBLIC_KEY_RE.test(publicKeyHex)) {
    throw new ValidationError('INVALID_KEY', [
      { path, message: 'expected an uncompressed SEC1 P-256 public key: "04" followed by 128 hex chars' },
    ]);
  }
  const bytes = hexToBytesOrUndefined(publicKeyHex) as Uint8Array;
  if (!p256.utils.isValidPublicKey(bytes, false)) {
    throw new ValidationError('INVALID_KEY', [
      { path, message: 'public key is not a point on the P-256 curve' },
    ]);
  }
  return bytes;
}

/**
 * The quid ID of a public key (PROTOCOL §1): first 16 lowercase hex chars of SHA-256 of the
 * 65-byte uncompressed point. Throws `ValidationError('INVALID_KEY')` unless the key is 130 hex
 * chars (either case), starts with `04` and lies on the curve.
 *
 * @example
 * ```ts
 * quidIdFromPublicKey('0421afc8…0243'); // 'c31907f180e6e1e0'
 * ```
 */
export function quidIdFromPublicKey(publicKeyHex: string): string {
  return bytesToHex(sha256(decodePublicKey(publicKeyHex))).slice(0, 16);
}
