// Builds an owner's emergency key freeze in the node's QDP-0001 invalidation format.

import type { Signer } from '../wire/types.js';
import {
  AnchorIssues,
  checkAnchorNonce,
  checkEpoch,
  checkInt,
  checkSeconds,
  checkSigner,
  nowSeconds,
  signAsGuardian,
} from './anchorChecks.js';
import { nonceAnchorSignableBytes } from './anchorSignableBytes.js';
import type { NonceAnchor } from './types.js';

/**
 * Builds a QDP-0001 `AnchorInvalidation` (kind 2): "epoch `fromEpoch` of my key is frozen from
 * `validFrom` on". Signed by that epoch's key, exactly as the node would verify it. The node at
 * dc164c6 has **no client route** for anchors, so the SDK publishes it inside a `key.invalidated`
 * EVENT on the subject's own QUID stream (see the client's `InvoiceLedger.freezeKey`).
 *
 * @example
 * ```ts
 * const freeze = await buildKeyInvalidation({ signer: supplier, fromEpoch: 0, anchorNonce: 5 });
 * ```
 */
export async function buildKeyInvalidation(input: {
  readonly signer: Signer;
  readonly fromEpoch?: number;
  readonly anchorNonce: number;
  readonly maxAcceptedOldNonce?: number;
  readonly validFrom?: number;
}): Promise<NonceAnchor> {
  const issues = new AnchorIssues();
  checkSigner(issues, 'signer', input.signer);
  const fromEpoch = input.fromEpoch ?? 0;
  checkEpoch(issues, 'fromEpoch', fromEpoch);
  checkAnchorNonce(issues, 'anchorNonce', input.anchorNonce);
  const maxAcceptedOldNonce = input.maxAcceptedOldNonce ?? 0;
  checkInt(issues, 'maxAcceptedOldNonce', maxAcceptedOldNonce, 0);
  const validFrom = input.validFrom ?? nowSeconds();
  checkSeconds(issues, 'validFrom', validFrom);
  issues.throwIfAny();
  const draft: NonceAnchor = {
    kind: 2,
    signerQuid: input.signer.quidId,
    fromEpoch,
    toEpoch: fromEpoch,
    minNextNonce: 1,
    maxAcceptedOldNonce,
    validFrom,
    anchorNonce: input.anchorNonce,
    signature: '',
  };
  const sig = await signAsGuardian(input.signer, nonceAnchorSignableBytes(draft), fromEpoch);
  return { ...draft, signature: sig.signature };
}
