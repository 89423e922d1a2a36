import { buildEvent, buildIdentity, buildTitle, generateSigner, type Signer } from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, type QuidnugClient } from '../../src/index.js';
import { DOMAIN, type Harness, type Interceptor, type MakeHarness, TEST_NODE } from '../support/harness.js';

/** Loses the answer to the first POST matching `path` after the node got it, or the request before. */
function lose(
  path: string,
  when: 'response' | 'request' | 'slow-response',
): { intercept: Interceptor; posts: () => number } {
  let posts = 0;
  const intercept: Interceptor = async (request, respond) => {
    const hit = request.method === 'POST' && new URL(request.url).pathname.endsWith(path);
    if (!hit) return respond();
    posts++;
    if (posts > 1) return respond();
    // What Node reports when nothing was sent: the connection was refused.
    if (when === 'request')
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    const response = await respond();
    if (when === 'slow-response') return new Promise<Response>(() => {});
    await response.text();
    throw new TypeError('fetch failed: connection reset after sending');
  };
  return { intercept, posts: () => posts };
}

/** Retries that cannot duplicate, and backoff on rate limits. */
export function defineResilienceSuite(label: string, make: MakeHarness): void {
  describe(`safe retries (${label})`, () => {
    let h: Harness;
    let client: QuidnugClient;
    let owner: Signer;

    beforeAll(async () => {
      h = await make();
      client = h.client();
      owner = generateSigner().signer;
      const id = await buildIdentity({ signer: owner, trustDomain: DOMAIN, name: 'owner', updateNonce: 1 });
      await client.submitIdentity(id);
      await client.waitForCommit(id);
      const title = await buildTitle({
        signer: owner,
        trustDomain: DOMAIN,
        assetId: 'retry-asset',
        owners: [{ ownerId: owner.quidId, percentage: 1 }],
      });
      await client.submitTitle(title);
      await client.waitForCommit(title);
    });
    afterAll(() => h.close());

    const copies = async (id: string): Promise<number> => {
      let n = 0;
      for await (const e of client.iterateStreamEvents('retry-asset')) if (e.id === id) n++;
      return n;
    };
    const nextEvent = async (eventType: string) => {
      const stream = await client.findStream('retry-asset');
      return buildEvent({
        signer: owner,
        trustDomain: DOMAIN,
        subjectId: 'retry-asset',
        subjectType: 'TITLE',
        sequence: (stream?.latestSequence ?? 0) + 1,
        eventType,
        payload: { eventType },
      });
    };

    it('an event whose response was lost is found in the pool, not sent again', async () => {
      const lost = lose('/events', 'response');
      const c = h.client({}, lost.intercept);
      const tx = await nextEvent('lost.response');
      expect(await c.submitEvent(tx)).toEqual({ id: tx.id, sequence: tx.sequence });
      expect(lost.posts()).toBe(1);
      await c.waitForCommit(tx);
      expect(await copies(tx.id)).toBe(1);
    });

    it('an event POST that timed out after reaching the node is resolved, not repeated', async () => {
      const lost = lose('/events', 'slow-response');
      const c = h.client({ timeoutMs: 150 }, lost.intercept);
      const tx = await nextEvent('lost.timeout');
      expect((await c.submitEvent(tx)).id).toBe(tx.id);
      expect(lost.posts()).toBe(1);
      await c.waitForCommit(tx);
      expect(await copies(tx.id)).toBe(1);
    });

    it('a total timeout is resolved too: the event is found and reported sent', async () => {
      const lost = lose('/events', 'slow-response');
      const c = h.client({ timeoutMs: 5_000, totalTimeoutMs: 150 }, lost.intercept);
      const tx = await nextEvent('lost.total-timeout');
      expect((await c.submitEvent(tx)).id).toBe(tx.id);
      expect(lost.posts()).toBe(1);
      await c.waitForCommit(tx);
      expect(await copies(tx.id)).toBe(1);
    });

    it('an event that provably never reached the node (connection refused) is re-sent once', async () => {
      const lost = lose('/events', 'request');
      const c = h.client({}, lost.intercept);
      const tx = await nextEvent('lost.request');
      expect((await c.submitEvent(tx)).id).toBe(tx.id);
      expect(lost.posts()).toBe(2);
      await c.waitForCommit(tx);
      expect(await copies(tx.id)).toBe(1);
    });

    it('an identity whose response was lost is resolved from the pool or committed state', async () => {
      const lost = lose('/transactions/identity', 'response');
      const c = h.client({}, lost.intercept);
      const tx = await buildIdentity({
        signer: generateSigner().signer,
        trustDomain: DOMAIN,
        name: 'lost',
        updateNonce: 1,
      });
      expect((await c.submitIdentity(tx)).transactionId).toBe(tx.id);
      expect(lost.posts()).toBe(1);
      await c.waitForCommit(tx);
    });
  });

  describe(`rate limits (${label})`, () => {
    it('backs off on the per-signer 400 and the per-IP 429, and every write lands once', async () => {
      const h = await make({
        ...TEST_NODE,
        limits: { quid: { perMinute: 1200, burst: 2 }, ip: undefined, domain: undefined },
      });
      const seen: string[] = [];
      const client = h.client({
        retry: { limit: 8, baseDelayMs: 5, maxDelayMs: 200, rateLimitDelayMs: 60 },
        hooks: { onError: ({ error }) => void seen.push((error as { layer?: string }).layer ?? '?') },
      });
      try {
        const owner = generateSigner().signer;
        const id = await buildIdentity({ signer: owner, trustDomain: DOMAIN, name: 'busy', updateNonce: 1 });
        await client.submitIdentity(id);
        await client.waitForCommit(id, { intervalMs: 100 });
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            appendEvent(client, {
              signer: owner,
              trustDomain: DOMAIN,
              subjectId: owner.quidId,
              subjectType: 'QUID',
              eventType: `busy.${i}`,
              payload: { i },
            }),
          ),
        );
        await Promise.all(results.map((r) => client.waitForCommit(r.tx, { intervalMs: 100 })));
        const events = [];
        for await (const e of client.iterateStreamEvents(owner.quidId)) events.push(e.id);
        expect(events.sort()).toEqual(results.map((r) => r.tx.id).sort());
        expect(seen).toContain('quid');
      } finally {
        await h.close();
      }
    });

    it('retries reads refused by the per-IP 429 after backoff', async () => {
      const h = await make({
        ...TEST_NODE,
        limits: { ip: { perMinute: 600, burst: 3 }, quid: undefined, domain: undefined },
      });
      const seen: string[] = [];
      const client = h.client({
        retry: { limit: 6, baseDelayMs: 5, maxDelayMs: 400, rateLimitDelayMs: 100 },
        hooks: { onError: ({ error }) => void seen.push((error as { code?: string }).code ?? '?') },
      });
      try {
        const all = await Promise.all(Array.from({ length: 8 }, () => client.health()));
        expect(all.every((x) => x.status === 'ok')).toBe(true);
        expect(seen).toContain('RATE_LIMITED');
      } finally {
        await h.close();
      }
    });
  });
}
