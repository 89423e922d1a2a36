import { bytesToHex } from '@noble/hashes/utils.js';
import type { JsonObject } from '../wire/types.js';

/**
 * Name of the IDENTITY attribute that binds document keys to a quid: an array of strings
 * `"ed25519:<64 lowercase hex>"` (`attributes.documentKeys`). A signed IDENTITY update adds or
 * removes keys; a document signature counts only if its key is listed there.
 *
 * @example
 * ```ts
 * const attributes = { role: 'supplier', [DOCUMENT_KEYS_ATTRIBUTE]: [documentKeyAttribute(pub)] };
 * ```
 */
export const DOCUMENT_KEYS_ATTRIBUTE = 'documentKeys';

/**
 * The attribute entry for an Ed25519 document public key: `"ed25519:<64 lowercase hex>"`.
 *
 * @example
 * ```ts
 * documentKeyAttribute(documentPublicKey(secret)); // 'ed25519:d75a9801…'
 * ```
 */
export function documentKeyAttribute(publicKey: Uint8Array): string {
  return `ed25519:${bytesToHex(publicKey)}`;
}

/**
 * True when the IDENTITY `attributes` list `publicKey` under `documentKeys`.
 *
 * @example
 * ```ts
 * isDocumentKeyBound(identity.attributes, pub); // true once the identity lists the key
 * ```
 */
export function isDocumentKeyBound(attributes: JsonObject | undefined, publicKey: Uint8Array): boolean {
  const keys = attributes?.[DOCUMENT_KEYS_ATTRIBUTE];
  if (!Array.isArray(keys)) return false;
  const wanted = documentKeyAttribute(publicKey);
  return keys.some((k) => k === wanted);
}
