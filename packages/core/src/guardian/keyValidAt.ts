// Which of a quid's keys was valid at a given time, from its key events (epochs, rotations, freezes).

import { ValidationError, type ValidationIssue } from '../errors/ValidationError.js';

/**
 * Something that happened to a quid's keys, with the time it took effect (Unix seconds of the
 * block that committed it, never a time the signer picked).
 *
 * @example
 * ```ts
 * const events: KeyEvent[] = [
 *   { kind: 'registered', publicKey: oldKey, at: 1_745_000_000 },
 *   { kind: 'frozen', epoch: 0, at: 1_745_100_000 },
 *   { kind: 'rotated', fromEpoch: 0, toEpoch: 1, newPublicKey: newKey, at: 1_745_300_000 },
 * ];
 * ```
 */
export type KeyEvent =
  /** The first committed IDENTITY's key: epoch 0. */
  | { readonly kind: 'registered'; readonly publicKey: string; readonly at: number }
  /** A rotation (a committed guardian recovery, or a plain QDP-0001 rotation). */
  | {
      readonly kind: 'rotated';
      readonly fromEpoch: number;
      readonly toEpoch: number;
      readonly newPublicKey: string;
      readonly at: number;
    }
  /** An invalidation (emergency freeze) of one epoch. */
  | { readonly kind: 'frozen'; readonly epoch: number; readonly at: number }
  /** A guardian recovery opened (pending until closed). */
  | { readonly kind: 'recovery-opened'; readonly initHash: string; readonly at: number }
  /** A pending recovery ended: vetoed, or committed (then a `rotated` event follows). */
  | {
      readonly kind: 'recovery-closed';
      readonly initHash: string;
      readonly outcome: 'vetoed' | 'committed';
      readonly at: number;
    };

/**
 * Why a key was not valid at the time asked about.
 *
 * @example
 * ```ts
 * const reason: KeyInvalidReason = 'frozen';
 * ```
 */
export type KeyInvalidReason = 'unknown-key' | 'not-yet-valid' | 'superseded' | 'frozen';

/**
 * The verdict of {@link keyValidAt}.
 *
 * @example
 * ```ts
 * const v: KeyValidity = keyValidAt(events, key, at);
 * if (!v.valid) console.log(v.reason, v.reason === 'unknown-key' ? '' : v.since);
 * ```
 */
export type KeyValidity =
  | {
      readonly valid: true;
      readonly epoch: number;
      /** Set when a guardian recovery of this quid was pending at that time (review it). */
      readonly recoveryPendingSince?: number;
    }
  | { readonly valid: false; readonly reason: 'unknown-key' }
  | {
      readonly valid: false;
      readonly reason: 'not-yet-valid' | 'superseded' | 'frozen';
      readonly epoch: number;
      /** When the key became valid (`not-yet-valid`) or stopped being valid. */
      readonly since: number;
    };

function check(events: readonly KeyEvent[], at: number): void {
  const issues: ValidationIssue[] = [];
  if (!Number.isSafeInteger(at)) issues.push({ path: 'at', message: 'expected Unix seconds (an integer)' });
  events.forEach((e, i) => {
    if (!Number.isSafeInteger(e?.at))
      issues.push({ path: `events[${i}].at`, message: 'expected Unix seconds' });
    if (e?.kind === 'rotated' && !(e.toEpoch > e.fromEpoch))
      issues.push({ path: `events[${i}].toEpoch`, message: 'must be greater than fromEpoch' });
  });
  if (issues.length) throw new ValidationError('INVALID_KEY_HISTORY', issues);
}

/**
 * Pure: was `publicKey` a valid key of the quid whose key events these are, at Unix second `at`?
 * A key is valid from the moment its epoch began (registration or the rotation to it) until its
 * epoch is frozen or rotated away, whichever comes first; at exactly that second it is already
 * invalid. Events signed with a key that was valid when they were committed stay valid after a
 * later rotation.
 *
 * **Pass commit times.** `at` (and every event's `at`) must be a time the signer cannot choose,
 * such as the timestamp of the block that committed the event: the node has no freshness window on
 * a transaction's own `timestamp`, so a thief can backdate it to before the freeze.
 *
 * Throws `ValidationError('INVALID_KEY_HISTORY')` on non-integer times or a rotation that does not
 * move forward.
 *
 * @example
 * ```ts
 * keyValidAt(events, oldKey, 1_745_050_000); // { valid: true, epoch: 0 }
 * keyValidAt(events, oldKey, 1_745_200_000); // { valid: false, reason: 'frozen', epoch: 0, since: 1_745_100_000 }
 * keyValidAt(events, newKey, 1_745_400_000); // { valid: true, epoch: 1 }
 * ```
 */
export function keyValidAt(events: readonly KeyEvent[], publicKey: string, at: number): KeyValidity {
  check(events, at);
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
  const key = publicKey.toLowerCase();
  // epoch → when it began / ended; the earliest ending wins.
  const starts = new Map<number, number>();
  const ends = new Map<number, { at: number; reason: 'superseded' | 'frozen' }>();
  const keys = new Map<number, string>();
  const end = (epoch: number, when: number, reason: 'superseded' | 'frozen'): void => {
    const prev = ends.get(epoch);
    if (!prev || when < prev.at) ends.set(epoch, { at: when, reason });
  };
  const open = new Map<string, number>();
  for (const e of sorted) {
    switch (e.kind) {
      case 'registered':
        if (!keys.has(0)) {
          keys.set(0, e.publicKey.toLowerCase());
          starts.set(0, e.at);
        }
        break;
      case 'rotated':
        end(e.fromEpoch, e.at, 'superseded');
        // Skipped epochs in between never had a key.
        if (!keys.has(e.toEpoch)) {
          keys.set(e.toEpoch, e.newPublicKey.toLowerCase());
          starts.set(e.toEpoch, e.at);
        }
        break;
      case 'frozen':
        end(e.epoch, e.at, 'frozen');
        break;
      case 'recovery-opened':
        if (e.at <= at) open.set(e.initHash, e.at);
        break;
      case 'recovery-closed':
        if (e.at <= at) open.delete(e.initHash);
        break;
    }
  }
  const epochs = [...keys].filter(([, k]) => k === key).map(([epoch]) => epoch);
  if (epochs.length === 0) return { valid: false, reason: 'unknown-key' };
  // The same key may come back in a later epoch: valid if any of its epochs covers `at`.
  let verdict: KeyValidity | undefined;
  for (const epoch of epochs.sort((a, b) => a - b)) {
    const start = starts.get(epoch) as number;
    const stop = ends.get(epoch);
    if (at < start) verdict ??= { valid: false, reason: 'not-yet-valid', epoch, since: start };
    else if (stop && at >= stop.at) verdict = { valid: false, reason: stop.reason, epoch, since: stop.at };
    else {
      const pending = [...open.values()];
      return pending.length > 0
        ? { valid: true, epoch, recoveryPendingSince: Math.min(...pending) }
        : { valid: true, epoch };
    }
  }
  return verdict as KeyValidity;
}
