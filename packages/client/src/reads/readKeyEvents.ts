// A quid's key history as far as a node shows it: its first registered key, the owner's verified
// freezes (`key.invalidated` on its QUID stream) and a pending guardian recovery, with commit times.

import type { KeyEvent } from '@quidfin/core';
import type { NodeApi } from '../api/NodeApi.js';
import { derivesTo, freezeProblem } from '../guardian/freezeProblem.js';
import { KEY_INVALIDATED_EVENT } from '../guardian/keyInvalidatedEvent.js';
import type { CallOptions } from '../transport/Transport.js';
import { pendingRecoveryEvent } from './pendingRecoveryEvent.js';

/**
 * What {@link readKeyEvents} found: events for core's `keyValidAt`, and freeze events it did not
 * trust (with why).
 *
 * @example
 * ```ts
 * const { events, ignored }: KeyHistoryReading = await readKeyEvents(client, supplierQuid);
 * ```
 */
export interface KeyHistoryReading {
  readonly events: readonly KeyEvent[];
  readonly ignored: readonly { readonly eventId: string; readonly reason: string }[];
}

type Raw = Readonly<Record<string, unknown>>;

/**
 * Reads the key events of `quid` for core's `keyValidAt`, each timed by the **block that committed
 * it** (never a signer-chosen timestamp): `registered` (the key of its first committed IDENTITY whose key
 * derives to the quid: the node's epoch-0 key), `frozen` (each `key.invalidated` whose anchor verifies with that key), and
 * `recovery-opened` when a guardian recovery is pending (timed at its `validFrom`). Scans every
 * block, so cache the result (or read an invoice through the ledger, whose block history collects the
 * same events in the pass it already makes). Rotations are not visible through a node's API (and a dc164c6 node
 * never applies them).
 *
 * @example
 * ```ts
 * const { events } = await readKeyEvents(client, supplierQuid);
 * keyValidAt(events, event.publicKey, blockTime); // { valid: false, reason: 'frozen', ... }
 * ```
 */
export async function readKeyEvents(
  client: NodeApi,
  quid: string,
  o: CallOptions = {},
): Promise<KeyHistoryReading> {
  const events: KeyEvent[] = [];
  const ignored: { eventId: string; reason: string }[] = [];
  let epoch0: string | undefined;
  for await (const block of client.iterateBlocks({ limit: 500 }, o)) {
    for (const tx of block.transactions as readonly Raw[]) {
      if (
        tx['type'] === 'IDENTITY' &&
        tx['quidId'] === quid &&
        epoch0 === undefined &&
        // Anyone may register an IDENTITY under any quid: only a key deriving to it is epoch 0.
        derivesTo(tx['publicKey'], quid)
      ) {
        epoch0 = String(tx['publicKey']);
        events.push({ kind: 'registered', publicKey: epoch0, at: block.timestamp });
      } else if (
        tx['type'] === 'EVENT' &&
        tx['subjectId'] === quid &&
        tx['subjectType'] === 'QUID' &&
        tx['eventType'] === KEY_INVALIDATED_EVENT
      ) {
        const anchor = (tx['payload'] as Raw | undefined)?.['anchor'];
        const problem = freezeProblem(anchor, quid, epoch0);
        if (problem) ignored.push({ eventId: String(tx['id']), reason: problem });
        else events.push({ kind: 'frozen', epoch: 0, at: block.timestamp });
      }
    }
  }
  const opened = await pendingRecoveryEvent(client, quid, o);
  if (opened) events.push(opened);
  return { events, ignored };
}
