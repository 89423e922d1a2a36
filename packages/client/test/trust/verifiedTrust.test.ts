import { generateSigner, type Signer } from '@quidfin/core';
import { createDevNode, type DevNode } from '@quidfin/devnode';
import { describe, expect, it } from 'vitest';
import {
  createQuidnugClient,
  InMemoryTrustStore,
  InvoiceLedger,
  type QuidnugClient,
  VerifiedTrust,
} from '../../src/index.js';
import { devnodeFetch } from '../support/devnodeFetch.js';
import { DOMAIN, inProcess, TEST_CLIENT } from '../support/harness.js';
import { bigValidUntilWire, postRaw, postTrust, signedTrust } from './trustTx.js';

// Issue 18: the node counts a TRUST edge signed by any key; the ledger's trust reading must not.

const s = (): Signer => generateSigner().signer;

/** A devnode that mines only when told, on a clock the test moves, and a client on it. */
function manualNode(clock: { ms: number }): { node: DevNode; client: QuidnugClient } {
  const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN], now: () => clock.ms });
  const client = createQuidnugClient({
    ...TEST_CLIENT,
    baseUrl: 'http://devnode.test',
    fetch: devnodeFetch(node),
  });
  return { node, client };
}

describe('verified trust against a node that counts forged edges', () => {
  it("stranger-signed 'bureau -> supplier 1.0': the node reports 0.9 trust, the ledger reports 0 and the forged edge", async () => {
    const h = await inProcess();
    const client = h.client();
    const ledger = new InvoiceLedger(client, { trustDomain: DOMAIN });
    const [financier, bureau, supplier, stranger] = [s(), s(), s(), s()];
    await ledger.publishTrust(financier, { trustee: bureau.quidId, trustLevel: 0.9 });
    const forged = await signedTrust(stranger, supplier.quidId, 1, 1, { truster: bureau.quidId });
    await client.submitTrust(forged);
    await client.waitForCommit(forged);

    const node = await client.getTrust(financier.quidId, supplier.quidId);
    expect(node.trustLevel).toBeCloseTo(0.9, 12); // the measured failure: the node counts it

    const verified = await ledger.trustIn(financier.quidId, supplier.quidId);
    expect(verified.verified).toBe(true);
    expect(verified.trustLevel).toBe(0);
    expect(verified.path).toEqual([]);
    expect(verified.findings).toHaveLength(1);
    expect(verified.findings[0]).toMatchObject({
      code: 'SIGNER_NOT_TRUSTER',
      kind: 'forged',
      txId: forged.id,
      truster: bureau.quidId,
      trustee: supplier.quidId,
      signerQuid: stranger.quidId,
    });
    const labelled = await ledger.nodeTrust(financier.quidId, supplier.quidId);
    expect(labelled).toMatchObject({ verified: false, trustLevel: node.trustLevel });
    await h.close();
  });

  it("supplier self-endorsement: the supplier signs 'bureau -> supplier 1.0'; verified trust is 0 and the finding is SELF_ENDORSEMENT", async () => {
    const h = await inProcess();
    const client = h.client();
    const ledger = new InvoiceLedger(client, { trustDomain: DOMAIN });
    const [financier, bureau, supplier] = [s(), s(), s()];
    await ledger.publishTrust(financier, { trustee: bureau.quidId, trustLevel: 0.9 });
    const forged = await signedTrust(supplier, supplier.quidId, 1, 7, { truster: bureau.quidId });
    await client.submitTrust(forged);
    await client.waitForCommit(forged);
    expect((await client.getTrust(financier.quidId, supplier.quidId)).trustLevel).toBeCloseTo(0.9, 12);
    const r = await ledger.trustReading(financier.quidId, supplier.quidId);
    expect(r).toMatchObject({ level: 0, pathLength: 0 });
    expect(ledger.trust.findings.map((f) => f.code)).toEqual(['SELF_ENDORSEMENT']);
    await h.close();
  });

  it('a forged edge with a huge nonce locks the real truster out on the node (its revocation is refused); verified trust names the forgery', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const { node, client } = manualNode(clock);
    const [financier, bureau, supplier, stranger] = [s(), s(), s(), s()];
    const t = 1_767_225_600;
    await postTrust(node, await signedTrust(financier, bureau.quidId, 0.9, 1, { timestamp: t }));
    await postTrust(node, await signedTrust(bureau, supplier.quidId, 0.8, 1, { timestamp: t }));
    node.mineBlock();
    const forged = await signedTrust(stranger, supplier.quidId, 1, 1_000_000, {
      truster: bureau.quidId,
      timestamp: t,
    });
    await postTrust(node, forged);
    node.mineBlock();
    // The bureau now revokes with its next nonce: the node compares with the forged nonce and refuses.
    const revoke = await signedTrust(bureau, supplier.quidId, 0, 2, { timestamp: t + 5 });
    await expect(client.submitTrust(revoke)).rejects.toMatchObject({ code: 'TRANSACTION_REJECTED' });
    const trust = new VerifiedTrust(client, { now: () => clock.ms });
    const r = await trust.trustIn(financier.quidId, supplier.quidId);
    expect(r.trustLevel).toBeCloseTo(0.72, 12); // the genuine 0.8 edge, not the forged 1.0
    expect(r.findings).toMatchObject([{ code: 'SIGNER_NOT_TRUSTER', txId: forged.id, nonce: 1_000_000 }]);
    await node.close();
  });

  it('a genuine path still counts, with provenance and the earliest expiry as the reading’s validUntil', async () => {
    const h = await inProcess();
    const ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
    const [financier, bureau, supplier] = [s(), s(), s()];
    const until = Math.floor(Date.now() / 1000) + 90 * 86_400;
    await ledger.publishTrust(financier, { trustee: bureau.quidId, trustLevel: 0.9 });
    const edge = await ledger.publishTrust(bureau, {
      trustee: supplier.quidId,
      trustLevel: 0.85,
      validUntil: until,
    });
    const r = await ledger.trustIn(financier.quidId, supplier.quidId);
    expect(r.trustLevel).toBeCloseTo(0.765, 12);
    expect(r.path).toEqual([financier.quidId, bureau.quidId, supplier.quidId]);
    expect(r.edges[1]?.txId).toBe(edge.id);
    expect(r.expiresAt).toBe(until);
    const reading = await ledger.trustReading(financier.quidId, supplier.quidId, { sync: false });
    expect(reading).toEqual({
      level: r.trustLevel,
      observedAt: reading.observedAt,
      pathLength: 2,
      path: [financier.quidId, bureau.quidId, supplier.quidId],
      validUntil: until,
    });
    await h.close();
  });

  it('a buyer the supplier vouches for: the reading names the supplier on its path, and avoid reads trust without it', async () => {
    const h = await inProcess();
    const ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
    const [financier, bureau, supplier, buyer] = [s(), s(), s(), s()];
    await ledger.publishTrust(financier, { trustee: supplier.quidId, trustLevel: 0.9 });
    await ledger.publishTrust(supplier, { trustee: buyer.quidId, trustLevel: 1 });
    await ledger.publishTrust(financier, { trustee: bureau.quidId, trustLevel: 0.8 });
    await ledger.publishTrust(bureau, { trustee: buyer.quidId, trustLevel: 0.5 });
    const reading = await ledger.trustReading(financier.quidId, buyer.quidId);
    expect(reading.path).toEqual([financier.quidId, supplier.quidId, buyer.quidId]);
    expect(reading.level).toBeCloseTo(0.9, 12);
    const independent = await ledger.trustReading(financier.quidId, buyer.quidId, {
      sync: false,
      avoid: [supplier.quidId],
    });
    expect(independent.path).toEqual([financier.quidId, bureau.quidId, buyer.quidId]);
    expect(independent.level).toBeCloseTo(0.4, 12);
    await h.close();
  });

  it('replayed old edge in the same block as its revocation: the node ends at 0.9, verified trust at 0 with REPLAYED', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const { node, client } = manualNode(clock);
    const [financier, bureau, supplier] = [s(), s(), s()];
    const t = 1_767_225_600;
    await postTrust(node, await signedTrust(financier, bureau.quidId, 1, 1, { timestamp: t }));
    node.mineBlock();
    const old = await signedTrust(bureau, supplier.quidId, 0.9, 1, { timestamp: t });
    const revoke = await signedTrust(bureau, supplier.quidId, 0, 2, { timestamp: t + 1 });
    // Both are checked against committed nonces only, so the copy of the old edge is admitted too.
    await postTrust(node, old);
    await postTrust(node, revoke);
    await postTrust(node, old);
    node.mineBlock();
    expect((await client.getTrust(financier.quidId, supplier.quidId)).trustLevel).toBeCloseTo(0.9, 12);
    const trust = new VerifiedTrust(client, { now: () => clock.ms });
    const r = await trust.trustIn(financier.quidId, supplier.quidId);
    expect(r.trustLevel).toBe(0);
    expect(r.findings.map((f) => [f.code, f.txId])).toEqual([['REPLAYED', old.id]]);
    expect(trust.graph.edge(bureau.quidId, supplier.quidId)?.nonce).toBe(2);
    await node.close();
  });

  it('expired then renewed: the edge stops counting at validUntil and counts again once the renewal commits', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const { node, client } = manualNode(clock);
    const [financier, bureau, supplier] = [s(), s(), s()];
    const t = 1_767_225_600;
    await postTrust(node, await signedTrust(financier, bureau.quidId, 0.9, 1, { timestamp: t }));
    await postTrust(
      node,
      await signedTrust(bureau, supplier.quidId, 0.8, 1, { timestamp: t, validUntil: t + 60 }),
    );
    node.mineBlock();
    const trust = new VerifiedTrust(client, { now: () => clock.ms });
    expect((await trust.trustIn(financier.quidId, supplier.quidId)).trustLevel).toBeCloseTo(0.72, 12);
    clock.ms += 61_000;
    expect((await trust.trustIn(financier.quidId, supplier.quidId)).trustLevel).toBe(0);
    await postTrust(
      node,
      await signedTrust(bureau, supplier.quidId, 0.7, 2, { timestamp: t + 61, validUntil: t + 600 }),
    );
    node.mineBlock();
    const renewed = await trust.trustIn(financier.quidId, supplier.quidId);
    expect(renewed.trustLevel).toBeCloseTo(0.63, 12);
    expect(renewed.expiresAt).toBe(t + 600);
    expect(trust.findings).toEqual([]);
    await node.close();
  });

  it('nanosecond validUntil: the node keeps counting the edge after its date; verified trust drops it and says why', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const { node, client } = manualNode(clock);
    const [financier, bureau, supplier] = [s(), s(), s()];
    const t = 1_767_225_600;
    await postTrust(node, await signedTrust(financier, bureau.quidId, 0.9, 1, { timestamp: t }));
    await postRaw(
      node,
      'transactions/trust',
      await bigValidUntilWire(bureau, supplier.quidId, 0.8, 1, BigInt(t + 60) * 1_000_000_000n, t),
    );
    node.mineBlock();
    const trust = new VerifiedTrust(client, { now: () => clock.ms });
    const before = await trust.trustIn(financier.quidId, supplier.quidId);
    expect(before.trustLevel).toBeCloseTo(0.72, 12);
    expect(before.expiresAt).toBe(t + 60);
    expect(before.findings.map((f) => f.code)).toEqual(['VALID_UNTIL_NANOSECONDS']);
    clock.ms += 3600_000;
    expect((await client.getTrust(financier.quidId, supplier.quidId)).trustLevel).toBeCloseTo(0.72, 12);
    expect((await trust.trustIn(financier.quidId, supplier.quidId)).trustLevel).toBe(0);
    await node.close();
  });
});

describe('verified trust against a node that alters what it serves', () => {
  it('a node that raises a level in the blocks it serves: the edge is BAD_SIGNATURE and does not count', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN], now: () => clock.ms });
    const [financier, bureau, supplier] = [s(), s(), s()];
    await postTrust(node, await signedTrust(financier, bureau.quidId, 0.9, 1));
    const weak = await signedTrust(bureau, supplier.quidId, 0.1, 1);
    await postTrust(node, weak);
    node.mineBlock();
    const lying = devnodeFetch(node, async (request, respond) => {
      const response = await respond();
      if (!new URL(request.url).pathname.endsWith('/blocks')) return response;
      const text = (await response.text()).replace('"trustLevel":0.1,', '"trustLevel":1,');
      return new Response(text, { status: response.status, headers: response.headers });
    });
    const client = createQuidnugClient({ ...TEST_CLIENT, baseUrl: 'http://devnode.test', fetch: lying });
    const r = await new VerifiedTrust(client, { now: () => clock.ms }).trustIn(
      financier.quidId,
      supplier.quidId,
    );
    expect(r.trustLevel).toBe(0);
    expect(r.findings).toMatchObject([
      { code: 'BAD_SIGNATURE', kind: 'forged', txId: weak.id, trustLevel: 1 },
    ]);
    await node.close();
  });
});

describe('trust sync', () => {
  it('reads only new blocks on each sync, and a second instance on the same store starts from the cursor', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const { node, client } = manualNode(clock);
    const [a, b, c] = [s(), s(), s()];
    const store = new InMemoryTrustStore();
    const trust = new VerifiedTrust(client, { store, pageSize: 2 });
    await postTrust(node, await signedTrust(a, b.quidId, 0.5, 1));
    node.mineBlock();
    await postTrust(node, await signedTrust(b, c.quidId, 0.5, 1));
    node.mineBlock();
    const first = await trust.sync();
    expect(first).toMatchObject({ blocksRead: 3, trustTransactions: 2, accepted: 2, rebuilt: undefined });
    expect((await trust.sync()).blocksRead).toBe(0);
    await postTrust(node, await signedTrust(a, c.quidId, 0.9, 1));
    node.mineBlock();
    const third = await trust.sync();
    expect(third).toMatchObject({ blocksRead: 1, trustTransactions: 1 });
    expect(third.cursor.offset).toBe(4);

    const again = new VerifiedTrust(client, { store });
    const resumed = await again.sync();
    expect(resumed.blocksRead).toBe(0);
    expect((await again.trustIn(a.quidId, c.quidId, { sync: false })).trustLevel).toBeCloseTo(0.9, 12);
    await node.close();
  });

  it('rebuilds from the first block when the block list under the cursor changed, or another node serves it', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const { node, client } = manualNode(clock);
    const [a, b] = [s(), s()];
    const empty = node.snapshot();
    await postTrust(node, await signedTrust(a, b.quidId, 0.5, 1));
    node.mineBlock();
    const trust = new VerifiedTrust(client, { now: () => clock.ms });
    expect((await trust.trustIn(a.quidId, b.quidId)).trustLevel).toBe(0.5);
    node.restore(empty); // the node's history is replaced: a different block 1
    await postTrust(node, await signedTrust(a, b.quidId, 0.2, 1));
    clock.ms += 5000;
    node.mineBlock();
    const resynced = await trust.sync();
    expect(resynced.rebuilt).toBe('history-changed');
    expect((await trust.trustIn(a.quidId, b.quidId, { sync: false })).trustLevel).toBe(0.2);

    const other = createDevNode({
      blockIntervalMs: 0,
      limits: 'off',
      domains: [DOMAIN],
      nodeKey: '7'.repeat(64),
    });
    const otherClient = createQuidnugClient({
      ...TEST_CLIENT,
      baseUrl: 'http://devnode.test',
      fetch: devnodeFetch(other),
    });
    const store = new InMemoryTrustStore();
    await store.append(trust.cursor as NonNullable<typeof trust.cursor>, []);
    const switched = new VerifiedTrust(otherClient, { store });
    expect((await switched.sync()).rebuilt).toBe('node-changed');
    await node.close();
    await other.close();
  });
});
