import { writeTransaction } from './encodeTransaction.js';
import type { WireEncodeOptions } from './signableBytes.js';
import type { QuidnugTx } from './types.js';

/**
 * The HTTP body to POST (PROTOCOL §4.2): the signable JSON with the signature put into its slot.
 * Decoding it and re-marshalling with `signature:""` gives back exactly the signed bytes.
 *
 * @example
 * ```ts
 * const signed = await buildTrust({ signer, trustDomain: 'd', trustee, trustLevel: 0.9, nonce: 1 });
 * await fetch(`${node}/api/v1/transactions/trust`, { method: 'POST', body: toWireJson(signed) });
 * ```
 */
export function toWireJson(tx: QuidnugTx, options: WireEncodeOptions = {}): string {
  return writeTransaction(tx, options.loneSurrogates ?? 'reject');
}
