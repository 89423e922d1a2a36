import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * A response body was larger than the client's `maxResponseBytes` (a declared `Content-Length`
 * above it, or more bytes than that arriving). The client stopped reading at the cap instead of
 * buffering the rest. Not retried: a node that sends too much once will do it again. For a large
 * page, ask for a smaller `limit`, or raise `maxResponseBytes` for that one call.
 *
 * @example
 * ```ts
 * try { await client.listBlocks({ limit: 1000 }); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'RESPONSE_TOO_LARGE') {
 *     const { maxBytes, url } = e as ResponseTooLargeError;
 *     console.log(maxBytes, url);
 *   }
 * }
 * ```
 */
export class ResponseTooLargeError extends QuidfinClientError<'RESPONSE_TOO_LARGE'> {
  override readonly name: string = 'ResponseTooLargeError';
  readonly url: string;
  readonly method: string;
  /** The cap that was passed. */
  readonly maxBytes: number;
  /** Bytes received (or declared by `Content-Length`) when the client stopped. */
  readonly receivedBytes: number;

  constructor(method: string, url: string, maxBytes: number, receivedBytes: number) {
    super(
      'RESPONSE_TOO_LARGE',
      `response larger than ${maxBytes} bytes (stopped at ${receivedBytes}): ${method} ${url}`,
    );
    this.url = url;
    this.method = method;
    this.maxBytes = maxBytes;
    this.receivedBytes = receivedBytes;
  }
}
