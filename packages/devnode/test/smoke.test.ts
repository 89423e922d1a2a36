import { buildEvent, buildIdentity, buildTitle, toWireJson } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';
import { actor, T0 } from './support/actors.js';
import { call, handlerTarget } from './support/http.js';

describe('smoke', () => {
  it('identity → title → event round trip', async () => {
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: ['factoring.supply-chain.us'] });
    const t = handlerTarget((r) => node.fetch(r));
    const domain = 'factoring.supply-chain.us';
    const supplier = actor('supplier');
    const buyer = actor('buyer');
    for (const s of [supplier, buyer]) {
      const tx = await buildIdentity({
        signer: s,
        trustDomain: domain,
        name: s.quidId,
        updateNonce: 1,
        timestamp: T0,
      });
      const r = await call(t, 'POST', '/api/v1/transactions/identity', toWireJson(tx));
      expect(r.status, r.text).toBe(200);
    }
    expect(node.mineBlock().committed).toHaveLength(1);
    const title = await buildTitle({
      signer: supplier,
      trustDomain: domain,
      assetId: 'inv-1',
      owners: [
        { ownerId: supplier.quidId, percentage: 0.98, stakeType: 'supplier' },
        { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
      ],
      titleType: 'invoice',
      timestamp: T0,
    });
    expect((await call(t, 'POST', '/api/v1/transactions/title', toWireJson(title))).status).toBe(200);
    node.mineBlock();
    const ev = await buildEvent({
      signer: buyer,
      trustDomain: domain,
      subjectId: 'inv-1',
      subjectType: 'TITLE',
      sequence: 1,
      eventType: 'buyer.acknowledged',
      payload: { amountMinor: 5000000, note: 'a & b' },
      timestamp: T0,
    });
    const r = await call(t, 'POST', '/api/v1/events', toWireJson(ev));
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({ success: true, data: { id: ev.id, sequence: 1 } });
    node.mineBlock();
    const events = await call(t, 'GET', '/api/v1/streams/inv-1/events');
    expect((events.json as { data: { data: unknown[] } }).data.data).toHaveLength(1);
    expect(events.text).toContain('a \\u0026 b');
    await node.close();
  });
});
