// createQuidnugClient's options, checked (every problem at once) and resolved to settings.
import type { NodeApiSettings } from './api/NodeApi.js';
import { DEFAULT_MAX_PAGES } from './paginate.js';
import type { QuidnugClientOptions } from './QuidnugClientOptions.js';
import { normalizeBaseUrl } from './transport/normalizeBaseUrl.js';
import { resolveRetryOptions } from './transport/RetryOptions.js';
import { Transport } from './transport/Transport.js';

/** What the client is built from once its options are checked. */
export interface ResolvedClientOptions extends NodeApiSettings {
  readonly commitTimeoutMs: number;
  readonly resendLimit: number;
}

/** Checks `options` and resolves defaults; throws `ClientOptionsError` listing every problem. */
export function resolveClientOptions(options: QuidnugClientOptions): ResolvedClientOptions {
  const urls = options.nodes ?? (options.baseUrl !== undefined ? [options.baseUrl] : []);
  if (urls.length === 0) throw new TypeError('createQuidnugClient: give baseUrl or nodes');
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  return {
    transport: new Transport({
      nodes: urls.map(normalizeBaseUrl),
      fetch: options.fetch,
      timeoutMs: options.timeoutMs ?? 10_000,
      totalTimeoutMs: options.totalTimeoutMs,
      retry: resolveRetryOptions(options.retry),
      hooks: options.hooks ?? {},
      nodeAuth: options.nodeAuth,
      nodeCooldownMs: options.nodeCooldownMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes,
    }),
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    pollIntervalMs,
    commitTimeoutMs: options.commitTimeoutMs ?? 180_000,
    resendLimit: options.resendLimit ?? 2,
  };
}
