import { QuidfinClientError } from './QuidfinClientError.js';

// Failures that happen before a connection exists, so no byte of the request can have left.
const BEFORE_CONNECT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function failedBeforeConnect(cause: unknown): boolean {
  let e: unknown = cause;
  for (let depth = 0; depth < 6 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && BEFORE_CONNECT.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * No HTTP response arrived: connection refused, reset, DNS failure, CORS. The original error is
 * in `cause`. For a transaction POST the outcome is unknown unless `notSent` is true; the client
 * resolves it (pending pool, committed state) before deciding anything.
 *
 * @example
 * ```ts
 * try {
 *   await client.health();
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'NETWORK_ERROR') {
 *     const { url, notSent, cause } = e as NetworkError;
 *     console.log(url, notSent, cause); // notSent: the request provably never left
 *   }
 * }
 * ```
 */
export class NetworkError extends QuidfinClientError<'NETWORK_ERROR'> {
  override readonly name: string = 'NetworkError';
  readonly url: string;
  readonly method: string;
  /**
   * True when the runtime reported a failure before any connection existed (refused, DNS,
   * unreachable, connect timeout: Node's error codes), so the request provably never left.
   * Browsers give no such detail: there it is always false.
   */
  readonly notSent: boolean;

  constructor(method: string, url: string, options?: ErrorOptions) {
    super('NETWORK_ERROR', `network error: ${method} ${url}`, options);
    this.url = url;
    this.method = method;
    this.notSent = failedBeforeConnect(options?.cause);
  }
}
