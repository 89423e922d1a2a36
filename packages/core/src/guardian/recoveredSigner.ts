// A signer for a quid whose key was replaced by a guardian recovery (key no longer hashes to the quid).

import type { Signer } from '../wire/types.js';

/**
 * After a committed recovery, the quid keeps its ID but signs with the new key: `quidId` is the
 * subject's, `publicKey` and `sign` are the new key's. Use it to re-register the identity with the
 * new key and to sign from then on. Readers must accept it only where the quid's key history
 * (`keyValidAt`) says this key is the quid's current epoch key.
 *
 * @example
 * ```ts
 * const supplierNow = recoveredSigner(newKey, supplier.quidId);
 * await buildIdentity({ signer: supplierNow, trustDomain, name: 'acme', updateNonce: 2 });
 * ```
 */
export function recoveredSigner(newKey: Signer, subjectQuid: string): Signer {
  return { publicKey: newKey.publicKey, quidId: subjectQuid, sign: (message) => newKey.sign(message) };
}
