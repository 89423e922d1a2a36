import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRelationalTrust, type Signer, signerFromPrivateKey, TrustGraph } from '../../src/index.js';
import { T0, trust } from './trustFixtures.js';

// The node's search (PROTOCOL §10) on verified edges: multiplicative, best product, maxDepth in
// edges, first-visit pruning, expiry, limits.

const signers: Signer[] = Array.from({ length: 8 }, (_, i) =>
  signerFromPrivateKey((0x100 + i).toString(16).padStart(64, '0')),
);
const [O, A, B, C, D, E, F, T] = signers.map((s) => s.quidId) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const by = (quid: string): Signer => signers.find((s) => s.quidId === quid) as Signer;

async function graphOf(
  edges: ReadonlyArray<readonly [string, string, number, number?]>,
): Promise<TrustGraph> {
  const g = new TrustGraph();
  let n = 0;
  for (const [from, to, level, validUntil] of edges) {
    n += 1;
    const tx = await trust(by(from), to, level, 1, validUntil === undefined ? {} : { validUntil });
    const a = await g.add(tx, { blockIndex: n, blockHash: `h${n}`, offset: n, domain: 'd' });
    expect(a.accepted).toBe(true);
  }
  return g;
}

const NOW = T0 + 10;

describe('computeRelationalTrust', () => {
  it('multiplies levels along the path and reports path, depth and the edges used', async () => {
    const g = await graphOf([
      [O, A, 0.9],
      [A, T, 0.85],
    ]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW });
    expect(r.trustLevel).toBeCloseTo(0.765, 12);
    expect(r.path).toEqual([O, A, T]);
    expect(r.pathDepth).toBe(2);
    expect(r.edges.map((e) => [e.truster, e.trustee])).toEqual([
      [O, A],
      [A, T],
    ]);
    expect(r.limitHit).toBe(false);
  });

  it('keeps the best of several paths into the target', async () => {
    const g = await graphOf([
      [O, A, 0.5],
      [O, B, 0.9],
      [A, T, 1],
      [B, T, 0.9],
    ]);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW }).trustLevel).toBeCloseTo(0.81, 12);
  });

  it('maxDepth counts edges: a 5-edge path is found with maxDepth 5, not with 4', async () => {
    const g = await graphOf([
      [O, A, 1],
      [A, B, 1],
      [B, C, 1],
      [C, D, 1],
      [D, T, 1],
    ]);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW, maxDepth: 5 }).trustLevel).toBe(1);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW, maxDepth: 4 }).trustLevel).toBe(0);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW }).trustLevel).toBe(1); // default 5
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW, maxDepth: 0 }).trustLevel).toBe(1); // < 1 means 5
  });

  it('first-visit pruning like the node: a shared intermediate is expanded only along the first path that reached it', async () => {
    // PROTOCOL §10: O->A 0.1, O->B 0.9, A->C 1, B->C 1, C->T 1. The node walks a random map order;
    // with A first (first committed) it answers 0.1, below the best path 0.9.
    const g = await graphOf([
      [O, A, 0.1],
      [O, B, 0.9],
      [A, C, 1],
      [B, C, 1],
      [C, T, 1],
    ]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW });
    expect(r.trustLevel).toBeCloseTo(0.1, 12);
    expect(r.path).toEqual([O, A, C, T]);
  });

  it('skips expired edges and reports the earliest expiry on the chosen path', async () => {
    const g = await graphOf([
      [O, A, 0.9, T0 + 100],
      [A, T, 0.8, T0 + 50],
      [O, B, 0.5],
      [B, T, 0.5],
    ]);
    const before = computeRelationalTrust(g, O, T, { nowSeconds: T0 + 10 });
    expect(before.trustLevel).toBeCloseTo(0.72, 12);
    expect(before.expiresAt).toBe(T0 + 50);
    const after = computeRelationalTrust(g, O, T, { nowSeconds: T0 + 50 });
    expect(after.trustLevel).toBeCloseTo(0.25, 12);
    expect(after.expiresAt).toBeUndefined();
  });

  it('a revocation edge (level 0) gives 0 through it', async () => {
    const g = await graphOf([
      [O, A, 0],
      [A, T, 1],
    ]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW });
    expect(r.trustLevel).toBe(0);
    expect(r.path).toEqual([]);
  });

  it('oneself is 1 with path [observer]; no path is 0 with path []', async () => {
    const g = await graphOf([[O, A, 0.5]]);
    expect(computeRelationalTrust(g, O, O)).toMatchObject({ trustLevel: 1, path: [O], pathDepth: 0 });
    expect(computeRelationalTrust(g, O, E, { nowSeconds: NOW })).toMatchObject({
      trustLevel: 0,
      path: [],
      pathDepth: 0,
    });
  });

  it('stops at the visited limit and says the answer is partial', async () => {
    const g = await graphOf([
      [O, A, 1],
      [O, B, 1],
      [O, C, 1],
      [C, F, 1],
      [F, T, 1],
    ]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW, maxVisited: 2 });
    expect(r.limitHit).toBe(true);
    expect(r.trustLevel).toBe(0);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW }).trustLevel).toBe(1);
  });
});

describe('computeRelationalTrust with avoid: trust that does not rest on one party’s word', () => {
  // A supplier (A) vouches for a buyer quid it controls (T): the observer's best path runs through
  // the supplier. The buyer's trust without the supplier's word is what a financier underwrites.
  it('a buyer trusted through the supplier and through a bureau: avoiding the supplier keeps the bureau path', async () => {
    const g = await graphOf([
      [O, A, 0.9],
      [A, T, 1],
      [O, B, 0.5],
      [B, T, 0.8],
    ]);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW }).path).toEqual([O, A, T]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW, avoid: [A] });
    expect(r.path).toEqual([O, B, T]);
    expect(r.trustLevel).toBeCloseTo(0.4, 12);
  });

  it('a buyer only the supplier vouches for has no trust without it', async () => {
    const g = await graphOf([
      [O, A, 0.9],
      [A, T, 1],
    ]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW, avoid: [A] });
    expect(r).toMatchObject({ trustLevel: 0, path: [], pathDepth: 0 });
  });

  it('avoiding the target itself does not hide it', async () => {
    const g = await graphOf([
      [O, A, 0.9],
      [A, T, 1],
    ]);
    expect(computeRelationalTrust(g, O, T, { nowSeconds: NOW, avoid: [T] }).trustLevel).toBeCloseTo(0.9, 12);
  });

  it('avoided quids do not count toward the search limits', async () => {
    const g = await graphOf([
      [O, B, 0.9],
      [B, T, 0.9],
    ]);
    const r = computeRelationalTrust(g, O, T, { nowSeconds: NOW, maxVisited: 2, avoid: [C, D, E] });
    expect(r).toMatchObject({ limitHit: false, path: [O, B, T] });
    expect(r.trustLevel).toBeCloseTo(0.81, 12);
  });

  it('equals the search on the graph without the edges into the avoided quids (random graphs)', async () => {
    const quids = [O, A, B, C, D, T];
    const edge = fc.tuple(
      fc.constantFrom(...quids),
      fc.constantFrom(...quids),
      fc.integer({ min: 1, max: 10 }).map((n) => n / 10),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(edge, { minLength: 1, maxLength: 12, selector: ([f, t]) => `${f}>${t}` }),
        fc.subarray([A, B, C, D, T]),
        async (raw, avoid) => {
          const edges = raw.filter(([f, t]) => f !== t);
          const all = await graphOf(edges);
          const kept = await graphOf(edges.filter(([, t]) => t === T || !avoid.includes(t)));
          const r = computeRelationalTrust(all, O, T, { nowSeconds: NOW, avoid });
          const oracle = computeRelationalTrust(kept, O, T, { nowSeconds: NOW });
          expect(r.trustLevel).toBe(oracle.trustLevel);
          expect(r.path).toEqual(oracle.path);
          for (const q of r.path.slice(1, -1)) expect(avoid).not.toContain(q);
        },
      ),
      { numRuns: 40 },
    );
  });
});
