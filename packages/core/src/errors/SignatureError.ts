// A signature that could not be made, or made by the wrong key.
import { QuidfinError } from './QuidfinError.js';

/**
 * Codes of {@link SignatureError}.
 *
 * @example
 * ```ts
 * if (isCoreError(e) && e.code === 'SIGNER_MISMATCH') retryWithRightKey();
 * ```
 */
export type SignatureErrorCode = 'SIGNER_MISMATCH' | 'SIGNING_FAILED';

/**
 * Signing refused or failed: the signer's public key is not the transaction's `publicKey`
 * (`SIGNER_MISMATCH`), or the underlying key returned something that is not a P-256 signature
 * (`SIGNING_FAILED`).
 *
 * @example
 * ```ts
 * try { await signTransaction(tx, otherSigner); }
 * catch (e) { if (isCoreError(e) && e.code === 'SIGNER_MISMATCH') console.log(e.message); }
 * ```
 */
export class SignatureError extends QuidfinError<SignatureErrorCode> {
  override readonly name: string = 'SignatureError';
}
