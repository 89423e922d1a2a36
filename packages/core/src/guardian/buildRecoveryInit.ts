// Builds and signs a guardian recovery init: the guardians propose a new key for the subject.

import { decodePublicKey } from '../wire/quidIdFromPublicKey.js';
import type { Signer } from '../wire/types.js';
import {
  AnchorIssues,
  checkAnchorNonce,
  checkEpoch,
  checkInt,
  checkQuid,
  checkSeconds,
  checkSigner,
  nowSeconds,
  signAsGuardian,
} from './anchorChecks.js';
import { recoveryInitSignableBytes } from './anchorSignableBytes.js';
import type { GuardianRecoveryInit, GuardianSet, GuardianSignature } from './types.js';

/**
 * Input of {@link buildRecoveryInit} / {@link draftRecoveryInit}.
 *
 * @example
 * ```ts
 * const input: RecoveryInitInput = { subjectQuid: supplier.quidId, newPublicKey: fresh.publicKey, anchorNonce: 2, guardianSigners: [cfo, bank], set };
 * ```
 */
export interface RecoveryInitInput {
  readonly subjectQuid: string;
  /** The key being replaced (default 0); `toEpoch` defaults to `fromEpoch + 1`. */
  readonly fromEpoch?: number;
  readonly toEpoch?: number;
  /** The new key: uncompressed P-256, 130 lowercase hex chars. */
  readonly newPublicKey: string;
  /** Default 1. */
  readonly minNextNonce?: number;
  /** Highest old-epoch nonce still accepted after the rotation (default 0: none capped). */
  readonly maxAcceptedOldNonce?: number;
  readonly anchorNonce: number;
  readonly validFrom?: number;
  /** Informational; the node never checks it. */
  readonly expiresAt?: number;
  /** The subject's installed set (for the guardians' pinned epochs; default epoch 0). */
  readonly set?: GuardianSet;
  readonly guardianSigners?: readonly Signer[];
  readonly guardianSignatures?: readonly GuardianSignature[];
}

/**
 * The unsigned init (checked): give `recoveryInitSignableBytes(draft)` to guardians signing remotely.
 *
 * @example
 * ```ts
 * const draft = draftRecoveryInit({ subjectQuid, newPublicKey, anchorNonce: 2, validFrom: 1_745_000_000 });
 * ```
 */
export function draftRecoveryInit(input: RecoveryInitInput): GuardianRecoveryInit {
  const issues = new AnchorIssues();
  checkQuid(issues, 'subjectQuid', input.subjectQuid);
  const fromEpoch = input.fromEpoch ?? 0;
  const toEpoch = input.toEpoch ?? fromEpoch + 1;
  checkEpoch(issues, 'fromEpoch', fromEpoch);
  checkEpoch(issues, 'toEpoch', toEpoch);
  if (toEpoch <= fromEpoch) issues.add('toEpoch', `must be greater than fromEpoch ${fromEpoch}`);
  try {
    decodePublicKey(input.newPublicKey, 'newPublicKey');
    if (!/^04[0-9a-f]{128}$/.test(input.newPublicKey)) issues.add('newPublicKey', 'must be lowercase hex');
  } catch (e) {
    issues.add('newPublicKey', (e as Error).message);
  }
  const minNextNonce = input.minNextNonce ?? 1;
  const maxAcceptedOldNonce = input.maxAcceptedOldNonce ?? 0;
  checkInt(issues, 'minNextNonce', minNextNonce, 1);
  checkInt(issues, 'maxAcceptedOldNonce', maxAcceptedOldNonce, 0);
  checkAnchorNonce(issues, 'anchorNonce', input.anchorNonce);
  const validFrom = input.validFrom ?? nowSeconds();
  checkSeconds(issues, 'validFrom', validFrom);
  if (input.expiresAt !== undefined) checkSeconds(issues, 'expiresAt', input.expiresAt);
  issues.throwIfAny();
  return {
    kind: 4,
    subjectQuid: input.subjectQuid,
    fromEpoch,
    toEpoch,
    newPublicKey: input.newPublicKey,
    minNextNonce,
    maxAcceptedOldNonce,
    anchorNonce: input.anchorNonce,
    validFrom,
    ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    guardianSigs: null,
  };
}

/**
 * Builds and signs a `GuardianRecoveryInit` (QDP-0002 §6.4.1). Each guardian signs at the epoch the
 * set pins for it. The node opens a pending recovery that matures `recoveryDelay` after `validFrom`.
 *
 * @example
 * ```ts
 * const init = await buildRecoveryInit({ subjectQuid: supplier.quidId, newPublicKey: fresh.publicKey,
 *   anchorNonce: 2, guardianSigners: [cfo, bank], set });
 * const hash = recoveryInitHash(init); // what a veto or commit names
 * ```
 */
export async function buildRecoveryInit(input: RecoveryInitInput): Promise<GuardianRecoveryInit> {
  const draft = draftRecoveryInit(input);
  const issues = new AnchorIssues();
  (input.guardianSigners ?? []).forEach((s, i) => {
    if (checkSigner(issues, `guardianSigners[${i}]`, s) && s.quidId === input.subjectQuid) {
      issues.add(`guardianSigners[${i}]`, 'the subject cannot sign its own recovery as a guardian');
    }
  });
  issues.throwIfAny();
  const bytes = recoveryInitSignableBytes(draft);
  const sigs = [...(input.guardianSignatures ?? [])];
  for (const s of input.guardianSigners ?? []) {
    const epoch = input.set?.guardians?.find((g) => g.quid === s.quidId)?.epoch ?? 0;
    sigs.push(await signAsGuardian(s, bytes, epoch));
  }
  return { ...draft, guardianSigs: sigs };
}
