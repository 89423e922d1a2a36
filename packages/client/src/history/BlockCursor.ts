// Where a block-history sync stands in one node's `GET /blocks` list.

/**
 * How far a sync has read: the serving node, how many blocks of its `GET /blocks` list were read,
 * and the hash of the last one (to notice a list that changed under the cursor).
 *
 * @example
 * ```ts
 * const cursor: BlockCursor = { nodeId: 'c31907f180e6e1e0', offset: 120, blockHash: '9f…' };
 * ```
 */
export interface BlockCursor {
  readonly nodeId: string;
  /** Blocks read so far (the next read starts at this offset). */
  readonly offset: number;
  /** Hash of the block at `offset - 1` (`''` when offset is 0). */
  readonly blockHash: string;
}
