import { HttpError, type HttpErrorDetails } from './HttpError.js';

/**
 * Which limiter refused the request: the per-IP HTTP limit (429) or QDP-0016 write limits (400).
 *
 * @example
 * ```ts
 * if (isClientError(e) && e.code === 'RATE_LIMITED') console.log(e.layer);
 * ```
 */
export type RateLimitLayer = 'ip' | 'quid' | 'domain';

/**
 * A rate limit refused the request. Both shapes land here: the per-IP `429 Too Many Requests`
 * (plain text, no Retry-After) and the write limiter's `400 rate limit exceeded at quid layer`
 * (or `domain layer`). The request was refused before admission, so re-sending it later is safe;
 * the client already did so with backoff before throwing this.
 *
 * @example
 * ```ts
 * try { await client.submitEvent(tx); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'RATE_LIMITED') {
 *     const { layer, retryAfterMs } = e;
 *     console.log(layer, retryAfterMs);
 *   }
 * }
 * ```
 */
export class RateLimitError extends HttpError<'RATE_LIMITED'> {
  override readonly name: string = 'RateLimitError';
  readonly layer: RateLimitLayer;
  /** Server-suggested wait (from `Retry-After`), when there was one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    layer: RateLimitLayer,
    message: string,
    details: HttpErrorDetails & { retryAfterMs?: number | undefined },
    options?: ErrorOptions,
  ) {
    super('RATE_LIMITED', message, details, options);
    this.layer = layer;
    this.retryAfterMs = details.retryAfterMs;
  }
}
