// Input checks shared by the anchor builders (stricter than the node where the node is lax). Internal.

import { ValidationError } from '../errors/ValidationError.js';
import { checkInt, checkQuid, checkSeconds } from '../wire/build/checks.js';
import { Issues } from '../wire/build/Issues.js';
import { signWith } from '../wire/signTransaction.js';
import type { Signer } from '../wire/types.js';
import { verifySignatureAsync } from '../wire/verifySignatureAsync.js';
import type { GuardianSignature } from './types.js';

/** Collects issues and throws `ValidationError('INVALID_ANCHOR')`. */
export class AnchorIssues extends Issues {
  override throwIfAny(): void {
    if (this.list.length) throw new ValidationError('INVALID_ANCHOR', this.list);
  }
}

/** A signer-shaped value. */
export function checkSigner(issues: AnchorIssues, path: string, s: unknown): s is Signer {
  const ok =
    typeof s === 'object' &&
    s !== null &&
    typeof (s as Signer).sign === 'function' &&
    typeof (s as Signer).publicKey === 'string' &&
    /^04[0-9a-f]{128}$/.test((s as Signer).publicKey) &&
    /^[a-f0-9]{16}$/.test((s as Signer).quidId);
  if (!ok) issues.add(path, 'expected a Signer with a lowercase uncompressed publicKey, a quidId and sign()');
  return ok;
}

/** Anchor nonce, epochs and times. */
export function checkAnchorNonce(issues: AnchorIssues, path: string, v: unknown): void {
  checkInt(issues, path, v, 1);
}
export function checkEpoch(issues: AnchorIssues, path: string, v: unknown): void {
  checkInt(issues, path, v, 0, 4_294_967_295);
}
export { checkInt, checkQuid, checkSeconds };

/** Unix seconds now. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Signs `bytes` as a guardian and checks the signature verifies (HSM / KMS signers included). */
export async function signAsGuardian(
  signer: Signer,
  bytes: Uint8Array,
  keyEpoch: number,
): Promise<GuardianSignature> {
  const signature = await signWith(signer, bytes);
  if (!(await verifySignatureAsync(signer.publicKey, bytes, signature))) {
    throw new ValidationError('INVALID_ANCHOR', [
      { path: 'signature', message: `signer ${signer.quidId} produced a signature that does not verify` },
    ]);
  }
  return { guardianQuid: signer.quidId, keyEpoch, signature };
}
