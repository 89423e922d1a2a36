// What the guardian rules need to know about committed state (the node's nonce ledger).

import type { GuardianSet } from './types.js';

/**
 * Read access to the committed key and guardian state the node checks anchors against. The devnode
 * implements it over its state; a client can implement it over what it read from a node.
 *
 * @example
 * ```ts
 * const view: GuardianLedgerView = {
 *   signerKey: (q, e) => (q === supplier.quidId && e === 0 ? supplier.publicKey : undefined),
 *   currentEpoch: () => 0, lastAnchorNonce: () => 0, guardianSet: () => undefined,
 *   pendingRecovery: () => undefined, resignationNonce: () => 0,
 * };
 * ```
 */
export interface GuardianLedgerView {
  /** The key recorded for (quid, epoch): epoch 0 is the key of the quid's first committed IDENTITY. */
  signerKey(quid: string, epoch: number): string | undefined;
  /** The quid's current key epoch (0 until a rotation). */
  currentEpoch(quid: string): number;
  /** The last anchor nonce applied for the quid (0 if none). */
  lastAnchorNonce(quid: string): number;
  /** The installed guardian set (as stored: with `updatedAtBlock`), if any. */
  guardianSet(quid: string): GuardianSet | undefined;
  /** The pending recovery, if one is pending (terminal ones are not returned). */
  pendingRecovery(quid: string): { readonly initHash: string; readonly maturityUnix: number } | undefined;
  /** Highest resignation nonce accepted for (guardian, subject), 0 if none. */
  resignationNonce(guardianQuid: string, subjectQuid: string): number;
}
