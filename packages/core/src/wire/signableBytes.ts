import type { EncodeGoJsonOptions } from './encodeGoJson.js';
import { writeTransaction } from './encodeTransaction.js';
import { utf8 } from './hex.js';
import type { QuidnugTx } from './types.js';

/**
 * Options of the transaction serializers (same meaning as in `encodeGoJson`).
 *
 * @example
 * ```ts
 * const opts: WireEncodeOptions = { loneSurrogates: 'replace' };
 * signableBytes(receivedTx, opts);
 * ```
 */
export type WireEncodeOptions = EncodeGoJsonOptions;

/**
 * The exact bytes the node verifies the issuer signature over (PROTOCOL §4.1): Go `json.Marshal`
 * of the typed struct with `signature` set to `""` (struct order, omitempty, HTML escaping, nested
 * maps sorted by UTF-8 bytes). `publicKey` and, for a TITLE, `signatures` stay as they are.
 *
 * @example
 * ```ts
 * const bytes = signableBytes(tx);
 * const ok = verifySignature(tx.publicKey, bytes, tx.signature);
 * ```
 */
export function signableBytes(tx: QuidnugTx, options: WireEncodeOptions = {}): Uint8Array {
  return utf8(signableJson(tx, options));
}

/**
 * {@link signableBytes} as a string (handy in tests and logs).
 *
 * @example
 * ```ts
 * signableJson(tx).startsWith('{"id":'); // true
 * ```
 */
export function signableJson(tx: QuidnugTx, options: WireEncodeOptions = {}): string {
  return writeTransaction(tx, options.loneSurrogates ?? 'reject', { signature: '' });
}
