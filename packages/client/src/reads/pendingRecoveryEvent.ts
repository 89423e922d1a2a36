// A quid's pending guardian recovery as a key event (the node's guardian route, not its blocks).

import type { KeyEvent } from '@quidfin/core';
import type { NodeApi } from '../api/NodeApi.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * The `recovery-opened` key event of `quid` when a guardian recovery is pending on the node (timed
 * at the recovery's `validFrom`), or undefined. Core's `keyValidAt` holds the quid's keys from
 * then on.
 *
 * @example
 * ```ts
 * const opened = await pendingRecoveryEvent(client, supplierQuid);
 * if (opened) console.warn('recovery pending since', opened.at);
 * ```
 */
export async function pendingRecoveryEvent(
  client: NodeApi,
  quid: string,
  o: CallOptions = {},
): Promise<KeyEvent | undefined> {
  const pending = await client.findPendingRecovery(quid, o);
  return pending
    ? { kind: 'recovery-opened', initHash: pending.initHash, at: pending.init.validFrom }
    : undefined;
}
