/**
 * What the client knows about one event stream.
 *
 * @example
 * ```ts
 * const state: StreamState = await client.streamState('inv-1'); // { exists: true, latest: 4 }
 * ```
 */
export interface StreamState {
  /** False until the stream's first event has committed. */
  readonly exists: boolean;
  /** Committed `latestSequence` last seen (0 for a new stream). */
  readonly latest: number;
}

interface Entry {
  exists: boolean;
  latest: number;
  lastAssigned: number;
  loading: Promise<void> | undefined;
}

/**
 * Per-subject event sequence numbers that are safe under concurrent submissions from one process.
 * Rules (PROTOCOL §6.5, G9): a new stream accepts only sequence 1 until its first event commits,
 * so every pre-commit event gets 1; afterwards each event gets a fresh number above both the
 * committed `latestSequence` and every number already handed out (the node allows gaps). State is
 * loaded once per subject (concurrent callers share the request) and refreshed after a rejection
 * or an observed commit.
 *
 * @example
 * ```ts
 * const seq = new SequenceManager();
 * const load = async () => ({ exists: true, latest: 4 });
 * await Promise.all([seq.next('inv-1', load), seq.next('inv-1', load)]); // [5, 6]
 * ```
 */
export class SequenceManager {
  readonly #streams = new Map<string, Entry>();
  readonly #lastSecond = new Map<string, number>();

  /**
   * A timestamp (Unix seconds) for an event so that no two events this process sends share an
   * id: the id covers only subject, type, sequence, domain and second (PROTOCOL §3), and on a new
   * stream every event has sequence 1. Bumps the second when needed; the node accepts any
   * timestamp (§6.1).
   */
  uniqueTimestamp(
    key: { subjectId: string; eventType: string; sequence: number; trustDomain: string },
    nowSeconds: number,
  ): number {
    const k = `${key.subjectId}\u0000${key.eventType}\u0000${key.sequence}\u0000${key.trustDomain}`;
    const last = this.#lastSecond.get(k);
    const t = last !== undefined && nowSeconds <= last ? last + 1 : nowSeconds;
    this.#lastSecond.set(k, t);
    return t;
  }

  /** Next sequence for `subjectId`; `load` reads the committed stream state when unknown. */
  async next(subjectId: string, load: () => Promise<StreamState>): Promise<number> {
    let entry = this.#streams.get(subjectId);
    if (!entry) {
      entry = { exists: false, latest: 0, lastAssigned: 0, loading: undefined };
      this.#streams.set(subjectId, entry);
      entry.loading = this.#load(entry, load);
    }
    if (entry.loading) {
      try {
        await entry.loading;
      } catch (error) {
        if (this.#streams.get(subjectId) === entry) this.#streams.delete(subjectId);
        throw error;
      }
    }
    if (!entry.exists) return 1;
    entry.lastAssigned = Math.max(entry.latest, entry.lastAssigned) + 1;
    return entry.lastAssigned;
  }

  /** Re-reads the committed state (after a rejection); concurrent refreshes share one request. */
  async refresh(subjectId: string, load: () => Promise<StreamState>): Promise<StreamState> {
    let entry = this.#streams.get(subjectId);
    if (!entry) {
      entry = { exists: false, latest: 0, lastAssigned: 0, loading: undefined };
      this.#streams.set(subjectId, entry);
    }
    entry.loading ??= this.#load(entry, load);
    await entry.loading;
    return { exists: entry.exists, latest: entry.latest };
  }

  /** Records that an event with `sequence` committed on `subjectId`. */
  observeCommit(subjectId: string, sequence: number): void {
    // Ids of committed sequences can no longer collide with new events: forget their seconds.
    for (const k of this.#lastSecond.keys())
      if (k.startsWith(`${subjectId}\u0000`)) this.#lastSecond.delete(k);
    const entry = this.#streams.get(subjectId);
    if (!entry) return;
    entry.exists = true;
    entry.latest = Math.max(entry.latest, sequence);
  }

  /** The state last seen for `subjectId`, if any. */
  peek(subjectId: string): StreamState | undefined {
    const entry = this.#streams.get(subjectId);
    return entry && { exists: entry.exists, latest: entry.latest };
  }

  async #load(entry: Entry, load: () => Promise<StreamState>): Promise<void> {
    try {
      const state = await load();
      entry.exists = state.exists;
      entry.latest = state.exists ? state.latest : 0;
    } finally {
      entry.loading = undefined;
    }
  }
}
