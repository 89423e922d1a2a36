import { nodeSignableBytes } from './nodeSignableBytes.js';
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
  const bytes = nodeSignableBytes(tx);
  return bytes !== undefined && verifySignatureAsync(tx.publicKey, bytes, tx.signature);
}
