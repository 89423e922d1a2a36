import ky, { type KyInstance } from 'ky';
import { ClientInputError } from '../errors/ClientInputError.js';
import { isHttpError } from '../errors/HttpError.js';
import { isClientError } from '../errors/isClientError.js';
import { NetworkError } from '../errors/NetworkError.js';
import { ResponseTooLargeError } from '../errors/ResponseTooLargeError.js';
import { ResponseValidationError } from '../errors/ResponseValidationError.js';
import { TimeoutError } from '../errors/TimeoutError.js';
import { toHttpError } from '../errors/toHttpError.js';
import { SchemaMismatch } from '../schemas/parse.js';
import { type CallProbe, traceHttpCall } from '../telemetry/traceHttpCall.js';
import { backoffDelay } from './backoffDelay.js';
import type { ClientHooks } from './hooks.js';
import { NodePool } from './NodePool.js';
import { type NodeAuth, nodeAuthHeaders } from './nodeAuthHeaders.js';
import type { ResolvedRetryOptions } from './RetryOptions.js';
import { BodyOverCap, readBody } from './readBody.js';
import { sleep } from './sleep.js';

/**
 * Per-call options every client method accepts.
 *
 * @example
 * ```ts
 * await client.getTitle('inv-1', { signal: AbortSignal.timeout(5_000), totalTimeoutMs: 4_000 });
 * ```
 */
export interface CallOptions {
  /** Cancels the call; the client rethrows `signal.reason` unchanged. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout for this call. */
  readonly timeoutMs?: number | undefined;
  /** Overrides the client's total timeout (all attempts and backoff) for this call. */
  readonly totalTimeoutMs?: number | undefined;
  /** Pins the call to one configured node (index into `nodes`); no failover. */
  readonly node?: number | undefined;
  /** Overrides the client's `maxResponseBytes` for this call. */
  readonly maxResponseBytes?: number | undefined;
  /** Overrides the client's `maxPages` for this walk over a paginated list. */
  readonly maxPages?: number | undefined;
  /**
   * Reads the same thing from a second node and throws `CrossCheckError` if the answers differ
   * (honoured by `readStream`, `getTitle`, `getIdentity` and their `find*` forms, and so by
   * `InvoiceLedger.getInvoice`). `true` picks the first other configured node; a number names it.
   */
  readonly crossCheck?: boolean | number | undefined;
}

/**
 * How a call may be retried:
 * - `read`: any transient failure (network, timeout, 408/429/5xx), failing over between nodes;
 * - `refusal`: only when the node refused before admission (rate limits), on the same node;
 * - `none`: never.
 *
 * @example
 * ```ts
 * transport.call({ method: 'GET', path: 'health', route: 'GET /health', parse: (d) => d, retry: 'read' satisfies RetryMode });
 * ```
 */
export type RetryMode = 'read' | 'refusal' | 'none';

/**
 * One HTTP call, described for the transport.
 *
 * @example
 * ```ts
 * const spec: CallSpec<unknown> = { method: 'GET', path: 'health', route: 'GET /health', parse: (d) => d, retry: 'read' };
 * ```
 */
export interface CallSpec<T> {
  readonly method: 'GET' | 'POST';
  /** Path relative to the API base, already percent-encoded, no leading slash: `identity/abc`. */
  readonly path: string;
  /** Route template for hooks and spans: `GET /identity/{quidId}`. */
  readonly route: string;
  readonly searchParams?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Exact request body (JSON text). */
  readonly body?: string;
  /** Validates the envelope's `data` and returns the typed value. */
  readonly parse: (data: unknown) => T;
  readonly retry: RetryMode;
  /** Adds HMAC node-auth headers when the client has `nodeAuth`. */
  readonly nodeAuth?: boolean;
  /** Pin the call to one node index (writes and their resolution stay on the node that got them). */
  readonly node?: number;
  /** Id of the transaction a write carries, for its trace span. */
  readonly txId?: string;
}

/**
 * Transport settings, resolved from the client options.
 *
 * @example
 * ```ts
 * new Transport({ nodes: ['http://localhost:8080/api/v1/'], timeoutMs: 10_000, totalTimeoutMs: undefined, retry: resolveRetryOptions(2), hooks: {}, nodeAuth: undefined, nodeCooldownMs: 30_000 });
 * ```
 */
export interface TransportSettings {
  readonly nodes: readonly string[];
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly timeoutMs: number;
  readonly totalTimeoutMs: number | undefined;
  readonly retry: ResolvedRetryOptions;
  readonly hooks: ClientHooks;
  readonly nodeAuth: NodeAuth | undefined;
  readonly nodeCooldownMs: number;
  /** Largest response body read, in bytes (default 16 MiB). */
  readonly maxResponseBytes?: number | undefined;
}

/** Default cap of one response body: far above any honest answer of the node's routes at limit 1000 of ordinary transactions. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 16 * 1024 * 1024;

interface Attempt {
  readonly node: number;
  readonly attempt: number;
  readonly timeoutMs: number;
  readonly totalLimited: boolean;
  readonly maxBytes: number;
  readonly probe: CallProbe;
}

// The reason the attempt's own controller aborts with when its deadline passes.
const DEADLINE = Symbol('deadline');

// Settles with `signal.reason` when `signal` aborts, even if `work` never settles (a custom fetch
// that ignores its signal must not outlive the deadline).
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function isRetriable(error: unknown, mode: RetryMode): boolean {
  if (mode === 'none' || !isClientError(error)) return false;
  if (error.code === 'RATE_LIMITED') return true;
  if (mode === 'refusal') return false;
  if (error.code === 'NETWORK_ERROR') return true;
  if (error.code === 'TIMEOUT') return error.kind === 'attempt';
  return isHttpError(error) && [408, 500, 502, 503, 504].includes(error.status);
}

/**
 * The HTTP engine under every client method: ky 2 for each attempt (base URL resolution, abort),
 * with the client's own deadline per attempt that covers the headers and the whole body (read as a
 * stream under `maxResponseBytes`), and the client's own retry loop on top so it can back off on
 * rate limits, respect a total deadline, and fail over between nodes.
 *
 * @example
 * ```ts
 * const t = new Transport({ nodes: ['http://localhost:8080/api/v1/'], timeoutMs: 10_000, totalTimeoutMs: undefined,
 *   retry: resolveRetryOptions(undefined), hooks: {}, nodeAuth: undefined, nodeCooldownMs: 30_000 });
 * const health = await t.call({ method: 'GET', path: 'health', route: 'GET /health', parse: (d) => d, retry: 'read' });
 * ```
 */
export class Transport {
  readonly pool: NodePool;
  readonly settings: TransportSettings;
  readonly #ky: readonly KyInstance[];

  constructor(settings: TransportSettings) {
    this.settings = settings;
    this.pool = new NodePool(settings.nodes, settings.nodeCooldownMs);
    this.#ky = settings.nodes.map((baseUrl) =>
      ky.create({
        baseUrl,
        retry: 0,
        throwHttpErrors: false,
        timeout: false,
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
      }),
    );
  }

  /** Runs one logical call: attempts, retries, failover, validation (one trace span for all of it). */
  call<T>(spec: CallSpec<T>, options: CallOptions = {}): Promise<T> {
    return traceHttpCall(spec, (probe) => this.#call(spec, options, probe));
  }

  async #call<T>(spec: CallSpec<T>, options: CallOptions, probe: CallProbe): Promise<T> {
    const signal = options.signal;
    signal?.throwIfAborted();
    const retry = this.settings.retry;
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const totalMs = options.totalTimeoutMs ?? this.settings.totalTimeoutMs;
    const deadline = totalMs === undefined ? undefined : Date.now() + totalMs;
    const pinned = spec.node ?? options.node;
    const order =
      pinned !== undefined ? [pinned] : spec.retry === 'read' ? this.pool.order() : [this.pool.current];
    const maxAttempts =
      spec.retry === 'none' ? 1 : Math.max(retry.limit + 1, spec.retry === 'read' ? order.length : 1);
    let rateLimitStreak = 0;
    for (let attempt = 1; ; attempt++) {
      const node = order[(attempt - 1) % order.length] ?? 0;
      probe.attempts = attempt;
      const remaining = deadline === undefined ? undefined : deadline - Date.now();
      if (remaining !== undefined && remaining <= 0) {
        throw new TimeoutError(spec.method, this.#url(node, spec), 'total', totalMs ?? 0);
      }
      const attemptTimeout = remaining === undefined ? timeoutMs : Math.min(timeoutMs, remaining);
      const started = Date.now();
      try {
        const value = await this.#attempt(spec, signal, {
          node,
          attempt,
          timeoutMs: attemptTimeout,
          totalLimited: attemptTimeout < timeoutMs,
          maxBytes: options.maxResponseBytes ?? this.settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
          probe,
        });
        this.pool.markHealthy(node);
        return value;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (isClientError(error) && (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT')) {
          if (this.settings.nodes.length > 1) this.pool.markFailed(node);
        }
        const limit = isClientError(error) && error.code === 'RATE_LIMITED' ? error : undefined;
        const limited = limit !== undefined;
        rateLimitStreak = limited ? rateLimitStreak + 1 : 0;
        // Rate limits are refusals, so they get their own (longer) allowance, even past `limit`.
        const budgetLeft = attempt < maxAttempts || (limited && rateLimitStreak <= retry.rateLimitRetries);
        // A Retry-After above the ceiling is handed to the caller rather than slept through.
        const askedMs = limit?.retryAfterMs;
        const waitable = askedMs === undefined || askedMs <= retry.maxRetryAfterMs;
        const willRetry = budgetLeft && waitable && isRetriable(error, spec.retry);
        await this.settings.hooks.onError?.({
          ...this.#context(spec, node, attempt, undefined),
          error,
          durationMs: Date.now() - started,
          willRetry,
        });
        if (!willRetry) throw error;
        // Failing over to a node not tried yet needs no wait; the same node gets backoff.
        const nextNode = order[attempt % order.length] ?? node;
        const firstVisit = attempt < order.length && nextNode !== node;
        const delay = firstVisit
          ? 0
          : backoffDelay(retry, {
              retry: attempt,
              rateLimitStreak,
              retryAfterMs: askedMs,
            });
        if (deadline !== undefined && Date.now() + delay >= deadline) {
          throw new TimeoutError(spec.method, this.#url(node, spec), 'total', totalMs ?? 0, { cause: error });
        }
        if (delay > 0) await sleep(delay, signal);
      }
    }
  }

  #url(node: number, spec: CallSpec<unknown>): string {
    return new URL(spec.path, this.settings.nodes[node]).toString();
  }

  #context(spec: CallSpec<unknown>, node: number, attempt: number, request: Request | undefined) {
    const url = request?.url ?? this.#url(node, spec);
    return {
      request: request ?? new Request(url, { method: spec.method }),
      method: spec.method,
      url,
      route: spec.route,
      attempt,
      node: this.settings.nodes[node] ?? '',
    };
  }

  async #attempt<T>(spec: CallSpec<T>, signal: AbortSignal | undefined, a: Attempt): Promise<T> {
    const instance = this.#ky[a.node];
    if (!instance)
      throw new ClientInputError(
        'node',
        `no node ${a.node}: the client has nodes 0 to ${this.#ky.length - 1}`,
      );
    // One controller per attempt, aborted by its deadline or the caller's signal: it covers the
    // headers and the whole body, so a node that stalls or drips the body cannot hang the call.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(DEADLINE), a.timeoutMs);
    const forward = (): void => controller.abort(signal?.reason);
    if (signal?.aborted) forward();
    else signal?.addEventListener('abort', forward, { once: true });
    try {
      return await this.#exchange(spec, signal, controller.signal, a);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  async #exchange<T>(
    spec: CallSpec<T>,
    signal: AbortSignal | undefined,
    attemptSignal: AbortSignal,
    a: Attempt,
  ): Promise<T> {
    const instance = this.#ky[a.node] as KyInstance;
    const hooks = this.settings.hooks;
    const auth = spec.nodeAuth ? this.settings.nodeAuth : undefined;
    let hookError: unknown;
    let sent: Request | undefined;
    const started = Date.now();
    const searchParams: Record<string, string> = {};
    for (const [k, v] of Object.entries(spec.searchParams ?? {}))
      if (v !== undefined) searchParams[k] = String(v);
    const timedOut = (url: string, error: unknown): TimeoutError =>
      new TimeoutError(spec.method, url, a.totalLimited ? 'total' : 'attempt', a.timeoutMs, { cause: error });
    let response: Response;
    try {
      response = await untilAborted(
        instance(spec.path, {
          method: spec.method,
          ...(spec.body !== undefined
            ? { body: spec.body, headers: { 'content-type': 'application/json' } }
            : {}),
          ...(Object.keys(searchParams).length > 0 ? { searchParams } : {}),
          timeout: false,
          signal: attemptSignal,
          hooks: {
            beforeRequest: [
              async ({ request }) => {
                sent = request;
                try {
                  if (auth) {
                    const h = await nodeAuthHeaders(
                      auth,
                      spec.method,
                      new URL(request.url).pathname,
                      spec.body ?? '',
                    );
                    for (const [k, v] of Object.entries(h)) request.headers.set(k, v);
                  }
                  await hooks.onRequest?.(this.#context(spec, a.node, a.attempt, request));
                } catch (e) {
                  hookError = e;
                  throw e;
                }
              },
            ],
          },
        }),
        attemptSignal,
      );
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (hookError !== undefined && error === hookError) throw error;
      const url = sent?.url ?? this.#url(a.node, spec);
      if (attemptSignal.reason === DEADLINE) throw timedOut(url, error);
      // Unwrap ky's own NetworkError so `cause` is the runtime's error (TypeError: fetch failed, ...).
      const cause =
        (error as { name?: unknown } | null)?.name === 'NetworkError' ? (error as Error).cause : error;
      throw new NetworkError(spec.method, url, { cause });
    }
    a.probe.status = response.status;
    const context = this.#context(spec, a.node, a.attempt, sent);
    await hooks.onResponse?.({
      ...context,
      response,
      durationMs: Date.now() - started,
      requestId: response.headers.get('x-request-id') ?? undefined,
    });
    let text: string;
    try {
      text = await readBody(response, a.maxBytes, attemptSignal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof BodyOverCap) {
        throw new ResponseTooLargeError(spec.method, context.url, a.maxBytes, error.receivedBytes);
      }
      if (attemptSignal.reason === DEADLINE) throw timedOut(context.url, error);
      throw new NetworkError(spec.method, context.url, { cause: error });
    }
    if (!response.ok) {
      throw toHttpError({
        status: response.status,
        headers: response.headers,
        text,
        method: spec.method,
        url: context.url,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ResponseValidationError(
        spec.method,
        context.url,
        [{ path: '', message: 'body is not JSON' }],
        text,
      );
    }
    const envelope = body as { success?: unknown; data?: unknown } | null;
    if (
      typeof envelope !== 'object' ||
      envelope === null ||
      envelope.success !== true ||
      !('data' in envelope)
    ) {
      throw new ResponseValidationError(
        spec.method,
        context.url,
        [{ path: '', message: 'expected the envelope {"success":true,"data":...}' }],
        body,
      );
    }
    try {
      return spec.parse(envelope.data);
    } catch (error) {
      if (error instanceof SchemaMismatch) {
        throw new ResponseValidationError(spec.method, context.url, error.issues, body);
      }
      throw error;
    }
  }
}
