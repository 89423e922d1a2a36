import type { JsonObject } from '../wire/types.js';

/**
 * An event from an invoice's TITLE stream whose transaction signature has already been
 * checked, reduced to what the pure packages need. `signerQuid` is the quid of the key that
 * signed it (`quidIdFromPublicKey(tx.publicKey)`), not anything the payload claims.
 *
 * @example
 * ```ts
 * const e: VerifiedInvoiceEvent = {
 *   id: 'e1', eventType: 'carrier.shipped', signerQuid: 'cccccccccccccccc', sequence: 2, timestamp: 1_790_000_100,
 *   payload: { carrierQuid: 'cccccccccccccccc', billOfLading: 'BOL-1', shippedAt: 1_790_000_100 },
 * };
 * ```
 */
export interface VerifiedInvoiceEvent {
  readonly id: string;
  readonly eventType: string;
  readonly payload: JsonObject | undefined;
  readonly signerQuid: string;
  readonly sequence: number;
  /** Unix seconds. */
  readonly timestamp: number;
  /**
   * The transaction signature (hex). The node's EVENT id leaves out payload and signer, so two
   * different events can share an id; the lifecycle tells a repeat from a collision with it (or,
   * without it, with signer and payload).
   */
  readonly signature?: string;
}
