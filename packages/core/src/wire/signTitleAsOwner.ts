import { ownerSignableBytes } from './ownerSignableBytes.js';
import { signWith } from './signTransaction.js';
import { transactionId } from './transactionId.js';
import type { Signer, TitleTx } from './types.js';

/**
 * A previous owner's co-signature on a TITLE transfer (PROTOCOL §2.4): signs the owner bytes
 * (`signature:""`, `publicKey:""`, `signatures:null`). An empty `id` is replaced by the derived ID
 * first, because the node fills it in before verifying. Put the result in
 * `signatures[signer.quidId]`; the issuer signs last.
 *
 * @example
 * ```ts
 * const draft = draftTitleTransfer({ signer: financier, current, owners, timestamp });
 * const aliceSig = await signTitleAsOwner(draft, alice);
 * ```
 */
export async function signTitleAsOwner(tx: TitleTx, signer: Signer): Promise<string> {
  const withId: TitleTx = tx.id === '' ? { ...tx, id: transactionId(tx) } : tx;
  return signWith(signer, ownerSignableBytes(withId));
}
