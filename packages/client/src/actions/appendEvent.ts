import { buildEvent, type EventTx, type JsonObject, type Signer, type SubjectType } from '@quidfin/core';
import { isClientError } from '../errors/isClientError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { EventSubmitResult } from '../schemas/types.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * Input of {@link appendEvent}: an event to sign; the client chooses the sequence.
 *
 * @example
 * ```ts
 * const input: AppendEventInput = { signer, trustDomain, subjectId: 'inv-1', subjectType: 'TITLE', eventType: 'carrier.shipped', payload: { carrierQuid, billOfLading: 'BOL-1', shippedAt } };
 * ```
 */
export interface AppendEventInput {
  readonly signer: Signer;
  readonly trustDomain: string;
  readonly subjectId: string;
  readonly subjectType: SubjectType;
  readonly eventType: string;
  readonly payload?: JsonObject;
  readonly payloadCid?: string;
}

/**
 * Signs and sends an event with a sequence from the client's `SequenceManager`, so it is safe to
 * call concurrently for one subject. If the node refuses the event because a block committed in
 * the meantime (its sequence is no longer above the committed latest), the stream state is re-read
 * and the event re-signed with a fresh sequence, at most 3 times. Timestamps are chosen so that
 * no two events sent from this client share an id. A separate function (not a
 * method) so that apps that only read do not bundle the signing code.
 *
 * @example
 * ```ts
 * const { tx, sequence } = await appendEvent(client, { signer, trustDomain, subjectId: 'inv-1',
 *   subjectType: 'TITLE', eventType: 'carrier.shipped', payload: { carrierQuid, billOfLading: 'BOL-1', shippedAt } });
 * await client.waitForCommit(tx);
 * ```
 */
export async function appendEvent(
  client: QuidnugClient,
  input: AppendEventInput,
  o: CallOptions = {},
): Promise<EventSubmitResult & { tx: EventTx }> {
  const load = () => client.streamState(input.subjectId, o);
  for (let attempt = 0; ; attempt++) {
    const sequence = await client.sequences.next(input.subjectId, load);
    const timestamp = client.sequences.uniqueTimestamp({ ...input, sequence }, Math.floor(Date.now() / 1000));
    const tx = await buildEvent({ ...input, sequence, timestamp });
    try {
      return { ...(await client.submitEvent(tx, o)), tx };
    } catch (error) {
      if (!isClientError(error) || error.code !== 'TRANSACTION_REJECTED' || attempt >= 3) throw error;
      const state = await client.sequences.refresh(input.subjectId, load);
      if (!(state.exists && sequence <= state.latest)) throw error;
    }
  }
}
