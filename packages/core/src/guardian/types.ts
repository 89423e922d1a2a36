// Wire shapes of the node's QDP-0001 / QDP-0002 / QDP-0006 anchors (guardian recovery and key epochs).
// Field order mirrors the node's Go structs: it is the order of the signable bytes.

/**
 * Anchor kinds, numbered as the node numbers them (`kind` on the wire).
 *
 * @example
 * ```ts
 * const update = { kind: ANCHOR_KIND.guardianSetUpdate }; // 7
 * ```
 */
export const ANCHOR_KIND = {
  rotation: 1,
  invalidation: 2,
  epochCap: 3,
  guardianRecoveryInit: 4,
  guardianRecoveryVeto: 5,
  guardianRecoveryCommit: 6,
  guardianSetUpdate: 7,
  guardianResign: 8,
} as const;

/**
 * One guardian of a subject's recovery quorum.
 *
 * @example
 * ```ts
 * const ref: GuardianRef = { quid: '4ef5d5d0f15ff46d', weight: 2, epoch: 0 };
 * ```
 */
export interface GuardianRef {
  readonly quid: string;
  /** uint16; 0 or absent counts as 1 (and is omitted from the bytes). */
  readonly weight?: number;
  /** The guardian's key epoch pinned at install time; only that epoch's key counts. */
  readonly epoch: number;
  /** Set by the node on apply; omitted when 0. */
  readonly addedAtBlock?: number;
}

/**
 * A subject's guardian set as the node stores and serves it.
 *
 * @example
 * ```ts
 * const set: GuardianSet = { guardians: [{ quid: bob, epoch: 0 }, { quid: carol, epoch: 0 }], threshold: 2, recoveryDelay: 3_600_000_000_000 };
 * ```
 */
export interface GuardianSet {
  readonly guardians: readonly GuardianRef[] | null;
  /** uint16: sum of signing guardians' weights needed. */
  readonly threshold: number;
  /** Go `time.Duration`: **nanoseconds**, between 1 hour and 365 days. */
  readonly recoveryDelay: number;
  /** Block index the node stamps on apply; omitted when 0. Part of the set hash. */
  readonly updatedAtBlock?: number;
  /** When true the node refuses plain self-rotation for this subject. */
  readonly requireGuardianRotation?: boolean;
}

/**
 * One guardian's signature over an anchor's signable bytes.
 *
 * @example
 * ```ts
 * const sig: GuardianSignature = { guardianQuid: bob.quidId, keyEpoch: 0, signature: hex128 };
 * ```
 */
export interface GuardianSignature {
  readonly guardianQuid: string;
  readonly keyEpoch: number;
  readonly signature: string;
}

/**
 * The subject's own signature (set updates, owner veto).
 *
 * @example
 * ```ts
 * const sig: PrimarySignature = { keyEpoch: 0, signature: hex128 };
 * ```
 */
export interface PrimarySignature {
  readonly keyEpoch: number;
  readonly signature: string;
}

/**
 * `POST /api/v2/guardian/set-update`: installs or replaces a guardian set.
 *
 * @example
 * ```ts
 * const update: GuardianSetUpdate = await buildGuardianSetUpdate({
 *   subject: supplier, guardians: [{ quid: bob.quidId }, { quid: carol.quidId }], threshold: 2,
 *   recoveryDelaySeconds: 48 * 3600, anchorNonce: 1, consentSigners: [bob, carol],
 * });
 * ```
 */
export interface GuardianSetUpdate {
  readonly kind: 7;
  readonly subjectQuid: string;
  readonly newSet: GuardianSet;
  readonly anchorNonce: number;
  /** Unix seconds; within 30 days in the past and 5 minutes in the future of the node's clock. */
  readonly validFrom: number;
  readonly primarySignature: PrimarySignature | null;
  /** Every guardian of `newSet`, each at its pinned epoch. */
  readonly newGuardianConsents: readonly GuardianSignature[] | null;
  /** Threshold of the current set, when one exists; omitted when empty. */
  readonly currentGuardianSigs?: readonly GuardianSignature[];
}

/**
 * `POST /api/v2/guardian/recovery/init`: a time-locked rotation authorized by the guardians.
 *
 * @example
 * ```ts
 * const init: GuardianRecoveryInit = await buildRecoveryInit({ subjectQuid, newPublicKey, anchorNonce: 2, guardianSigners: [bob, carol] });
 * ```
 */
export interface GuardianRecoveryInit {
  readonly kind: 4;
  readonly subjectQuid: string;
  readonly fromEpoch: number;
  readonly toEpoch: number;
  readonly newPublicKey: string;
  readonly minNextNonce: number;
  readonly maxAcceptedOldNonce: number;
  readonly anchorNonce: number;
  readonly validFrom: number;
  /** Omitted when 0; never checked by the node. */
  readonly expiresAt?: number;
  readonly guardianSigs: readonly GuardianSignature[] | null;
}

/**
 * `POST /api/v2/guardian/recovery/veto`: cancels a pending recovery; exactly one of the two paths.
 *
 * @example
 * ```ts
 * const veto: GuardianRecoveryVeto = await buildRecoveryVeto({ subjectQuid, recoveryAnchorHash, anchorNonce: 3, owner: supplier });
 * ```
 */
export interface GuardianRecoveryVeto {
  readonly kind: 5;
  readonly subjectQuid: string;
  readonly recoveryAnchorHash: string;
  readonly anchorNonce: number;
  readonly validFrom: number;
  readonly primarySignature?: PrimarySignature;
  readonly guardianSigs?: readonly GuardianSignature[];
}

/**
 * `POST /api/v2/guardian/recovery/commit`: finalizes a matured recovery (any known quid may send it).
 *
 * @example
 * ```ts
 * const commit: GuardianRecoveryCommit = await buildRecoveryCommit({ subjectQuid, recoveryAnchorHash, anchorNonce: 3, committer: bob });
 * ```
 */
export interface GuardianRecoveryCommit {
  readonly kind: 6;
  readonly subjectQuid: string;
  readonly recoveryAnchorHash: string;
  readonly anchorNonce: number;
  readonly validFrom: number;
  readonly committerQuid: string;
  /** Signature over the ASCII bytes of `recoveryAnchorHash` by the committer's epoch-0 key. */
  readonly committerSig: string;
}

/**
 * `POST /api/v2/guardian/resign`: a guardian withdraws from one installed version of a set.
 *
 * @example
 * ```ts
 * const r: GuardianResignation = await buildGuardianResignation({ guardian: bob, subjectQuid, set, resignationNonce: 1 });
 * ```
 */
export interface GuardianResignation {
  readonly kind: 8;
  readonly guardianQuid: string;
  readonly subjectQuid: string;
  /** `guardianSetHash(set)` of the set exactly as the node stores it (with `updatedAtBlock`). */
  readonly guardianSetHash: string;
  readonly resignationNonce: number;
  readonly effectiveAt: number;
  readonly signature: string;
}

/**
 * A QDP-0001 anchor (rotation, invalidation, epoch cap). The node at dc164c6 has no client route
 * for it; the SDK uses the exact shape to carry an owner's key freeze (see `buildKeyInvalidation`).
 *
 * @example
 * ```ts
 * const freeze: NonceAnchor = await buildKeyInvalidation({ signer: supplier, fromEpoch: 0, anchorNonce: 5 });
 * ```
 */
export interface NonceAnchor {
  readonly kind: 1 | 2 | 3;
  readonly signerQuid: string;
  readonly fromEpoch: number;
  readonly toEpoch: number;
  /** Rotation only; omitted when empty. */
  readonly newPublicKey?: string;
  readonly minNextNonce: number;
  readonly maxAcceptedOldNonce: number;
  readonly validFrom: number;
  readonly anchorNonce: number;
  readonly signature: string;
}
