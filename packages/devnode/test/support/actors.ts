// Deterministic test actors and small request helpers for the fetch handler.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type Signer, signerFromPrivateKey } from '@quidfin/core';

/** A signer whose key is derived from `name` (stable across runs). */
export function actor(name: string): Signer {
  return signerFromPrivateKey(bytesToHex(sha256(new TextEncoder().encode(`devnode-test:${name}`))));
}

/** Seconds clock used by the builders in tests. */
export const T0 = 1_745_000_000;
