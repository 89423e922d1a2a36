import { signableBytes } from './signableBytes.js';
import type { QuidnugTx } from './types.js';
import { verifySignatureAsync } from './verifySignatureAsync.js';

/**
 * {@link verifyTransaction} on WebCrypto where available (faster; same verdicts), falling back to
 * `@noble/curves`. Never rejects.
 *
 * @example
 * ```ts
 * const ok = await verifyTransactionAsync(tx);
 * ```
 */
export async function verifyTransactionAsync(tx: QuidnugTx): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = signableBytes(tx, { loneSurrogates: 'replace' });
  } catch {
    return false;
  }
  return verifySignatureAsync(tx.publicKey, bytes, tx.signature);
}
