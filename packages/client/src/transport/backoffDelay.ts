import type { ResolvedRetryOptions } from './RetryOptions.js';

/**
 * How long to wait before retry number `retry` (1-based). Rate limits get their own, longer
 * doubling series (`rateLimitStreak` counts consecutive rate limits), and a server `Retry-After`
 * wins when longer; other failures get exponential backoff with jitter (half fixed, half random).
 *
 * @example
 * ```ts
 * backoffDelay(resolveRetryOptions(undefined), { retry: 1, rateLimitStreak: 0 }); // 150..300 ms
 * backoffDelay(resolveRetryOptions(undefined), { retry: 2, rateLimitStreak: 2 }); // 2000 ms
 * ```
 */
export function backoffDelay(
  options: ResolvedRetryOptions,
  state: {
    readonly retry: number;
    readonly rateLimitStreak: number;
    readonly retryAfterMs?: number | undefined;
  },
): number {
  if (state.rateLimitStreak > 0) {
    const series = Math.min(options.maxDelayMs, options.rateLimitDelayMs * 2 ** (state.rateLimitStreak - 1));
    return Math.max(state.retryAfterMs ?? 0, series);
  }
  const base = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (state.retry - 1));
  return base / 2 + Math.random() * (base / 2);
}
