// Field checks shared by the node's validators (internal/core/middleware.go, ipfs CID check); the
// limits and patterns themselves are protocol facts from @quidfin/core's wire/protocol.ts.

import { sha256 } from '@noble/hashes/sha2.js';
import { CID_PATTERN, utf8Length } from '@quidfin/core';

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

/** The node's IPFS CID shapes (v0 base58 `Qm…`, v1 base32 `b…`). */
export function isValidCid(cid: string): boolean {
  return CID_PATTERN.test(cid);
}

/** Go `unicode.IsControl` minus `\t \n \r`: C0, DEL and C1. */
export function containsControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** The node's `ValidateStringField`: at most `maxBytes` UTF-8 bytes and no control characters. */
export function validateStringField(s: string, maxBytes: number): boolean {
  return utf8Length(s) <= maxBytes && !containsControlCharacters(s);
}

function hexBytes(hex: string): Uint8Array | undefined {
  if (!HEX_RE.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The node's `QuidIDFromPublicKeyHex`: first 16 hex chars of SHA-256 of the hex-decoded key, for
 * any valid hex (any length, either case); `''` when it is not hex.
 */
export function quidFromPublicKeyHex(publicKeyHex: string): string {
  const bytes = hexBytes(publicKeyHex);
  if (!bytes) return '';
  const digest = sha256(bytes);
  let out = '';
  for (let i = 0; i < 8; i++) out += (digest[i] as number).toString(16).padStart(2, '0');
  return out;
}
