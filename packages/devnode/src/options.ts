// Options of createDevNode (the node's limits and their defaults are in limits/Limits.ts).

import type { LimitsOption } from './limits/Limits.js';

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
  readonly limits?: LimitsOption;
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
