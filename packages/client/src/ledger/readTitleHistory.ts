// What the node's blocks still tell about an invoice: every committed TITLE version of it and the
// identity records whose keys really derive to their quids, answered from a block history.

import type { IdentityTx, KeyEvent, TitleTx } from '@quidfin/core';
import { isClientError } from '../errors/isClientError.js';
import { BlockHistory } from '../history/BlockHistory.js';
import type { TitleVersion } from '../history/TitleVersion.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * The committed history the node serves in `GET /blocks` (its title registry keeps only the latest
 * version, and its identity registry only the latest record, which anyone can replace).
 *
 * @example
 * ```ts
 * const history = await readTitleHistory(client, 'inv-1');
 * if (history.available) console.log(history.titles.length, 'versions');
 * ```
 */
export interface TitleHistory {
  /** False when the node does not serve `/blocks` (404): nothing below was read. */
  readonly available: boolean;
  /** Every committed TITLE of the asset, in commit order. */
  readonly titles: readonly TitleTx[];
  /** The same versions with the block each was committed in. */
  readonly versions: readonly TitleVersion[];
  /**
   * The last committed IDENTITY of `quid` whose key derives to the quid (genuine by construction;
   * its signature is not verified here), or undefined.
   */
  genuineIdentity(quid: string): IdentityTx | undefined;
  /**
   * Unix seconds of the block that committed this TITLE or EVENT of the asset (by transaction
   * id), or undefined when no block read holds it. The time key history is judged at: a
   * transaction's own `timestamp` is the signer's choice.
   */
  blockTimeOf(txId: string, signature?: string): number | undefined;
  /**
   * Ids of every EVENT on the asset in the blocks read (commit order): a stream that lacks one of
   * them hides a committed event.
   */
  readonly eventIds: readonly string[];
  /**
   * The verified key events of `quid` in the blocks read (`registered`, and each `frozen` whose
   * anchor verifies), timed by their blocks, as `readKeyEvents` reads them minus the pending
   * recovery (which comes from the guardian route, not the blocks). Empty when unavailable.
   */
  keyEvents(quid: string): readonly KeyEvent[];
}

/** What a history that cannot vouch for the asset answers: nothing was read. */
const UNAVAILABLE: TitleHistory = {
  available: false,
  titles: [],
  versions: [],
  genuineIdentity: () => undefined,
  blockTimeOf: () => undefined,
  keyEvents: () => [],
  eventIds: [],
};

/**
 * Syncs `history` (only the blocks committed since its last sync are fetched; it starts over from
 * the first block when the node or its history changed) and answers with the asset's TITLE
 * versions and the genuine identity records, as of that sync. Without `history`, a fresh one
 * reads every block from genesis (one pass, 1,000 per request).
 *
 * @example
 * ```ts
 * const history = new BlockHistory(client); // keep it: later reads fetch only new blocks
 * const { titles, genuineIdentity } = await readTitleHistory(client, 'inv-1', {}, history);
 * const supplierRecord = genuineIdentity(supplierQuid);
 * ```
 */
export async function readTitleHistory(
  client: QuidnugClient,
  assetId: string,
  o: CallOptions = {},
  history: BlockHistory = new BlockHistory(client),
): Promise<TitleHistory> {
  try {
    await history.sync(o);
  } catch (error) {
    if (isClientError(error) && error.code === 'NOT_FOUND') {
      return UNAVAILABLE;
    }
    throw error;
  }
  // A history resumed from a saved cursor has not seen the first blocks: it cannot vouch for custody.
  if (!history.complete) return UNAVAILABLE;
  const snapshot = history.snapshot(assetId);
  return {
    available: true,
    titles: snapshot.titles.map((v) => v.tx),
    versions: snapshot.titles,
    genuineIdentity: snapshot.genuineIdentity,
    blockTimeOf: snapshot.blockTimeOf,
    keyEvents: snapshot.keyEvents,
    eventIds: snapshot.eventIds,
  };
}
