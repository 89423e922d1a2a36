// The shared block history (issue #18 asks one verification path for custody and trust): reads
// only new blocks, starts over when the node or its history changes, and answers exactly as a
// fresh scan from genesis would.

import {
  buildIdentity,
  buildTitle,
  buildTitleTransfer,
  checkTitleCustody,
  generateSigner,
  type IdentityTx,
  type Signer,
  signTransaction,
  type TitleTx,
} from '@quidfin/core';
import { createDevNode, type DevNode } from '@quidfin/devnode';
import { describe, expect, it } from 'vitest';
import {
  BlockHistory,
  createQuidnugClient,
  type QuidnugClient,
  readTitleHistory,
  type TitleHistory,
  VerifiedTrust,
} from '../../src/index.js';
import { devnodeFetch } from '../support/devnodeFetch.js';
import { DOMAIN, TEST_CLIENT } from '../support/harness.js';
import { postTrust, signedTrust } from '../trust/trustTx.js';

const s = (): Signer => generateSigner().signer;

/** A devnode that mines only when told, a client on it, and a count of the blocks it served. */
function manualNode(nodeKey?: string): {
  node: DevNode;
  client: QuidnugClient;
  served: { blocks: number; requests: number };
  switchTo: (other: DevNode) => void;
} {
  const node = createDevNode({
    blockIntervalMs: 0,
    limits: 'off',
    domains: [DOMAIN],
    ...(nodeKey ? { nodeKey } : {}),
  });
  const served = { blocks: 0, requests: 0 };
  let target = node;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
    devnodeFetch(target, async (request, respond) => {
      const response = await respond();
      if (new URL(request.url).pathname.endsWith('/blocks')) {
        const body = (await response.clone().json()) as { data: { data: unknown[] | null } };
        served.requests++;
        served.blocks += body.data.data?.length ?? 0;
      }
      return response;
    })(input, init)) as typeof globalThis.fetch;
  const client = createQuidnugClient({ ...TEST_CLIENT, baseUrl: 'http://devnode.test', fetch });
  return { node, client, served, switchTo: (other) => (target = other) };
}

async function register(client: QuidnugClient, signer: Signer, updateNonce = 1): Promise<IdentityTx> {
  const tx = await buildIdentity({ signer, trustDomain: DOMAIN, name: 'p', updateNonce, homeDomain: DOMAIN });
  await client.submitIdentity(tx);
  return tx;
}

async function forgedIdentity(client: QuidnugClient, victim: Signer, forger: Signer, nonce: number) {
  const own = await buildIdentity({
    signer: forger,
    trustDomain: DOMAIN,
    name: 'forged',
    updateNonce: nonce,
  });
  const tx = await signTransaction({ ...own, id: '', quidId: victim.quidId, creator: victim.quidId }, forger);
  await client.submitIdentity(tx);
  return tx;
}

async function issue(
  client: QuidnugClient,
  issuer: Signer,
  assetId: string,
  owners: Signer[],
): Promise<TitleTx> {
  const share = 1 / owners.length;
  const tx = await buildTitle({
    signer: issuer,
    trustDomain: DOMAIN,
    assetId,
    titleType: 'invoice',
    owners: owners.map((o, i) => ({
      ownerId: o.quidId,
      percentage: i === 0 ? 1 - share * (owners.length - 1) : share,
      stakeType: 'holder',
    })),
  });
  await client.submitTitle(tx);
  return tx;
}

/** What the custody check concludes from a title history (keys: the genuine identities). */
function custodyOf(h: TitleHistory) {
  const c = checkTitleCustody(h.titles, (quid) => h.genuineIdentity(quid)?.publicKey);
  return {
    titles: h.titles.map((t) => t.id),
    current: c.current?.id,
    supplier: c.supplierQuid,
    accepted: c.accepted.map((t) => t.id),
    violations: c.violations.map((v) => [v.titleId, v.code]),
  };
}

describe('block history: incremental, rebuilt when the node or its history changes', () => {
  it('a second custody read fetches only the blocks committed since the first', async () => {
    const { node, client, served } = manualNode();
    const [supplier, buyer] = [s(), s()];
    await register(client, supplier);
    await register(client, buyer);
    node.mineBlock();
    for (let i = 0; i < 30; i++) {
      await register(client, s());
      node.mineBlock();
    }
    await issue(client, supplier, 'inv-1', [supplier, buyer]);
    node.mineBlock();
    const history = new BlockHistory(client);
    const first = await readTitleHistory(client, 'inv-1', {}, history);
    expect(first.titles).toHaveLength(1);
    const total = (await client.listBlocks({ limit: 1 })).total;
    expect(served.blocks).toBe(total + 1); // the whole list, and the probe just above

    served.blocks = 0;
    served.requests = 0;
    await readTitleHistory(client, 'inv-1', {}, history);
    expect(served).toEqual({ blocks: 1, requests: 1 }); // only the block under the cursor

    const transfer = await buildTitleTransfer({
      signer: supplier,
      current: first.titles[0] as TitleTx,
      owners: [{ ownerId: buyer.quidId, percentage: 1, stakeType: 'holder' }],
      previousOwnerSigners: [supplier, buyer],
    });
    await client.submitTitle(transfer);
    node.mineBlock();
    served.blocks = 0;
    const third = await readTitleHistory(client, 'inv-1', {}, history);
    expect(served.blocks).toBe(2); // the block under the cursor and the new one
    expect(third.titles.map((t) => t.id)).toEqual([first.titles[0]?.id, transfer.id]);
    expect(third.versions.map((v) => v.offset)).toEqual([total - 1, total]);
    await node.close();
  });

  it('history rewrite: a node that drops a committed transfer and mines another block cannot keep the cached transfer alive', async () => {
    const { node, client } = manualNode();
    const [supplier, buyer, fin] = [s(), s(), s()];
    for (const p of [supplier, buyer, fin]) await register(client, p);
    node.mineBlock();
    const original = await issue(client, supplier, 'inv-rw', [supplier, buyer]);
    node.mineBlock();
    const before = node.snapshot();
    const transfer = await buildTitleTransfer({
      signer: supplier,
      current: original,
      owners: [{ ownerId: fin.quidId, percentage: 1, stakeType: 'holder' }],
      previousOwnerSigners: [supplier, buyer],
    });
    await client.submitTitle(transfer);
    node.mineBlock();
    const history = new BlockHistory(client);
    expect((await readTitleHistory(client, 'inv-rw', {}, history)).titles).toHaveLength(2);

    node.restore(before); // the transfer's block is gone; a different block takes its place
    await register(client, s());
    node.mineBlock();
    await register(client, s());
    node.mineBlock();
    const cached = await readTitleHistory(client, 'inv-rw', {}, history);
    expect(history.lastRebuild).toBe('history-changed');
    expect(cached.titles.map((t) => t.id)).toEqual([original.id]);
    expect(custodyOf(cached)).toEqual(custodyOf(await readTitleHistory(client, 'inv-rw')));

    // Shorter than the cursor: the block under it no longer exists.
    node.restore(before);
    const shorter = await history.sync();
    expect(shorter.rebuilt).toBe('history-changed');
    expect(history.titleVersions('inv-rw').map((v) => v.tx.id)).toEqual([original.id]);
    await node.close();
  });

  it('node switch: another node behind the same address is read from its first block, nothing of the old one kept', async () => {
    const { node, client, switchTo } = manualNode();
    const other = createDevNode({
      blockIntervalMs: 0,
      limits: 'off',
      domains: [DOMAIN],
      nodeKey: '7'.repeat(64),
    });
    const [supplier, buyer] = [s(), s()];
    await register(client, supplier);
    await register(client, buyer);
    node.mineBlock();
    await issue(client, supplier, 'inv-sw', [supplier, buyer]);
    node.mineBlock();
    const history = new BlockHistory(client);
    expect((await readTitleHistory(client, 'inv-sw', {}, history)).titles).toHaveLength(1);

    switchTo(other);
    const read = await history.sync();
    expect(read.rebuilt).toBe('node-changed');
    expect(history.titleVersions('inv-sw')).toEqual([]);
    expect(history.genuineIdentity(supplier.quidId)).toBeUndefined();
    expect(read.cursor.nodeId).toBe((await client.health()).nodeId);
    await node.close();
    await other.close();
  });

  it('a snapshot taken before a rebuild keeps answering for the history it was taken from', async () => {
    const { node, client } = manualNode();
    const victim = s();
    const genuine = await register(client, victim);
    node.mineBlock();
    const before = node.snapshot();
    const history = new BlockHistory(client);
    await history.sync();
    const snap = history.snapshot('none');
    await register(client, victim, 2);
    node.mineBlock();
    await history.sync();
    expect(history.genuineIdentity(victim.quidId)?.updateNonce).toBe(2);
    expect(snap.genuineIdentity(victim.quidId)?.id).toBe(genuine.id); // bounded by its cursor
    node.restore(before);
    await forgedIdentity(client, victim, s(), 9);
    node.mineBlock();
    await history.sync();
    expect(snap.genuineIdentity(victim.quidId)?.id).toBe(genuine.id);
    await node.close();
  });

  it("a snapshot's key events stop at its cursor: a registration committed after it is not in it", async () => {
    const { node, client } = manualNode();
    const [early, late] = [s(), s()];
    await register(client, early);
    node.mineBlock();
    const history = new BlockHistory(client);
    await history.sync();
    const snap = history.snapshot('none');
    await register(client, late);
    node.mineBlock();
    await history.sync();
    expect(history.keyEvents(late.quidId).map((e) => e.kind)).toEqual(['registered']);
    expect(snap.keyEvents(late.quidId)).toEqual([]); // bounded by its cursor
    expect(snap.keyEvents(early.quidId)).toEqual(history.keyEvents(early.quidId));
    await node.close();
  });

  it('a node that ignores offsets (same blocks on every page) is refused with a typed error, not looped on', async () => {
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
    for (let i = 0; i < 3; i++) {
      await node.fetch(
        new Request('http://devnode.test/api/v1/identities', {
          method: 'POST',
          body: JSON.stringify(
            await buildIdentity({ signer: s(), trustDomain: DOMAIN, name: 'x', updateNonce: 1 }),
          ),
          headers: { 'content-type': 'application/json' },
        }),
      );
      node.mineBlock();
    }
    const client = createQuidnugClient({
      ...TEST_CLIENT,
      baseUrl: 'http://devnode.test',
      fetch: devnodeFetch(node, async (request, respond) => {
        const url = new URL(request.url);
        if (!url.pathname.endsWith('/blocks')) return respond();
        url.searchParams.set('offset', '0');
        const r = await node.fetch(new Request(url));
        const body = (await r.json()) as { data: { pagination: { total: number } } };
        body.data.pagination.total = 1e12;
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      }),
    });
    const history = new BlockHistory(client, { pageSize: 2 });
    await expect(history.sync()).rejects.toMatchObject({ code: 'RESPONSE_VALIDATION' });
    await node.close();
  });

  it('verified trust and the custody check share one sync: the ledger reads each block once', async () => {
    const { node, client, served } = manualNode();
    const [a, b] = [s(), s()];
    await postTrust(node, await signedTrust(a, b.quidId, 0.5, 1));
    node.mineBlock();
    const history = new BlockHistory(client);
    const trust = new VerifiedTrust(client, { history });
    await readTitleHistory(client, 'inv-x', {}, history);
    served.blocks = 0;
    const synced = await trust.sync();
    expect(synced).toMatchObject({ blocksRead: 0, trustTransactions: 1, accepted: 1 });
    expect(served.blocks).toBe(1); // the block under the cursor only
    expect((await trust.trustIn(a.quidId, b.quidId, { sync: false })).trustLevel).toBe(0.5);

    // Another reader's sync rebuilds the history: verified trust notices and starts over too.
    const before = node.snapshot();
    await postTrust(node, await signedTrust(a, b.quidId, 0.7, 2));
    node.mineBlock();
    await trust.sync();
    node.restore(before);
    await postTrust(node, await signedTrust(a, b.quidId, 0.2, 2));
    node.mineBlock();
    await readTitleHistory(client, 'inv-x', {}, history);
    const again = await trust.sync();
    expect(again.rebuilt).toBe('history-changed');
    expect((await trust.trustIn(a.quidId, b.quidId, { sync: false })).trustLevel).toBe(0.2);
    await node.close();
  });
});
