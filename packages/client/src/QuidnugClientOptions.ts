import type { NonceStore } from './commit/NonceStore.js';
import type { ClientHooks } from './transport/hooks.js';
import type { NodeAuth } from './transport/nodeAuthHeaders.js';
import type { RetryOptions } from './transport/RetryOptions.js';

/**
 * Options of {@link createQuidnugClient}. Give `baseUrl` (one node) or `nodes` (several, in
 * preference order: reads fail over, writes go to the first healthy one).
 *
 * @example
 * ```ts
 * const options: QuidnugClientOptions = {
 *   nodes: ['http://node-a:8080', 'http://node-b:8080'],
 *   timeoutMs: 5_000,
 *   totalTimeoutMs: 20_000,
 *   retry: { limit: 2 },
 *   hooks: { onRequest: ({ request }) => request.headers.set('traceparent', tp) },
 * };
 * ```
 */
export interface QuidnugClientOptions {
  /** Node root (`http://localhost:8080`) or API base (`.../api/v1`). */
  readonly baseUrl?: string;
  /** Several nodes, best first. */
  readonly nodes?: readonly string[];
  /** Custom `fetch` (tests, proxies, an in-process devnode). Defaults to `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in ms (default 10 000). */
  readonly timeoutMs?: number;
  /** Budget for a whole call, retries and backoff included (default: none). */
  readonly totalTimeoutMs?: number;
  /** Retry policy, or just the retry limit. */
  readonly retry?: RetryOptions | number;
  /** Lifecycle hooks for tracing and metrics. */
  readonly hooks?: ClientHooks;
  /** Adds HMAC node-auth headers to the three `/transactions/*` POSTs. */
  readonly nodeAuth?: NodeAuth;
  /**
   * Minimum spacing in ms between the requests of a commit wait (default 1000: the node's per-IP
   * limit is 100 requests a minute).
   */
  readonly pollIntervalMs?: number;
  /** Default deadline of `waitForCommit` in ms (default 180 000: three 60 s blocks). */
  readonly commitTimeoutMs?: number;
  /** Where TRUST nonces are kept (default: in memory). */
  readonly nonceStore?: NonceStore;
  /** How long a failed node is avoided, in ms (default 30 000). */
  readonly nodeCooldownMs?: number;
  /**
   * How many times a transaction POST is re-sent after a failure that proves the request never
   * left (connection refused, DNS failure: `NetworkError.notSent`) and a check that the node does
   * not hold it (default 2). Other unknown outcomes are never re-sent (`OUTCOME_UNKNOWN`).
   */
  readonly resendLimit?: number;
  /**
   * Largest response body the client reads, in bytes (default 16 MiB). Bodies are streamed and
   * reading stops past the cap with `ResponseTooLargeError`; nothing bigger is buffered.
   */
  readonly maxResponseBytes?: number;
  /**
   * Most pages one `iterate*` walk (or `readStream`) requests before it stops with
   * `PaginationError` `TOO_MANY_PAGES` (default 1000), so a node reporting an absurd `total`
   * cannot make the client send requests without end.
   */
  readonly maxPages?: number;
}
