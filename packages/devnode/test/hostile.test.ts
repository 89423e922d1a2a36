import { toWireJson } from '@quidfin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor, harness } from './support/harness.js';

const POST_PATHS = [
  '/api/v1/transactions/identity',
  '/api/v1/transactions/trust',
  '/api/v1/transactions/title',
  '/api/v1/events',
  '/api/v1/domains',
  '/api/v1/trust/query',
  '/api/v1/nope',
];
const GET_PATHS = [
  '/api/v1/identity/%00',
  '/api/v1/title/%E2%80%A8',
  '/api/v1/streams/%25/events?limit=-1&offset=abc',
  '/api/v1/trust/a/b?maxDepth=99999999999999999999',
  '/api/v1/trust/edges/%3Cscript%3E',
  '/api/v1/registry/trust?truster=%00',
  '/api/v1/registry/title?owner_id=x&limit=1e3',
  '/api/v1/blocks?limit=%F0%9F%98%80',
  '/api//v1/health',
  '/api/v1/identity/%zz',
];

/** Fields the node knows, so random objects often get past the decoder into validation. */
const KEYS = [
  'id',
  'type',
  'trustDomain',
  'timestamp',
  'signature',
  'publicKey',
  'name',
  'quidId',
  'creator',
  'truster',
  'trustee',
  'trustLevel',
  'nonce',
  'owners',
  'assetId',
  'subjectId',
  'subjectType',
  'sequence',
  'eventType',
  'payload',
  'observer',
  'target',
  'maxDepth',
  'validUntil',
  'previousOwners',
  'signatures',
  'attributes',
];

async function stillHealthy(h: ReturnType<typeof harness>): Promise<void> {
  expect((await h.get('/health')).status).toBe(200);
  const a = actor(`after-${Math.random()}`);
  expect((await h.post('/transactions/identity', await h.identity(a))).status).toBe(200);
  h.node.mineBlock();
  expect((await h.get(`/identity/${a.quidId}`)).status).toBe(200);
}

describe('hostile input never crashes the node or corrupts its state', () => {
  it('random bytes to every POST route get a 4xx, never a 500', async () => {
    const h = harness();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POST_PATHS),
        fc.uint8Array({ maxLength: 300 }),
        async (path, bytes) => {
          const res = await h.node.fetch(new Request(`http://x${path}`, { method: 'POST', body: bytes }));
          expect([400, 404]).toContain(res.status);
        },
      ),
      { numRuns: 150 },
    );
    await stillHealthy(h);
  });

  it('random JSON objects with node field names get node answers, never a 500', async () => {
    const h = harness();
    const value = fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...POST_PATHS), value, async (path, v) => {
        const res = await h.node.fetch(
          new Request(`http://x${path}`, { method: 'POST', body: JSON.stringify(v) }),
        );
        expect(res.status).not.toBe(500);
        expect([200, 400, 404]).toContain(res.status);
      }),
      { numRuns: 200 },
    );
    await stillHealthy(h);
  });

  it('odd paths and queries get node answers', async () => {
    const h = harness();
    for (const path of GET_PATHS) {
      const res = await h.node.fetch(new Request(`http://x${path}`));
      expect([200, 301, 400, 404], path).toContain(res.status);
    }
    await stillHealthy(h);
  });

  it('survives huge, deep and control-character payloads on a valid identity', async () => {
    const h = harness();
    const a = actor('hostile-payload');
    await h.register(a);
    const base = JSON.parse(toWireJson(await h.event(a, a.quidId, 1))) as Record<string, unknown>;
    const deep = JSON.stringify({ ...base, payload: { deep: 0 } }).replace(
      '"deep":0',
      `"deep":${'['.repeat(9000)}${']'.repeat(9000)}`,
    );
    const huge = JSON.stringify({ ...base, payload: { blob: 'x'.repeat(900_000) } });
    const control = JSON.stringify({ ...base, eventType: 'a\u0000\u001b[31m\u2028b' });
    for (const body of [deep, huge, control]) {
      const res = await h.post('/events', body);
      expect(res.status).toBe(400);
      expect(res.text).toBe(
        '{"error":{"code":"BAD_REQUEST","message":"invalid event transaction"},"success":false}\n',
      );
    }
    expect((await h.get(`/streams/${a.quidId}`)).status).toBe(404);
    await stillHealthy(h);
  });

  it('answers oversize bodies with 413 without reading them whole', async () => {
    const h = harness();
    let pulled = 0;
    const chunk = new TextEncoder().encode('a'.repeat(65_536));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0) controller.enqueue(new TextEncoder().encode('{"name":"'));
        pulled += chunk.byteLength;
        if (pulled > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await h.node.fetch(
      new Request('http://x/api/v1/transactions/identity', {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(4 * 1024 * 1024);
  });
});
