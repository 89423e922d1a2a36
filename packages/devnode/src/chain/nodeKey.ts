// The node's own P-256 key: its quid (node ID) and block signatures.

import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** The node's identity and block signer. */
export interface NodeKey {
  readonly nodeId: string;
  readonly publicKeyHex: string;
  sign(message: Uint8Array): string;
}

/** A fixed development key (not secret: it signs dev blocks only). */
const DEV_KEY_SEED = 'quidfin-devnode-key-v1';

/** Builds the node key from a 64-hex private scalar, or the fixed development key. */
export function createNodeKey(privateKeyHex: string | undefined): NodeKey {
  const priv =
    privateKeyHex === undefined ? sha256(new TextEncoder().encode(DEV_KEY_SEED)) : hexToBytes(privateKeyHex);
  const pub = p256.getPublicKey(priv, false);
  const publicKeyHex = bytesToHex(pub);
  return {
    nodeId: bytesToHex(sha256(pub)).slice(0, 16),
    publicKeyHex,
    sign: (message) => bytesToHex(p256.sign(message, priv)),
  };
}
