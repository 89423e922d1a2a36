import { HttpError, type HttpErrorDetails } from './HttpError.js';
import { NotFoundError } from './NotFoundError.js';
import { PayloadTooLargeError } from './PayloadTooLargeError.js';
import { RateLimitError } from './RateLimitError.js';
import { TransactionRejectedError } from './TransactionRejectedError.js';
import { UnknownFieldError } from './UnknownFieldError.js';

/**
 * What the transport knows about a non-2xx response.
 *
 * @example
 * ```ts
 * toHttpError({ status: 413, headers: new Headers(), text: 'Payload Too Large', method: 'POST', url });
 * ```
 */
export interface FailedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly method: string;
  readonly url: string;
}

interface Envelope {
  code?: string;
  message?: string;
  fields?: string[];
}

// The node sends either the JSON envelope or a plain-text body (PROTOCOL §9.3-9.4); the content
// type is not reliable across proxies, so the body itself decides.
function readEnvelope(text: string): { body: unknown; error: Envelope | undefined } {
  try {
    const body: unknown = JSON.parse(text);
    const error = (body as { error?: unknown } | null)?.error;
    if (typeof error === 'object' && error !== null) {
      const e = error as Record<string, unknown>;
      const out: Envelope = {};
      if (typeof e['code'] === 'string') out.code = e['code'];
      if (typeof e['message'] === 'string') out.message = e['message'];
      if (Array.isArray(e['fields']))
        out.fields = e['fields'].filter((f): f is string => typeof f === 'string');
      return { body, error: out };
    }
    return { body, error: undefined };
  } catch {
    return { body: text, error: undefined };
  }
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

const TX_ROUTE = /\/(?:transactions\/(trust|identity|title)|events)$/;

/**
 * Turns a non-2xx response into the most specific client error.
 *
 * @example
 * ```ts
 * const err = toHttpError({ status: 429, headers: new Headers(), text: 'Too Many Requests', method: 'GET', url });
 * err.code; // 'RATE_LIMITED'
 * ```
 */
export function toHttpError(res: FailedResponse): HttpError<string> {
  const { body, error } = readEnvelope(res.text);
  const details: HttpErrorDetails = {
    status: res.status,
    serverCode: error?.code,
    fields: error?.fields,
    requestId: res.headers.get('x-request-id') ?? undefined,
    url: res.url,
    method: res.method,
    body,
  };
  const plain = res.text.trim();
  const message = error?.message ?? (plain || `HTTP ${res.status}`);
  const where = `${res.method} ${res.url}`;
  if (res.status === 429) {
    return new RateLimitError('ip', `rate limited (per-IP): ${where}`, {
      ...details,
      retryAfterMs: retryAfterMs(res.headers),
    });
  }
  if (res.status === 413) return new PayloadTooLargeError(`payload too large: ${where}`, details);
  if (res.status === 404) {
    return new NotFoundError(`${message}: ${where}`, { ...details, routeMissing: error === undefined });
  }
  if (res.status === 400) {
    if (error === undefined)
      return new UnknownFieldError(`${message} (unknown field or malformed body): ${where}`, details);
    const limit = /rate limit exceeded at (quid|domain) layer/.exec(message);
    if (limit) return new RateLimitError(limit[1] as 'quid' | 'domain', `${message}: ${where}`, details);
    const route = TX_ROUTE.exec(new URL(res.url).pathname);
    if (route && res.method === 'POST') {
      return new TransactionRejectedError(route[1] ?? 'event', `${message}: ${where}`, details);
    }
  }
  return new HttpError('HTTP_ERROR', `${message} (HTTP ${res.status}): ${where}`, details);
}
