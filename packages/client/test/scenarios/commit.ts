import {
  buildIdentity,
  buildTitle,
  buildTrust,
  generateSigner,
  type Signer,
  toWireJson,
} from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendEvent,
  grantTrust,
  type QuidfinClientError,
  type QuidnugClient,
  waitForCommit,
} from '../../src/index.js';
import { DOMAIN, type Harness, type MakeHarness, TEST_NODE } from '../support/harness.js';

async function register(client: QuidnugClient, name: string): Promise<Signer> {
  const { signer } = generateSigner();
  const tx = await buildIdentity({ signer, trustDomain: DOMAIN, name, updateNonce: 1 });
  await client.submitIdentity(tx);
  await client.waitForCommit(tx);
  return signer;
}

async function rejection(p: Promise<unknown>): Promise<QuidfinClientError> {
  try {
    await p;
  } catch (e) {
    return e as QuidfinClientError;
  }
  throw new Error('expected a rejection');
}

/** Commit waiting, sequence and nonce management under concurrency. */
export function defineCommitSuite(label: string, make: MakeHarness): void {
  describe(`commit awareness (${label})`, () => {
    let h: Harness;
    let client: QuidnugClient;
    let owner: Signer;
    let other: Signer;

    beforeAll(async () => {
      h = await make();
      client = h.client();
      owner = await register(client, 'owner');
      other = await register(client, 'other');
      const title = await buildTitle({
        signer: owner,
        trustDomain: DOMAIN,
        assetId: 'seq-asset',
        owners: [
          { ownerId: owner.quidId, percentage: 0.5 },
          { ownerId: other.quidId, percentage: 0.5 },
        ],
      });
      await client.submitTitle(title);
      await client.waitForCommit(title);
    });
    afterAll(() => h.close());

    const event = (signer: Signer, i: number) => ({
      signer,
      trustDomain: DOMAIN,
      subjectId: 'seq-asset',
      subjectType: 'TITLE' as const,
      eventType: i < 20 ? 'test.burst' : `test.step-${i}`,
      payload: { i },
    });

    it('20 concurrent events on a new stream, then 20 more, all land with valid sequences', async () => {
      const first = await Promise.all(
        Array.from({ length: 20 }, (_, i) => appendEvent(client, event(i % 2 ? owner : other, i))),
      );
      // Before the stream's first commit only 1 is valid; a block may commit mid-burst, after
      // which refused events are re-sequenced above the committed latest.
      expect(first.some((r) => r.sequence === 1)).toBe(true);
      expect(new Set(first.map((r) => r.id)).size).toBe(20);
      expect(first.every((r) => r.sequence >= 1)).toBe(true);
      await Promise.all(first.map((r) => client.waitForCommit(r.tx)));
      const second = await Promise.all(
        Array.from({ length: 20 }, (_, i) => appendEvent(client, event(i % 2 ? owner : other, 20 + i))),
      );
      const seqs = second.map((r) => r.sequence);
      expect(new Set(seqs).size).toBe(20);
      expect(Math.min(...seqs)).toBeGreaterThan(1);
      await Promise.all(second.map((r) => client.waitForCommit(r.tx)));
      const stored = [];
      for await (const e of client.iterateStreamEvents('seq-asset', { limit: 7 })) stored.push(e);
      expect(stored).toHaveLength(40);
      expect(new Set(stored.map((e) => `${e.id}/${e.signature}`)).size).toBe(40);
      const byId = new Map(stored.map((e) => [e.id, e.sequence]));
      for (const r of [...first, ...second]) expect(byId.get(r.tx.id)).toBe(r.sequence);
    });

    it('re-sequences an event whose sequence went stale when another writer committed first', async () => {
      const writerA = h.client();
      const writerB = h.client();
      const a = await appendEvent(writerA, event(owner, 100));
      await writerA.waitForCommit(a.tx);
      // B learned the stream state before A's next commits, so its cached latest is stale.
      await writerB.sequences.next('seq-asset', async () => ({ exists: true, latest: a.sequence }));
      const a2 = await appendEvent(writerA, event(owner, 101));
      await writerA.waitForCommit(a2.tx);
      const b = await appendEvent(writerB, event(other, 102));
      expect(b.sequence).toBeGreaterThan(a2.sequence);
      await writerB.waitForCommit(b.tx);
    });

    it('trust nonces stay distinct and increasing under 12 concurrent grants, and all commit', async () => {
      const trustees = await Promise.all([
        register(client, 't1'),
        register(client, 't2'),
        register(client, 't3'),
      ]);
      const grants = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          grantTrust(client, {
            signer: owner,
            trustDomain: DOMAIN,
            trustee: trustees[i % 3]!.quidId,
            trustLevel: (i + 1) / 20,
          }),
        ),
      );
      const nonces = grants.map((g) => g.tx.nonce);
      expect(new Set(nonces).size).toBe(12);
      await Promise.all(grants.map((g) => client.waitForCommit(g.tx)));
      const edges = await client.getTrustEdges(owner.quidId);
      expect(edges.edges.map((e) => e.trustee).sort()).toEqual(trustees.map((t) => t.quidId).sort());
    });

    it('the waitForCommit function records an event commit for sequence management, like the method', async () => {
      const viaFunction = h.client();
      const viaMethod = h.client();
      const a = await appendEvent(viaFunction, event(owner, 200));
      await waitForCommit(viaFunction, a.tx);
      expect(viaFunction.sequences.peek('seq-asset')).toEqual({ exists: true, latest: a.sequence });
      const b = await appendEvent(viaMethod, event(owner, 201));
      await viaMethod.waitForCommit(b.tx);
      expect(viaMethod.sequences.peek('seq-asset')).toEqual({ exists: true, latest: b.sequence });
    });

    it('waits on a transaction id and on a predicate', async () => {
      const tx = await buildIdentity({
        signer: generateSigner().signer,
        trustDomain: DOMAIN,
        name: 'by-id',
        updateNonce: 1,
      });
      await client.submitIdentity(tx);
      await client.waitForCommit(tx.id);
      expect((await client.getIdentity(tx.quidId)).id).toBe(tx.id);
      let calls = 0;
      await client.waitForCommit(async () => ++calls >= 3, { intervalMs: 5 });
      expect(calls).toBe(3);
    });
  });

  describe(`commit deadline (${label})`, () => {
    it('concurrent waits share pending-pool reads instead of polling one each', async () => {
      const h = await make({ ...TEST_NODE, blockIntervalMs: 0 });
      let poolReads = 0;
      const client = h.client({ pollIntervalMs: 50 }, (request, respond) => {
        if (new URL(request.url).pathname.endsWith('/transactions')) poolReads++;
        return respond();
      });
      try {
        const txs = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            buildIdentity({
              signer: generateSigner().signer,
              trustDomain: DOMAIN,
              name: `w${i}`,
              updateNonce: 1,
            }),
          ),
        );
        for (const tx of txs) await client.submitIdentity(tx);
        const waits = Promise.all(txs.map((tx) => client.waitForCommit(tx, { intervalMs: 50 })));
        await new Promise((r) => setTimeout(r, 300));
        // 20 independent waits polling every 50 ms for 300 ms would have read the pool 120 times.
        expect(poolReads).toBeLessThan(40);
        expect(poolReads).toBeGreaterThan(0);
        h.node.mineBlock();
        await waits;
      } finally {
        await h.close();
      }
    });

    it('reports a transaction lost with a rejected block (TRANSACTION_LOST)', async () => {
      const h = await make({ ...TEST_NODE, blockIntervalMs: 0 });
      const client = h.client();
      const a = generateSigner().signer;
      const b = generateSigner().signer;
      const good = await buildTrust({
        signer: a,
        trustDomain: DOMAIN,
        trustee: b.quidId,
        trustLevel: 0.5,
        nonce: 1,
      });
      // A TRUST whose type is not "TRUST" passes admission and poisons its block (PROTOCOL G7).
      const unsigned = toWireJson(good)
        .replace(`"signature":"${good.signature}"`, '"signature":""')
        .replace('"type":"TRUST"', '"type":"TRUSTX"');
      const sig = await a.sign(new TextEncoder().encode(unsigned));
      const poison = JSON.parse(unsigned.replace('"signature":""', `"signature":"${sig}"`)) as unknown;
      await client.submitTrust(good);
      await client.transport.call({
        method: 'POST',
        path: 'transactions/trust',
        route: 'POST /transactions/trust',
        body: JSON.stringify(poison),
        parse: (d) => d,
        retry: 'none',
      });
      h.node.mineBlock();
      const e = await rejection(client.waitForCommit(good));
      await h.close();
      expect(e.code).toBe('TRANSACTION_LOST');
    });
    it('the waitForCommit function takes the client’s commitTimeoutMs and pollIntervalMs by default, like the method', async () => {
      const h = await make({ ...TEST_NODE, blockIntervalMs: 0 });
      const client = h.client({ commitTimeoutMs: 150, pollIntervalMs: 20 });
      try {
        const tx = await buildIdentity({
          signer: generateSigner().signer,
          trustDomain: DOMAIN,
          name: 'defaults',
          updateNonce: 1,
        });
        await client.submitIdentity(tx);
        for (const wait of [() => client.waitForCommit(tx), () => waitForCommit(client, tx)]) {
          const e = await rejection(wait());
          expect(e.code).toBe('COMMIT_TIMEOUT');
          expect(e.message).toContain('within 150 ms');
        }
      } finally {
        await h.close();
      }
    });

    it('throws COMMIT_TIMEOUT when no block comes, and aborts a wait with the caller’s reason', async () => {
      const h = await make({ ...TEST_NODE, blockIntervalMs: 0 });
      const client = h.client();
      try {
        const tx = await buildIdentity({
          signer: generateSigner().signer,
          trustDomain: DOMAIN,
          name: 'never',
          updateNonce: 1,
        });
        await client.submitIdentity(tx);
        const e = await rejection(client.waitForCommit(tx, { timeoutMs: 120, intervalMs: 20 }));
        expect(e.code).toBe('COMMIT_TIMEOUT');
        const ac = new AbortController();
        const reason = new Error('stop waiting');
        const p = client.waitForCommit(tx, { signal: ac.signal, intervalMs: 20 });
        setTimeout(() => ac.abort(reason), 50);
        expect(await rejection(p)).toBe(reason);
        h.node.mineBlock();
        await client.waitForCommit(tx, { intervalMs: 20 });
      } finally {
        await h.close();
      }
    });
  });
}
