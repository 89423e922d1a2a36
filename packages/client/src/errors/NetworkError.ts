import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * No HTTP response arrived: connection refused, reset, DNS failure, CORS. The original error is
 * in `cause`. For a transaction POST the outcome is unknown; the client resolves it (pending pool,
 * committed state) before any re-send.
 *
 * @example
 * ```ts
 * try {
 *   await client.health();
 * } catch (e) {
 *   if (isQuidfinClientError(e) && e.code === 'NETWORK_ERROR') {
 *     const { url, cause } = e as NetworkError;
 *     console.log(url, cause);
 *   }
 * }
 * ```
 */
export class NetworkError extends QuidfinClientError<'NETWORK_ERROR'> {
  override readonly name: string = 'NetworkError';
  readonly url: string;
  readonly method: string;

  constructor(method: string, url: string, options?: ErrorOptions) {
    super('NETWORK_ERROR', `network error: ${method} ${url}`, options);
    this.url = url;
    this.method = method;
  }
}
