// Builds and signs a veto of a pending recovery: the owner's key, or a threshold of guardians.

import type { Signer } from '../wire/types.js';
import {
  AnchorIssues,
  checkAnchorNonce,
  checkEpoch,
  checkQuid,
  checkSeconds,
  checkSigner,
  nowSeconds,
  signAsGuardian,
} from './anchorChecks.js';
import { recoveryVetoSignableBytes } from './anchorSignableBytes.js';
import type { GuardianRecoveryVeto, GuardianSet } from './types.js';

/**
 * Input of {@link buildRecoveryVeto}: exactly one of `owner` or `guardianSigners`.
 *
 * @example
 * ```ts
 * const input: RecoveryVetoInput = { subjectQuid: supplier.quidId, recoveryAnchorHash: hash, anchorNonce: 3, owner: supplier };
 * ```
 */
export interface RecoveryVetoInput {
  readonly subjectQuid: string;
  /** `recoveryInitHash(init)` / `initHash` of the pending recovery. */
  readonly recoveryAnchorHash: string;
  readonly anchorNonce: number;
  readonly validFrom?: number;
  /** The subject's own key (fast path). */
  readonly owner?: Signer;
  readonly ownerKeyEpoch?: number;
  /** Or a threshold of the subject's guardians. */
  readonly guardianSigners?: readonly Signer[];
  readonly set?: GuardianSet;
}

/**
 * Builds and signs a `GuardianRecoveryVeto` (QDP-0002 §6.4.2). The node takes it only while the
 * recovery is pending; after its commit it is refused (`RECOVERY_NOT_PENDING`).
 *
 * @example
 * ```ts
 * const veto = await buildRecoveryVeto({ subjectQuid: supplier.quidId, recoveryAnchorHash: hash, anchorNonce: 3, owner: supplier });
 * ```
 */
export async function buildRecoveryVeto(input: RecoveryVetoInput): Promise<GuardianRecoveryVeto> {
  const issues = new AnchorIssues();
  checkQuid(issues, 'subjectQuid', input.subjectQuid);
  if (!/^[0-9a-f]{64}$/.test(input.recoveryAnchorHash ?? '')) {
    issues.add('recoveryAnchorHash', 'expected the 64-hex SHA-256 of the recovery init');
  }
  checkAnchorNonce(issues, 'anchorNonce', input.anchorNonce);
  const validFrom = input.validFrom ?? nowSeconds();
  checkSeconds(issues, 'validFrom', validFrom);
  const guardians = input.guardianSigners ?? [];
  if ((input.owner === undefined) === (guardians.length === 0)) {
    issues.add('', 'give exactly one of owner or guardianSigners (the node refuses both and neither)');
  }
  if (input.owner !== undefined && checkSigner(issues, 'owner', input.owner)) {
    if (input.owner.quidId !== input.subjectQuid) issues.add('owner', "must be the subject's own key");
  }
  const ownerKeyEpoch = input.ownerKeyEpoch ?? 0;
  checkEpoch(issues, 'ownerKeyEpoch', ownerKeyEpoch);
  guardians.forEach((s, i) => {
    checkSigner(issues, `guardianSigners[${i}]`, s);
  });
  issues.throwIfAny();
  const draft: GuardianRecoveryVeto = {
    kind: 5,
    subjectQuid: input.subjectQuid,
    recoveryAnchorHash: input.recoveryAnchorHash,
    anchorNonce: input.anchorNonce,
    validFrom,
  };
  const bytes = recoveryVetoSignableBytes(draft);
  if (input.owner) {
    const sig = await signAsGuardian(input.owner, bytes, ownerKeyEpoch);
    return { ...draft, primarySignature: { keyEpoch: ownerKeyEpoch, signature: sig.signature } };
  }
  const sigs = [];
  for (const s of guardians) {
    sigs.push(
      await signAsGuardian(s, bytes, input.set?.guardians?.find((g) => g.quid === s.quidId)?.epoch ?? 0),
    );
  }
  return { ...draft, guardianSigs: sigs };
}
