// Why the node refuses a guardian anchor: one code per node error, with the node's exact message.

/**
 * The node's error text for each refusal (it is the `message` of the 400 `INVALID_ANCHOR` /
 * `INVALID_RESIGNATION` envelope), keyed by a stable code.
 *
 * @example
 * ```ts
 * GUARDIAN_REJECTION_MESSAGES.THRESHOLD_NOT_MET; // 'guardian: guardian signatures do not meet threshold'
 * ```
 */
export const GUARDIAN_REJECTION_MESSAGES = {
  BAD_KIND: 'guardian: wrong anchor kind for this validator',
  MISSING_SUBJECT: 'guardian: missing subjectQuid',
  EMPTY_SET: 'guardian: new set must contain at least one guardian',
  BAD_THRESHOLD: 'guardian: threshold must be in (0, TotalWeight]',
  BAD_DELAY: 'guardian: recovery delay outside [MinRecoveryDelay, MaxRecoveryDelay]',
  BAD_PRIMARY_SIGNATURE: 'guardian: primary signature is absent or invalid',
  THRESHOLD_NOT_MET: 'guardian: guardian signatures do not meet threshold',
  UNKNOWN_GUARDIAN: 'guardian: signing guardian is not in the current set',
  DUPLICATE_SIGNER: 'guardian: duplicate guardian signature',
  STALE_VALID_FROM: 'guardian: validFrom outside accepted window',
  COMMIT_FIELDS_MISSING: 'guardian: commit anchor missing committer or signature',
  VETO_AMBIGUOUS: 'guardian: veto must populate exactly one of primary or guardian signatures',
  MISSING_CONSENT: 'guardian: every guardian in the new set must consent on-chain',
  NO_GUARDIAN_SET: 'guardian: no guardian set declared for subject',
  RECOVERY_IN_FLIGHT: 'guardian: a pending recovery already exists for subject',
  RECOVERY_NOT_PENDING: 'guardian: no pending recovery found for hash',
  RECOVERY_IMMATURE: 'guardian: recovery delay has not elapsed',
  NONCE_NOT_MONOTONIC: 'nonce: anchor-nonce must strictly increase',
  SIGNER_KEY_UNKNOWN: "anchor: no public key recorded for signer's FromEpoch",
  BAD_SIGNATURE: 'anchor: signature verification failed',
  BAD_EPOCH_PROGRESSION: 'anchor: illegal epoch progression for kind',
  MISSING_NEW_KEY: 'anchor: rotation anchor requires NewPublicKey',
  BAD_NEW_KEY: 'anchor: NewPublicKey is not a valid P-256 SPKI',
  BAD_MIN_NEXT_NONCE: 'anchor: MinNextNonce is nonsensical',
  BAD_MAX_OLD_NONCE: 'anchor: MaxAcceptedOldNonce is nonsensical',
  RESIGN_MISSING_GUARDIAN: 'guardian-resign: missing guardianQuid',
  RESIGN_MISSING_SUBJECT: 'guardian-resign: missing subjectQuid',
  RESIGN_MISSING_SET_HASH: 'guardian-resign: missing guardianSetHash',
  RESIGN_BAD_SIGNATURE: 'guardian-resign: guardian signature failed verification',
  RESIGN_EFFECTIVE_AT_PAST: 'guardian-resign: EffectiveAt is beyond the permitted past tolerance',
  RESIGN_EFFECTIVE_AT_TOO_FAR: 'guardian-resign: EffectiveAt is farther than one year in the future',
  RESIGN_SUBJECT_UNKNOWN: 'guardian-resign: subject has no installed guardian set',
  RESIGN_NOT_MEMBER: 'guardian-resign: resigning quid is not a member of the current set',
  RESIGN_SET_HASH_MISMATCH: 'guardian-resign: GuardianSetHash does not match current installed set',
  RESIGN_REPLAY: 'guardian-resign: nonce must strictly increase',
  RESIGN_NO_GUARDIAN_KEY: 'guardian-resign: no current public key recorded for the guardian',
} as const;

/**
 * A stable code for why the node refuses a guardian anchor.
 *
 * @example
 * ```ts
 * if (rejection === 'RECOVERY_IMMATURE') console.log('wait for the delay');
 * ```
 */
export type GuardianRejection = keyof typeof GUARDIAN_REJECTION_MESSAGES;

/**
 * Reads the code back from a node's error message (`undefined` for text it does not know).
 * `BAD_NEW_KEY` messages carry a suffix after a colon; a prefix match covers them.
 *
 * @example
 * ```ts
 * guardianRejectionFromMessage('guardian: recovery delay has not elapsed'); // 'RECOVERY_IMMATURE'
 * ```
 */
export function guardianRejectionFromMessage(message: string): GuardianRejection | undefined {
  for (const [code, text] of Object.entries(GUARDIAN_REJECTION_MESSAGES)) {
    if (message === text || message.startsWith(`${text}: `)) return code as GuardianRejection;
  }
  return undefined;
}
