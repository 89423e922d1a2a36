// One committed TITLE version of an asset, as a block history keeps it.

import type { TitleTx } from '@quidfin/core';

/**
 * A TITLE transaction read from a committed block (with its owners' co-signatures), and where it
 * was committed.
 *
 * @example
 * ```ts
 * for (const v of history.titleVersions('inv-1')) console.log(v.blockIndex, v.tx.owners);
 * ```
 */
export interface TitleVersion {
  readonly tx: TitleTx;
  /** The block's `index`. */
  readonly blockIndex: number;
  /** The block's `timestamp` (seconds, as the node serves it). */
  readonly blockTimestamp: number;
  /** Position of the block in the node's `GET /blocks` list. */
  readonly offset: number;
}
