// createQuidnugClient's options, checked (every problem at once) and resolved to settings.
import { OptionsChecker, type ValidationIssue } from '@quidfin/core';
import type { NodeApiSettings } from './api/NodeApi.js';
import { DEFAULT_MAX_PAGES } from './api/paginate.js';
import { ClientOptionsError } from './errors/ClientOptionsError.js';
import type { QuidnugClientOptions } from './QuidnugClientOptions.js';
import { NO_WEBCRYPTO } from './transport/nodeAuthHeaders.js';
import { normalizeBaseUrl } from './transport/normalizeBaseUrl.js';
import { resolveRetryOptions } from './transport/RetryOptions.js';
import { Transport } from './transport/Transport.js';

/** What the client is built from once its options are checked. */
export interface ResolvedClientOptions extends NodeApiSettings {
  readonly commitTimeoutMs: number;
  readonly resendLimit: number;
}

// Timers above this fire at once (setTimeout's 32-bit limit), so no delay may exceed it.
const MAX_DELAY_MS = 2_147_483_647;
const HTTP = { protocols: ['http:', 'https:'] } as const;

/** Checks `options` and resolves defaults; throws `ClientOptionsError` listing every problem. */
export function resolveClientOptions(options: QuidnugClientOptions): ResolvedClientOptions {
  checkClientOptions(options);
  const urls = options.nodes ?? (options.baseUrl !== undefined ? [options.baseUrl] : []);
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
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    commitTimeoutMs: options.commitTimeoutMs ?? 180_000,
    resendLimit: options.resendLimit ?? 2,
  };
}

function checkClientOptions(options: QuidnugClientOptions): void {
  const check = new OptionsChecker();
  const fail = (issues: readonly ValidationIssue[]) => new ClientOptionsError(issues);
  if (!check.object('', options)) {
    check.throwIfInvalid(fail);
    return;
  }
  const o = options;
  check.url('baseUrl', o.baseUrl, { ...HTTP, optional: true });
  if (check.array('nodes', o.nodes, { nonEmpty: true, optional: true }) && o.nodes)
    o.nodes.forEach((url, i) => {
      check.url(`nodes[${i}]`, url, HTTP);
    });
  if (o.baseUrl === undefined && o.nodes === undefined) check.add('baseUrl', 'is required (or give nodes)');
  check.func('fetch', o.fetch, { optional: true });
  const delay = { min: 1, max: MAX_DELAY_MS, optional: true };
  check.integer('timeoutMs', o.timeoutMs, delay);
  check.integer('totalTimeoutMs', o.totalTimeoutMs, delay);
  check.integer('pollIntervalMs', o.pollIntervalMs, delay);
  check.integer('commitTimeoutMs', o.commitTimeoutMs, delay);
  check.integer('nodeCooldownMs', o.nodeCooldownMs, { min: 0, max: MAX_DELAY_MS, optional: true });
  check.integer('resendLimit', o.resendLimit, { min: 0, optional: true });
  check.integer('maxResponseBytes', o.maxResponseBytes, { min: 1, optional: true });
  check.integer('maxPages', o.maxPages, { min: 1, optional: true });
  if (typeof o.retry === 'number') check.integer('retry', o.retry, { min: 0 });
  else if (check.object('retry', o.retry, { optional: true }) && o.retry) {
    const r = o.retry;
    check.integer('retry.limit', r.limit, { min: 0, optional: true });
    check.integer('retry.rateLimitRetries', r.rateLimitRetries, { min: 0, optional: true });
    const ms = { min: 0, max: MAX_DELAY_MS, optional: true };
    const base = check.integer('retry.baseDelayMs', r.baseDelayMs, ms);
    const max = check.integer('retry.maxDelayMs', r.maxDelayMs, ms);
    check.integer('retry.rateLimitDelayMs', r.rateLimitDelayMs, ms);
    check.integer('retry.maxRetryAfterMs', r.maxRetryAfterMs, ms);
    if (base && max && r.maxDelayMs !== undefined && r.baseDelayMs !== undefined)
      check.require('retry.maxDelayMs', r.maxDelayMs >= r.baseDelayMs, 'must be at least retry.baseDelayMs');
  }
  if (check.object('hooks', o.hooks, { optional: true }) && o.hooks) {
    check.func('hooks.onRequest', o.hooks.onRequest, { optional: true });
    check.func('hooks.onResponse', o.hooks.onResponse, { optional: true });
    check.func('hooks.onError', o.hooks.onError, { optional: true });
  }
  if (check.object('nodeAuth', o.nodeAuth, { optional: true }) && o.nodeAuth) {
    const secret: unknown = o.nodeAuth.secret;
    if (!(secret instanceof Uint8Array)) check.string('nodeAuth.secret', secret, { nonEmpty: true });
    else check.require('nodeAuth.secret', secret.length > 0, 'must not be empty');
    check.func('nodeAuth.now', o.nodeAuth.now, { optional: true });
    check.require('nodeAuth', globalThis.crypto?.subtle !== undefined, NO_WEBCRYPTO);
  }
  if (check.object('nonceStore', o.nonceStore, { optional: true }) && o.nonceStore) {
    check.func('nonceStore.get', o.nonceStore.get);
    check.func('nonceStore.set', o.nonceStore.set);
  }
  check.throwIfInvalid(fail);
}
