// Answers of the /api/v2/guardian/* routes.

import type { GuardianRecoveryInit, GuardianResignation } from '@quidfin/core';

/**
 * `202` answer of `POST /api/v2/guardian/set-update`.
 *
 * @example
 * ```ts
 * const r: GuardianSetUpdateAccepted = await client.submitGuardianSetUpdate(update); // r.recoveryDelayNs
 * ```
 */
export interface GuardianSetUpdateAccepted {
  readonly subjectQuid: string;
  readonly guardians: number;
  readonly threshold: number;
  readonly recoveryDelayNs: number;
}

/**
 * `202` answer of `POST /api/v2/guardian/recovery/init`, `/veto` and `/commit` (`toEpoch` on init only).
 *
 * @example
 * ```ts
 * const { recoveryAnchorHash } = await client.submitRecoveryInit(init);
 * ```
 */
export interface RecoveryAccepted {
  readonly subjectQuid: string;
  readonly recoveryAnchorHash: string;
  readonly toEpoch?: number;
}

/**
 * Answer of `POST /api/v2/guardian/resign`: `202` when queued, `200` with `duplicate: true` when the
 * node already holds a resignation with this or a higher nonce (it then checks nothing else).
 *
 * @example
 * ```ts
 * const r: ResignationAccepted = await client.submitGuardianResignation(resignation);
 * ```
 */
export interface ResignationAccepted {
  readonly subjectQuid: string;
  readonly guardianQuid: string;
  readonly resignationNonce: number;
  readonly effectiveAt?: number;
  readonly duplicate: boolean;
}

/**
 * `GET /api/v2/guardian/pending-recovery/{quid}`.
 *
 * @example
 * ```ts
 * const p: PendingRecovery | undefined = await client.findPendingRecovery(quid); // p.maturityUnix
 * ```
 */
export interface PendingRecovery {
  readonly subjectQuid: string;
  readonly initHash: string;
  readonly initBlockHeight: number;
  /** Unix seconds from which a commit is accepted. */
  readonly maturityUnix: number;
  readonly state: string;
  readonly init: GuardianRecoveryInit;
}

/**
 * `GET /api/v2/guardian/resignations/{quid}` (`resignations` is `[]` when the node sends `null`).
 *
 * @example
 * ```ts
 * const { weakened } = await client.getGuardianResignations(quid);
 * ```
 */
export interface GuardianResignations {
  readonly subjectQuid: string;
  readonly resignations: readonly GuardianResignation[];
  /** The resignations in effect leave the rest of the installed set below its threshold. */
  readonly weakened: boolean;
}
