import { SignatureError } from '../errors/SignatureError.js';
import { signableBytes } from './signableBytes.js';
import { transactionId } from './transactionId.js';
import type { QuidnugTx, Signer } from './types.js';

const SIG_RE = /^[0-9a-f]{128}$/;

/** Runs `signer.sign` and checks it returned raw r‖s hex. Internal. */
export async function signWith(signer: Signer, message: Uint8Array): Promise<string> {
  const signature = await signer.sign(message);
  if (typeof signature !== 'string' || !SIG_RE.test(signature)) {
    throw new SignatureError(
      'SIGNING_FAILED',
      'signer returned something other than a raw 64-byte r||s signature in lowercase hex (DER is not accepted by the node)',
    );
  }
  return signature;
}

/**
 * Signs a complete transaction: fills `publicKey` if it is `''` (else it must equal the signer's,
 * `SignatureError('SIGNER_MISMATCH')`), fills the derived `id` (PROTOCOL §3), signs the signable
 * bytes and returns a new object. Does not validate field values: prefer the `buildX` builders.
 *
 * @example
 * ```ts
 * const signed = await signTransaction({ ...draft, id: '', signature: '', publicKey: '' }, signer);
 * verifyTransaction(signed); // true
 * ```
 */
export async function signTransaction<T extends QuidnugTx>(tx: T, signer: Signer): Promise<T> {
  if (tx.publicKey !== '' && tx.publicKey !== signer.publicKey) {
    throw new SignatureError(
      'SIGNER_MISMATCH',
      `publicKey: the transaction names key ${tx.publicKey.slice(0, 12)}… but the signer holds ${signer.publicKey.slice(0, 12)}…`,
    );
  }
  const draft: T = { ...tx, publicKey: signer.publicKey, signature: '' };
  draft.id = transactionId(draft);
  const signature = await signWith(signer, signableBytes(draft));
  return { ...draft, signature };
}
