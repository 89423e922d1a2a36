// Benchmarks of @quidfin/devnode. Figures are ratios against baselines measured in the same run:
// - accepted EVENT submissions per second vs GET /health per second, through the fetch handler
//   and over loopback HTTP (so the ratio isolates decode + validation + signature check);
// - relational trust queries per second on a 10,000-quid graph, uncached (the BFS) vs cached,
//   against the same fetch handler's GET /health.
// Run: npx tsx --conditions=@quidfin/source bench/devnode.bench.ts

import { buildEvent, buildIdentity, signerFromPrivateKey, toWireJson } from '@quidfin/core';
import { createDevNode, type DevNode, type DevNodeSnapshot } from '@quidfin/devnode';
import { listen } from '@quidfin/devnode/node';
import { measure, report } from './harness.ts';

const DOMAIN = 'bench.quidfin.test';
const CONCURRENCY = 16;
const QUIDS = 10_000;
const EDGES_PER_QUID = 4;

function keyHex(i: number): string {
  return (i + 1).toString(16).padStart(64, '0');
}

/** A deterministic PRNG (mulberry32), so the graph is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function eventBodies(node: DevNode, count: number): Promise<string[]> {
  // A few signers, each writing to its own QUID stream: before the first commit every pending
  // event on a new stream uses sequence 1, and the node accepts the same event again (no de-dup).
  const signers = [0, 1, 2, 3].map((i) => signerFromPrivateKey(keyHex(i)));
  for (const s of signers) {
    const id = await buildIdentity({
      signer: s,
      trustDomain: DOMAIN,
      name: `bench-${s.quidId}`,
      updateNonce: 1,
    });
    await node.fetch(
      new Request('http://bench/api/v1/transactions/identity', { method: 'POST', body: toWireJson(id) }),
    );
  }
  node.mineBlock();
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = signers[i % signers.length]!;
    const ev = await buildEvent({
      signer: s,
      trustDomain: DOMAIN,
      subjectId: s.quidId,
      subjectType: 'QUID',
      sequence: 1,
      eventType: 'invoice.issued',
      payload: {
        invoiceId: `inv-${i}`,
        amountMinor: 5_000_000 + i,
        currency: 'USD',
        issuedAt: 1_745_000_000,
      },
    });
    bodies.push(toWireJson(ev));
  }
  return bodies;
}

/** A snapshot whose trust registry holds a random 10,000-quid graph (built directly, not mined). */
function graphSnapshot(base: DevNodeSnapshot): { snapshot: DevNodeSnapshot; pairs: Array<[string, string]> } {
  const r = rng(7);
  const quid = (i: number) => i.toString(16).padStart(16, '0');
  const trust: Array<[string, Array<[string, number]>]> = [];
  for (let i = 0; i < QUIDS; i++) {
    const out: Array<[string, number]> = [];
    for (let e = 0; e < EDGES_PER_QUID; e++) {
      const j = Math.floor(r() * QUIDS);
      if (j !== i) out.push([quid(j), Math.round((0.3 + 0.7 * r()) * 100) / 100]);
    }
    trust.push([quid(i), out]);
  }
  const pairs: Array<[string, string]> = [];
  for (let k = 0; k < 64; k++) pairs.push([quid(Math.floor(r() * QUIDS)), quid(Math.floor(r() * QUIDS))]);
  return { snapshot: { ...base, trust }, pairs };
}

async function main(): Promise<void> {
  const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
  const bodies = await eventBodies(node, 400);
  let next = 0;
  const submit = (send: (body: string) => Promise<Response>) => async () => {
    const batch: Promise<Response>[] = [];
    for (let i = 0; i < CONCURRENCY; i++) batch.push(send(bodies[next++ % bodies.length]!));
    for (const res of await Promise.all(batch)) {
      if (res.status !== 200) throw new Error(`event refused: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  const health = (get: () => Promise<Response>) => async () => {
    const batch: Promise<Response>[] = [];
    for (let i = 0; i < CONCURRENCY; i++) batch.push(get());
    for (const res of await Promise.all(batch)) await res.arrayBuffer();
  };
  const opts = { ms: 3000, opsPerCall: CONCURRENCY, samples: 5 };

  const viaHandler = (body: string) =>
    node.fetch(new Request('http://bench/api/v1/events', { method: 'POST', body }));
  const handlerHealth = await measure(
    'fetch handler: GET /health (baseline)',
    health(() => node.fetch(new Request('http://bench/api/v1/health'))),
    opts,
  );
  const handlerEvents = await measure('fetch handler: accepted POST /events', submit(viaHandler), opts);
  report('EVENT submissions, fetch handler', handlerHealth, [handlerEvents]);

  const server = await listen(node, { port: 0 });
  const viaHttp = (body: string) => fetch(`${server.url}/api/v1/events`, { method: 'POST', body });
  // Warm the connection pool and the HTTP stack first (the harness warm-up is short).
  for (let i = 0; i < 60; i++) await health(() => fetch(`${server.url}/api/v1/health`))();
  const httpHealth = await measure(
    'loopback HTTP: GET /health (baseline)',
    health(() => fetch(`${server.url}/api/v1/health`)),
    opts,
  );
  const httpEvents = await measure('loopback HTTP: accepted POST /events', submit(viaHttp), opts);
  report('EVENT submissions, loopback HTTP', httpHealth, [httpEvents, handlerEvents]);
  await server.close();
  await node.close();

  const uncached = createDevNode({
    blockIntervalMs: 0,
    limits: { ip: undefined, quid: undefined, domain: undefined, trustCacheTtlMs: 0 },
  });
  const cached = createDevNode({ blockIntervalMs: 0, limits: 'off' });
  const { snapshot, pairs } = graphSnapshot(uncached.snapshot());
  uncached.restore(snapshot);
  cached.restore(snapshot);
  let k = 0;
  const query = (n: DevNode) => async () => {
    const [o, t] = pairs[k++ % pairs.length]!;
    const res = await n.fetch(new Request(`http://bench/api/v1/trust/${o}/${t}?maxDepth=5`));
    if (res.status !== 200) throw new Error(`trust query failed: ${res.status}`);
    await res.arrayBuffer();
  };
  const qOpts = { ms: 3000, samples: 5 };
  const trustHealth = await measure(
    'fetch handler: GET /health (baseline)',
    () => uncached.fetch(new Request('http://bench/api/v1/health')).then((r) => r.arrayBuffer()),
    qOpts,
  );
  const bfs = await measure(
    `GET /trust (10,000 quids, ${EDGES_PER_QUID} edges each, uncached BFS)`,
    query(uncached),
    qOpts,
  );
  const hit = await measure('GET /trust (same queries, 60 s cache)', query(cached), qOpts);
  report('relational trust queries', trustHealth, [bfs, hit]);
  let partial = 0;
  for (const [o, t] of pairs) {
    const res = await uncached.fetch(new Request(`http://bench/api/v1/trust/${o}/${t}`));
    if (res.headers.get('x-trust-computation-warning')) partial++;
    await res.arrayBuffer();
  }
  console.log(
    `\n${partial}/${pairs.length} of the uncached queries hit the node's 10,000 queue/visited limit (partial answers).`,
  );
  await uncached.close();
  await cached.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
