import { signableBytes } from './signableBytes.js';
import { transactionId } from './transactionId.js';
import type { QuidnugTx } from './types.js';

/**
 * The bytes the node will actually verify for a received transaction, or `undefined` when the
 * node is bound to reject it (PROTOCOL §6.1): it fills an empty `id` of IDENTITY / TITLE / EVENT
 * with the derived ID before verifying, and rewrites `timestamp: 0` (and an EVENT `sequence: 0`)
 * after signing, which always breaks the signature. Internal.
 */
export function nodeSignableBytes(tx: QuidnugTx): Uint8Array | undefined {
  try {
    if (tx.timestamp === 0 || (tx.type === 'EVENT' && tx.sequence === 0)) return undefined;
    const view =
      tx.type !== 'TRUST' && tx.id === ''
        ? { ...tx, id: transactionId(tx, { loneSurrogates: 'replace' }) }
        : tx;
    return signableBytes(view, { loneSurrogates: 'replace' });
  } catch {
    return undefined;
  }
}
