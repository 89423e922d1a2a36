import { HttpError, type HttpErrorDetails } from './HttpError.js';

/**
 * 413 `Payload Too Large`: the body exceeded the node's `MAX_BODY_SIZE_BYTES` (1 MiB by default).
 * Never retried.
 *
 * @example
 * ```ts
 * try {
 *   await client.submitEvent(tx);
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'PAYLOAD_TOO_LARGE') console.warn('event payload too large: send a payloadCid instead');
 * }
 * ```
 */
export class PayloadTooLargeError extends HttpError<'PAYLOAD_TOO_LARGE'> {
  override readonly name: string = 'PayloadTooLargeError';

  constructor(message: string, details: HttpErrorDetails, options?: ErrorOptions) {
    super('PAYLOAD_TOO_LARGE', message, details, options);
  }
}
