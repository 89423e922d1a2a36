import { describe, expect, it } from 'vitest';
import { TrustCache } from '../src/trust/TrustCache.js';
import { type SearchEdge, searchTrust } from '../src/trust/trustSearch.js';
import { actor, harness } from './support/harness.js';

const LIMITS = { maxQueue: 10_000, maxVisited: 10_000 };

function graph(edges: Array<[string, string, number]>): (q: string) => SearchEdge[] {
  return (q) =>
    edges
      .filter(([from]) => from === q)
      .map(([, to, level]) => ({ trustee: to, level, verified: true, validatorQuid: '' }));
}

describe('trust search (the node BFS)', () => {
  it('counts maxDepth in edges: a 5-hop path is found at 5, not at 4', () => {
    const chain = graph([
      ['o', 'a', 1],
      ['a', 'b', 1],
      ['b', 'c', 1],
      ['c', 'd', 1],
      ['d', 't', 0.5],
    ]);
    expect(searchTrust('o', 't', 5, chain, () => 0, LIMITS)).toMatchObject({
      trustLevel: 0.5,
      trustPath: ['o', 'a', 'b', 'c', 'd', 't'],
    });
    expect(searchTrust('o', 't', 4, chain, () => 0, LIMITS)).toMatchObject({
      trustLevel: 0,
      trustPath: undefined,
    });
  });

  it('expands an intermediate node only along the first path that reached it (insertion order)', () => {
    const g = graph([
      ['o', 'a', 0.1],
      ['o', 'b', 0.9],
      ['a', 'c', 1],
      ['b', 'c', 1],
      ['c', 't', 1],
    ]);
    expect(searchTrust('o', 't', 5, g, () => 0, LIMITS).trustLevel).toBe(0.1);
    const reordered = graph([
      ['o', 'b', 0.9],
      ['o', 'a', 0.1],
      ['a', 'c', 1],
      ['b', 'c', 1],
      ['c', 't', 1],
    ]);
    expect(searchTrust('o', 't', 5, reordered, () => 0, LIMITS).trustLevel).toBe(0.9);
  });

  it('keeps the best direct hit on the target and never expands the target', () => {
    const g = graph([
      ['o', 't', 0.2],
      ['o', 'a', 1],
      ['a', 't', 0.6],
      ['t', 'x', 1],
      ['x', 'y', 1],
    ]);
    const r = searchTrust('o', 't', 5, g, () => 0, LIMITS);
    expect(r).toMatchObject({ trustLevel: 0.6, trustPath: ['o', 'a', 't'] });
  });

  it('skips cycles on the current path', () => {
    const g = graph([
      ['o', 'a', 1],
      ['a', 'o', 1],
      ['a', 't', 0.4],
    ]);
    expect(searchTrust('o', 't', 5, g, () => 0, LIMITS).trustLevel).toBe(0.4);
  });

  it('stops at the queue or visited limit with the best result so far', () => {
    const fan: Array<[string, string, number]> = [['o', 't', 0.3]];
    for (let i = 0; i < 50; i++) fan.push(['o', `n${i}`, 1]);
    for (let i = 0; i < 50; i++) fan.push([`n${i}`, 't', 0.9]);
    const r = searchTrust('o', 't', 5, graph(fan), () => 0, { maxQueue: 10, maxVisited: 10_000 });
    expect(r).toMatchObject({ limitHit: true, trustLevel: 0.3 });
    const full = searchTrust('o', 't', 5, graph(fan), () => 0, LIMITS);
    expect(full).toMatchObject({ limitHit: false, trustLevel: 0.9 });
  });

  it('discounts unverified edges by the validator trust and records the gap', () => {
    const edges = (q: string): SearchEdge[] =>
      q === 'o' ? [{ trustee: 't', level: 0.8, verified: false, validatorQuid: 'v' }] : [];
    const r = searchTrust('o', 't', 5, edges, (v) => (v === 'v' ? 0.5 : 0), LIMITS);
    expect(r).toMatchObject({
      trustLevel: 0.4,
      unverifiedHops: 1,
      gaps: [{ from: 'o', to: 't', validatorQuid: 'v', validatorTrust: 0.5 }],
    });
  });
});

describe('trust cache', () => {
  it('expires after its TTL and clears on demand', () => {
    let now = 0;
    const c = new TrustCache<number>(60_000, () => now);
    c.set('k', 1);
    now = 60_000;
    expect(c.get('k')).toBe(1);
    now = 60_001;
    expect(c.get('k')).toBeUndefined();
    c.set('k', 2);
    c.clear();
    expect(c.size).toBe(0);
  });

  it('holds node answers for 60 s, and a TRUST commit clears them', async () => {
    const h = harness();
    const [o, m, t] = [actor('c-o'), actor('c-m'), actor('c-t')];
    const level = async () =>
      ((await h.get(`/trust/${o.quidId}/${t.quidId}`)).json as { data: { trustLevel: number } }).data
        .trustLevel;
    await h.post('/transactions/trust', await h.trust(o, m, 0.5, 1));
    h.node.mineBlock();
    expect(await level()).toBe(0);
    // A pending edge changes nothing; its commit clears the cache.
    await h.post('/transactions/trust', await h.trust(m, t, 0.5, 1));
    expect(await level()).toBe(0);
    h.node.mineBlock();
    expect(await level()).toBe(0.25);
  });

  it('answers a partial result with the warning header when the search hits its limits', async () => {
    const h = harness({ limits: { ip: undefined, quid: undefined, domain: undefined, trustMaxQueue: 2 } });
    const o = actor('w-o');
    const others = [1, 2, 3, 4].map((i) => actor(`w-${i}`));
    for (const x of others) await h.post('/transactions/trust', await h.trust(o, x, 0.5, 1));
    for (const x of others) await h.post('/transactions/trust', await h.trust(x, actor('w-t'), 0.5, 1));
    h.node.mineBlock();
    const r = await h.get(`/trust/${o.quidId}/${actor('w-t').quidId}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-trust-computation-warning')).toBe(
      'resource limits exceeded, partial result returned',
    );
    const post = await h.target.request(
      'POST',
      '/api/v1/trust/query',
      JSON.stringify({ observer: o.quidId, target: actor('w-t').quidId }),
    );
    expect(post.headers.get('x-trust-computation-warning')).not.toBeNull();
    const registry = await h.get(`/registry/trust?observer=${o.quidId}&target=${actor('w-t').quidId}`);
    expect(registry.headers.get('x-trust-computation-warning')).toBeNull();
  });
});
