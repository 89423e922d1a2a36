// One guardian's signature over an anchor's signable bytes, for signatures collected out of band.

import type { Signer } from '../wire/types.js';
import { signAsGuardian } from './anchorChecks.js';
import type { GuardianSignature } from './types.js';

/**
 * Signs `bytes` (from `guardianSetUpdateSignableBytes`, `recoveryInitSignableBytes`, …) as a
 * guardian at `keyEpoch` (the epoch the set pins for it). Collect these from each guardian's own
 * device and pass them to a builder's `*Signatures` field.
 *
 * @example
 * ```ts
 * const sig = await guardianSignature(bob, recoveryInitSignableBytes(draft), 0);
 * const init = await buildRecoveryInit({ ...draftInput, guardianSignatures: [sig] });
 * ```
 */
export function guardianSignature(
  signer: Signer,
  bytes: Uint8Array,
  keyEpoch = 0,
): Promise<GuardianSignature> {
  return signAsGuardian(signer, bytes, keyEpoch);
}
