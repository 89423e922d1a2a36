// A shared, short-lived read of a node's pending pool for commit waits.
import type { NodeApi } from '../api/NodeApi.js';
import type { CallOptions } from '../transport/Transport.js';
import { canonicalSignature } from '../wire/canonicalSignature.js';

interface Snapshot {
  readonly at: number;
  readonly keys: Promise<ReadonlySet<string>>;
}

/**
 * Key of a pending transaction in a snapshot: id alone, and id with signature (in its low-s form,
 * so a high-s twin of a signature gives the same key).
 *
 * @example
 * ```ts
 * poolKey(tx.id); // matches any signature
 * poolKey(tx.id, tx.signature); // matches this exact signed transaction
 * ```
 */
export const poolKey = (id: string, signature?: string): string =>
  signature === undefined ? id : `${id}/${canonicalSignature(signature)}`;

/**
 * A shared, short-lived view of a node's pending pool, so any number of concurrent commit waits
 * cost one pool read per interval instead of one each (the node allows ~100 requests a minute
 * per IP). The read is made without any single caller's signal; each caller still stops waiting
 * when its own signal aborts.
 *
 * @example
 * ```ts
 * const view = new PendingPoolView(client, 1000);
 * const keys = await view.keys({ signal });
 * keys.has(tx.id); // also keyed by id and low-s signature, for an exact match
 * ```
 */
export class PendingPoolView {
  readonly #client: NodeApi;
  readonly #maxAgeMs: number;
  readonly #snapshots = new Map<number | 'any', Snapshot>();

  constructor(client: NodeApi, maxAgeMs: number) {
    this.#client = client;
    this.#maxAgeMs = maxAgeMs;
  }

  /**
   * Ids (and id/signature pairs) in the pool, from a read at most `maxAgeMs` old and started no
   * earlier than `notBefore` (a Date.now() value) when given.
   */
  async keys(o: CallOptions = {}, notBefore = 0): Promise<ReadonlySet<string>> {
    const slot = o.node ?? 'any';
    let snap = this.#snapshots.get(slot);
    if (!snap || Date.now() - snap.at >= this.#maxAgeMs || snap.at < notBefore) {
      const read = this.#read(o.node);
      snap = { at: Date.now(), keys: read };
      this.#snapshots.set(slot, snap);
      read.catch(() => {
        if (this.#snapshots.get(slot) === snap) this.#snapshots.delete(slot);
      });
    }
    const signal = o.signal;
    if (!signal) return snap.keys;
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      snap.keys.then(
        (k) => {
          signal.removeEventListener('abort', onAbort);
          resolve(k);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  async #read(node: number | undefined): Promise<ReadonlySet<string>> {
    const keys = new Set<string>();
    for await (const tx of this.#client.iteratePendingTransactions(
      { limit: 1000 },
      node === undefined ? {} : { node },
    )) {
      keys.add(poolKey(tx.id));
      keys.add(poolKey(tx.id, tx.signature));
    }
    return keys;
  }
}
