import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';
import { actor, DOMAIN, harness } from './support/harness.js';

describe('snapshot and restore', () => {
  it('restores committed state and the pending pool into a fresh node', async () => {
    const h = harness();
    const [a, b] = [actor('snap-a'), actor('snap-b')];
    await h.register(a, b);
    await h.post('/transactions/trust', await h.trust(a, b, 0.7, 1));
    h.node.mineBlock();
    const pending = await h.event(a, a.quidId, 1);
    expect((await h.post('/events', pending)).status).toBe(200);
    const snap = h.node.snapshot();
    const copy = JSON.parse(JSON.stringify(snap));

    const fresh = createDevNode({ blockIntervalMs: 0, limits: 'off', now: () => h.clock });
    fresh.restore(copy);
    const get = async (path: string) => (await fresh.fetch(new Request(`http://x/api/v1${path}`))).json();
    expect(await get(`/identity/${a.quidId}`)).toEqual(
      await (await h.node.fetch(new Request(`http://x/api/v1/identity/${a.quidId}`))).json(),
    );
    expect(
      ((await get(`/trust/${a.quidId}/${b.quidId}`)) as { data: { trustLevel: number } }).data.trustLevel,
    ).toBe(0.7);
    expect(
      ((await get('/domains')) as { data: { domains: Array<{ name: string }> } }).data.domains.map(
        (d) => d.name,
      ),
    ).toContain(DOMAIN);
    expect(
      ((await get('/transactions')) as { data: { data: Array<{ id: string }> } }).data.data.map((t) => t.id),
    ).toEqual([pending.id]);
    fresh.mineBlock();
    expect(
      ((await get(`/streams/${a.quidId}`)) as { data: { latestSequence: number } }).data.latestSequence,
    ).toBe(1);
    // The snapshot is a copy: later changes to the source do not leak into it.
    h.node.mineBlock();
    expect(snap.pending).toHaveLength(1);
  });

  it('refuses something that is not a snapshot', () => {
    const node = createDevNode({ blockIntervalMs: 0 });
    expect(() => node.restore({ format: 'nope' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    );
    expect(() => node.restore(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
  });
});
