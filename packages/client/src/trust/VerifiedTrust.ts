// Relational trust the SDK computes itself: TRUST transactions read from the node's blocks (the
// only route that serves them signed), verified by core's TrustGraph, synced incrementally.

import {
  type CommittedTrust,
  computeRelationalTrust,
  type KeyEvent,
  type KeyHistory,
  keyHistoryFromEvents,
  type TrustFinding,
  TrustGraph,
} from '@quidfin/core';
import type { TrustQueryParams } from '../api/NodeApi.js';
import { derivesTo } from '../guardian/freezeProblem.js';
import { BlockHistory } from '../history/BlockHistory.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { CallOptions } from '../transport/Transport.js';
import { checkVerifiedTrustOptions } from './checkVerifiedTrustOptions.js';
import { freezesBeforeHistory } from './freezesBeforeHistory.js';
import { InMemoryTrustStore, type TrustCursor, type TrustStore } from './TrustStore.js';
import type { TrustSyncResult } from './TrustSyncResult.js';
import type {
  TrustReadParams,
  UnverifiedTrustResult,
  VerifiedTrustReading,
  VerifiedTrustResult,
} from './VerifiedTrustResult.js';

/** Index of the first entry committed at or after block `offset` (entries are in commit order). */
function lowerBound(entries: readonly CommittedTrust[], offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid]?.origin?.offset ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Options of {@link VerifiedTrust}.
 *
 * @example
 * ```ts
 * const trust = new VerifiedTrust(client, { store: myStore, maxDepth: 4 });
 * ```
 */
export interface VerifiedTrustOptions {
  /** Where synced transactions and the cursor live (default: in memory). */
  readonly store?: TrustStore;
  /**
   * Which keys count as a truster's. Default: the key its quid derives from, unless the block
   * history shows its owner froze it (core's `keyHistoryFromEvents` over the history's
   * `keyEvents`): an edge committed after the freeze is refused `TRUSTER_KEY_REVOKED`. A history
   * resumed from a saved store cursor reads each new truster's earlier freezes from its QUID
   * stream, so a freeze before the cursor still counts.
   */
  readonly keyHistory?: KeyHistory;
  /** Node (index into the client's nodes) to read blocks from; default: the client's current node. Ignored with `history`. */
  readonly node?: number;
  /** Blocks per request (default 1000, the node's maximum page). Ignored with `history`. */
  readonly pageSize?: number;
  /**
   * The block history to read TRUST transactions from, shared with other readers (the ledger's
   * custody check) so blocks are fetched once. Default: an own one on `node`/`pageSize`.
   */
  readonly history?: BlockHistory;
  /** Default maximum path length in edges (default 5, as the node). */
  readonly maxDepth?: number;
  /** Millisecond clock for expiry (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * Verified relational trust: syncs the TRUST transactions of the node's committed blocks
 * (`GET /blocks`, from a cursor), checks each one itself (signature; key bound to the truster;
 * sane fields; nonce order; latest edge per pair wins) and answers with the node's own search on
 * the edges that passed. Forged edges never count and are reported as typed findings. The node's
 * answer stays available through {@link VerifiedTrust.nodeTrust}, labelled unverified.
 *
 * @example
 * ```ts
 * const trust = new VerifiedTrust(client);
 * const r = await trust.trustIn(financier.quidId, supplierQuid); // syncs, then computes
 * console.log(r.trustLevel, r.path, r.findings);
 * ```
 */
export class VerifiedTrust {
  readonly client: QuidnugClient;
  readonly #store: TrustStore;
  readonly #options: VerifiedTrustOptions;
  #graph: TrustGraph;
  #cursor: TrustCursor | undefined;
  #loaded = false;
  #running: Promise<TrustSyncResult> | undefined;
  #history: BlockHistory | undefined;
  /** The history's epoch the graph was built from, and how many of its TRUST entries it holds. */
  #epoch: number | undefined;
  #consumed = 0;
  /**
   * Per truster, the freezes committed before a resumed history's first block (read from its QUID
   * stream once), so an edge a thief signs after a freeze the history never saw is still refused.
   */
  #earlierFreezes = new Map<string, readonly KeyEvent[]>();

  constructor(client: QuidnugClient, options: VerifiedTrustOptions = {}) {
    checkVerifiedTrustOptions(options);
    this.client = client;
    this.#options = options;
    this.#history = options.history;
    this.#store = options.store ?? new InMemoryTrustStore();
    this.#graph = this.#newGraph();
  }

  /** The verified graph as synced so far. */
  get graph(): TrustGraph {
    return this.#graph;
  }

  /** Every finding so far (forged, refused, notices), in commit order. */
  get findings(): readonly TrustFinding[] {
    return this.#graph.findings;
  }

  /** The cursor of the last sync (`undefined` before the first). */
  get cursor(): TrustCursor | undefined {
    return this.#cursor;
  }

  #newGraph(): TrustGraph {
    // The history is created on the first sync; until then (entries loaded from the store) no freeze is known.
    const keyHistory =
      this.#options.keyHistory ??
      keyHistoryFromEvents((quid) => {
        const read = this.#history?.keyEvents(quid) ?? [];
        const earlier = this.#earlierFreezes.get(quid);
        return earlier === undefined || earlier.length === 0 ? read : [...earlier, ...read];
      });
    return new TrustGraph({ keyHistory });
  }

  /**
   * Reads the blocks committed since the last sync and verifies their TRUST transactions.
   * Concurrent calls share one sync.
   */
  sync(o: CallOptions = {}): Promise<TrustSyncResult> {
    this.#running ??= this.#sync(o).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #reset(): Promise<void> {
    await this.#store.clear();
    this.#earlierFreezes.clear();
    this.#graph = this.#newGraph();
    this.#cursor = undefined;
  }

  async #sync(o: CallOptions): Promise<TrustSyncResult> {
    let stored: Awaited<ReturnType<TrustStore['load']>>;
    if (!this.#loaded) {
      stored = await this.#store.load();
      if (stored) {
        await this.#graph.addAll(stored.entries);
        this.#cursor = stored.cursor;
      }
      this.#loaded = true;
    }
    // Without a shared history, an own one resumes where the store left off.
    this.#history ??= new BlockHistory(this.client, {
      ...(this.#options.node !== undefined ? { node: this.#options.node } : {}),
      ...(this.#options.pageSize !== undefined ? { pageSize: this.#options.pageSize } : {}),
      ...(stored ? { startAt: stored.cursor } : {}),
    });
    const history = this.#history;
    const read = await history.sync(o);
    let rebuilt: TrustSyncResult['rebuilt'];
    if (this.#epoch === undefined) {
      // First use of this history: the graph so far (from the store) must be a prefix of it.
      if (this.#cursor) rebuilt = read.rebuilt ?? (await history.continues(this.#cursor, o));
      this.#consumed = rebuilt ? 0 : lowerBound(history.trust, this.#cursor?.offset ?? 0);
    } else if (this.#epoch !== history.epoch) {
      // The history started over since the last sync (maybe in another reader's call).
      rebuilt = history.lastRebuild ?? 'history-changed';
      this.#consumed = 0;
    }
    if (rebuilt) await this.#reset();
    this.#epoch = history.epoch;
    const before = this.#graph.findings.length;
    const entries = history.trust.slice(this.#consumed);
    this.#consumed = history.trust.length;
    if (!history.complete && this.#options.keyHistory === undefined)
      await this.#readEarlierFreezes(entries, o);
    const admissions = await this.#graph.addAll(entries);
    const cursor = read.cursor;
    await this.#store.append(cursor, entries);
    this.#cursor = cursor;
    return {
      blocksRead: read.blocksRead,
      trustTransactions: entries.length,
      accepted: admissions.filter((a) => a.accepted).length,
      findings: this.#graph.findings.slice(before),
      cursor,
      rebuilt,
    };
  }

  /**
   * A history resumed from a saved cursor saw no block before it: for each truster of `entries`
   * whose registration it has not seen (and whose signing key derives to it), reads the freezes
   * committed before the cursor from the truster's QUID stream, once per truster.
   */
  async #readEarlierFreezes(entries: readonly CommittedTrust[], o: CallOptions): Promise<void> {
    const history = this.#history as BlockHistory;
    let notAfter = Number.POSITIVE_INFINITY;
    for (const e of entries) notAfter = Math.min(notAfter, e.origin?.blockTimestamp ?? notAfter);
    for (const e of entries) {
      const tx = e.tx as Readonly<Record<string, unknown>>;
      const truster = tx['truster'];
      const publicKey = tx['publicKey'];
      if (typeof truster !== 'string' || this.#earlierFreezes.has(truster)) continue;
      if (!derivesTo(publicKey, truster)) continue; // the graph refuses it on its own
      if (history.keyEvents(truster).some((k) => k.kind === 'registered')) continue; // registered since the cursor
      this.#earlierFreezes.set(
        truster,
        await freezesBeforeHistory(this.client, truster, publicKey as string, history, notAfter, o),
      );
    }
  }

  /**
   * Verified relational trust of `observer` in `target`. Syncs first unless `sync: false`. With
   * `avoid`, no path passes through those quids: `avoid: [supplierQuid]` gives the trust in a buyer
   * that does not rest on the supplier's word (what `@quidfin/factoring` asks for when it holds an
   * invoice with `BUYER_TRUST_VIA_SUPPLIER`).
   */
  async trustIn(
    observer: string,
    target: string,
    params: TrustReadParams = {},
    o: CallOptions = {},
  ): Promise<VerifiedTrustResult> {
    if (params.sync !== false || this.#cursor === undefined) await this.sync(o);
    const computedAt = Math.floor((this.#options.now ?? Date.now)() / 1000);
    const maxDepth = params.maxDepth ?? this.#options.maxDepth;
    const r = computeRelationalTrust(this.#graph, observer, target, {
      nowSeconds: computedAt,
      ...(maxDepth !== undefined ? { maxDepth } : {}),
      ...(params.avoid !== undefined ? { avoid: params.avoid } : {}),
    });
    const concerned = new Set([target, ...r.path.slice(1)]);
    const findings = this.#graph.findings.filter((f) => concerned.has(f.trustee));
    return {
      ...r,
      verified: true,
      asOf: this.#cursor as TrustCursor,
      computedAt,
      findings,
    };
  }

  /**
   * {@link VerifiedTrust.trustIn} as a factoring `TrustReading`: level, `observedAt` (when it was
   * computed), `pathLength`, the `path` itself (so the engine sees who vouches for whom), and
   * `validUntil` (the earliest expiry on the path).
   */
  async trustReading(
    observer: string,
    target: string,
    params: TrustReadParams = {},
    o: CallOptions = {},
  ): Promise<VerifiedTrustReading> {
    const r = await this.trustIn(observer, target, params, o);
    return {
      level: r.trustLevel,
      observedAt: r.computedAt,
      pathLength: r.pathDepth,
      path: r.path,
      ...(r.expiresAt !== undefined ? { validUntil: r.expiresAt } : {}),
    };
  }

  /**
   * The node's own answer (`GET /trust/{observer}/{target}`), labelled `verified: false`: it
   * counts edges signed by any key. For comparison and diagnosis, not for decisions.
   */
  async nodeTrust(
    observer: string,
    target: string,
    params: TrustQueryParams = {},
    o: CallOptions = {},
  ): Promise<UnverifiedTrustResult> {
    return { ...(await this.client.getTrust(observer, target, params, o)), verified: false };
  }
}
