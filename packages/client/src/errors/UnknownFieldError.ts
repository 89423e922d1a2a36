import { HttpError, type HttpErrorDetails } from './HttpError.js';

/**
 * The node's plain-text `400 Invalid request body`: the body had an unknown field, malformed JSON
 * or a value of the wrong type (e.g. `1e9` for an int64). The node's decoder rejects unknown keys,
 * so this usually means a field the node does not have (`domain`, `creator` on an EVENT, ...).
 *
 * @example
 * ```ts
 * try {
 *   await client.submitTrust(tx);
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'UNKNOWN_FIELD') {
 *     const { body } = e as UnknownFieldError;
 *     console.error(body);
 *   }
 * }
 * ```
 */
export class UnknownFieldError extends HttpError<'UNKNOWN_FIELD'> {
  override readonly name: string = 'UnknownFieldError';

  constructor(message: string, details: HttpErrorDetails, options?: ErrorOptions) {
    super('UNKNOWN_FIELD', message, details, options);
  }
}
