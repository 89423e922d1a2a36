import { writeTransaction } from './encodeTransaction.js';
import { utf8 } from './hex.js';
import type { WireEncodeOptions } from './signableBytes.js';
import type { TitleTx } from './types.js';

/**
 * The bytes every previous owner of a title signs for a transfer (PROTOCOL §2.4): the TITLE with
 * `signature:""`, `publicKey:""` and `signatures:null`. Same bytes for every owner.
 *
 * @example
 * ```ts
 * const sig = await ownerSigner.sign(ownerSignableBytes(draft));
 * ```
 */
export function ownerSignableBytes(tx: TitleTx, options: WireEncodeOptions = {}): Uint8Array {
  return utf8(
    writeTransaction(tx, options.loneSurrogates ?? 'reject', {
      signature: '',
      publicKey: '',
      signaturesNull: true,
    }),
  );
}
