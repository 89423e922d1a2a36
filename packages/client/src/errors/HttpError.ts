import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * What every HTTP error knows about the failed exchange.
 *
 * @example
 * ```ts
 * new HttpError('HTTP_ERROR', 'boom', { status: 500, url: 'http://node/api/v1/health', method: 'GET' });
 * ```
 */
export interface HttpErrorDetails {
  /** HTTP status code. */
  readonly status: number;
  /** The node's envelope code (`BAD_REQUEST`, `NOT_FOUND`, ...) or `undefined` for a plain-text body. */
  readonly serverCode?: string | undefined;
  /** The node's `fields` list (only `MISSING_PARAMETERS` sends one). */
  readonly fields?: readonly string[] | undefined;
  /** `X-Request-ID` of the response, for correlating with node logs. */
  readonly requestId?: string | undefined;
  /** Absolute URL of the request. */
  readonly url: string;
  /** HTTP method (`GET`, `POST`). */
  readonly method: string;
  /** The response body: the parsed envelope for JSON, otherwise the text. */
  readonly body?: unknown;
}

/**
 * The node answered with a non-2xx status that has no more specific class. Subclasses:
 * `TransactionRejectedError`, `NotFoundError`, `RateLimitError`, `PayloadTooLargeError`,
 * `UnknownFieldError`.
 *
 * @example
 * ```ts
 * try { await client.queryTrust({ observer: '', target: '' }); }
 * catch (e) { if (isHttpError(e)) console.log(e.status, e.serverCode, e.fields, e.requestId); }
 * ```
 */
export class HttpError<Code extends string = 'HTTP_ERROR'> extends QuidfinClientError<Code> {
  override readonly name: string = 'HttpError';
  /** Brand read by {@link isHttpError}. */
  readonly isHttpError = true as const;
  readonly status: number;
  readonly serverCode: string | undefined;
  readonly fields: readonly string[];
  readonly requestId: string | undefined;
  readonly url: string;
  readonly method: string;
  readonly body: unknown;

  constructor(code: Code, message: string, details: HttpErrorDetails, options?: ErrorOptions) {
    super(code, message, options);
    this.status = details.status;
    this.serverCode = details.serverCode;
    this.fields = details.fields ?? [];
    this.requestId = details.requestId;
    this.url = details.url;
    this.method = details.method;
    this.body = details.body;
  }
}

/**
 * True for any HTTP error from `@quidfin/client` (every subclass included), without `instanceof`.
 *
 * @example
 * ```ts
 * if (isHttpError(err) && err.status >= 500) console.warn('node trouble', err.requestId);
 * ```
 */
export function isHttpError(value: unknown): value is HttpError<string> {
  return (
    typeof value === 'object' && value !== null && (value as { isHttpError?: unknown }).isHttpError === true
  );
}
