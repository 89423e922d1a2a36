// PROTOCOL G7: the node keeps whatever `type` a TRUST was sent with, and lists it in its pending
// pool until the block it poisons is mined. Someone else's such entry must not break this
// client's pool reads or commit waits on that node.

import { buildIdentity, generateSigner, type Signer, signableJson } from '@quidfin/core';
import { createDevNode } from '@quidfin/devnode';
import { describe, expect, it } from 'vitest';
import { createQuidnugClient } from '../src/index.js';
import { devnodeFetch } from './support/devnodeFetch.js';
import { DOMAIN, TEST_CLIENT } from './support/harness.js';
import { postRaw, signedTrust } from './trust/trustTx.js';

const OTHER = 'other.example';
const s = (): Signer => generateSigner().signer;

/** A TRUST signed (validly) with `type` set to something else, as wire JSON. */
async function poisonTrust(type: string): Promise<string> {
  const [from, to] = [s(), s()];
  const tx = await signedTrust(from, to.quidId, 0.5, 1);
  const json = signableJson({ ...tx, signature: '', id: tx.id }).replace(
    ',"type":"TRUST",',
    `,"type":"${type}",`,
  );
  const signature = await from.sign(new TextEncoder().encode(json));
  return json.replace('"signature":""', `"signature":"${signature}"`);
}

describe('pending pool with a G7 poison TRUST (a wrong `type`, kept by the node)', () => {
  for (const type of ['trust', 'IDENTITY', 'EVENT']) {
    it(`G7 poison: a TRUST sent with type "${type}" in the pool neither breaks pool reads nor another domain's commit wait`, async () => {
      const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN, OTHER] });
      const client = createQuidnugClient({
        ...TEST_CLIENT,
        baseUrl: 'http://devnode.test',
        fetch: devnodeFetch(node),
      });
      await postRaw(node, 'transactions/trust', await poisonTrust(type));
      const ours = await buildIdentity({ signer: s(), trustDomain: OTHER, name: 'ours', updateNonce: 1 });
      await client.submitIdentity(ours);

      const pool = await client.listPendingTransactions();
      expect(pool.items.map((t) => t.id)).toEqual([ours.id]); // the poison entry is left out
      expect(await client.locateTransaction(ours)).toBe('pending');

      const wait = client.waitForCommit(ours, { timeoutMs: 5_000 });
      await new Promise((r) => setTimeout(r, 60));
      const mined = node.mineBlock();
      expect(mined.rejected.map((r) => r.domain)).toEqual([DOMAIN]); // the poison took its own block down
      await expect(wait).resolves.toBeUndefined();
      await node.close();
    });
  }
});

describe('pending pool entries that are not G7 poison stay errors', () => {
  it('an IDENTITY mangled by the node (no quidId) still fails the pool read: it could be ours', async () => {
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
    const client = createQuidnugClient({
      ...TEST_CLIENT,
      baseUrl: 'http://devnode.test',
      fetch: devnodeFetch(node, async (request, respond) => {
        const res = await respond();
        if (!new URL(request.url).pathname.endsWith('/transactions')) return res;
        const body = (await res.json()) as { data: { data: Record<string, unknown>[] } };
        for (const t of body.data.data) delete t['quidId'];
        return new Response(JSON.stringify(body), { status: 200, headers: res.headers });
      }),
    });
    await client.submitIdentity(
      await buildIdentity({ signer: s(), trustDomain: DOMAIN, name: 'x', updateNonce: 1 }),
    );
    await expect(client.listPendingTransactions()).rejects.toMatchObject({ code: 'RESPONSE_VALIDATION' });
    await node.close();
  });
});
