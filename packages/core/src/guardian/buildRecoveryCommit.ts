// Builds and signs the commit of a matured recovery (the committer signs the hash text).

import type { Signer } from '../wire/types.js';
import {
  AnchorIssues,
  checkAnchorNonce,
  checkQuid,
  checkSeconds,
  checkSigner,
  nowSeconds,
  signAsGuardian,
} from './anchorChecks.js';
import { recoveryCommitSignableBytes } from './anchorSignableBytes.js';
import type { GuardianRecoveryCommit } from './types.js';

/**
 * Builds a `GuardianRecoveryCommit` (QDP-0002 §6.4.3). Any quid whose first IDENTITY is committed
 * may commit (the node verifies the committer's epoch-0 key); the authorization was the init plus
 * the delay. The node refuses it before maturity (`RECOVERY_IMMATURE`).
 *
 * @example
 * ```ts
 * const commit = await buildRecoveryCommit({ subjectQuid: supplier.quidId, recoveryAnchorHash: hash, anchorNonce: 3, committer: cfo });
 * ```
 */
export async function buildRecoveryCommit(input: {
  readonly subjectQuid: string;
  readonly recoveryAnchorHash: string;
  readonly anchorNonce: number;
  readonly validFrom?: number;
  readonly committer: Signer;
}): Promise<GuardianRecoveryCommit> {
  const issues = new AnchorIssues();
  checkQuid(issues, 'subjectQuid', input.subjectQuid);
  if (!/^[0-9a-f]{64}$/.test(input.recoveryAnchorHash ?? '')) {
    issues.add('recoveryAnchorHash', 'expected the 64-hex SHA-256 of the recovery init');
  }
  checkAnchorNonce(issues, 'anchorNonce', input.anchorNonce);
  const validFrom = input.validFrom ?? nowSeconds();
  checkSeconds(issues, 'validFrom', validFrom);
  checkSigner(issues, 'committer', input.committer);
  issues.throwIfAny();
  const sig = await signAsGuardian(input.committer, recoveryCommitSignableBytes(input.recoveryAnchorHash), 0);
  return {
    kind: 6,
    subjectQuid: input.subjectQuid,
    recoveryAnchorHash: input.recoveryAnchorHash,
    anchorNonce: input.anchorNonce,
    validFrom,
    committerQuid: input.committer.quidId,
    committerSig: sig.signature,
  };
}
