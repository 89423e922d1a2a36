// The devnode facade: one engine, served through a fetch-compatible handler (any runtime, no
// sockets), a block timer, manual mining and snapshots. The Node server lives in ./node.

import { DEFAULT_MAX_BODY_BYTES, type KeyEvent } from '@quidfin/core';
import type { BlockResult } from './chain/mineBlocks.js';
import { checkDevNodeOptions } from './checkDevNodeOptions.js';
import { Engine } from './engine/Engine.js';
import { serveRequest } from './http/serveRequest.js';
import { zeroStruct } from './json/goStruct.js';
import { DOMAIN_SCHEMA } from './json/schemas.js';
import { resolveLimits } from './limits/Limits.js';
import type { DevNodeOptions } from './options.js';
import { type DevNodeSnapshot, stateFromSnapshot, takeSnapshot } from './snapshot.js';
import { guardianLedgerOf, setGuardianMode } from './state/GuardianLedger.js';

/**
 * Per-request information the fetch handler cannot see in the Request itself.
 *
 * @example
 * ```ts
 * await node.fetch(new Request('http://devnode/api/v1/health'), { clientIp: '10.0.0.7' });
 * ```
 */
export interface DevNodeFetchInfo {
  /** The peer address (default `127.0.0.1`); the per-IP limiter keys on it. */
  readonly clientIp?: string;
}

/**
 * An embedded Quidnug node.
 *
 * @example
 * ```ts
 * const node: DevNode = createDevNode({ blockIntervalMs: 0 });
 * const { committed, rejected } = node.mineBlock();
 * ```
 */
export interface DevNode {
  /** The node's quid (`node_id` in /health). */
  readonly nodeId: string;
  /** Serves `/api/v1/...` and `/api/...` exactly as the node does. Never rejects. */
  fetch(request: Request, info?: DevNodeFetchInfo): Promise<Response>;
  /** Commits now: one block per domain with pending transactions. */
  mineBlock(): BlockResult;
  /** A JSON-serializable copy of the whole state (pending pool included). */
  snapshot(): DevNodeSnapshot;
  /** Replaces the state with a snapshot's. */
  restore(snapshot: DevNodeSnapshot): void;
  /** Stops the block timer. Pending transactions stay (and are in {@link snapshot}). */
  close(): Promise<void>;
  /**
   * The key events this node applied for `quid` (registration, recoveries opened and closed,
   * rotations), timed by its block ticks, for core's `keyValidAt`. No node route serves them: a
   * test or demo hands them to the read path.
   */
  keyEvents(quid: string): readonly KeyEvent[];
}

/**
 * Creates an embedded node with the real node's routes, validation, limits and commit model.
 * Throws a {@link DevNodeError} `INVALID_OPTIONS` listing every unusable option at once (negative
 * interval, malformed key, a CORS entry that is not an origin, a misspelt limit, …).
 *
 * @example
 * ```ts
 * const node = createDevNode({ blockIntervalMs: 0, domains: ['factoring.supply-chain.us'] });
 * const res = await node.fetch(new Request('http://devnode/api/v1/health'));
 * node.mineBlock();
 * await node.close();
 * ```
 */
export function createDevNode(options: DevNodeOptions = {}): DevNode {
  checkDevNodeOptions(options);
  const engine = new Engine({
    limits: resolveLimits(options.limits),
    now: options.now ?? Date.now,
    nodeKey: options.nodeKey,
  });
  setGuardianMode(engine, options.guardianAnchors ?? 'apply');
  for (const name of options.domains ?? []) {
    engine.registerDomain({ ...zeroStruct(DOMAIN_SCHEMA), name });
  }
  const settings = {
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_MAX_BODY_BYTES,
    corsOrigins: options.corsOrigins ?? [],
  };
  const interval = options.blockIntervalMs ?? 200;
  let timer: ReturnType<typeof setInterval> | undefined;
  if (interval > 0) {
    timer = setInterval(() => {
      try {
        engine.mine();
      } catch {
        // A failing tick must not kill the host process; the next tick retries.
      }
    }, interval);
    // Don't keep a Node process alive just for the block timer.
    (timer as { unref?: () => void }).unref?.();
  }
  return {
    nodeId: engine.key.nodeId,
    async fetch(request, info) {
      try {
        return await serveRequest(engine, settings, request, info?.clientIp ?? '127.0.0.1');
      } catch {
        return new Response(
          '{"error":{"code":"INTERNAL_ERROR","message":"internal error"},"success":false}\n',
          { status: 500, headers: { 'Content-Type': 'application/json', 'X-API-Version': '1.0' } },
        );
      }
    },
    mineBlock: () => engine.mine(),
    snapshot: () => takeSnapshot(engine.state, engine.key.nodeId),
    restore(snapshot) {
      engine.state = stateFromSnapshot(snapshot);
      engine.clearTrustCaches();
    },
    async close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
    keyEvents: (quid) => [...(guardianLedgerOf(engine.state, engine.nowSeconds()).keyEvents.get(quid) ?? [])],
  };
}
