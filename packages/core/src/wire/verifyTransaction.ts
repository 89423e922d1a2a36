import { nodeSignableBytes } from './nodeSignableBytes.js';
import type { QuidnugTx } from './types.js';
import { verifySignature } from './verifySignature.js';

/**
 * Checks the issuer signature of a received transaction exactly as the node does (PROTOCOL §4.1,
 * §5, §6.1): Go re-serialization with `signature:""`, lone surrogates read as U+FFFD, an empty
 * IDENTITY / TITLE / EVENT `id` replaced by the derived one, raw r‖s only, high-s and upper-case
 * hex accepted, `timestamp: 0` / EVENT `sequence: 0` refused (the node rewrites them).
 * Synchronous (`@noble/curves`). Never throws. It does not check the ID, the key-to-quid binding
 * or the TITLE owner co-signatures.
 *
 * @example
 * ```ts
 * if (!verifyTransaction(tx)) throw new Error('bad signature');
 * ```
 */
export function verifyTransaction(tx: QuidnugTx): boolean {
  const bytes = nodeSignableBytes(tx);
  return bytes !== undefined && verifySignature(tx.publicKey, bytes, tx.signature);
}
