// Every limit the node enforces, the real node's defaults, and how the `limits` option resolves.

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
 * The `limits` option of `createDevNode`: `'node'` (the real node's), `'off'` (no rate limits), or
 * overrides on top of the node's.
 *
 * @example
 * ```ts
 * const limits: LimitsOption = { quid: undefined };
 * createDevNode({ limits });
 * ```
 */
export type LimitsOption = 'off' | 'node' | Partial<Limits>;

/** Resolves the `limits` option. */
export function resolveLimits(option: LimitsOption | undefined): Limits {
  if (option === undefined || option === 'node') return NODE_LIMITS;
  if (option === 'off') return { ...NODE_LIMITS, ip: undefined, quid: undefined, domain: undefined };
  return { ...NODE_LIMITS, ...option };
}
