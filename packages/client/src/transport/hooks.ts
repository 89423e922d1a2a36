/**
 * Context given to every hook: enough to open a span (name from `route`) and inject headers.
 *
 * @example
 * ```ts
 * const hooks: ClientHooks = {
 *   onRequest: ({ request, route, attempt }) => console.debug(route, request.url, attempt),
 * };
 * ```
 */
export interface RequestContext {
  /** The outgoing request; set headers on it (e.g. `traceparent`) in `onRequest`. */
  readonly request: Request;
  /** `GET`, `POST`. */
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** Low-cardinality route template, e.g. `GET /identity/{quidId}`: use it as the span name. */
  readonly route: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** Base URL of the node this attempt went to. */
  readonly node: string;
}

/**
 * Context of {@link ClientHooks.onResponse}: any HTTP response, 2xx or not.
 *
 * @example
 * ```ts
 * const hooks: ClientHooks = {
 *   onResponse: ({ route, response, durationMs }) => console.log(route, response.status, durationMs),
 * };
 * ```
 */
export interface ResponseContext extends RequestContext {
  readonly response: Response;
  readonly durationMs: number;
  /** `X-Request-ID` of the response. */
  readonly requestId: string | undefined;
}

/**
 * Context of {@link ClientHooks.onError}: a failed attempt, with whether it will be retried.
 *
 * @example
 * ```ts
 * const hooks: ClientHooks = {
 *   onError: ({ route, error, willRetry }) => console.warn(route, error, willRetry),
 * };
 * ```
 */
export interface ErrorContext extends RequestContext {
  readonly error: unknown;
  readonly durationMs: number;
  readonly willRetry: boolean;
}

/**
 * Lifecycle hooks, called once per attempt. Enough to attach OpenTelemetry spans or a
 * `traceparent` header without the client depending on OpenTelemetry. Hook errors propagate.
 *
 * @example
 * ```ts
 * const hooks: ClientHooks = {
 *   onRequest: ({ request }) => request.headers.set('traceparent', currentTraceparent()),
 *   onResponse: ({ route, response, durationMs }) => metrics.record(route, response.status, durationMs),
 *   onError: ({ route, error, willRetry }) => log.warn(route, error, { willRetry }),
 * };
 * ```
 */
export interface ClientHooks {
  onRequest?: (context: RequestContext) => void | Promise<void>;
  onResponse?: (context: ResponseContext) => void | Promise<void>;
  onError?: (context: ErrorContext) => void | Promise<void>;
}
