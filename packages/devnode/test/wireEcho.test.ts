import { buildIdentity, type JsonObject, toWireJson } from '@quidfin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor, DOMAIN, harness, T0 } from './support/harness.js';

/** Numbers the SDK builders accept: no -0 (Go would write -0) and no unsafe integers. */
function signable(v: unknown): boolean {
  if (typeof v === 'number') return !Object.is(v, -0) && (!Number.isInteger(v) || Number.isSafeInteger(v));
  if (Array.isArray(v)) return v.every(signable);
  if (v !== null && typeof v === 'object') return Object.values(v).every(signable);
  return true;
}

const payload = fc
  .dictionary(
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.jsonValue({ maxDepth: 3, noUnicodeString: false }),
    {
      minKeys: 1,
      maxKeys: 5,
    },
  )
  .filter((o) => signable(o) && Object.keys(o).length > 0) as fc.Arbitrary<JsonObject>;

describe('stored transactions read back byte for byte', () => {
  it('GET /identity answers {"data":<exact wire JSON>,"success":true}', async () => {
    const h = harness();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s)),
        fc.option(payload, { nil: undefined }),
        async (name, attributes) => {
          const s = actor(`echo-${Math.random()}`);
          const tx = await buildIdentity({
            signer: s,
            trustDomain: DOMAIN,
            name: name || 'x',
            updateNonce: 1,
            timestamp: T0,
            ...(attributes ? { attributes } : {}),
          });
          const submitted = await h.post('/transactions/identity', tx);
          expect(submitted.status, submitted.text).toBe(200);
          h.node.mineBlock();
          const read = await h.get(`/identity/${s.quidId}`);
          expect(read.text).toBe(`{"data":${toWireJson(tx)},"success":true}\n`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stream events come back as the exact wire JSON of what was signed', async () => {
    const h = harness();
    const s = actor('echo-events');
    await h.register(s);
    const sent: string[] = [];
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const ev = await h.event(s, s.quidId, 1, { payload: p, eventType: `e${sent.length}` });
        const r = await h.post('/events', ev);
        expect(r.status, r.text).toBe(200);
        sent.push(toWireJson(ev));
      }),
      { numRuns: 25 },
    );
    h.node.mineBlock();
    const list = await h.get(`/streams/${s.quidId}/events?include_expired=true&limit=1000`);
    expect(list.text).toBe(
      `{"data":{"data":[${sent.join(',')}],"pagination":{"limit":1000,"offset":0,"total":${sent.length}}},"success":true}\n`,
    );
  });
});
