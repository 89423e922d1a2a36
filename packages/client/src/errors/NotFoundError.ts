import { HttpError, type HttpErrorDetails } from './HttpError.js';

/**
 * 404: the identity, title or stream is not committed (yet), or the route does not exist
 * (`routeMissing`, plain text `404 page not found`; also a wrong method on a known route).
 *
 * @example
 * ```ts
 * try { await client.getTitle('inv-1'); }
 * catch (e) { if (isClientError(e) && e.code === 'NOT_FOUND') console.log('not committed yet'); }
 * ```
 */
export class NotFoundError extends HttpError<'NOT_FOUND'> {
  override readonly name: string = 'NotFoundError';
  /** True when the node did not know the route at all (plain-text 404), not just the resource. */
  readonly routeMissing: boolean;

  constructor(
    message: string,
    details: HttpErrorDetails & { routeMissing: boolean },
    options?: ErrorOptions,
  ) {
    super('NOT_FOUND', message, details, options);
    this.routeMissing = details.routeMissing;
  }
}
