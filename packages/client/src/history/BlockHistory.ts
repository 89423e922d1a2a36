// One incremental reading of a node's committed blocks, shared by the ledger's chain-of-custody
// check and verified trust: only what those checks need is kept, never whole blocks.

import {
  type CommittedTrust,
  type IdentityTx,
  type KeyEvent,
  parseIdentityTx,
  parseTitleTx,
  quidIdFromPublicKey,
} from '@quidfin/core';
import { ResponseValidationError } from '../errors/ResponseValidationError.js';
import { derivesTo, freezeProblem } from '../guardian/freezeProblem.js';
import { KEY_INVALIDATED_EVENT } from '../guardian/keyInvalidatedEvent.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { Block } from '../schemas/types.js';
import type { CallOptions } from '../transport/Transport.js';
import type { BlockCursor } from './BlockCursor.js';
import type { BlockRebuildReason, BlockSyncResult } from './BlockSyncResult.js';
import { checkBlockHistoryOptions } from './checkBlockHistoryOptions.js';
import type { TitleVersion } from './TitleVersion.js';

/**
 * Options of {@link BlockHistory}.
 *
 * @example
 * ```ts
 * const history = new BlockHistory(client, { node: 0, pageSize: 500 });
 * ```
 */
export interface BlockHistoryOptions {
  /** Node (index into the client's nodes) to read blocks from; default: the call's or the client's current node. */
  readonly node?: number;
  /** Blocks per request (default 1000, the node's maximum page). */
  readonly pageSize?: number;
  /**
   * Start from this cursor instead of the first block (for a reader that persisted what came
   * before it, as verified trust does). Such a history is not `complete`: it cannot answer for
   * titles or identities until a rebuild reads from the first block.
   */
  readonly startAt?: BlockCursor;
}

interface IdentityRecord {
  readonly tx: IdentityTx;
  readonly offset: number;
  /** Whether the key derives to the quid: an elliptic-curve step, so only done when asked. */
  genuine?: boolean;
}

/** Per asset: the first block time of each EVENT id, and of each (id, signature). */
interface EventTimes {
  readonly byId: Map<string, number>;
  readonly bySignature: Map<string, number>;
}

/**
 * How far a block's time may fall behind the latest block read before the history refuses the
 * node's list: validators' clocks differ by seconds, a backdated block by the hours or days
 * between a theft and the freeze.
 */
export const MAX_BLOCK_TIME_SKEW_SECONDS = 300;

/**
 * A quid's verified key events and the offset of the block that committed each (snapshots stop at
 * their cursor). Replaced, never changed, when an event is added, so `events` is handed out as is.
 */
interface KeyEventRecords {
  readonly events: readonly KeyEvent[];
  readonly offsets: readonly number[];
}

const NO_KEY_EVENTS: readonly KeyEvent[] = [];

const quidOf = (publicKey: string): string | undefined => {
  try {
    return quidIdFromPublicKey(publicKey);
  } catch {
    return undefined;
  }
};

/**
 * A node's committed history, read from `GET /blocks` incrementally: each {@link BlockHistory.sync}
 * fetches only the blocks committed since the last one (1,000 per request), and starts over from
 * the first block when the serving node is another one (`GET /health` `node_id`) or its list no
 * longer extends what was read (the block under the cursor has another hash or is gone). Keeps, per block read: the TITLE versions per asset (with their
 * co-signatures, block index and timestamp), the IDENTITY records per quid, and the TRUST
 * transactions with their origin; nothing else. Transactions that do not parse are skipped (the
 * node could not have validated them; they prove nothing).
 *
 * It verifies no signature: its readers do (the ledger's custody check, verified trust).
 *
 * @example
 * ```ts
 * const history = new BlockHistory(client);
 * await history.sync();
 * const versions = history.titleVersions('inv-1');
 * const supplier = history.genuineIdentity(supplierQuid);
 * ```
 */
export class BlockHistory {
  readonly client: QuidnugClient;
  readonly #options: BlockHistoryOptions;
  #cursor: BlockCursor | undefined;
  #complete: boolean;
  #epoch = 0;
  #lastRebuild: BlockRebuildReason | undefined;
  // Replaced (never cleared) on a rebuild, so a snapshot taken before keeps answering consistently.
  #titles = new Map<string, TitleVersion[]>();
  #identities = new Map<string, IdentityRecord[]>();
  #trust: CommittedTrust[] = [];
  // Per quid, its verified key events (epoch-0 registration, own freezes) timed by their blocks.
  #keyEvents = new Map<string, KeyEventRecords>();
  // Per subject, the time of the first block that committed each EVENT id: the time key history
  // is judged at (an event's own timestamp is its signer's choice). One number per event.
  #eventTimes = new Map<string, EventTimes>();
  /** The latest block timestamp read (block times are unsigned: one far behind it is a lie). */
  #latestTime = Number.NEGATIVE_INFINITY;
  #running: { readonly node: number; readonly done: Promise<BlockSyncResult> } | undefined;

  constructor(client: QuidnugClient, options: BlockHistoryOptions = {}) {
    checkBlockHistoryOptions(options);
    this.client = client;
    this.#options = options;
    this.#cursor = options.startAt;
    this.#complete = options.startAt === undefined || options.startAt.offset === 0;
  }

  /** The cursor of the last sync (`undefined` before the first). */
  get cursor(): BlockCursor | undefined {
    return this.#cursor;
  }

  /** True when everything from the first block was read (not started from a saved cursor). */
  get complete(): boolean {
    return this.#complete;
  }

  /** Counts the times the history started over; readers that keep their own state compare it. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Why the history last started over (`undefined` if it never did). */
  get lastRebuild(): BlockRebuildReason | undefined {
    return this.#lastRebuild;
  }

  /** Every TRUST transaction read, in commit order, with its origin (block, offset, domain). */
  get trust(): readonly CommittedTrust[] {
    return this.#trust;
  }

  /**
   * The key events of `quid` read so far, each timed by its block: `registered` (the first
   * committed IDENTITY whose key derives to the quid) and `frozen` (each `key.invalidated` on its
   * QUID stream whose anchor verifies with that key), as `readKeyEvents` reads them. Verified
   * trust judges TRUST edges with them. A history started from a saved cursor only knows the
   * events committed since.
   */
  keyEvents(quid: string): readonly KeyEvent[] {
    return this.#keyEvents.get(quid)?.events ?? NO_KEY_EVENTS;
  }

  /** Every committed TITLE version of `assetId` read so far, in commit order. */
  titleVersions(assetId: string): readonly TitleVersion[] {
    return [...(this.#titles.get(assetId) ?? [])];
  }

  /**
   * The last committed IDENTITY of `quid` whose key derives to the quid (genuine by construction;
   * its signature is not verified here), among the blocks before `beforeOffset` (default: all
   * read), or undefined.
   */
  genuineIdentity(quid: string, beforeOffset: number = Number.POSITIVE_INFINITY): IdentityTx | undefined {
    return BlockHistory.#genuine(this.#identities.get(quid), beforeOffset, quid);
  }

  /**
   * A consistent view of what has been read: titles of one asset, a lookup of genuine identities
   * and of verified key events, all bounded by the current cursor, so later syncs (or a rebuild)
   * never change it.
   */
  snapshot(assetId: string): {
    readonly titles: readonly TitleVersion[];
    readonly genuineIdentity: (quid: string) => IdentityTx | undefined;
    /**
     * The time of the first block holding an EVENT of this asset with this id (and, when given,
     * this signature: event ids leave out payload and signer, so two events can share one).
     */
    readonly blockTimeOf: (txId: string, signature?: string) => number | undefined;
    readonly keyEvents: (quid: string) => readonly KeyEvent[];
    /** Ids of every EVENT on this asset in the blocks read, in commit order. */
    readonly eventIds: readonly string[];
  } {
    const identities = this.#identities;
    const keyEvents = this.#keyEvents;
    const upTo = this.#cursor?.offset ?? 0;
    const titles = this.titleVersions(assetId);
    const events = this.#eventTimes.get(assetId);
    return {
      titles,
      genuineIdentity: (quid) => BlockHistory.#genuine(identities.get(quid), upTo, quid),
      blockTimeOf: (txId, signature) =>
        (signature === undefined
          ? events?.byId.get(txId)
          : events?.bySignature.get(`${txId}\u0000${signature}`)) ??
        titles.find((v) => v.tx.id === txId && (signature === undefined || v.tx.signature === signature))
          ?.blockTimestamp,
      keyEvents: (quid) => BlockHistory.#eventsBefore(keyEvents.get(quid), upTo),
      eventIds: events === undefined ? [] : [...events.byId.keys()],
    };
  }

  static #eventsBefore(records: KeyEventRecords | undefined, beforeOffset: number): readonly KeyEvent[] {
    if (records === undefined) return NO_KEY_EVENTS;
    const { events, offsets } = records;
    // Offsets grow with the list: keep the prefix committed before the cursor.
    let n = events.length;
    while (n > 0 && (offsets[n - 1] as number) >= beforeOffset) n--;
    return n === events.length ? events : events.slice(0, n);
  }

  /** `quid`'s records with `event` committed at `offset` added (a new object: snapshots keep the old). */
  #addKeyEvent(quid: string, event: KeyEvent, offset: number): void {
    const known = this.#keyEvents.get(quid);
    this.#keyEvents.set(quid, {
      events: [...(known?.events ?? []), event],
      offsets: [...(known?.offsets ?? []), offset],
    });
  }

  static #genuine(
    list: readonly IdentityRecord[] | undefined,
    beforeOffset: number,
    quid: string,
  ): IdentityTx | undefined {
    for (let i = (list?.length ?? 0) - 1; i >= 0; i--) {
      const r = list?.[i] as IdentityRecord;
      if (r.offset >= beforeOffset) continue;
      r.genuine ??= quidOf(r.tx.publicKey) === quid;
      if (r.genuine) return r.tx;
    }
    return undefined;
  }

  /**
   * Whether `cursor` (saved by a reader of this history) is a prefix of what this history read:
   * same node, and the node's block at `cursor.offset - 1` still has the saved hash. Returns the
   * reason it is not, or undefined. Call after a {@link BlockHistory.sync}.
   */
  async continues(cursor: BlockCursor, o: CallOptions = {}): Promise<BlockRebuildReason | undefined> {
    const mine = this.#cursor;
    if (!mine || mine.nodeId !== cursor.nodeId) return 'node-changed';
    if (cursor.offset > mine.offset) return 'history-changed';
    if (cursor.offset === 0) return undefined;
    if (cursor.offset === mine.offset)
      return cursor.blockHash === mine.blockHash ? undefined : 'history-changed';
    const node = await this.#node(o);
    const at = await this.client.listBlocks({ offset: cursor.offset - 1, limit: 1 }, { ...o, node });
    return at.items[0]?.hash === cursor.blockHash ? undefined : 'history-changed';
  }

  /**
   * Reads the blocks committed since the last sync (rebuilding from the first block when the node
   * or its history changed). Concurrent calls on one node share one sync; calls on another node
   * wait for it.
   */
  async sync(o: CallOptions = {}): Promise<BlockSyncResult> {
    const node = await this.#node(o);
    for (;;) {
      const running = this.#running;
      if (!running) break;
      if (running.node === node) return running.done;
      await running.done.catch(() => undefined);
    }
    const done = this.#sync(node, o).finally(() => {
      if (this.#running?.done === done) this.#running = undefined;
    });
    this.#running = { node, done };
    return done;
  }

  async #node(o: CallOptions): Promise<number> {
    return this.#options.node ?? o.node ?? (await this.client.writeNode(o));
  }

  #reset(reason: BlockRebuildReason | undefined): void {
    this.#titles = new Map();
    this.#identities = new Map();
    this.#trust = [];
    this.#keyEvents = new Map();
    this.#eventTimes = new Map();
    this.#latestTime = Number.NEGATIVE_INFINITY;
    this.#cursor = undefined;
    this.#complete = true;
    this.#epoch++;
    if (reason) this.#lastRebuild = reason;
  }

  async #sync(node: number, o: CallOptions): Promise<BlockSyncResult> {
    const pinned: CallOptions = { ...o, node };
    const limit = Math.min(1000, Math.max(1, this.#options.pageSize ?? 1000));
    const cursor = this.#cursor;
    // One request checks the block under the cursor and brings the next ones.
    const from = cursor && cursor.offset > 0 ? cursor.offset - 1 : 0;
    const [health, first] = await Promise.all([
      this.client.health(pinned),
      this.client.listBlocks({ offset: from, limit }, pinned),
    ]);
    let rebuilt: BlockRebuildReason | undefined;
    let page = first;
    let items: readonly Block[] = first.items;
    if (cursor && cursor.nodeId !== health.nodeId) rebuilt = 'node-changed';
    else if (cursor && cursor.offset > 0) {
      // Blocks link per domain (PROTOCOL: a block's prevHash is its domain's previous block), so
      // the list's neighbours need not link: the block under the cursor is the check.
      if (first.items[0]?.hash !== cursor.blockHash) rebuilt = 'history-changed';
      else items = first.items.slice(1);
    }
    if (rebuilt || !cursor) {
      this.#reset(rebuilt);
      if (rebuilt) {
        page = await this.client.listBlocks({ offset: 0, limit }, pinned);
        items = page.items;
      }
    }
    let offset = this.#cursor?.offset ?? 0;
    let blocksRead = 0;
    // A node that ignores offsets serves the same blocks again: refuse instead of looping. (The
    // previous page's hashes are enough to see it and keep this bounded.)
    let seen = new Set<string>(cursor && !rebuilt ? [cursor.blockHash] : []);
    for (;;) {
      const hashes = new Set<string>();
      for (const block of items) {
        if (seen.has(block.hash) || hashes.has(block.hash)) {
          throw new ResponseValidationError(
            'GET',
            'blocks',
            [{ path: '', message: `block ${block.hash} served twice in one list (offset ignored?)` }],
            undefined,
          );
        }
        hashes.add(block.hash);
      }
      seen = hashes;
      this.#checkTimes(items);
      for (const [i, block] of items.entries()) this.#apply(block, offset + i);
      blocksRead += items.length;
      offset += items.length;
      const last = items[items.length - 1];
      if (last) this.#cursor = { nodeId: health.nodeId, offset, blockHash: last.hash };
      this.#cursor ??= { nodeId: health.nodeId, offset: 0, blockHash: '' };
      if (items.length === 0 || offset >= page.total) break;
      page = await this.client.listBlocks({ offset, limit }, pinned);
      items = page.items;
    }
    return { blocksRead, cursor: this.#cursor as BlockCursor, rebuilt };
  }

  /**
   * Refuses a page whose block times go back more than {@link MAX_BLOCK_TIME_SKEW_SECONDS} behind
   * the latest one read: the key history judges every signature at its block's time, and a node
   * that backdates the block holding a frozen key's transfer would make it look signed before the
   * freeze. Checked before any block of the page is applied.
   */
  #checkTimes(items: readonly Block[]): void {
    let latest = this.#latestTime;
    for (const block of items) {
      if (block.timestamp < latest - MAX_BLOCK_TIME_SKEW_SECONDS) {
        throw new ResponseValidationError(
          'GET',
          'blocks',
          [
            {
              path: `block ${block.index}`,
              message: `timestamp ${block.timestamp} is ${latest - block.timestamp} s before an earlier block's (${latest}): block times must not go backwards`,
            },
          ],
          undefined,
        );
      }
      if (block.timestamp > latest) latest = block.timestamp;
    }
    this.#latestTime = latest;
  }

  #apply(block: Block, offset: number): void {
    const domain = typeof block.trustProof['trustDomain'] === 'string' ? block.trustProof['trustDomain'] : '';
    for (const raw of block.transactions) {
      const type = raw['type'];
      if (type === 'TRUST') {
        this.#trust.push({
          tx: raw,
          origin: {
            blockIndex: block.index,
            blockHash: block.hash,
            offset,
            domain,
            blockTimestamp: block.timestamp,
          },
        });
      } else if (type === 'TITLE' && typeof raw['assetId'] === 'string') {
        const assetId = raw['assetId'];
        try {
          const tx = parseTitleTx(raw);
          const list = this.#titles.get(assetId) ?? [];
          list.push({ tx, blockIndex: block.index, blockTimestamp: block.timestamp, offset });
          this.#titles.set(assetId, list);
        } catch {
          // not a transaction the node could have validated: proves nothing
        }
      } else if (type === 'EVENT' && typeof raw['subjectId'] === 'string' && typeof raw['id'] === 'string') {
        let times = this.#eventTimes.get(raw['subjectId']);
        if (!times) {
          times = { byId: new Map(), bySignature: new Map() };
          this.#eventTimes.set(raw['subjectId'], times);
        }
        if (!times.byId.has(raw['id'])) times.byId.set(raw['id'], block.timestamp);
        const signed = `${raw['id']}\u0000${String(raw['signature'])}`;
        if (!times.bySignature.has(signed)) times.bySignature.set(signed, block.timestamp);
        if (raw['subjectType'] === 'QUID' && raw['eventType'] === KEY_INVALIDATED_EVENT) {
          this.#applyFreeze(raw['subjectId'], raw, block.timestamp, offset);
        }
      } else if (type === 'IDENTITY' && typeof raw['quidId'] === 'string') {
        try {
          const tx = parseIdentityTx(raw);
          const list = this.#identities.get(raw['quidId']) ?? [];
          list.push({ tx, offset });
          this.#identities.set(raw['quidId'], list);
          const quid = raw['quidId'];
          if (derivesTo(tx.publicKey, quid) && !this.keyEvents(quid).some((e) => e.kind === 'registered')) {
            this.#addKeyEvent(
              quid,
              { kind: 'registered', publicKey: tx.publicKey, at: block.timestamp },
              offset,
            );
          }
        } catch {
          // as above
        }
      }
    }
  }

  /** Records `quid`'s freeze when its anchor verifies with the quid's epoch-0 key (anyone may post on its stream). */
  #applyFreeze(quid: string, raw: Readonly<Record<string, unknown>>, at: number, offset: number): void {
    const epoch0 = this.keyEvents(quid).find((e) => e.kind === 'registered');
    const anchor = (raw['payload'] as Readonly<Record<string, unknown>> | undefined)?.['anchor'];
    if (
      freezeProblem(anchor, quid, epoch0?.kind === 'registered' ? epoch0.publicKey : undefined) === undefined
    ) {
      this.#addKeyEvent(quid, { kind: 'frozen', epoch: 0, at }, offset);
    }
  }
}
