// What one trust sync read and found.

import type { TrustFinding } from '@quidfin/core';
import type { TrustCursor } from './TrustStore.js';

/**
 * Outcome of one {@link VerifiedTrust.sync}.
 *
 * @example
 * ```ts
 * const s: TrustSyncResult = await trust.sync();
 * console.log(`${s.blocksRead} blocks, ${s.trustTransactions} TRUST, ${s.findings.length} findings`);
 * ```
 */
export interface TrustSyncResult {
  readonly blocksRead: number;
  readonly trustTransactions: number;
  /** Transactions counted as edges in this sync. */
  readonly accepted: number;
  /** Findings raised in this sync (forged, refused, notices). */
  readonly findings: readonly TrustFinding[];
  readonly cursor: TrustCursor;
  /**
   * Why the graph was rebuilt from the first block, if it was: `node-changed` (another node
   * serves the sync now; block lists differ between nodes) or `history-changed` (the block at the
   * cursor is not the one read before).
   */
  readonly rebuilt: 'node-changed' | 'history-changed' | undefined;
}
