// What one block-history sync read, and whether it had to start over.

import type { BlockCursor } from './BlockCursor.js';

/**
 * Why a {@link BlockHistory} threw away what it had and read again from the first block:
 * `node-changed` (another node serves the sync now; block lists differ between nodes) or
 * `history-changed` (the block at the cursor is not the one read before, or the next block does
 * not link to it).
 *
 * @example
 * ```ts
 * const why: BlockRebuildReason = 'history-changed';
 * ```
 */
export type BlockRebuildReason = 'node-changed' | 'history-changed';

/**
 * Outcome of one {@link BlockHistory.sync}.
 *
 * @example
 * ```ts
 * const s: BlockSyncResult = await history.sync();
 * console.log(`${s.blocksRead} new blocks`, s.rebuilt ?? 'incremental');
 * ```
 */
export interface BlockSyncResult {
  /** Blocks fetched and applied by this call (0 when nothing new was committed). */
  readonly blocksRead: number;
  readonly cursor: BlockCursor;
  /** Set when this call started over from the first block. */
  readonly rebuilt: BlockRebuildReason | undefined;
}
