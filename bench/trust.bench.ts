// Benchmarks of verified trust (@quidfin/core TrustGraph + @quidfin/client VerifiedTrust), as
// ratios against baselines measured in the same run:
// - trust queries on a 10,000-quid verified graph (4 genuine, signed edges per quid) after sync,
//   against the devnode's own uncached GET /trust on the same graph, with GET /health as baseline;
// - sync cost per 1,000 blocks (40 TRUST transactions each: fetch + verify every signature +
//   apply), against reading the same 1,000 blocks without verifying them.
// Run: npx tsx --conditions=@quidfin/source bench/trust.bench.ts

import { createQuidnugClient, VerifiedTrust } from '@quidfin/client';
import {
  computeRelationalTrust,
  generateWebCryptoSigner,
  type Signer,
  signTransaction,
  type TrustTx,
} from '@quidfin/core';
import { createDevNode, type DevNode, type DevNodeSnapshot } from '@quidfin/devnode';
import { type Measurement, measure, report } from './harness.ts';

const QUIDS = 10_000;
const EDGES_PER_QUID = 4;
const TX_PER_BLOCK = 40;
const T = 1_767_225_600;

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

async function signedGraph(): Promise<{ signers: Signer[]; txs: TrustTx[] }> {
  const signers: Signer[] = [];
  for (let i = 0; i < QUIDS; i += 500) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(500, QUIDS - i) }, () => generateWebCryptoSigner()),
    );
    signers.push(...batch.map((b) => b.signer));
  }
  const r = rng(11);
  const drafts: Array<[Signer, TrustTx]> = [];
  for (let i = 0; i < QUIDS; i++) {
    const from = signers[i] as Signer;
    const seen = new Set<number>();
    for (let e = 0; e < EDGES_PER_QUID; e++) {
      const j = Math.floor(r() * QUIDS);
      if (j === i || seen.has(j)) continue;
      seen.add(j);
      drafts.push([
        from,
        {
          id: '',
          type: 'TRUST',
          trustDomain: 'bench',
          timestamp: T,
          signature: '',
          publicKey: '',
          truster: from.quidId,
          trustee: (signers[j] as Signer).quidId,
          trustLevel: Math.round((0.3 + 0.7 * r()) * 100) / 100,
          nonce: 1,
        },
      ]);
    }
  }
  const txs: TrustTx[] = [];
  for (let i = 0; i < drafts.length; i += 1000) {
    txs.push(...(await Promise.all(drafts.slice(i, i + 1000).map(([s, d]) => signTransaction(d, s)))));
  }
  return { signers, txs };
}

/** The devnode's state with the edges committed in blocks of TX_PER_BLOCK (built directly, not mined). */
function chainSnapshot(base: DevNodeSnapshot, txs: readonly TrustTx[]): DevNodeSnapshot {
  const genesis = base.blocks[0] as DevNodeSnapshot['blocks'][number];
  const blocks = [genesis];
  const trust = new Map<string, Array<[string, number]>>();
  const nonces = new Map<string, Array<[string, number]>>();
  for (let i = 0; i < txs.length; i += TX_PER_BLOCK) {
    const n = blocks.length;
    blocks.push({
      ...genesis,
      index: n,
      trustProof: { ...genesis.trustProof, trustDomain: 'bench' },
      transactions: txs.slice(i, i + TX_PER_BLOCK).map((tx) => ({
        kind: 'TRUST' as const,
        tx: { ...tx, description: '', validUntil: 0 },
      })),
      prevHash: `h${n - 1}`,
      hash: `h${n}`,
    });
  }
  for (const tx of txs) {
    if (!trust.has(tx.truster)) {
      trust.set(tx.truster, []);
      nonces.set(tx.truster, []);
    }
    trust.get(tx.truster)?.push([tx.trustee, tx.trustLevel]);
    nonces.get(tx.truster)?.push([tx.trustee, tx.nonce]);
  }
  return { ...base, blocks, trust: [...trust], trustNonces: [...nonces] };
}

const clientOf = (node: DevNode) =>
  createQuidnugClient({
    baseUrl: 'http://bench',
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      node.fetch(new Request(input, init))) as typeof fetch,
  });

async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const started = performance.now();
  const { signers, txs } = await signedGraph();
  const node = createDevNode({
    blockIntervalMs: 0,
    limits: { ip: undefined, quid: undefined, domain: undefined, trustCacheTtlMs: 0 },
  });
  node.restore(chainSnapshot(node.snapshot(), txs));
  const client = clientOf(node);
  const blocks = Math.ceil(txs.length / TX_PER_BLOCK);
  console.log(
    `setup: ${QUIDS.toLocaleString('en-US')} quids, ${txs.length.toLocaleString('en-US')} signed TRUST edges in ${blocks} blocks (${Math.round(performance.now() - started)} ms)`,
  );

  // Sync cost: fresh VerifiedTrust each run, reading every block from offset 0.
  let trust = new VerifiedTrust(client);
  const readMs = await timeIt(async () => {
    for (let offset = 0; ; offset += 1000) {
      const page = await client.listBlocks({ offset, limit: 1000 });
      if (page.items.length === 0 || offset + page.items.length >= page.total) break;
    }
  }, 3);
  const syncMs = await timeIt(async () => {
    trust = new VerifiedTrust(client);
    const s = await trust.sync();
    if (s.accepted !== txs.length) throw new Error(`sync accepted ${s.accepted} of ${txs.length}`);
  }, 2);
  const per1000 = (ms: number): Measurement => ({ name: '', opsPerSec: (blocks / ms) * 1000, samples: 2 });
  report(
    `trust sync, ${blocks} blocks of ${TX_PER_BLOCK} TRUST (blocks/s)`,
    { ...per1000(readMs), name: 'GET /blocks only, no verification (baseline)' },
    [{ ...per1000(syncMs), name: 'VerifiedTrust.sync (fetch + verify + apply)' }],
  );
  console.log(
    `sync cost per 1,000 blocks: ${Math.round((syncMs * 1000) / blocks)} ms (${TX_PER_BLOCK * 1000} TRUST transactions); reading them alone: ${Math.round((readMs * 1000) / blocks)} ms`,
  );

  // Queries: same 64 random pairs, local (verified graph) vs the devnode's uncached BFS.
  const r = rng(5);
  const pairs: Array<[string, string]> = Array.from({ length: 64 }, () => [
    (signers[Math.floor(r() * QUIDS)] as Signer).quidId,
    (signers[Math.floor(r() * QUIDS)] as Signer).quidId,
  ]);
  let mismatches = 0;
  for (const [o, t] of pairs) {
    const local = computeRelationalTrust(trust.graph, o, t, { nowSeconds: T + 10 });
    const remote = await client.getTrust(o, t);
    if (local.trustLevel !== remote.trustLevel) mismatches++;
  }
  let k = 0;
  const opts = { ms: 2000, samples: 5 };
  const health = await measure(
    'devnode fetch handler: GET /health (baseline)',
    () => node.fetch(new Request('http://bench/api/v1/health')).then((res) => res.arrayBuffer()),
    opts,
  );
  const remoteQuery = async (): Promise<void> => {
    const [o, t] = pairs[k++ % pairs.length] as [string, string];
    const res = await node.fetch(new Request(`http://bench/api/v1/trust/${o}/${t}?maxDepth=5`));
    await res.arrayBuffer();
  };
  const localQuery = async (): Promise<void> => {
    const [o, t] = pairs[k++ % pairs.length] as [string, string];
    await trust.trustIn(o, t, { sync: false });
  };
  // Each measured twice, interleaved, so a load change on the shared machine shows up as spread.
  const remote = await measure('devnode GET /trust (uncached BFS)', remoteQuery, opts);
  const local = await measure('VerifiedTrust.trustIn (verified graph, no re-sync)', localQuery, opts);
  const remote2 = await measure('devnode GET /trust, again', remoteQuery, opts);
  const local2 = await measure('VerifiedTrust.trustIn, again', localQuery, opts);
  report(`relational trust, ${QUIDS.toLocaleString('en-US')} quids, ${EDGES_PER_QUID} edges each`, health, [
    remote,
    local,
    remote2,
    local2,
  ]);
  const ratio = (local.opsPerSec + local2.opsPerSec) / (remote.opsPerSec + remote2.opsPerSec);
  console.log(`local vs devnode: ${ratio.toFixed(2)}x; ${mismatches}/${pairs.length} answers differ`);
  console.log(`total ${Math.round((performance.now() - started) / 1000)} s`);
  await node.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
