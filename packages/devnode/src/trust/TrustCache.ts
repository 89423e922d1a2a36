// The node's relational-trust cache: results per (observer, target, maxDepth[, unverified]) for a
// TTL (60 s by default), cleared whenever a TRUST commits. Partial results are never cached.

const MAX_ENTRIES = 100_000;

/**
 * A TTL cache keyed by query, cleared on trust commits.
 *
 * @example
 * ```ts
 * const cache = new TrustCache<number>(60_000, () => Date.now());
 * cache.set('a|b|5', 0.5);
 * ```
 */
export class TrustCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(ttlMs: number, now: () => number) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /** The cached value, if present and not expired. */
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() > e.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Stores a value for one TTL. */
  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    // Bounded, so a flood of distinct queries cannot grow memory without limit.
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** Drops everything (a TRUST committed). */
  clear(): void {
    this.entries.clear();
  }

  /** Number of stored entries (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
