import { TokenBucket } from './TokenBucket.js';

/** Rate of one limiter layer; `undefined` switches the layer off. */
export interface RateSpec {
  readonly perMinute: number;
  readonly burst: number;
}

const MAX_ACTORS = 10_000;

/**
 * Buckets per key (IP, quid or domain). Empty keys are never limited, as on the node. The actor
 * map is bounded: when full, it is cleared (a simplification of the node's idle eviction).
 *
 * @example
 * ```ts
 * const quids = new KeyedLimiter({ perMinute: 10, burst: 10 }, () => Date.now());
 * quids.allow('c31907f180e6e1e0'); // true
 * ```
 */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  private readonly spec: RateSpec | undefined;
  private readonly now: () => number;

  constructor(spec: RateSpec | undefined, now: () => number) {
    this.spec = spec;
    this.now = now;
  }

  private bucket(key: string): TokenBucket | undefined {
    if (!this.spec) return undefined;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= MAX_ACTORS) this.buckets.clear();
      b = new TokenBucket(this.spec.perMinute, this.spec.burst, this.now());
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Whole tokens left for `key` (the `X-RateLimit-Remaining` figure); burst when off. */
  remaining(key: string): number {
    const b = this.bucket(key);
    return b ? Math.trunc(b.available(this.now())) : 1_000_000;
  }

  /** Spends a token for `key`; always true for an empty key or a disabled layer. */
  allow(key: string): boolean {
    if (key === '') return true;
    const b = this.bucket(key);
    return b ? b.allow(this.now()) : true;
  }
}
