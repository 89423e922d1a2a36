import { type IdentityTx, signableJson, signTransaction } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { actor, DOMAIN, harness, T0 } from './support/harness.js';

describe('block commit', () => {
  it('changes registries only at commit, one block per domain with per-domain indexes', async () => {
    const h = harness();
    const [a, b] = [actor('blk-a'), actor('blk-b')];
    const inDomain = await h.identity(a);
    const inDefault = await signTransaction(
      { ...(await h.identity(b)), trustDomain: 'default', publicKey: '' },
      b,
    );
    expect((await h.post('/transactions/identity', inDomain)).status).toBe(200);
    expect((await h.post('/transactions/identity', inDefault)).status).toBe(200);
    expect((await h.get(`/identity/${a.quidId}`)).status).toBe(404);
    const result = h.node.mineBlock();
    expect(result.rejected).toEqual([]);
    expect(result.committed.map((c) => [c.domain, c.index, c.transactionIds])).toEqual([
      ['default', 1, [inDefault.id]],
      [DOMAIN, 1, [inDomain.id]],
    ]);
    expect((await h.get(`/identity/${a.quidId}`)).status).toBe(200);
    expect(((await h.get('/info')).json as { data: { blockHeight: number } }).data.blockHeight).toBe(1);
    expect(h.node.mineBlock()).toEqual({ committed: [], rejected: [] });
    await h.register(actor('blk-c'));
    const blocks = (await h.get('/blocks')).json as {
      data: { data: Array<{ index: number; prevHash: string; hash: string }> };
    };
    const chain = blocks.data.data;
    expect(chain.map((x) => x.index)).toEqual([0, 1, 1, 2]);
    expect(chain[3]!.prevHash).toBe(chain[2]!.hash);
  });

  it('commits on the timer when blockIntervalMs > 0', async () => {
    const h = harness({ blockIntervalMs: 20 });
    const a = actor('timer');
    expect((await h.post('/transactions/identity', await h.identity(a))).status).toBe(200);
    for (let i = 0; i < 200 && (await h.get(`/identity/${a.quidId}`)).status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await h.get(`/identity/${a.quidId}`)).status).toBe(200);
    await h.node.close();
  });

  it('rejects a whole block when one transaction fails revalidation; its TRUST edges stay unverified', async () => {
    const h = harness();
    const [a, b, c] = [actor('rej-a'), actor('rej-b'), actor('rej-c')];
    const good = await h.trust(a, b, 0.8, 1);
    const draft = await h.trust(c, b, 0.4, 1);
    const json = signableJson(draft).replace(',"type":"TRUST",', ',"type":"Trust",');
    const poison = json.replace(
      '"signature":""',
      `"signature":"${await c.sign(new TextEncoder().encode(json))}"`,
    );
    expect((await h.post('/transactions/trust', good)).status).toBe(200);
    expect((await h.post('/transactions/trust', poison)).status).toBe(200);
    const result = h.node.mineBlock();
    expect(result.committed).toEqual([]);
    expect(result.rejected).toEqual([
      { domain: DOMAIN, transactionIds: [good.id, draft.id], failedIndex: 1 },
    ]);
    expect(((await h.get('/transactions')).json as { data: { data: unknown[] } }).data.data).toEqual([]);
    expect(
      ((await h.get(`/trust/${a.quidId}/${b.quidId}`)).json as { data: { trustLevel: number } }).data
        .trustLevel,
    ).toBe(0);
    const edges = (await h.get(`/trust/edges/${a.quidId}?includeUnverified=true`)).json as {
      data: { edges: Record<string, { verified: boolean; trustLevel: number }> };
    };
    expect(edges.data.edges[b.quidId]).toMatchObject({ verified: false, trustLevel: 0.8 });
    expect(
      ((await h.get(`/trust/edges/${a.quidId}`)).json as { data: { edges: object } }).data.edges,
    ).toEqual({});
    // A later block with the same edge promotes it to verified.
    expect((await h.post('/transactions/trust', good)).status).toBe(200);
    h.node.mineBlock();
    const after = (await h.get(`/trust/edges/${a.quidId}?includeUnverified=true`)).json as {
      data: { edges: Record<string, { verified: boolean }> };
    };
    expect(after.data.edges[b.quidId]!.verified).toBe(true);
  });

  it('keeps a creator-less transaction pending while alone, and loses it with the next block', async () => {
    const h = harness();
    const a = actor('nocreator');
    const orphan = await signTransaction<IdentityTx>(
      { ...(await h.identity(a)), creator: '', publicKey: '' },
      a,
    );
    const r = await h.post('/transactions/identity', orphan);
    expect(r.status).toBe(200);
    expect(h.node.mineBlock().committed).toEqual([]);
    expect(
      ((await h.get('/transactions')).json as { data: { pagination: { total: number } } }).data.pagination
        .total,
    ).toBe(1);
    await h.register(actor('nocreator-friend'));
    expect(
      ((await h.get('/transactions')).json as { data: { pagination: { total: number } } }).data.pagination
        .total,
    ).toBe(0);
    expect((await h.get(`/identity/${a.quidId}`)).status).toBe(404);
  });

  it('fills an empty IDENTITY/EVENT id before verifying, keeps a TRUST id as sent, and breaks signatures it rewrites', async () => {
    const h = harness();
    const a = actor('ids');
    const tx = await h.identity(a);
    const r = await h.post('/transactions/identity', { ...tx, id: '' } as IdentityTx);
    expect(r.json).toMatchObject({ data: { transaction_id: tx.id } });
    const trustNoId = await signTransaction(
      { ...(await h.trust(a, actor('ids-b'), 0.5, 1)), publicKey: '' },
      a,
    );
    const emptyId = { ...trustNoId, id: '', signature: '' };
    const signed = { ...emptyId, signature: await a.sign(new TextEncoder().encode(signableJson(emptyId))) };
    expect((await h.post('/transactions/trust', signed)).json).toMatchObject({
      data: { transaction_id: '' },
    });
    const zeroTs = await signTransaction({ ...tx, timestamp: 0, publicKey: '' }, a);
    expect((await h.post('/transactions/identity', zeroTs)).status).toBe(400);
    h.node.mineBlock();
    const zeroSeq = await h.event(a, a.quidId, 0, { eventType: 'zero' });
    expect((await h.post('/events', zeroSeq)).status).toBe(400);
    // The rewrites happen before verification: a signature over the values the node fills in
    // (sequence 1 on a new stream, timestamp = the node's now) verifies.
    const overOne = await h.event(a, a.quidId, 1, { eventType: 'rewritten' });
    const r1 = await h.post('/events', { ...overOne, sequence: 0 });
    expect(r1.json).toEqual({ success: true, data: { id: overOne.id, sequence: 1 } });
    const overNow = await h.identity(actor('ids-now'));
    expect(overNow.timestamp).toBe(T0);
    expect((await h.post('/transactions/identity', { ...overNow, timestamp: 0 })).status).toBe(200);
  });
});

describe('sequence and nonce rules', () => {
  it('sets latestSequence from the last event applied (5 then 3 → 3, then 4 is accepted)', async () => {
    const h = harness();
    const a = actor('seq');
    await h.register(a);
    expect((await h.post('/events', await h.event(a, a.quidId, 1))).status).toBe(200);
    h.node.mineBlock();
    const e5 = await h.event(a, a.quidId, 5);
    const e3 = await h.event(a, a.quidId, 3);
    expect((await h.post('/events', e5)).status).toBe(200);
    expect((await h.post('/events', e3)).status).toBe(200);
    h.node.mineBlock();
    const meta = (await h.get(`/streams/${a.quidId}`)).json as {
      data: { latestSequence: number; eventCount: number };
    };
    expect(meta.data).toMatchObject({ latestSequence: 3, eventCount: 3 });
    expect((await h.post('/events', await h.event(a, a.quidId, 3, { eventType: 'again' }))).status).toBe(400);
    expect((await h.post('/events', await h.event(a, a.quidId, 4))).status).toBe(200);
    h.node.mineBlock();
    const list = (await h.get(`/streams/${a.quidId}/events`)).json as {
      data: { data: Array<{ sequence: number }> };
    };
    expect(list.data.data.map((e) => e.sequence)).toEqual([1, 5, 3, 4]);
  });

  it('answers POST /events with the sequence the node used', async () => {
    const h = harness();
    const a = actor('seq-answer');
    await h.register(a);
    const e = await h.event(a, a.quidId, 1);
    expect((await h.post('/events', e)).json).toEqual({ success: true, data: { id: e.id, sequence: 1 } });
  });

  it('lets two pending TRUSTs with the same nonce both commit, then refuses that nonce', async () => {
    const h = harness();
    const [a, b] = [actor('n-a'), actor('n-b')];
    const t1 = await h.trust(a, b, 0.3, 1);
    const t2 = await h.trust(a, b, 0.6, 1, { description: 'second' });
    expect((await h.post('/transactions/trust', t1)).status).toBe(200);
    expect((await h.post('/transactions/trust', t2)).status).toBe(200);
    expect(h.node.mineBlock().committed[0]!.transactionIds).toEqual([t1.id, t2.id]);
    const level = (await h.get(`/registry/trust?truster=${a.quidId}&trustee=${b.quidId}`)).json as {
      data: { trust_level: number };
    };
    expect(level.data.trust_level).toBe(0.6);
    expect(
      (await h.post('/transactions/trust', await h.trust(a, b, 0.9, 1, { description: 'x' }))).status,
    ).toBe(400);
    expect((await h.post('/transactions/trust', await h.trust(a, b, 0.9, 2))).status).toBe(200);
  });

  it('treats validUntil as seconds: an expired edge drops out of queries and edges', async () => {
    const h = harness();
    const [a, b] = [actor('exp-a'), actor('exp-b')];
    expect(
      (await h.post('/transactions/trust', await h.trust(a, b, 0.7, 1, { validUntil: T0 + 30 }))).status,
    ).toBe(200);
    h.node.mineBlock();
    const level = async () =>
      ((await h.get(`/trust/${a.quidId}/${b.quidId}?maxDepth=3`)).json as { data: { trustLevel: number } })
        .data.trustLevel;
    expect(await level()).toBe(0.7);
    h.clock = (T0 + 31) * 1000;
    // The cached answer (60 s TTL) still counts the expired edge, as on the node.
    expect(await level()).toBe(0.7);
    expect(
      ((await h.get(`/trust/edges/${a.quidId}`)).json as { data: { edges: object } }).data.edges,
    ).toEqual({});
    expect(
      (
        (await h.get(`/registry/trust?truster=${a.quidId}&trustee=${b.quidId}`)).json as {
          data: { trust_level: number };
        }
      ).data.trust_level,
    ).toBe(0);
    h.clock = (T0 + 70) * 1000;
    expect(await level()).toBe(0);
  });
});

describe('payload expiresAt (QDP-0022)', () => {
  it('reads expiresAt as Unix nanoseconds on the node clock, truncating like Go', async () => {
    const h = harness();
    const a = actor('expires');
    await h.register(a);
    const nowNs = T0 * 1e9;
    const cases: Array<[string, unknown]> = [
      ['seconds', T0 + 3600], // seconds read as nanoseconds: already past
      ['ns-future', nowNs + 3.6e12],
      ['ns-past', nowNs - 1e9],
      ['zero', 0],
      ['string', 'tomorrow'],
      ['huge', 1e30], // int64 conversion overflows to MinInt64 on amd64: past
    ];
    for (const [eventType, expiresAt] of cases) {
      expect(
        (
          await h.post(
            '/events',
            await h.event(a, a.quidId, 1, { eventType, payload: { expiresAt } as never }),
          )
        ).status,
      ).toBe(200);
    }
    h.node.mineBlock();
    const visible = (await h.get(`/streams/${a.quidId}/events`)).json as {
      data: { data: Array<{ eventType: string }> };
    };
    expect(visible.data.data.map((e) => e.eventType)).toEqual(['ns-future', 'zero', 'string']);
    h.clock = T0 * 1000 + 3_600_001;
    const later = (await h.get(`/streams/${a.quidId}/events`)).json as {
      data: { data: Array<{ eventType: string }> };
    };
    expect(later.data.data.map((e) => e.eventType)).toEqual(['zero', 'string']);
  });
});
