// What a handler answers, before the middleware headers are added; and the node's two body
// styles: the JSON envelope (response.go) and Go's plain-text http.Error.

import { encodeGo } from '../json/goJson.js';

/** A handler's answer. */
export interface Reply {
  readonly status: number;
  readonly body: string;
  /** Omitted for bodiless answers (204, 301, 405). */
  readonly contentType?: string;
  /** True for WriteSuccess/WriteError answers (they carry `X-API-Version: 1.0`). */
  readonly apiVersion?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/** `{"success":true,"data":…}` (json.Encoder: sorted map keys, trailing newline). */
export function ok(data: unknown, status = 200, headers?: Record<string, string>): Reply {
  return {
    status,
    body: `${encodeGo({ success: true, data })}\n`,
    contentType: 'application/json',
    apiVersion: true,
    ...(headers ? { headers } : {}),
  };
}

/** `{"success":false,"error":{"code","message"[,"fields"]}}`. */
export function fail(status: number, code: string, message: string, fields?: readonly string[]): Reply {
  const error: Record<string, unknown> = { code, message };
  if (fields) error['fields'] = fields;
  return {
    status,
    body: `${encodeGo({ success: false, error })}\n`,
    contentType: 'application/json',
    apiVersion: true,
  };
}

/** Go's `http.Error`: plain text with a trailing newline. */
export function text(status: number, message: string): Reply {
  return { status, body: `${message}\n`, contentType: 'text/plain; charset=utf-8' };
}

/** The mux's answer for unknown routes and wrong methods. */
export const NOT_FOUND_TEXT = '404 page not found';
