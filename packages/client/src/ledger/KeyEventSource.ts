// Where the read path gets a quid's key history (epochs, freezes, recoveries) from.

import type { KeyEvent } from '@quidfin/core';
import type { QuidnugClient } from '../QuidnugClient.js';
import { readKeyEvents } from '../reads/readKeyEvents.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * A quid's key events for core's `keyValidAt`, each timed by the block that committed it. The
 * read path asks once per quid per read. Return only events you verified: the default
 * ({@link nodeKeyEvents}) reads the node's blocks and guardian routes, which show freezes and a
 * pending recovery but no rotation (a dc164c6 node applies none); a source that also knows
 * rotations (e.g. one backed by a devnode's `node.keyEvents`) lets a recovered key's events count.
 *
 * @example
 * ```ts
 * const withRotations: KeyEventSource = async (quid, o) => [
 *   ...(await readKeyEvents(client, quid, o)).events,
 *   ...(await verifiedRotationsOf(quid)), // e.g. a devnode's node.keyEvents(quid) rotations
 * ];
 * const ledger = new InvoiceLedger(client, { trustDomain, keyEvents: withRotations });
 * ```
 */
export type KeyEventSource = (quid: string, o: CallOptions) => Promise<readonly KeyEvent[]>;

/**
 * The default {@link KeyEventSource}: `readKeyEvents` on `client` (one scan of the node's blocks
 * per quid).
 *
 * @example
 * ```ts
 * const events = await nodeKeyEvents(client)(supplierQuid, {});
 * ```
 */
export function nodeKeyEvents(client: QuidnugClient): KeyEventSource {
  return async (quid, o) => (await readKeyEvents(client, quid, o)).events;
}
