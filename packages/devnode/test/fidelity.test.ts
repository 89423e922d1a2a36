// Devnode fidelity against the real node at dc164c6 (issue #10, finding 9) and deep payloads
// (finding 5): what the node answers and accepts, the devnode must answer and accept too.

import { buildEvent, buildTitle, type Signer, signableJson, type TrustTx } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { actor, T0 } from './support/actors.js';
import { DOMAIN, harness } from './support/harness.js';
import { call } from './support/http.js';

/** A TRUST whose validUntil is `digits` (an int64 no JS number holds exactly), signed as Go would see it. */
async function trustWithRawValidUntil(from: Signer, to: Signer, digits: string): Promise<string> {
  const placeholder = T0 + 3600;
  const tx: TrustTx = {
    id: '',
    type: 'TRUST',
    trustDomain: DOMAIN,
    timestamp: T0,
    signature: '',
    publicKey: from.publicKey,
    truster: from.quidId,
    trustee: to.quidId,
    trustLevel: 0.8,
    nonce: 1,
    validUntil: placeholder,
  };
  const withDigits = (json: string) => json.replace(`"validUntil":${placeholder}`, `"validUntil":${digits}`);
  // The TRUST id is derived from truster, trustee, level, domain and timestamp only.
  const signable = withDigits(signableJson(tx));
  const signature = await from.sign(new TextEncoder().encode(signable));
  return signable.replace('"signature":""', `"signature":"${signature}"`);
}

describe('devnode fidelity (finding 9)', () => {
  it('GET /api/v1/nodes and /api/nodes on a lone node answer an empty page, as the real node does', async () => {
    const h = harness();
    for (const prefix of ['/api/v1', '/api']) {
      const r = await call(h.target, 'GET', `${prefix}/nodes`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        success: true,
        data: { data: [], pagination: { limit: 50, offset: 0, total: 0 } },
      });
    }
    const paged = await h.get('/nodes?limit=5&offset=2');
    expect((paged.json as { data: { pagination: unknown } }).data.pagination).toEqual({
      limit: 5,
      offset: 2,
      total: 0,
    });
  });

  it('a TRUST with validUntil in nanoseconds (~1.8e18) is accepted and never expires: edges, registry and relational queries show it', async () => {
    const h = harness();
    const [a, b] = [actor('ns-a'), actor('ns-b')];
    const body = await trustWithRawValidUntil(a, b, '1800000000000000123');
    const r = await h.post('/transactions/trust', body);
    expect(r.status).toBe(200);
    expect(h.node.mineBlock().committed.map((c) => c.transactionIds.length)).toEqual([1]);
    h.clock = (T0 + 10 * 365 * 86_400) * 1000;
    const edges = (await h.get(`/trust/edges/${a.quidId}`)).json as {
      data: { edges: Record<string, { trustLevel: number }> };
    };
    expect(edges.data.edges[b.quidId]?.trustLevel).toBe(0.8);
    const registry = (await h.get(`/registry/trust?truster=${a.quidId}&trustee=${b.quidId}`)).json as {
      data: { trust_level: number };
    };
    expect(registry.data.trust_level).toBe(0.8);
    const relational = (await h.get(`/trust/${a.quidId}/${b.quidId}`)).json as {
      data: { trustLevel: number };
    };
    expect(relational.data.trustLevel).toBe(0.8);
  });

  it('a nanosecond validUntil still needs a valid signature over its exact digits', async () => {
    const h = harness();
    const [a, b] = [actor('ns-c'), actor('ns-d')];
    const body = await trustWithRawValidUntil(a, b, '1800000000000000123');
    const altered = body.replace('1800000000000000123', '1800000000000000124');
    expect((await h.post('/transactions/trust', altered)).status).toBe(400);
  });
});

describe('deep payloads (finding 5)', () => {
  /** `{"k":{"k":…}}` with `depth` objects. */
  function nested(depth: number): Record<string, unknown> {
    let value: unknown = 1;
    for (let i = 1; i < depth; i++) value = { k: value };
    return { k: value };
  }

  it('an EVENT whose payload nests 9,999 levels (the node decoder limit in a body) is accepted, committed and served back', async () => {
    const h = harness();
    const owner = actor('deep-owner');
    await h.register(owner);
    const title = await buildTitle({
      signer: owner,
      trustDomain: DOMAIN,
      assetId: 'inv-deep',
      owners: [{ ownerId: owner.quidId, percentage: 1, stakeType: 'supplier' }],
      timestamp: T0,
    });
    expect((await h.post('/transactions/title', title)).status).toBe(200);
    h.node.mineBlock();
    const event = await buildEvent({
      signer: owner,
      trustDomain: DOMAIN,
      subjectId: 'inv-deep',
      subjectType: 'TITLE',
      sequence: 1,
      eventType: 'fraud.signal.deep',
      payload: nested(9_999) as never,
      timestamp: T0,
    });
    const r = await h.post('/events', event);
    expect(r.status).toBe(200);
    expect(h.node.mineBlock().committed.map((c) => c.transactionIds.length)).toEqual([1]);
    const back = await h.get('/streams/inv-deep/events');
    expect(back.status).toBe(200);
    expect(back.text).toContain(event.signature);
  });
});
