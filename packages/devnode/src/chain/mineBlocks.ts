// One block tick (runBlockGeneration + GenerateBlock + ReceiveBlock): for each managed domain with
// pending transactions, one block with all of them; transactions without a creator are dropped
// (or, when alone, left pending); every transaction is revalidated against committed state
// before any is applied, and one failure rejects the whole block, whose transactions are lost.

import { type BlockRecord, type NodeState, pairSet, type StoredTx } from '../state/state.js';
import type { ValidationContext } from '../validate/context.js';
import { quidFromPublicKeyHex } from '../validate/fieldRules.js';
import { revalidate } from '../validate/validateTx.js';
import { applyBlock, extractTrustEdges } from './applyBlock.js';
import { blockHash, blockSignableBytes } from './blockHash.js';
import type { NodeKey } from './nodeKey.js';

/**
 * A block that committed.
 *
 * @example
 * ```ts
 * for (const b of node.mineBlock().committed) console.log(b.domain, b.index, b.transactionIds.length);
 * ```
 */
export interface CommittedBlock {
  readonly domain: string;
  readonly index: number;
  readonly hash: string;
  readonly transactionIds: readonly string[];
}

/**
 * A block whose revalidation failed: it was dropped with all its transactions (as on the node).
 *
 * @example
 * ```ts
 * for (const r of node.mineBlock().rejected) console.warn(`lost ${r.transactionIds.length} txs in ${r.domain}`);
 * ```
 */
export interface RejectedBlock {
  readonly domain: string;
  readonly transactionIds: readonly string[];
  /** Position in the block of the first transaction that failed revalidation. */
  readonly failedIndex: number;
}

/**
 * What one block tick did.
 *
 * @example
 * ```ts
 * const result: BlockResult = node.mineBlock();
 * ```
 */
export interface BlockResult {
  readonly committed: readonly CommittedBlock[];
  readonly rejected: readonly RejectedBlock[];
}

/** The block filter's notion of a transaction's creator (PROTOCOL §8). */
function creatorOf(stored: StoredTx): string {
  const { tx } = stored;
  switch (stored.kind) {
    case 'TRUST':
      return tx['truster'] as string;
    case 'IDENTITY':
      return tx['creator'] as string;
    case 'TITLE':
      return ((tx['owners'] as Array<{ ownerId: string }> | null) ?? [])[0]?.ownerId ?? '';
    case 'EVENT':
      return quidFromPublicKeyHex(tx['publicKey'] as string);
  }
}

function txDomain(stored: StoredTx): string {
  return stored.tx['trustDomain'] as string;
}

/**
 * Runs one tick over every managed domain (in registration order). `onTrustCommitted` is called
 * when a block applied at least one TRUST.
 */
export function mineBlocks(
  ctx: ValidationContext,
  key: NodeKey,
  nowSeconds: number,
  onTrustCommitted: () => void,
): BlockResult {
  const state: NodeState = ctx.state;
  const committed: CommittedBlock[] = [];
  const rejected: RejectedBlock[] = [];
  for (const domain of [...state.domains.keys()]) {
    if (state.pending.length === 0) break;
    const mine: StoredTx[] = [];
    const rest: StoredTx[] = [];
    for (const s of state.pending) {
      const d = txDomain(s);
      if (d === domain || (domain === 'default' && d === '')) mine.push(s);
      else rest.push(s);
    }
    const included = mine.filter((s) => creatorOf(s) !== '');
    if (included.length === 0) continue; // nothing includable: the pool stays as it is
    state.pending = rest;
    let prev = state.blocks[0]!;
    for (let i = state.blocks.length - 1; i >= 0; i--) {
      if (state.blocks[i]!.trustProof.trustDomain === domain) {
        prev = state.blocks[i]!;
        break;
      }
    }
    const weight = (state.domains.get(domain)?.['validators'] as Record<string, number> | null)?.[key.nodeId];
    const block: BlockRecord = {
      index: prev.index + 1,
      timestamp: nowSeconds,
      transactions: included,
      trustProof: {
        trustDomain: domain,
        validatorId: key.nodeId,
        validatorPublicKey: key.publicKeyHex,
        validatorTrustInCreator: weight ?? 1,
        validatorSigs: [],
        validationTime: nowSeconds,
      },
      prevHash: prev.hash,
      hash: '',
    };
    block.trustProof.validatorSigs.push(key.sign(blockSignableBytes(block)));
    block.hash = blockHash(block);
    const ids = included.map((s) => s.tx['id'] as string);
    // Every cryptographically valid block contributes unverified edges, even a rejected one.
    const edges = extractTrustEdges(block);
    for (const e of edges) pairSet(state.unverifiedEdges, e.truster, e.trustee, e);
    const failedIndex = included.findIndex((s) => !revalidate(ctx, s));
    if (failedIndex >= 0) {
      rejected.push({ domain, transactionIds: ids, failedIndex });
      continue;
    }
    if (applyBlock(state, block, edges)) onTrustCommitted();
    committed.push({ domain, index: block.index, hash: block.hash, transactionIds: ids });
  }
  return { committed, rejected };
}
