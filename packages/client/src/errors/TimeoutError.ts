import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * Which budget ran out: one attempt (`timeoutMs`) or the whole call with retries (`totalTimeoutMs`).
 *
 * @example
 * ```ts
 * if (isClientError(e) && e.code === 'TIMEOUT') console.log(e.kind); // 'attempt' | 'total'
 * ```
 */
export type TimeoutKind = 'attempt' | 'total';

/**
 * A request took longer than its budget. Distinct from an abort (which rethrows the caller's
 * `signal.reason`) and from a network error.
 *
 * @example
 * ```ts
 * try {
 *   await client.health();
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'TIMEOUT') {
 *     const { kind, timeoutMs } = e as TimeoutError;
 *     console.log(kind, timeoutMs);
 *   }
 * }
 * ```
 */
export class TimeoutError extends QuidfinClientError<'TIMEOUT'> {
  override readonly name: string = 'TimeoutError';
  readonly url: string;
  readonly method: string;
  readonly kind: TimeoutKind;
  readonly timeoutMs: number;

  constructor(method: string, url: string, kind: TimeoutKind, timeoutMs: number, options?: ErrorOptions) {
    super(
      'TIMEOUT',
      `${kind === 'total' ? 'total ' : ''}timeout after ${timeoutMs} ms: ${method} ${url}`,
      options,
    );
    this.url = url;
    this.method = method;
    this.kind = kind;
    this.timeoutMs = timeoutMs;
  }
}
