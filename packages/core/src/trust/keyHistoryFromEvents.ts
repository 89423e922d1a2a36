// A KeyHistory for verified trust backed by verified key events (freezes, rotations), so a TRUST
// edge signed with a key its owner froze stops counting.

import { type KeyEvent, keyValidAt } from '../guardian/keyValidAt.js';
import { type KeyHistory, signerQuidOf } from './KeyHistory.js';

/**
 * A {@link KeyHistory} that judges each key with `keyValidAt` at the committing block's time,
 * from the key events `eventsOf` returns for a quid (verified events only: its freezes and
 * rotations, as the client's block history or `readKeyEvents` read them). A quid whose key never
 * changed is judged by the default rule (the key must derive to the quid); for one whose key was
 * frozen or rotated, a transaction without a block time is refused, since the time it was signed
 * cannot be proven.
 *
 * @example
 * ```ts
 * const keyHistory = keyHistoryFromEvents((quid) => verifiedKeyEvents.get(quid) ?? []);
 * const graph = new TrustGraph({ keyHistory });
 * ```
 */
export function keyHistoryFromEvents(eventsOf: (quid: string) => readonly KeyEvent[]): KeyHistory {
  return {
    wasKeyOf(quid, publicKey, origin) {
      const events = eventsOf(quid);
      const derived = signerQuidOf(publicKey) === quid;
      if (!events.some((e) => e.kind === 'frozen' || e.kind === 'rotated')) return derived;
      if (origin === undefined) return false;
      const verdict = keyValidAt(events, publicKey, origin.timestamp);
      // The key a quid derives from is its key from the start, even before it registered it.
      return verdict.valid || (derived && verdict.reason === 'not-yet-valid' && verdict.epoch === 0);
    },
  };
}
