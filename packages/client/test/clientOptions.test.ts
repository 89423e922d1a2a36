// createQuidnugClient and InvoiceLedger check their options at construction, every problem at once.
import { describe, expect, it, vi } from 'vitest';
import {
  type ClientError,
  createQuidnugClient,
  InvoiceLedger,
  isClientError,
  type QuidnugClientOptions,
} from '../src/index.js';

function thrown(f: () => unknown): ClientError {
  try {
    f();
  } catch (e) {
    if (isClientError(e)) return e;
    throw e;
  }
  throw new Error('expected a throw');
}

function optionIssues(f: () => unknown): { path: string; message: string }[] {
  const e = thrown(f);
  if (e.code !== 'INVALID_OPTIONS') throw new Error(`expected INVALID_OPTIONS, got ${e.code}`);
  return e.issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('createQuidnugClient options', () => {
  it("refuses baseUrl 'localhost:8080' at construction, not with a raw TypeError on the first call", () => {
    const e = thrown(() => createQuidnugClient({ baseUrl: 'localhost:8080' }));
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.name).toBe('ClientOptionsError');
    if (e.code !== 'INVALID_OPTIONS') return;
    expect(e.path).toBe('baseUrl');
    expect(e.issues).toHaveLength(1);
    expect(e.message).toMatch(/^baseUrl: must be an absolute http: or https: URL/);
  });

  it('reports every bad option at once, each with its path', () => {
    const issues = optionIssues(() =>
      createQuidnugClient({
        nodes: ['http://a:8080', 'ftp://b', 'not a url'],
        timeoutMs: 0,
        totalTimeoutMs: 1.5,
        pollIntervalMs: -1,
        commitTimeoutMs: Number.NaN,
        resendLimit: -1,
        maxResponseBytes: 0,
        maxPages: 0,
        nodeCooldownMs: 3e9,
        retry: { limit: -1, baseDelayMs: 500, maxDelayMs: 100, rateLimitRetries: 1.5 },
        hooks: { onRequest: 'log' as never },
        fetch: 'fetch' as never,
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'nodes[1]',
      'nodes[2]',
      'fetch',
      'timeoutMs',
      'totalTimeoutMs',
      'pollIntervalMs',
      'commitTimeoutMs',
      'nodeCooldownMs',
      'resendLimit',
      'maxResponseBytes',
      'maxPages',
      'retry.limit',
      'retry.rateLimitRetries',
      'retry.maxDelayMs',
      'hooks.onRequest',
    ]);
    expect(issues.find((i) => i.path === 'retry.maxDelayMs')?.message).toBe(
      'must be at least retry.baseDelayMs',
    );
  });

  it('needs baseUrl or nodes, and a non-empty nodes list', () => {
    expect(optionIssues(() => createQuidnugClient({}))).toEqual([
      { path: 'baseUrl', message: 'is required (or give nodes)' },
    ]);
    expect(optionIssues(() => createQuidnugClient({ nodes: [] })).map((i) => i.path)).toEqual(['nodes']);
    expect(optionIssues(() => createQuidnugClient(undefined as never)).map((i) => i.path)).toEqual(['']);
  });

  it('checks retry given as a number, nodeAuth and the nonce store', () => {
    const issues = optionIssues(() =>
      createQuidnugClient({
        baseUrl: 'http://node:8080',
        retry: -2,
        nodeAuth: { secret: '' },
        nonceStore: { get: () => undefined } as never,
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['retry', 'nodeAuth.secret', 'nonceStore.set']);
  });

  it('refuses nodeAuth where there is no WebCrypto, at construction', () => {
    vi.stubGlobal('crypto', {});
    try {
      const issues = optionIssues(() =>
        createQuidnugClient({ baseUrl: 'http://node:8080', nodeAuth: { secret: 's' } }),
      );
      expect(issues).toEqual([{ path: 'nodeAuth', message: expect.stringMatching(/WebCrypto/) }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('accepts every documented form unchanged', () => {
    const ok: QuidnugClientOptions[] = [
      { baseUrl: 'http://localhost:8080' },
      { baseUrl: 'https://node.example/api/v1' },
      { nodes: ['http://a:8080', 'http://b:8080'], retry: 0, timeoutMs: 1, resendLimit: 0 },
      { baseUrl: 'http://a', retry: { limit: 2, baseDelayMs: 5, maxDelayMs: 50 }, nodeCooldownMs: 0 },
    ];
    for (const o of ok) expect(createQuidnugClient(o).transport.settings.nodes.length).toBeGreaterThan(0);
  });
});

describe('InvoiceLedger options', () => {
  const client = createQuidnugClient({ baseUrl: 'http://node:8080' });

  it('refuses an empty trustDomain at construction', () => {
    expect(optionIssues(() => new InvoiceLedger(client, { trustDomain: '' }))).toEqual([
      { path: 'trustDomain', message: 'must not be empty' },
    ]);
  });

  it('refuses a trustDomain over 253 bytes or with control characters, and reports every problem at once', () => {
    const issues = optionIssues(
      () =>
        new InvoiceLedger(client, {
          trustDomain: `${'d'.repeat(250)}.über`,
          commitTimeoutMs: 0,
          trust: 'yes' as never,
        }),
    );
    expect(issues.map((i) => i.path)).toEqual(['trustDomain', 'commitTimeoutMs', 'trust']);
    expect(issues[0]?.message).toMatch(/253 UTF-8 bytes/);
    expect(optionIssues(() => new InvoiceLedger(client, { trustDomain: 'a\nb' }))[0]?.path).toBe(
      'trustDomain',
    );
    expect(optionIssues(() => new InvoiceLedger(client, {} as never))).toEqual([
      { path: 'trustDomain', message: 'is required' },
    ]);
  });

  it('accepts a protocol domain name', () => {
    expect(new InvoiceLedger(client, { trustDomain: 'factoring.supply-chain.us' }).trustDomain).toBe(
      'factoring.supply-chain.us',
    );
  });
});
