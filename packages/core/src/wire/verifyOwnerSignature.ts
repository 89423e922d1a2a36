import { ownerSignableBytes } from './ownerSignableBytes.js';
import { transactionId } from './transactionId.js';
import type { TitleTx } from './types.js';
import { verifySignature } from './verifySignature.js';

/**
 * Checks `tx.signatures[ownerId]` against the owner bytes with `ownerPublicKey`, as the node does
 * for each previous owner of a transfer (it takes the key from the owner's committed identity).
 * An empty `id` is replaced by the derived one first, as the node does. `false` when the entry is
 * missing or wrong. Never throws.
 *
 * @example
 * ```ts
 * verifyOwnerSignature(transfer, 'c31907f180e6e1e0', alicePublicKey); // true
 * ```
 */
export function verifyOwnerSignature(tx: TitleTx, ownerId: string, ownerPublicKey: string): boolean {
  let bytes: Uint8Array;
  let signature: unknown;
  try {
    signature = tx.signatures?.[ownerId];
    if (typeof signature !== 'string') return false;
    const view = tx.id === '' ? { ...tx, id: transactionId(tx, { loneSurrogates: 'replace' }) } : tx;
    bytes = ownerSignableBytes(view, { loneSurrogates: 'replace' });
  } catch {
    return false;
  }
  return verifySignature(ownerPublicKey, bytes, signature);
}
