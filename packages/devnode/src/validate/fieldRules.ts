// Field checks shared by the node's validators (internal/core/middleware.go, ipfs CID check).

import { sha256 } from '@noble/hashes/sha2.js';

/** Field length limits, in UTF-8 bytes. */
export const MAX_NAME_LENGTH: number = 256;
export const MAX_DESCRIPTION_LENGTH: number = 4096;
export const MAX_DOMAIN_LENGTH: number = 253;
export const MAX_EVENT_TYPE_LENGTH: number = 64;
export const MAX_PAYLOAD_SIZE: number = 64 * 1024;

const QUID_RE = /^[a-f0-9]{16}$/;
const CID_V0_RE = /^Qm[1-9A-HJ-NP-Za-km-z]{44}$/;
const CID_V1_RE = /^b[a-z2-7]{58,}$/;
const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

/** `^[a-f0-9]{16}$`. */
export function isValidQuidId(id: string): boolean {
  return QUID_RE.test(id);
}

/** The node's IPFS CID shapes (v0 base58 `Qm…`, v1 base32 `b…`). */
export function isValidCid(cid: string): boolean {
  return CID_V0_RE.test(cid) || CID_V1_RE.test(cid);
}

/** UTF-8 byte length, without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
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
