// Hex and UTF-8 helpers for the wire layer (internal; `utf8Length` lives in ./protocol.ts). Web standards only: no Buffer.

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;
// Created on first use (no module-level `new`).
let encoder: TextEncoder | undefined;

function nibble(c: number): number {
  // '0'-'9' → 0-9, 'a'-'f' / 'A'-'F' → 10-15 (input already checked by HEX_RE)
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** Lowercase hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] as number).toString(16).padStart(2, '0');
  return out;
}

/** Bytes of an even-length hex string (either case); `undefined` when it is not hex. */
export function hexToBytesOrUndefined(hex: string): Uint8Array | undefined {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = (nibble(hex.charCodeAt(i * 2)) << 4) | nibble(hex.charCodeAt(i * 2 + 1));
  }
  return out;
}

/** UTF-8 bytes of a string (lone surrogates must already be handled by the caller). */
export function utf8(text: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(text);
}
