import type { QuidnugTx } from '@quidfin/core';
import type { NodeApi } from '../api/NodeApi.js';
import { isClientError } from '../errors/isClientError.js';
import type { CallOptions } from '../transport/Transport.js';
import { sameSignature } from '../wire/canonicalSignature.js';

/**
 * Where a transaction was found: still in the pending pool, or in committed state.
 *
 * @example
 * ```ts
 * const where: TransactionLocation | undefined = await client.locateTransaction(tx);
 * ```
 */
export type TransactionLocation = 'pending' | 'committed';

// Same id and the same signature (or its high-s twin). A copy without a signature is not ours:
// an EVENT id covers neither payload nor signer, so an id alone proves nothing.
const same = (a: { id?: unknown; signature?: unknown }, tx: QuidnugTx): boolean =>
  a.id === tx.id && typeof a.signature === 'string' && sameSignature(a.signature, tx.signature);

/**
 * True when `tx` (same id and signature) is in the node's pending pool.
 *
 * @example
 * ```ts
 * if (await isPending(client, tx)) console.log('queued for the next block');
 * ```
 */
export async function isPending(client: NodeApi, tx: QuidnugTx, options: CallOptions = {}): Promise<boolean> {
  for await (const pending of client.iteratePendingTransactions({ limit: 1000 }, options)) {
    if (same(pending, tx)) return true;
  }
  return false;
}

/**
 * True when the block with `transactionId` is among the last `depth` blocks of the node.
 *
 * @example
 * ```ts
 * await isInRecentBlocks(client, trustTx.id);
 * ```
 */
export async function isInRecentBlocks(
  client: NodeApi,
  transactionId: string,
  options: CallOptions = {},
  depth = 200,
): Promise<boolean> {
  const head = await client.listBlocks({ limit: 1 }, options);
  const offset = Math.max(0, head.total - depth);
  const page = await client.listBlocks({ offset, limit: Math.min(1000, depth) }, options);
  return page.items.some((b) => b.transactions.some((t) => t['id'] === transactionId));
}

/**
 * True when `tx` is in the node's committed state: the identity or title registry holds exactly
 * this transaction, the event is in its stream, or (TRUST, which cannot be read back by id) a
 * recent block contains it.
 *
 * @example
 * ```ts
 * if (await isCommitted(client, identityTx)) console.log('visible to everyone');
 * ```
 */
export async function isCommitted(
  client: NodeApi,
  tx: QuidnugTx,
  options: CallOptions = {},
): Promise<boolean> {
  try {
    switch (tx.type) {
      case 'IDENTITY': {
        const current = await client.getIdentity(tx.quidId, options);
        return same(current, tx) || current.updateNonce > tx.updateNonce;
      }
      case 'TITLE':
        return same(await client.getTitle(tx.assetId, options), tx);
      case 'EVENT':
        for await (const event of client.iterateStreamEvents(tx.subjectId, { limit: 1000 }, options)) {
          if (same(event, tx)) return true;
        }
        return false;
      case 'TRUST':
        return await isInRecentBlocks(client, tx.id, options);
    }
  } catch (error) {
    if (isClientError(error) && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

/**
 * Finds out whether the node got `tx`, checking the pending pool first and then committed state
 * (in that order, so a block committing between the two checks cannot hide it).
 *
 * @example
 * ```ts
 * const where = await locateTransaction(client, eventTx); // 'pending' | 'committed' | undefined
 * ```
 */
export async function locateTransaction(
  client: NodeApi,
  tx: QuidnugTx,
  options: CallOptions = {},
): Promise<TransactionLocation | undefined> {
  if (await isPending(client, tx, options)) return 'pending';
  if (await isCommitted(client, tx, options)) return 'committed';
  return undefined;
}
