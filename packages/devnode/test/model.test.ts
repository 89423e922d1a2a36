// Model-based properties: random submit/commit interleavings checked against a small reference
// model of the node's rules (committed state only, last applied wins).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actor, harness } from './support/harness.js';

type Op = { readonly kind: 'submit'; readonly value: number } | { readonly kind: 'commit' };

const ops = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }).map((value): Op => ({ kind: 'submit', value })) },
    { weight: 1, arbitrary: fc.constant<Op>({ kind: 'commit' }) },
  ),
  { minLength: 1, maxLength: 14 },
);

describe('reference model', () => {
  it('event sequences: new streams take 1, committed streams take > latest, latest = last applied', async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (script) => {
        const h = harness();
        const a = actor('model-seq');
        await h.register(a);
        let latest: number | undefined;
        let pending: number[] = [];
        const applied: number[] = [];
        let n = 0;
        for (const op of script) {
          if (op.kind === 'commit') {
            h.node.mineBlock();
            if (pending.length > 0) latest = pending[pending.length - 1];
            applied.push(...pending);
            pending = [];
            continue;
          }
          const ev = await h.event(a, a.quidId, op.value, { eventType: `e${n++}` });
          const accepted = (await h.post('/events', ev)).status === 200;
          const expected = latest === undefined ? op.value === 1 : op.value > latest;
          expect(accepted).toBe(expected);
          if (accepted) pending.push(op.value);
        }
        h.node.mineBlock();
        applied.push(...pending);
        if (pending.length > 0) latest = pending[pending.length - 1];
        const list = (await h.get(`/streams/${a.quidId}/events?limit=1000`)).json as {
          data: { data: Array<{ sequence: number }> };
        };
        expect(list.data.data.map((e) => e.sequence)).toEqual(applied);
        const meta = await h.get(`/streams/${a.quidId}`);
        if (latest === undefined) expect(meta.status).toBe(404);
        else expect((meta.json as { data: { latestSequence: number } }).data.latestSequence).toBe(latest);
      }),
      { numRuns: 25 },
    );
  });

  it('trust nonces: accepted iff above the committed nonce of the pair; the last applied nonce sticks', async () => {
    await fc.assert(
      fc.asyncProperty(ops, async (script) => {
        const h = harness();
        const [a, b] = [actor('model-nonce-a'), actor('model-nonce-b')];
        let committed = 0;
        let pending: number[] = [];
        let n = 0;
        for (const op of script) {
          if (op.kind === 'commit') {
            h.node.mineBlock();
            if (pending.length > 0) committed = pending[pending.length - 1]!;
            pending = [];
            continue;
          }
          const tx = await h.trust(a, b, 0.5, op.value, { description: `t${n++}` });
          const accepted = (await h.post('/transactions/trust', tx)).status === 200;
          expect(accepted).toBe(op.value > committed);
          if (accepted) pending.push(op.value);
        }
        h.node.mineBlock();
        if (pending.length > 0) committed = pending[pending.length - 1]!;
        const probe = await h.trust(a, b, 0.5, committed, { description: 'probe' });
        expect((await h.post('/transactions/trust', probe)).status).toBe(400);
        const above = await h.trust(a, b, 0.5, committed + 1, { description: 'probe+1' });
        expect((await h.post('/transactions/trust', above)).status).toBe(200);
      }),
      { numRuns: 25 },
    );
  });
});
