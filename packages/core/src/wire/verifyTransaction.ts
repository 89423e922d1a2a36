import { signableBytes } from './signableBytes.js';
import type { QuidnugTx } from './types.js';
import { verifySignature } from './verifySignature.js';

/**
 * Checks the issuer signature of a received transaction exactly as the node does (PROTOCOL §4.1,
 * §5): Go re-serialization with `signature:""`, lone surrogates read as U+FFFD, raw r‖s only,
 * high-s and upper-case hex accepted. Synchronous (`@noble/curves`). Never throws. It does not
 * check the ID, the key-to-quid binding or the TITLE owner co-signatures.
 *
 * @example
 * ```ts
 * if (!verifyTransaction(tx)) throw new Error('bad signature');
 * ```
 */
export function verifyTransaction(tx: QuidnugTx): boolean {
  let bytes: Uint8Array;
  try {
    bytes = signableBytes(tx, { loneSurrogates: 'replace' });
  } catch {
    return false;
  }
  return verifySignature(tx.publicKey, bytes, tx.signature);
}
