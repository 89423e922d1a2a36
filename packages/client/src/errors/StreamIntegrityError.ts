import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * How an event stream contradicted its own metadata:
 * - `MISSING_EVENTS`: fewer events served than `eventCount`;
 * - `LATEST_MISMATCH`: the event at position `eventCount` is not `latestEventId` / `latestSequence`;
 * - `EVENTS_WITHOUT_STREAM`: events served for a stream the node says does not exist;
 * - `IMPOSSIBLE_ORDER`: sequences in an order no honest node commits (a first event above 1, or an
 *   event not above the one before it that could not share its block);
 * - `UNSTABLE`: the stream kept changing between reads, so no consistent view was found.
 *
 * @example
 * ```ts
 * if (isClientError(e) && e.code === 'STREAM_INTEGRITY') console.log(e.reason satisfies StreamIntegrityFault);
 * ```
 */
export type StreamIntegrityFault =
  | 'MISSING_EVENTS'
  | 'LATEST_MISMATCH'
  | 'EVENTS_WITHOUT_STREAM'
  | 'IMPOSSIBLE_ORDER'
  | 'UNSTABLE';

/**
 * The events a node served for a stream do not match the stream metadata it reports: events were
 * withheld or replaced (or the node moderates them away). No trustworthy view of the stream exists
 * from this node; read it from another (see `crossCheck`).
 *
 * @example
 * ```ts
 * try { await client.readStream('inv-1'); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'STREAM_INTEGRITY') {
 *     const { reason, subjectId } = e as StreamIntegrityError;
 *     console.log(reason, subjectId);
 *   }
 * }
 * ```
 */
export class StreamIntegrityError extends QuidfinClientError<'STREAM_INTEGRITY'> {
  override readonly name: string = 'StreamIntegrityError';
  readonly reason: StreamIntegrityFault;
  readonly subjectId: string;

  constructor(reason: StreamIntegrityFault, subjectId: string, detail: string) {
    super('STREAM_INTEGRITY', `stream ${subjectId}: ${reason}: ${detail}`);
    this.reason = reason;
    this.subjectId = subjectId;
  }
}
