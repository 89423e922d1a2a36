import { buildEvent, buildIdentity, buildTitle, generateSigner, type Signer } from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, grantTrust, type QuidfinClientError, type QuidnugClient } from '../../src/index.js';
import { DOMAIN, type Harness, type MakeHarness, TEST_NODE } from '../support/harness.js';

async function register(client: QuidnugClient, name: string): Promise<Signer> {
  const { signer } = generateSigner();
  const tx = await buildIdentity({
    signer,
    trustDomain: DOMAIN,
    name,
    updateNonce: 1,
    attributes: { role: name },
  });
  await client.submitIdentity(tx);
  await client.waitForCommit(tx);
  return signer;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as QuidfinClientError).code;
  }
  return 'resolved';
}

/** One test per route of PROTOCOL §9.9, against a devnode reached by `make`. */
export function defineRouteSuite(label: string, make: MakeHarness): void {
  describe(`routes (${label})`, () => {
    let h: Harness;
    let client: QuidnugClient;
    let alice: Signer;
    let bob: Signer;

    beforeAll(async () => {
      h = await make();
      client = h.client();
      alice = await register(client, 'alice');
      bob = await register(client, 'bob');
    });
    afterAll(() => h.close());

    it('health, info, domains, ensureDomain (idempotent), registerDomain conflict', async () => {
      expect((await client.health()).status).toBe('ok');
      const info = await client.info();
      expect(info.managedDomains).toContain(DOMAIN);
      expect((await client.listDomains()).map((d) => d.name)).toContain('default');
      expect(await client.ensureDomain('ledger.example')).toMatchObject({
        name: 'ledger.example',
        created: true,
      });
      expect(await client.ensureDomain('ledger.example')).toMatchObject({ created: false });
      expect(await codeOf(client.registerDomain('ledger.example'))).toBe('HTTP_ERROR');
      expect((await client.listDomains()).map((d) => d.name)).toContain('ledger.example');
    });

    it('identity: submit, get, find (404 as undefined), registry entry and list', async () => {
      expect((await client.getIdentityRegistryEntry(bob.quidId)).quidId).toBe(bob.quidId);
      const listed = [];
      for await (const e of client.iterateIdentities({ limit: 1 })) listed.push(e.quidId);
      expect(listed).toEqual(expect.arrayContaining([alice.quidId, bob.quidId]));
      expect((await client.listIdentities({ limit: 1 })).items[0]?.identity.creator).toMatch(
        /^[0-9a-f]{16}$/,
      );
      const got = await client.getIdentity(alice.quidId);
      expect(got).toMatchObject({
        type: 'IDENTITY',
        quidId: alice.quidId,
        name: 'alice',
        publicKey: alice.publicKey,
      });
      expect(await client.findIdentity('0000000000000000')).toBeUndefined();
      expect(await codeOf(client.getIdentity('0000000000000000'))).toBe('NOT_FOUND');
    });

    it('trust: grant with managed nonces, relational query (GET and POST), edges, registry views', async () => {
      const first = await grantTrust(client, {
        signer: alice,
        trustDomain: DOMAIN,
        trustee: bob.quidId,
        trustLevel: 0.8,
      });
      expect(first.tx.nonce).toBe(1);
      await client.waitForCommit(first.tx);
      const second = await grantTrust(client, {
        signer: alice,
        trustDomain: DOMAIN,
        trustee: bob.quidId,
        trustLevel: 0.9,
      });
      expect(second.tx.nonce).toBe(2);
      await client.waitForCommit(second.tx);

      const t = await client.getTrust(alice.quidId, bob.quidId, { domain: DOMAIN, maxDepth: 3 });
      expect(t).toMatchObject({ trustLevel: 0.9, trustPath: [alice.quidId, bob.quidId] });
      const none = await client.getTrust(bob.quidId, alice.quidId);
      expect(none.trustLevel).toBe(0);
      expect(none.trustPath).toEqual([]);
      const q = await client.queryTrust({
        observer: alice.quidId,
        target: bob.quidId,
        includeUnverified: true,
      });
      expect(q.trustLevel).toBe(0.9);
      expect(Array.isArray(q.verificationGaps)).toBe(true);

      const edges = await client.getTrustEdges(alice.quidId);
      expect(edges.edges).toHaveLength(1);
      expect(edges.edges[0]).toMatchObject({ truster: alice.quidId, trustee: bob.quidId, trustLevel: 0.9 });
      expect(await client.getTrustRegistryEdge(alice.quidId, bob.quidId)).toMatchObject({ trust_level: 0.9 });
      expect((await client.getTrustRelationships(alice.quidId)).relationships).toEqual({ [bob.quidId]: 0.9 });
      expect((await client.getTrustRelationships(bob.quidId)).relationships).toEqual({});
      expect((await client.getRegistryTrust({ observer: alice.quidId, target: bob.quidId })).trustLevel).toBe(
        0.9,
      );
      const page = await client.listTrustRegistry({ limit: 10 });
      expect(page.items.some((e) => e.truster === alice.quidId)).toBe(true);
      const all = [];
      for await (const e of client.iterateTrustRegistry({ limit: 1 })) all.push(e);
      expect(all.length).toBe(page.total);
    });

    it('title: submit, get, registry by asset, by owner and all', async () => {
      const title = await buildTitle({
        signer: alice,
        trustDomain: DOMAIN,
        assetId: 'asset-routes-1',
        titleType: 'invoice',
        owners: [
          { ownerId: alice.quidId, percentage: 0.9, stakeType: 'supplier' },
          { ownerId: bob.quidId, percentage: 0.1, stakeType: 'buyer' },
        ],
      });
      const r = await client.submitTitle(title);
      expect(r.transactionId).toBe(title.id);
      await client.waitForCommit(title);
      expect((await client.getTitle('asset-routes-1')).id).toBe(title.id);
      expect((await client.getTitleRegistryEntry('asset-routes-1')).id).toBe(title.id);
      expect(await client.findTitle('nope')).toBeUndefined();
      const owned = await client.listTitlesByOwner(bob.quidId);
      expect(owned.items).toEqual([
        {
          assetId: 'asset-routes-1',
          asset_id: 'asset-routes-1',
          percentage: 0.1,
          stakeType: 'buyer',
          stake_type: 'buyer',
        },
      ]);
      const mine = [];
      for await (const x of client.iterateTitlesByOwner(alice.quidId)) mine.push(x.assetId);
      expect(mine).toContain('asset-routes-1');
      const titles = [];
      for await (const x of client.iterateTitles({ limit: 1 })) titles.push(x.assetId);
      expect(titles).toContain('asset-routes-1');
    });

    it('events: submit returns {id, sequence}; stream metadata 404 before commit, then paginated events', async () => {
      expect(await codeOf(client.getStream(alice.quidId))).toBe('NOT_FOUND');
      expect((await client.listStreamEvents(alice.quidId)).items).toEqual([]);
      const tx = await buildEvent({
        signer: alice,
        trustDomain: DOMAIN,
        subjectId: alice.quidId,
        subjectType: 'QUID',
        sequence: 1,
        eventType: 'profile.updated',
        payload: { note: 'Smith & Sons <ok>' },
      });
      expect(await client.submitEvent(tx)).toEqual({ id: tx.id, sequence: 1 });
      await client.waitForCommit(tx);
      const stream = await client.getStream(alice.quidId);
      expect(stream).toMatchObject({
        subjectId: alice.quidId,
        latestSequence: 1,
        eventCount: 1,
        latestEventId: tx.id,
      });
      expect(await client.findStream('0000000000000000')).toBeUndefined();
      for (let i = 0; i < 3; i++) {
        const { tx: next } = await appendEvent(client, {
          signer: alice,
          trustDomain: DOMAIN,
          subjectId: alice.quidId,
          subjectType: 'QUID',
          eventType: 'profile.updated',
          payload: { i },
        });
        await client.waitForCommit(next);
      }
      const page = await client.listStreamEvents(alice.quidId, { limit: 2, offset: 1 });
      expect(page).toMatchObject({ limit: 2, offset: 1, total: 4 });
      expect(page.items.map((e) => e.sequence)).toEqual([2, 3]);
      const seqs = [];
      for await (const e of client.iterateStreamEvents(alice.quidId, { limit: 3 })) seqs.push(e.sequence);
      expect(seqs).toEqual([1, 2, 3, 4]);
    });

    it('pending pool, blocks (list and iterate), tentative blocks', async () => {
      // A node that mines only when told, so the pool can be observed before the commit.
      const manual = await make({ ...TEST_NODE, blockIntervalMs: 0 });
      try {
        const c = manual.client();
        const tx = await buildIdentity({
          signer: generateSigner().signer,
          trustDomain: DOMAIN,
          name: 'pending',
          updateNonce: 1,
        });
        await c.submitIdentity(tx);
        const pending = [];
        for await (const p of c.iteratePendingTransactions({ limit: 1 })) pending.push(p.id);
        expect(pending).toEqual([tx.id]);
        expect(await c.locateTransaction(tx)).toBe('pending');
        manual.node.mineBlock();
        await c.waitForCommit(tx.id);
        expect(await c.locateTransaction(tx)).toBe('committed');
        expect(await c.streamState(tx.quidId)).toEqual({ exists: false, latest: 0 });
        expect((await c.listPendingTransactions()).items).toEqual([]);
      } finally {
        await manual.close();
      }
      const blocks = await client.listBlocks({ limit: 2 });
      expect(blocks.total).toBeGreaterThan(1);
      let count = 0;
      for await (const b of client.iterateBlocks({ limit: 50 })) {
        expect(typeof b.hash).toBe('string');
        count++;
      }
      expect(count).toBe(blocks.total);
      expect((await client.getTentativeBlocks(DOMAIN)).domain).toBe(DOMAIN);
    });

    it('a transaction the node refuses is TRANSACTION_REJECTED; an unknown field is UNKNOWN_FIELD', async () => {
      const tx = await buildEvent({
        signer: bob,
        trustDomain: DOMAIN,
        subjectId: alice.quidId,
        subjectType: 'QUID',
        sequence: 99,
        eventType: 'not.mine',
        payload: { a: 1 },
      });
      expect(await codeOf(client.submitEvent(tx))).toBe('TRANSACTION_REJECTED');
      const body = JSON.stringify({
        ...JSON.parse('{}'),
        observer: alice.quidId,
        target: bob.quidId,
        bogus: 1,
      });
      const unknown = client.transport.call({
        method: 'POST',
        path: 'trust/query',
        route: 'POST /trust/query',
        body,
        parse: (d) => d,
        retry: 'none',
      });
      expect(await codeOf(unknown)).toBe('UNKNOWN_FIELD');
    });
  });
}
