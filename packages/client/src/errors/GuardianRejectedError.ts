// The node refused a guardian anchor (400 INVALID_ANCHOR / INVALID_RESIGNATION), with the reason.

import { type GuardianRejection, guardianRejectionFromMessage } from '@quidfin/core';
import { HttpError, type HttpErrorDetails } from './HttpError.js';

/**
 * A `/api/v2/guardian/*` submission the node refused. `rejection` is core's code for the node's
 * reason (`THRESHOLD_NOT_MET`, `UNKNOWN_GUARDIAN`, `RECOVERY_IMMATURE`, `RECOVERY_NOT_PENDING`,
 * `NONCE_NOT_MONOTONIC`, …) or `undefined` for text this SDK does not know.
 *
 * @example
 * ```ts
 * try { await client.submitRecoveryCommit(commit); }
 * catch (e) { if (isClientError(e) && e.code === 'GUARDIAN_REJECTED' && e.rejection === 'RECOVERY_IMMATURE') await later(); }
 * ```
 */
export class GuardianRejectedError extends HttpError<'GUARDIAN_REJECTED'> {
  override readonly name: string = 'GuardianRejectedError';
  readonly rejection: GuardianRejection | undefined;
  /** The node's own message (e.g. `guardian: guardian signatures do not meet threshold`). */
  readonly reason: string;

  constructor(reason: string, message: string, details: HttpErrorDetails) {
    super('GUARDIAN_REJECTED', message, details);
    this.reason = reason;
    this.rejection = guardianRejectionFromMessage(reason);
  }
}
