// Builds and signs a guardian's resignation from one installed version of a subject's set.

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
import { guardianSetHash } from './anchorHashes.js';
import { resignationSignableBytes } from './anchorSignableBytes.js';
import type { GuardianResignation, GuardianSet } from './types.js';

/**
 * Builds a `GuardianResignation` (QDP-0006). `set` must be the set **as the node serves it**
 * (`GET /api/v2/guardian/set/{quid}`, with `updatedAtBlock`): its hash pins the version resigned from.
 *
 * @example
 * ```ts
 * const r = await buildGuardianResignation({ guardian: bank, subjectQuid: supplier.quidId,
 *   set: await client.getGuardianSet(supplier.quidId), resignationNonce: 1 });
 * ```
 */
export async function buildGuardianResignation(input: {
  readonly guardian: Signer;
  readonly subjectQuid: string;
  readonly set: GuardianSet;
  readonly resignationNonce: number;
  /** Unix seconds it takes effect (default now); at most 5 minutes past, 365 days ahead. */
  readonly effectiveAt?: number;
}): Promise<GuardianResignation> {
  const issues = new AnchorIssues();
  checkSigner(issues, 'guardian', input.guardian);
  checkQuid(issues, 'subjectQuid', input.subjectQuid);
  checkAnchorNonce(issues, 'resignationNonce', input.resignationNonce);
  const effectiveAt = input.effectiveAt ?? nowSeconds();
  checkSeconds(issues, 'effectiveAt', effectiveAt);
  const member = input.set?.guardians?.find((g) => g.quid === input.guardian?.quidId);
  if (!member) issues.add('set', 'the guardian is not a member of this set');
  issues.throwIfAny();
  const draft: GuardianResignation = {
    kind: 8,
    guardianQuid: input.guardian.quidId,
    subjectQuid: input.subjectQuid,
    guardianSetHash: guardianSetHash(input.set),
    resignationNonce: input.resignationNonce,
    effectiveAt,
    signature: '',
  };
  const sig = await signAsGuardian(input.guardian, resignationSignableBytes(draft), member?.epoch ?? 0);
  return { ...draft, signature: sig.signature };
}
