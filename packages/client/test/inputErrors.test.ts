// Bad arguments and unusable settings met after construction: each is a ValidationError subclass
// (ClientInputError / ClientOptionsError) with issues[] saying what and where, never a plain TypeError.
import { generateSigner } from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ClientError,
  createQuidnugClient,
  InvoiceLedger,
  isClientError,
  nodeAuthHeaders,
  normalizeBaseUrl,
  ownersAfterFactoring,
} from '../src/index.js';
import { NodePool } from '../src/transport/NodePool.js';
import { fakeFetch, ok } from './fakeFetch.js';
import { DOMAIN, type Harness, inProcess } from './support/harness.js';

async function rejection(f: () => unknown): Promise<ClientError> {
  try {
    await f();
  } catch (e) {
    if (isClientError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** The code and issues of a client validation error, or a failure naming what came instead. */
async function issuesOf(
  f: () => unknown,
): Promise<{ code: string; issues: { path: string; message: string }[] }> {
  const e = await rejection(f);
  if (e.code !== 'INVALID_INPUT' && e.code !== 'INVALID_OPTIONS') throw new Error(`got ${e.code}`);
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
}

describe('ledger calls with missing input', () => {
  let h: Harness;
  let ledger: InvoiceLedger;
  const supplier = generateSigner().signer;

  beforeAll(async () => {
    h = await inProcess();
    ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
  });
  afterAll(() => h.close());

  it('reportFraud with an empty kind is INVALID_INPUT at path kind, before anything is sent', async () => {
    const r = await issuesOf(() =>
      ledger.reportFraud(supplier, 'inv-1', { kind: '', evidence: 'x', severity: 'high' } as never),
    );
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.issues).toEqual([{ path: 'kind', message: expect.stringMatching(/non-empty string/) }]);
  });

  it('issueInvoice with neither invoiceHash nor document is INVALID_INPUT at path invoiceHash', async () => {
    const r = await issuesOf(() =>
      ledger.issueInvoice(supplier, {
        invoiceId: 'inv-nohash',
        invoiceNumber: 'A-1',
        buyerQuid: generateSigner().signer.quidId,
        amountMinor: 100,
        currency: 'USD',
        dueAt: 1_800_000_000,
        terms: 'NET-30',
      }),
    );
    expect(r).toEqual({
      code: 'INVALID_INPUT',
      issues: [{ path: 'invoiceHash', message: expect.stringMatching(/give invoiceHash or the document/) }],
    });
  });
});

describe('helpers and per-call settings that cannot work', () => {
  it('ownersAfterFactoring on a title without a supplier stake is INVALID_INPUT', async () => {
    const r = await issuesOf(() => ownersAfterFactoring([{ ownerId: 'a'.repeat(16), percentage: 1 }], 'f'));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.issues[0]?.message).toMatch(/no owner with stakeType "supplier"/);
  });

  it('a call pinned to a node the client does not have is INVALID_INPUT at path node', async () => {
    const f = fakeFetch(() => ok({ status: 'ok', node_id: 'n', uptime: 1, version: 'v' }));
    const client = createQuidnugClient({ baseUrl: 'http://node.test', fetch: f.fetch, retry: 0 });
    const r = await issuesOf(() => client.health({ node: 3 }));
    expect(r).toEqual({
      code: 'INVALID_INPUT',
      issues: [{ path: 'node', message: expect.stringMatching(/no node 3/) }],
    });
    expect(f.requests).toHaveLength(0);
  });

  it('crossCheck with a single configured node is INVALID_INPUT at path crossCheck', async () => {
    const client = createQuidnugClient({ baseUrl: 'http://node.test', fetch: fakeFetch(() => ok({})).fetch });
    const r = await issuesOf(() => client.getTitle('inv-1', { crossCheck: true }));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.issues[0]?.path).toBe('crossCheck');
  });

  it('guardian routes over nodes whose URLs end differently are INVALID_OPTIONS at path nodes', async () => {
    const client = createQuidnugClient({ nodes: ['http://a.test/api/v1', 'http://b.test/api'] });
    const r = await issuesOf(() => client.getGuardianSet('a'.repeat(16)));
    expect(r.code).toBe('INVALID_OPTIONS');
    expect(r.issues[0]?.path).toBe('nodes');
  });

  it('normalizeBaseUrl of a host without a scheme is INVALID_INPUT at path url, not a raw TypeError', async () => {
    const r = await issuesOf(() => normalizeBaseUrl('localhost:8080'));
    expect(r).toEqual({
      code: 'INVALID_INPUT',
      issues: [{ path: 'url', message: expect.stringMatching(/absolute http/) }],
    });
    expect(normalizeBaseUrl('http://localhost:8080')).toBe('http://localhost:8080/api/v1/');
  });

  it('a node pool without nodes is INVALID_OPTIONS at path nodes', async () => {
    const r = await issuesOf(() => new NodePool([], 1000));
    expect(r).toEqual({ code: 'INVALID_OPTIONS', issues: [{ path: 'nodes', message: 'must not be empty' }] });
  });

  it('nodeAuthHeaders without WebCrypto is INVALID_OPTIONS at path nodeAuth', async () => {
    vi.stubGlobal('crypto', {});
    try {
      const r = await issuesOf(() => nodeAuthHeaders({ secret: 's' }, 'POST', '/x', '{}'));
      expect(r).toEqual({
        code: 'INVALID_OPTIONS',
        issues: [{ path: 'nodeAuth', message: expect.stringMatching(/WebCrypto/) }],
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
