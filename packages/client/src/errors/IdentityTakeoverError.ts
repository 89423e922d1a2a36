// The node holds, under a participant's quid, an identity record signed by a key that is not its.

import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * The node's current IDENTITY for `quidId` carries a public key that does not derive to
 * `quidId`: someone re-registered the participant with its own key (the node does not bind keys
 * to quids, PROTOCOL §6.3). Such a record is provably forged. `registerParticipant` throws this
 * instead of trying to outbid the forger's `updateNonce` (it may be 2^53−1, and the node would
 * keep refusing the participant's events anyway); recovery needs the node's guardian flow.
 *
 * @example
 * ```ts
 * try { await ledger.registerParticipant(signer, { name: 'acme', role: 'supplier' }); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'IDENTITY_TAKEOVER')
 *     console.error('forged by key of', e.forgedKeyQuid);
 * }
 * ```
 */
export class IdentityTakeoverError extends QuidfinClientError<'IDENTITY_TAKEOVER'> {
  override readonly name: string = 'IdentityTakeoverError';
  /** The participant whose record was taken over. */
  readonly quidId: string;
  /** Quid of the key in the forged record (undefined when that key is not even a valid point). */
  readonly forgedKeyQuid: string | undefined;
  /** The forged record's updateNonce (what a legitimate update would have to beat). */
  readonly updateNonce: number;
  /** Transaction id of the forged record. */
  readonly transactionId: string;

  constructor(details: {
    quidId: string;
    forgedKeyQuid: string | undefined;
    updateNonce: number;
    transactionId: string;
  }) {
    super(
      'IDENTITY_TAKEOVER',
      `the node's identity record for ${details.quidId} is signed by a key of ${details.forgedKeyQuid ?? 'no valid quid'} (updateNonce ${details.updateNonce}, ${details.transactionId}): forged, the key does not derive to the quid`,
    );
    this.quidId = details.quidId;
    this.forgedKeyQuid = details.forgedKeyQuid;
    this.updateNonce = details.updateNonce;
    this.transactionId = details.transactionId;
  }
}
