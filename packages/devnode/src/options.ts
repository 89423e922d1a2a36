// Options of createDevNode and the node's limits (defaults are the real node's).

/**
 * Every limit the node enforces. `undefined` rate layers are off.
 *
 * @example
 * ```ts
 * createDevNode({ limits: { quid: { perMinute: 600, burst: 100 } } });
 * ```
 */
export interface Limits {
  /** Per-IP HTTP limit (`RATE_LIMIT_PER_MINUTE`): 100/min, burst 100; denial is 429 plain text. */
  readonly ip: { readonly perMinute: number; readonly burst: number } | undefined;
  /** QDP-0016 per-signer write limit for TRUST/EVENT: 10/min, burst 10; denial is a 400 envelope. */
  readonly quid: { readonly perMinute: number; readonly burst: number } | undefined;
  /** QDP-0016 per-domain write limit for TRUST/EVENT: 1000/min, burst 200. */
  readonly domain: { readonly perMinute: number; readonly burst: number } | undefined;
  /** Trust search stops past this many queued nodes (10,000). */
  readonly trustMaxQueue: number;
  /** Trust search stops past this many visited nodes (10,000). */
  readonly trustMaxVisited: number;
  /** Relational trust cache TTL in ms (`TRUST_CACHE_TTL`, 60 s); 0 disables the cache. */
  readonly trustCacheTtlMs: number;
}

/**
 * The real node's defaults.
 *
 * @example
 * ```ts
 * createDevNode({ limits: { ...NODE_LIMITS, ip: undefined } });
 * ```
 */
export const NODE_LIMITS: Limits = {
  ip: { perMinute: 100, burst: 100 },
  quid: { perMinute: 10, burst: 10 },
  domain: { perMinute: 1000, burst: 200 },
  trustMaxQueue: 10_000,
  trustMaxVisited: 10_000,
  trustCacheTtlMs: 60_000,
};

/**
 * Options of `createDevNode`.
 *
 * @example
 * ```ts
 * const options: DevNodeOptions = { blockIntervalMs: 0, limits: 'off', domains: ['factoring.supply-chain.us'] };
 * ```
 */
export interface DevNodeOptions {
  /** Block production interval in ms (default 200); 0 = only on `mineBlock()`. */
  readonly blockIntervalMs?: number;
  /**
   * `'node'` (default): the real node's limits. `'off'`: no rate limits (IP, quid, domain); the
   * body size and trust search limits stay. Or individual overrides on top of the node's.
   */
  readonly limits?: 'off' | 'node' | Partial<Limits>;
  /** Domains registered at boot besides `default`. */
  readonly domains?: readonly string[];
  /** Millisecond clock (default `Date.now`); drives timestamps, expiry, limiters and the cache. */
  readonly now?: () => number;
  /** The node's private key (64 hex chars); default: a fixed development key. */
  readonly nodeKey?: string;
  /** `MAX_BODY_SIZE_BYTES` (default 1 MiB); larger bodies get 413 plain text. */
  readonly bodyLimitBytes?: number;
  /** `EXPLORER_CORS_ORIGINS`: allowed origins (`*` = any). Off by default, as on the node. */
  readonly corsOrigins?: readonly string[];
  /**
   * What a block tick does with anchors accepted on `/api/v2/guardian/*`. `'apply'` (default):
   * applies them as the node's block-processing code does (guardian sets, time-locked recoveries
   * on the `now` clock, resignations). `'drop'`: what the node at dc164c6 really does: its block
   * builder never packs them, so they are lost at the next block and never take effect.
   */
  readonly guardianAnchors?: 'apply' | 'drop';
}

/** Resolves the `limits` option. */
export function resolveLimits(option: DevNodeOptions['limits']): Limits {
  if (option === undefined || option === 'node') return NODE_LIMITS;
  if (option === 'off') return { ...NODE_LIMITS, ip: undefined, quid: undefined, domain: undefined };
  return { ...NODE_LIMITS, ...option };
}
