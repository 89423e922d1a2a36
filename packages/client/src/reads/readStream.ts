// A whole event stream, checked against the stream metadata the node reports for it.
import type { EventTx } from '@quidfin/core';
import { crossChecked } from '../api/crossChecked.js';
import type { NodeApi } from '../api/NodeApi.js';
import { StreamIntegrityError, type StreamIntegrityFault } from '../errors/StreamIntegrityError.js';
import type { StreamInfo } from '../schemas/types.js';
import { sleep } from '../transport/sleep.js';
import type { CallOptions } from '../transport/Transport.js';
import { canonicalSignature } from '../wire/canonicalSignature.js';

/**
 * Two consecutive events (in commit order) whose sequences skip numbers. The node allows gaps
 * (PROTOCOL §6.5), so a gap is not an error; it is reported so a reader can hold or flag.
 *
 * @example
 * ```ts
 * const gap: SequenceGap = { after: 2, next: 4 };
 * ```
 */
export interface SequenceGap {
  readonly after: number;
  readonly next: number;
}

/**
 * Result of {@link readStream}: the metadata and every event, in commit order.
 *
 * @example
 * ```ts
 * const { stream, events, sequenceGaps }: StreamRead = await client.readStream('inv-1');
 * ```
 */
export interface StreamRead {
  /** `undefined` when the stream has no committed event. */
  readonly stream: StreamInfo | undefined;
  readonly events: readonly EventTx[];
  readonly sequenceGaps: readonly SequenceGap[];
}

const ROUNDS = 3;

type Verdict = { ok: true } | { ok: false; retry: boolean; reason: StreamIntegrityFault; detail: string };

// The node appends each committed event and sets eventCount to the list length and
// latestSequence / latestEventId to the appended event (registry.go), so the event at position
// eventCount must be that one. Metadata is read first: later commits can only add events.
function judge(meta: StreamInfo | undefined, events: readonly EventTx[]): Verdict {
  if (meta === undefined) {
    return events.length === 0
      ? { ok: true }
      : {
          ok: false,
          retry: true,
          reason: 'EVENTS_WITHOUT_STREAM',
          detail: `${events.length} events, no stream`,
        };
  }
  if (events.length < meta.eventCount) {
    return {
      ok: false,
      retry: false,
      reason: 'MISSING_EVENTS',
      detail: `eventCount ${meta.eventCount}, ${events.length} events served`,
    };
  }
  const last = events[meta.eventCount - 1];
  if (meta.eventCount > 0 && (last?.id !== meta.latestEventId || last.sequence !== meta.latestSequence)) {
    return {
      ok: false,
      retry: false,
      reason: 'LATEST_MISMATCH',
      detail: `event ${meta.eventCount} is ${last?.id} (sequence ${last?.sequence}), metadata names ${meta.latestEventId} (sequence ${meta.latestSequence})`,
    };
  }
  const at = impossibleAt(events);
  if (at >= 0) {
    const e = events[at] as EventTx;
    return {
      ok: false,
      retry: false,
      reason: 'IMPOSSIBLE_ORDER',
      detail: `event ${at + 1} (${e.id}) has sequence ${e.sequence}, which no block order allows there`,
    };
  }
  if (events.length > meta.eventCount) {
    return {
      ok: false,
      retry: true,
      reason: 'UNSTABLE',
      detail: `${events.length - meta.eventCount} events after eventCount`,
    };
  }
  return { ok: true };
}

/**
 * Index of the first event whose sequence no honest node could have committed there, or -1. The
 * node commits a stream block by block; every event of the stream's first block has sequence 0
 * or 1, every event of a later block a sequence above that of the last event of the block before
 * (validation.go, registry.go). Block boundaries are not on the stream, so this tracks the most
 * permissive states a prefix allows: still in the first block, and the lowest possible threshold.
 */
function impossibleAt(events: readonly EventTx[]): number {
  let first = true;
  let threshold: number | undefined;
  for (let i = 0; i < events.length; i++) {
    const s = (events[i] as EventTx).sequence;
    const p = i > 0 ? (events[i - 1] as EventTx).sequence : undefined;
    const stayFirst: boolean = first && (s === 0 || s === 1);
    let next: number | undefined = threshold !== undefined && s > threshold ? threshold : undefined;
    // A new block may start here, after the previous event, from any state still possible.
    if (p !== undefined && s > p && (next === undefined || p < next)) next = p;
    if (!stayFirst && next === undefined) return i;
    first = stayFirst;
    threshold = next;
  }
  return -1;
}

function gaps(events: readonly EventTx[]): SequenceGap[] {
  const out: SequenceGap[] = [];
  for (let i = 1; i < events.length; i++) {
    const after = (events[i - 1] as EventTx).sequence;
    const next = (events[i] as EventTx).sequence;
    if (next > after + 1) out.push({ after, next });
  }
  return out;
}

async function readOnce(client: NodeApi, subjectId: string, o: CallOptions): Promise<StreamRead> {
  let last: Verdict = { ok: true };
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) await sleep(client.pollIntervalMs, o.signal);
    const stream = await client.findStream(subjectId, { includeHidden: true }, o);
    const events: EventTx[] = [];
    // Expired and hidden events too: `total` and `eventCount` count them, and a verified view
    // must not depend on the node's read-side filters.
    for await (const e of client.iterateStreamEvents(
      subjectId,
      { limit: 1000, includeExpired: true, includeHidden: true },
      o,
    )) {
      events.push(e);
    }
    last = judge(stream, events);
    if (last.ok) return { stream, events, sequenceGaps: gaps(events) };
    if (!last.retry) break;
  }
  if (last.ok) throw new Error('unreachable');
  throw new StreamIntegrityError(last.reason, subjectId, last.detail);
}

/**
 * Reads a whole event stream (expired and hidden events included) and checks it against the
 * stream's metadata: `eventCount` events, the last of them `latestEventId` at `latestSequence`, no
 * events for a stream the node says does not exist. Pages are checked as in `paginate`. When
 * events committed between the reads it reads again (3 rounds at most). A contradiction throws
 * `StreamIntegrityError`: a node withholding or replacing events cannot pass as a shorter stream.
 * With `crossCheck`, the same read on a second node must give the same events (id and signature).
 *
 * @example
 * ```ts
 * const { events } = await readStream(client, 'inv-1', { crossCheck: true });
 * ```
 */
export function readStream(client: NodeApi, subjectId: string, o: CallOptions = {}): Promise<StreamRead> {
  if (!o.crossCheck) return readOnce(client, subjectId, o);
  return crossChecked(
    client,
    o,
    `stream ${subjectId}`,
    (c) => readOnce(client, subjectId, c),
    (r) =>
      `${r.events.length}:${r.events.map((e) => `${e.id}/${canonicalSignature(e.signature)}`).join(',')}`,
  );
}
