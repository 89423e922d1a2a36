// Builds and signs a guardian set update (install or replace) with every signature the node needs.

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
import { guardianSetUpdateSignableBytes } from './anchorSignableBytes.js';
import { MAX_RECOVERY_DELAY_NS, MIN_RECOVERY_DELAY_NS } from './checkGuardianAnchor.js';
import type { GuardianSet, GuardianSetUpdate, GuardianSignature } from './types.js';

/**
 * Input of {@link buildGuardianSetUpdate}.
 *
 * @example
 * ```ts
 * const input: GuardianSetUpdateInput = { subject: supplier, guardians: [{ quid: cfo.quidId }, { quid: bank.quidId }],
 *   threshold: 2, recoveryDelaySeconds: 48 * 3600, anchorNonce: 1, consentSigners: [cfo, bank] };
 * ```
 */
export interface GuardianSetUpdateInput {
  /** The subject; signs the primary signature (its quid is `subjectQuid`). */
  readonly subject: Signer;
  /** Key epoch of the subject's primary signature (default 0: the first registered key). */
  readonly subjectKeyEpoch?: number;
  readonly guardians: readonly { quid: string; weight?: number; epoch?: number }[];
  readonly threshold: number;
  /** Whole seconds between 3,600 (1 hour) and 31,536,000 (365 days). */
  readonly recoveryDelaySeconds: number;
  readonly requireGuardianRotation?: boolean;
  /** Must beat every anchor nonce already applied for the subject. */
  readonly anchorNonce: number;
  /** Unix seconds (default now). */
  readonly validFrom?: number;
  /** Signers of the new guardians (each signs its consent at its pinned epoch). */
  readonly consentSigners?: readonly Signer[];
  /** Consents collected out of band (`guardianSignature`). */
  readonly consentSignatures?: readonly GuardianSignature[];
  /** Replacing a set: the current set (for the pinned epochs) and a threshold of its guardians. */
  readonly currentSet?: GuardianSet;
  readonly currentGuardianSigners?: readonly Signer[];
  readonly currentGuardianSignatures?: readonly GuardianSignature[];
}

/**
 * Builds, checks and signs a `GuardianSetUpdate` (QDP-0002 §6.4.4): the subject's primary signature,
 * every new guardian's consent, and (when replacing) the current guardians' signatures, all over the
 * same bytes. Refuses with `ValidationError('INVALID_ANCHOR')` what the node would refuse and, in
 * addition, a subject naming itself as guardian and a consent signer who is not in the new set.
 *
 * @example
 * ```ts
 * const update = await buildGuardianSetUpdate({ subject: supplier, guardians: [{ quid: cfo.quidId }, { quid: bank.quidId }],
 *   threshold: 2, recoveryDelaySeconds: 48 * 3600, anchorNonce: 1, consentSigners: [cfo, bank] });
 * await client.submitGuardianSetUpdate(update);
 * ```
 */
export async function buildGuardianSetUpdate(input: GuardianSetUpdateInput): Promise<GuardianSetUpdate> {
  const draft = draftGuardianSetUpdate(input);
  const bytes = guardianSetUpdateSignableBytes(draft);
  const subjectKeyEpoch = input.subjectKeyEpoch ?? 0;
  const pinned = (set: GuardianSet | undefined, quid: string): number =>
    set?.guardians?.find((g) => g.quid === quid)?.epoch ?? 0;
  const primary = await signAsGuardian(input.subject, bytes, subjectKeyEpoch);
  const consents = [...(input.consentSignatures ?? [])];
  for (const s of input.consentSigners ?? []) {
    consents.push(await signAsGuardian(s, bytes, pinned(draft.newSet, s.quidId)));
  }
  const current = [...(input.currentGuardianSignatures ?? [])];
  for (const s of input.currentGuardianSigners ?? []) {
    current.push(await signAsGuardian(s, bytes, pinned(input.currentSet, s.quidId)));
  }
  return {
    ...draft,
    primarySignature: { keyEpoch: subjectKeyEpoch, signature: primary.signature },
    newGuardianConsents: consents,
    ...(current.length > 0 ? { currentGuardianSigs: current } : {}),
  };
}

/**
 * The unsigned update {@link buildGuardianSetUpdate} would sign (same checks): hand
 * `guardianSetUpdateSignableBytes(draft)` to guardians who sign on their own devices.
 *
 * @example
 * ```ts
 * const draft = draftGuardianSetUpdate({ ...input, validFrom: 1_745_000_000 });
 * const consent = await guardianSignature(cfo, guardianSetUpdateSignableBytes(draft));
 * ```
 */
export function draftGuardianSetUpdate(input: GuardianSetUpdateInput): GuardianSetUpdate {
  const issues = new AnchorIssues();
  checkSigner(issues, 'subject', input.subject);
  const subjectKeyEpoch = input.subjectKeyEpoch ?? 0;
  checkEpoch(issues, 'subjectKeyEpoch', subjectKeyEpoch);
  checkAnchorNonce(issues, 'anchorNonce', input.anchorNonce);
  const validFrom = input.validFrom ?? nowSeconds();
  checkSeconds(issues, 'validFrom', validFrom);
  const guardians = Array.isArray(input.guardians) ? input.guardians : [];
  if (guardians.length === 0) issues.add('guardians', 'at least one guardian is required');
  const seen = new Set<string>();
  let total = 0;
  guardians.forEach((g, i) => {
    checkQuid(issues, `guardians[${i}].quid`, g.quid);
    if (g.quid === input.subject?.quidId) issues.add(`guardians[${i}].quid`, 'a subject cannot guard itself');
    if (seen.has(g.quid)) issues.add(`guardians[${i}].quid`, 'duplicate guardian');
    seen.add(g.quid);
    if (g.weight !== undefined) checkInt(issues, `guardians[${i}].weight`, g.weight, 1, 65_535);
    if (g.epoch !== undefined) checkEpoch(issues, `guardians[${i}].epoch`, g.epoch);
    total += g.weight ?? 1;
  });
  if (checkInt(issues, 'threshold', input.threshold, 1, 65_535) && input.threshold > total) {
    issues.add('threshold', `must not exceed the guardians' total weight ${total}, got ${input.threshold}`);
  }
  const delayNs = input.recoveryDelaySeconds * 1e9;
  if (checkInt(issues, 'recoveryDelaySeconds', input.recoveryDelaySeconds, 1)) {
    if (delayNs < MIN_RECOVERY_DELAY_NS || delayNs > MAX_RECOVERY_DELAY_NS) {
      issues.add('recoveryDelaySeconds', 'must be between 3600 (1 hour) and 31536000 (365 days)');
    }
  }
  (input.consentSigners ?? []).forEach((s, i) => {
    if (checkSigner(issues, `consentSigners[${i}]`, s) && !seen.has(s.quidId)) {
      issues.add(`consentSigners[${i}]`, `${s.quidId} is not in the new set`);
    }
  });
  for (const [i, s] of (input.currentGuardianSigners ?? []).entries()) {
    checkSigner(issues, `currentGuardianSigners[${i}]`, s);
  }
  issues.throwIfAny();

  const newSet: GuardianSet = {
    guardians: guardians.map((g) => ({
      quid: g.quid,
      ...(g.weight !== undefined && g.weight !== 1 ? { weight: g.weight } : {}),
      epoch: g.epoch ?? 0,
    })),
    threshold: input.threshold,
    recoveryDelay: delayNs,
    ...(input.requireGuardianRotation ? { requireGuardianRotation: true } : {}),
  };
  return {
    kind: 7,
    subjectQuid: input.subject.quidId,
    newSet,
    anchorNonce: input.anchorNonce,
    validFrom,
    primarySignature: null,
    newGuardianConsents: null,
  };
}
