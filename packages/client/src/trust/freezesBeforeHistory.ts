// Freezes a resumed block history cannot know: those committed before the first block it read.

import type { KeyEvent } from '@quidfin/core';
import type { NodeApi } from '../api/NodeApi.js';
import { freezeProblem } from '../guardian/freezeProblem.js';
import { KEY_INVALIDATED_EVENT } from '../guardian/keyInvalidatedEvent.js';
import type { BlockHistory } from '../history/BlockHistory.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * The verified freezes of `quid` that `history` did not read (committed before its saved
 * cursor), from the quid's own QUID stream (`GET /streams/{quid}/events`, expired and hidden
 * events included), preceded by the registration of `epoch0Key` (the key the quid derives from:
 * its key from the start). A freeze counts when its anchor verifies with that key, as in the
 * blocks. Its time is the event's own timestamp, never later than `notAfter` (the first block the
 * history read after the cursor): it was committed before that block, so every edge read since
 * is judged as signed after it. Empty when the stream shows no such freeze.
 */
export async function freezesBeforeHistory(
  client: NodeApi,
  quid: string,
  epoch0Key: string,
  history: BlockHistory,
  notAfter: number,
  o: CallOptions = {},
): Promise<readonly KeyEvent[]> {
  const read = history.snapshot(quid);
  const frozen: KeyEvent[] = [];
  for await (const tx of client.iterateStreamEvents(quid, { includeExpired: true, includeHidden: true }, o)) {
    if (tx.subjectType !== 'QUID' || tx.eventType !== KEY_INVALIDATED_EVENT) continue;
    if (read.blockTimeOf(tx.id, tx.signature) !== undefined) continue; // the history has it, timed by its block
    if (freezeProblem(tx.payload?.['anchor'], quid, epoch0Key) !== undefined) continue;
    frozen.push({ kind: 'frozen', epoch: 0, at: Math.min(tx.timestamp, notAfter) });
  }
  if (frozen.length === 0) return [];
  return [{ kind: 'registered', publicKey: epoch0Key, at: 0 }, ...frozen];
}
