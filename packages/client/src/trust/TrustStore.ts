// Where verified trust keeps what it synced: the committed TRUST transactions and a cursor into the
// serving node's block list. In memory by default; an app persists it by implementing the interface.

import type { CommittedTrust } from '@quidfin/core';

/**
 * How far trust sync has read: the serving node, how many blocks of its `GET /blocks` list were
 * read, and the hash of the last one (to notice a list that changed under the cursor).
 *
 * @example
 * ```ts
 * const cursor: TrustCursor = { nodeId: 'c31907f180e6e1e0', offset: 120, blockHash: '9f…' };
 * ```
 */
export interface TrustCursor {
  readonly nodeId: string;
  /** Blocks read so far (the next read starts at this offset). */
  readonly offset: number;
  /** Hash of the block at `offset - 1` (`''` when offset is 0). */
  readonly blockHash: string;
}

/**
 * Persistence for verified trust. `append` must store the entries and the cursor together (one
 * transaction in a database), so a crash never leaves a cursor ahead of its transactions.
 *
 * @example
 * ```ts
 * const store: TrustStore = {
 *   load: async () => db.get('trust'),
 *   append: async (cursor, entries) =>
 *     db.tx(async (t: any) => {
 *       await t.push('trust', entries);
 *       await t.set('cursor', cursor);
 *     }),
 *   clear: async () => db.delete('trust'),
 * };
 * ```
 */
export interface TrustStore {
  /** Everything stored, oldest first, or `undefined` when empty. */
  load(): Promise<{ readonly cursor: TrustCursor; readonly entries: readonly CommittedTrust[] } | undefined>;
  /** Adds the TRUST transactions of the blocks just read and moves the cursor past them. */
  append(cursor: TrustCursor, entries: readonly CommittedTrust[]): Promise<void>;
  /** Forgets everything (the node changed, or its block list no longer matches the cursor). */
  clear(): Promise<void>;
}

/**
 * The default {@link TrustStore}: memory only, lost with the process.
 *
 * @example
 * ```ts
 * const trust = new VerifiedTrust(client, { store: new InMemoryTrustStore() });
 * ```
 */
export class InMemoryTrustStore implements TrustStore {
  #cursor: TrustCursor | undefined;
  #entries: CommittedTrust[] = [];

  async load(): Promise<
    { readonly cursor: TrustCursor; readonly entries: readonly CommittedTrust[] } | undefined
  > {
    return this.#cursor && { cursor: this.#cursor, entries: [...this.#entries] };
  }

  async append(cursor: TrustCursor, entries: readonly CommittedTrust[]): Promise<void> {
    this.#entries.push(...entries);
    this.#cursor = cursor;
  }

  async clear(): Promise<void> {
    this.#cursor = undefined;
    this.#entries = [];
  }
}
