// The exact bytes the node verifies each guardian / key anchor signature over.

import { utf8 } from '../wire/hex.js';
import {
  writeNonceAnchor,
  writeRecoveryInit,
  writeRecoveryVeto,
  writeResignation,
  writeSetUpdate,
} from './encodeAnchor.js';
import type {
  GuardianRecoveryInit,
  GuardianRecoveryVeto,
  GuardianResignation,
  GuardianSetUpdate,
  NonceAnchor,
} from './types.js';

/**
 * Bytes the subject, every new guardian and the current guardians all sign for a set update:
 * Go `json.Marshal` with `primarySignature` and `newGuardianConsents` written as `null` and
 * `currentGuardianSigs` left out. `kind` is always 7 (the node forces it before verifying).
 *
 * @example
 * ```ts
 * const ok = verifySignature(subjectKey, guardianSetUpdateSignableBytes(update), update.primarySignature!.signature);
 * ```
 */
export function guardianSetUpdateSignableBytes(update: GuardianSetUpdate): Uint8Array {
  return utf8(writeSetUpdate(update, true));
}

/**
 * Bytes every guardian signs for a recovery init (`guardianSigs` written as `null`); their
 * SHA-256 is the recovery anchor hash that veto and commit refer to.
 *
 * @example
 * ```ts
 * const bytes = recoveryInitSignableBytes(init);
 * ```
 */
export function recoveryInitSignableBytes(init: GuardianRecoveryInit): Uint8Array {
  return utf8(writeRecoveryInit(init, true));
}

/**
 * Bytes the owner (or the guardians) sign for a veto: both signature paths left out.
 *
 * @example
 * ```ts
 * const bytes = recoveryVetoSignableBytes(veto);
 * ```
 */
export function recoveryVetoSignableBytes(veto: GuardianRecoveryVeto): Uint8Array {
  return utf8(writeRecoveryVeto(veto, true));
}

/**
 * Bytes a committer signs: the ASCII text of the recovery anchor hash (not a struct).
 *
 * @example
 * ```ts
 * const sig = await committer.sign(recoveryCommitSignableBytes(hash));
 * ```
 */
export function recoveryCommitSignableBytes(recoveryAnchorHash: string): Uint8Array {
  return utf8(recoveryAnchorHash);
}

/**
 * Bytes a guardian signs to resign: the struct with `signature` blanked.
 *
 * @example
 * ```ts
 * const bytes = resignationSignableBytes(resignation);
 * ```
 */
export function resignationSignableBytes(resignation: GuardianResignation): Uint8Array {
  return utf8(writeResignation(resignation, true));
}

/**
 * Bytes of a QDP-0001 anchor (rotation, invalidation, epoch cap) with `signature` blanked.
 *
 * @example
 * ```ts
 * verifySignature(epochKey, nonceAnchorSignableBytes(anchor), anchor.signature);
 * ```
 */
export function nonceAnchorSignableBytes(anchor: NonceAnchor): Uint8Array {
  return utf8(writeNonceAnchor(anchor, true));
}
