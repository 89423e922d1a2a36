// The node's admission rules for each guardian anchor (QDP-0002 / QDP-0006), in the node's order,
// so the first failing rule is the one the node reports.

import { hexToBytesOrUndefined } from '../wire/hex.js';
import { verifySignature } from '../wire/verifySignature.js';
import { guardianSetHash } from './anchorHashes.js';
import {
  guardianSetUpdateSignableBytes,
  recoveryCommitSignableBytes,
  recoveryInitSignableBytes,
  recoveryVetoSignableBytes,
  resignationSignableBytes,
} from './anchorSignableBytes.js';
import type { GuardianLedgerView } from './GuardianLedgerView.js';
import type { GuardianRejection } from './guardianRejections.js';
import type {
  GuardianRecoveryCommit,
  GuardianRecoveryInit,
  GuardianRecoveryVeto,
  GuardianResignation,
  GuardianSet,
  GuardianSetUpdate,
  GuardianSignature,
} from './types.js';

const HOUR_NS = 3_600_000_000_000;
/**
 * Lower bound of a guardian set's `recoveryDelay`, in nanoseconds (1 hour; QDP-0002).
 *
 * @example
 * ```ts
 * const ok = set.recoveryDelay >= MIN_RECOVERY_DELAY_NS;
 * ```
 */
export const MIN_RECOVERY_DELAY_NS: number = HOUR_NS;
/**
 * Upper bound of a guardian set's `recoveryDelay`, in nanoseconds (365 days).
 *
 * @example
 * ```ts
 * const ok = set.recoveryDelay <= MAX_RECOVERY_DELAY_NS;
 * ```
 */
export const MAX_RECOVERY_DELAY_NS: number = 365 * 24 * HOUR_NS;
const MAX_AGE_MS = 30 * 24 * 3_600_000;
const MAX_SKEW_MS = 5 * 60_000;
const RESIGN_PAST_S = 5 * 60;
const RESIGN_FUTURE_S = 365 * 24 * 3600;

/** `Weight` 0 counts as 1 (the node's EffectiveWeight). */
function weightOf(w: number | undefined): number {
  return w === undefined || w === 0 ? 1 : w;
}

/** Shared validFrom window: not ≤ 0, not older than 30 days, not more than 5 minutes ahead. */
function staleWindow(validFrom: number, nowMs: number): boolean {
  if (!(validFrom > 0)) return true;
  const vf = validFrom * 1000;
  return nowMs - vf > MAX_AGE_MS || vf - nowMs > MAX_SKEW_MS;
}

function setShape(set: GuardianSet): GuardianRejection | undefined {
  const guardians = set.guardians ?? [];
  if (guardians.length === 0) return 'EMPTY_SET';
  const total = guardians.reduce((sum, g) => sum + weightOf(g.weight), 0);
  if (set.threshold === 0 || set.threshold > total) return 'BAD_THRESHOLD';
  if (set.recoveryDelay < MIN_RECOVERY_DELAY_NS || set.recoveryDelay > MAX_RECOVERY_DELAY_NS)
    return 'BAD_DELAY';
  const seen = new Set<string>();
  for (const g of guardians) {
    if (g.quid === '') return 'EMPTY_SET';
    if (seen.has(g.quid)) return 'DUPLICATE_SIGNER';
    seen.add(g.quid);
  }
  return undefined;
}

/** Every member of `set` signed, each at its pinned epoch, nobody else (no weights involved). */
function consents(
  view: GuardianLedgerView,
  set: GuardianSet,
  bytes: Uint8Array,
  sigs: readonly GuardianSignature[],
): GuardianRejection | undefined {
  const required = new Map((set.guardians ?? []).map((g) => [g.quid, g.epoch]));
  const seen = new Set<string>();
  for (const s of sigs) {
    if (seen.has(s.guardianQuid)) return 'DUPLICATE_SIGNER';
    seen.add(s.guardianQuid);
    const epoch = required.get(s.guardianQuid);
    if (epoch === undefined || s.keyEpoch !== epoch) return 'UNKNOWN_GUARDIAN';
    const key = view.signerKey(s.guardianQuid, s.keyEpoch);
    if (key === undefined) return 'SIGNER_KEY_UNKNOWN';
    if (!verifySignature(key, bytes, s.signature)) return 'BAD_SIGNATURE';
  }
  return seen.size === required.size ? undefined : 'MISSING_CONSENT';
}

/**
 * The weighted threshold rule: each signer a member at its pinned epoch, signing once, with a
 * valid signature; the weights of the signers reach `set.threshold`.
 *
 * @example
 * ```ts
 * const problem = checkGuardianThreshold(view, set, recoveryInitSignableBytes(init), init.guardianSigs ?? []);
 * ```
 */
export function checkGuardianThreshold(
  view: GuardianLedgerView,
  set: GuardianSet,
  bytes: Uint8Array,
  sigs: readonly GuardianSignature[],
): GuardianRejection | undefined {
  const members = new Map((set.guardians ?? []).map((g) => [g.quid, g]));
  const seen = new Set<string>();
  let weight = 0;
  for (const s of sigs) {
    if (seen.has(s.guardianQuid)) return 'DUPLICATE_SIGNER';
    seen.add(s.guardianQuid);
    const g = members.get(s.guardianQuid);
    if (!g || s.keyEpoch !== g.epoch) return 'UNKNOWN_GUARDIAN';
    const key = view.signerKey(s.guardianQuid, s.keyEpoch);
    if (key === undefined) return 'SIGNER_KEY_UNKNOWN';
    if (!verifySignature(key, bytes, s.signature)) return 'BAD_SIGNATURE';
    weight += weightOf(g.weight);
  }
  return weight < set.threshold ? 'THRESHOLD_NOT_MET' : undefined;
}

/**
 * The node's rules for `POST /api/v2/guardian/set-update` (first failing rule, or `undefined`).
 * `nowMs` is the node's clock in milliseconds.
 *
 * @example
 * ```ts
 * const problem = checkGuardianSetUpdate(view, update, Date.now()); // e.g. 'MISSING_CONSENT'
 * ```
 */
export function checkGuardianSetUpdate(
  view: GuardianLedgerView,
  u: GuardianSetUpdate,
  nowMs: number,
): GuardianRejection | undefined {
  if (u.subjectQuid === '') return 'MISSING_SUBJECT';
  if (staleWindow(u.validFrom, nowMs)) return 'STALE_VALID_FROM';
  const shape = setShape(u.newSet);
  if (shape) return shape;
  if (view.lastAnchorNonce(u.subjectQuid) >= u.anchorNonce) return 'NONCE_NOT_MONOTONIC';
  if (!u.primarySignature) return 'BAD_PRIMARY_SIGNATURE';
  const key = view.signerKey(u.subjectQuid, u.primarySignature.keyEpoch);
  if (key === undefined) return 'SIGNER_KEY_UNKNOWN';
  const bytes = guardianSetUpdateSignableBytes(u);
  if (!verifySignature(key, bytes, u.primarySignature.signature)) return 'BAD_PRIMARY_SIGNATURE';
  const consent = consents(view, u.newSet, bytes, u.newGuardianConsents ?? []);
  if (consent) return consent;
  const current = view.guardianSet(u.subjectQuid);
  if (current && (current.guardians ?? []).length > 0) {
    return checkGuardianThreshold(view, current, bytes, u.currentGuardianSigs ?? []);
  }
  return undefined;
}

/** Node's shape check of a new public key: hex of 65 bytes starting 0x04 (not an on-curve check). */
function badNewKey(key: string): boolean {
  const raw = key.length % 2 === 0 ? hexToBytesOrUndefined(key) : undefined;
  return raw === undefined || raw.length !== 65 || raw[0] !== 0x04;
}

/**
 * The node's rules for `POST /api/v2/guardian/recovery/init`.
 *
 * @example
 * ```ts
 * checkRecoveryInit(view, init, Date.now()); // 'THRESHOLD_NOT_MET' when too few guardians signed
 * ```
 */
export function checkRecoveryInit(
  view: GuardianLedgerView,
  a: GuardianRecoveryInit,
  nowMs: number,
): GuardianRejection | undefined {
  if (a.subjectQuid === '') return 'MISSING_SUBJECT';
  if (a.toEpoch <= a.fromEpoch) return 'BAD_EPOCH_PROGRESSION';
  if (a.newPublicKey === '') return 'MISSING_NEW_KEY';
  if (badNewKey(a.newPublicKey)) return 'BAD_NEW_KEY';
  if (a.minNextNonce < 1) return 'BAD_MIN_NEXT_NONCE';
  if (a.maxAcceptedOldNonce < 0) return 'BAD_MAX_OLD_NONCE';
  if (staleWindow(a.validFrom, nowMs)) return 'STALE_VALID_FROM';
  if (a.anchorNonce <= view.lastAnchorNonce(a.subjectQuid)) return 'NONCE_NOT_MONOTONIC';
  const set = view.guardianSet(a.subjectQuid);
  if (!set || (set.guardians ?? []).length === 0) return 'NO_GUARDIAN_SET';
  if (view.pendingRecovery(a.subjectQuid)) return 'RECOVERY_IN_FLIGHT';
  return checkGuardianThreshold(view, set, recoveryInitSignableBytes(a), a.guardianSigs ?? []);
}

/**
 * The node's rules for `POST /api/v2/guardian/recovery/veto`: exactly one of the owner's signature
 * (at any epoch whose key is recorded) or a guardian threshold; a pending recovery with that hash.
 *
 * @example
 * ```ts
 * checkRecoveryVeto(view, veto, Date.now()); // 'RECOVERY_NOT_PENDING' once it committed
 * ```
 */
export function checkRecoveryVeto(
  view: GuardianLedgerView,
  v: GuardianRecoveryVeto,
  nowMs: number,
): GuardianRejection | undefined {
  if (v.subjectQuid === '') return 'MISSING_SUBJECT';
  if (v.recoveryAnchorHash === '') return 'RECOVERY_NOT_PENDING';
  if (staleWindow(v.validFrom, nowMs)) return 'STALE_VALID_FROM';
  const primary = v.primarySignature !== undefined && v.primarySignature !== null;
  const guardians = (v.guardianSigs ?? []).length > 0;
  if (primary === guardians) return 'VETO_AMBIGUOUS';
  const pending = view.pendingRecovery(v.subjectQuid);
  if (!pending || pending.initHash !== v.recoveryAnchorHash) return 'RECOVERY_NOT_PENDING';
  if (v.anchorNonce <= view.lastAnchorNonce(v.subjectQuid)) return 'NONCE_NOT_MONOTONIC';
  const bytes = recoveryVetoSignableBytes(v);
  if (v.primarySignature) {
    const key = view.signerKey(v.subjectQuid, v.primarySignature.keyEpoch);
    if (key === undefined) return 'SIGNER_KEY_UNKNOWN';
    return verifySignature(key, bytes, v.primarySignature.signature) ? undefined : 'BAD_PRIMARY_SIGNATURE';
  }
  const set = view.guardianSet(v.subjectQuid);
  if (!set || (set.guardians ?? []).length === 0) return 'NO_GUARDIAN_SET';
  return checkGuardianThreshold(view, set, bytes, v.guardianSigs ?? []);
}

/**
 * The node's rules for `POST /api/v2/guardian/recovery/commit`: the pending recovery matured
 * (`now ≥ validFrom + recoveryDelay`, whole seconds), a fresh anchor nonce, and a committer
 * signature over the hash text by the committer's epoch-0 key.
 *
 * @example
 * ```ts
 * checkRecoveryCommit(view, commit, Date.now()); // 'RECOVERY_IMMATURE' before the delay ends
 * ```
 */
export function checkRecoveryCommit(
  view: GuardianLedgerView,
  c: GuardianRecoveryCommit,
  nowMs: number,
): GuardianRejection | undefined {
  if (c.subjectQuid === '') return 'MISSING_SUBJECT';
  if (c.recoveryAnchorHash === '') return 'RECOVERY_NOT_PENDING';
  if (c.committerQuid === '' || c.committerSig === '') return 'COMMIT_FIELDS_MISSING';
  if (staleWindow(c.validFrom, nowMs)) return 'STALE_VALID_FROM';
  const pending = view.pendingRecovery(c.subjectQuid);
  if (!pending || pending.initHash !== c.recoveryAnchorHash) return 'RECOVERY_NOT_PENDING';
  if (Math.floor(nowMs / 1000) < pending.maturityUnix) return 'RECOVERY_IMMATURE';
  if (c.anchorNonce <= view.lastAnchorNonce(c.subjectQuid)) return 'NONCE_NOT_MONOTONIC';
  const key = view.signerKey(c.committerQuid, 0);
  if (key === undefined) return 'SIGNER_KEY_UNKNOWN';
  const ok = verifySignature(key, recoveryCommitSignableBytes(c.recoveryAnchorHash), c.committerSig);
  return ok ? undefined : 'BAD_PRIMARY_SIGNATURE';
}

/**
 * The node's rules for `POST /api/v2/guardian/resign`. (The route answers a nonce at or below
 * the last accepted one with 200 `duplicate:true` before these rules run.)
 *
 * @example
 * ```ts
 * checkResignation(view, resignation, Date.now()); // 'RESIGN_SET_HASH_MISMATCH' after a set change
 * ```
 */
export function checkResignation(
  view: GuardianLedgerView,
  r: GuardianResignation,
  nowMs: number,
): GuardianRejection | undefined {
  if (r.guardianQuid === '') return 'RESIGN_MISSING_GUARDIAN';
  if (r.subjectQuid === '') return 'RESIGN_MISSING_SUBJECT';
  if (r.guardianSetHash === '') return 'RESIGN_MISSING_SET_HASH';
  if (r.signature === '') return 'RESIGN_BAD_SIGNATURE';
  const now = Math.floor(nowMs / 1000);
  if (r.effectiveAt < now - RESIGN_PAST_S) return 'RESIGN_EFFECTIVE_AT_PAST';
  if (r.effectiveAt > now + RESIGN_FUTURE_S) return 'RESIGN_EFFECTIVE_AT_TOO_FAR';
  const set = view.guardianSet(r.subjectQuid);
  if (!set || (set.guardians ?? []).length === 0) return 'RESIGN_SUBJECT_UNKNOWN';
  const member = (set.guardians ?? []).find((g) => g.quid === r.guardianQuid);
  if (!member) return 'RESIGN_NOT_MEMBER';
  if (guardianSetHash(set) !== r.guardianSetHash) return 'RESIGN_SET_HASH_MISMATCH';
  if (r.resignationNonce <= view.resignationNonce(r.guardianQuid, r.subjectQuid)) return 'RESIGN_REPLAY';
  // The pinned epoch's key, else the guardian's current one.
  const key =
    view.signerKey(r.guardianQuid, member.epoch) ??
    view.signerKey(r.guardianQuid, view.currentEpoch(r.guardianQuid));
  if (key === undefined || key === '') return 'RESIGN_NO_GUARDIAN_KEY';
  if (hexToBytesOrUndefined(r.signature) === undefined) return 'RESIGN_BAD_SIGNATURE';
  return verifySignature(key, resignationSignableBytes(r), r.signature) ? undefined : 'RESIGN_BAD_SIGNATURE';
}
