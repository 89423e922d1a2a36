/**
 * Retry policy. Only safe requests are retried: GETs and read-only POSTs on any transient failure
 * (with failover between nodes), transaction POSTs only when the node provably refused them
 * before admission (rate limits). Ambiguous transaction failures are resolved, not re-sent blindly.
 *
 * @example
 * ```ts
 * createQuidnugClient({ baseUrl, retry: { limit: 3, baseDelayMs: 200, rateLimitDelayMs: 2000 } });
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  readonly limit?: number;
  /** First backoff in ms, doubled on each retry, with jitter (default 300). */
  readonly baseDelayMs?: number;
  /** Cap of one backoff (default 10 000). */
  readonly maxDelayMs?: number;
  /**
   * First backoff after a rate limit, doubled on each retry (default 1000). The node's 429 has
   * no Retry-After; a `Retry-After` header, when present, wins if longer.
   */
  readonly rateLimitDelayMs?: number;
  /**
   * Consecutive rate-limit retries allowed, even past `limit` (default 4: waits of 1 + 2 + 4 + 8 s,
   * enough for the node's per-signer write limit of 10 a minute to hand out a new token).
   */
  readonly rateLimitRetries?: number;
  /**
   * Longest `Retry-After` the client waits out, in ms (default 60 000). A server asking for more
   * gets no retry: the `RateLimitError` (with its `retryAfterMs`) goes to the caller at once.
   * Waits also count against `totalTimeoutMs`.
   */
  readonly maxRetryAfterMs?: number;
}

/**
 * {@link RetryOptions} with every default filled in.
 *
 * @example
 * ```ts
 * const r: ResolvedRetryOptions = resolveRetryOptions({ limit: 3 });
 * ```
 */
export type ResolvedRetryOptions = Required<RetryOptions>;

/**
 * Fills in retry defaults.
 *
 * @example
 * ```ts
 * resolveRetryOptions({ limit: 0 }).baseDelayMs; // 300
 * ```
 */
export function resolveRetryOptions(retry: RetryOptions | number | undefined): ResolvedRetryOptions {
  const r = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit: r.limit ?? 2,
    baseDelayMs: r.baseDelayMs ?? 300,
    maxDelayMs: r.maxDelayMs ?? 10_000,
    rateLimitDelayMs: r.rateLimitDelayMs ?? 1000,
    rateLimitRetries: r.rateLimitRetries ?? 4,
    maxRetryAfterMs: r.maxRetryAfterMs ?? 60_000,
  };
}
