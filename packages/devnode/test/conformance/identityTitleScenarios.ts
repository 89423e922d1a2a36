import { buildTitle, buildTitleTransfer, type TitleTx, toWireJson } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceEnv } from './env.js';
import {
  corrupt,
  expectEnvelope,
  expectOk,
  identityOf,
  nowSeconds,
  post,
  registerAll,
  signRaw,
  who,
} from './helpers.js';

const BAD_IDENTITY = 'invalid identity transaction';
const BAD_TITLE = 'invalid title transaction';

/** IDENTITY and TITLE (new and transfer) acceptance and rejection. */
export function identityTitleScenarios(env: () => ConformanceEnv): void {
  describe('identity', () => {
    it('accepts into the pending pool; visible only after commit', async () => {
      const s = who(env(), 'id-accept');
      const tx = await identityOf(env(), s);
      const r = expectOk(await post(env(), '/transactions/identity', tx));
      expect(r).toEqual({
        status: 'success',
        transaction_id: tx.id,
        message: 'Identity transaction added to pending pool',
      });
      const before = await env().request('GET', `/api/v1/identity/${s.quidId}`);
      expectEnvelope(before, 404, 'NOT_FOUND', 'Identity not found');
      const pending = expectOk<{ data: Array<{ id: string }> }>(
        await env().request('GET', '/api/v1/transactions?limit=1000'),
      );
      expect(pending.data.map((t) => t.id)).toContain(tx.id);
      await env().commit([tx.id]);
      const after = expectOk(await env().request('GET', `/api/v1/identity/${s.quidId}`));
      expect(after).toEqual(JSON.parse(toWireJson(tx)));
    });

    it('refuses a bad signature, an unregistered domain, a stale updateNonce and a changed creator', async () => {
      const s = who(env(), 'id-rules');
      const tx = await identityOf(env(), s);
      expectEnvelope(
        await post(env(), '/transactions/identity', corrupt(tx)),
        400,
        'BAD_REQUEST',
        BAD_IDENTITY,
      );
      const unregistered = await signRaw({ ...tx, trustDomain: `nope-${env().run}.test` }, s);
      expectEnvelope(
        await post(env(), '/transactions/identity', unregistered),
        400,
        'BAD_REQUEST',
        BAD_IDENTITY,
      );
      const badQuid = await signRaw({ ...tx, quidId: 'NOT-A-QUID' }, s);
      expectEnvelope(await post(env(), '/transactions/identity', badQuid), 400, 'BAD_REQUEST', BAD_IDENTITY);
      expectOk(await post(env(), '/transactions/identity', tx));
      await env().commit([tx.id]);
      const same = await identityOf(env(), s, 1);
      expectEnvelope(await post(env(), '/transactions/identity', same), 400, 'BAD_REQUEST', BAD_IDENTITY);
      const other = who(env(), 'id-rules-other');
      const hijack = await signRaw(
        { ...tx, updateNonce: 5, creator: other.quidId, timestamp: nowSeconds() },
        other,
      );
      expectEnvelope(await post(env(), '/transactions/identity', hijack), 400, 'BAD_REQUEST', BAD_IDENTITY);
      const update = await identityOf(env(), s, 2);
      expectOk(await post(env(), '/transactions/identity', update));
    });
  });

  describe('title', () => {
    it('needs committed owner identities and shares summing to 1 or 100', async () => {
      const [a, b] = [who(env(), 'title-a'), who(env(), 'title-b')];
      const base: TitleTx = {
        id: '',
        type: 'TITLE',
        trustDomain: env().domain,
        timestamp: nowSeconds(),
        signature: '',
        publicKey: '',
        assetId: `inv-${env().run}-1`,
        owners: [
          { ownerId: a.quidId, percentage: 0.5, stakeType: 'supplier' },
          { ownerId: b.quidId, percentage: 0.5, stakeType: 'buyer' },
        ],
        signatures: {},
        titleType: 'invoice',
      };
      expectEnvelope(
        await post(env(), '/transactions/title', await signRaw(base, a)),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      await registerAll(env(), a, b);
      const short = { ...base, owners: [{ ownerId: a.quidId, percentage: 0.9 }] };
      expectEnvelope(
        await post(env(), '/transactions/title', await signRaw(short, a)),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      const noOwners = { ...base, owners: [] };
      expectEnvelope(
        await post(env(), '/transactions/title', await signRaw(noOwners, a)),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      const foreign = { ...base, trustDomain: `nope-${env().run}.test` };
      expectEnvelope(
        await post(env(), '/transactions/title', await signRaw(foreign, a)),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      const control = { ...base, assetId: 'inv\u0007x' };
      expectEnvelope(
        await post(env(), '/transactions/title', await signRaw(control, a)),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      const percent = await signRaw(
        {
          ...base,
          assetId: `inv-${env().run}-pct`,
          owners: [
            { ownerId: a.quidId, percentage: 60 },
            { ownerId: b.quidId, percentage: 40 },
          ],
        },
        a,
      );
      expectOk(await post(env(), '/transactions/title', percent));
      const ok = await signRaw(base, a);
      const r = expectOk(await post(env(), '/transactions/title', ok));
      expect(r).toEqual({
        status: 'success',
        transaction_id: ok.id,
        message: 'Title transaction added to pending pool',
      });
      await env().commit([ok.id, percent.id]);
      expect(expectOk(await env().request('GET', `/api/v1/title/${base.assetId}`))).toEqual(
        JSON.parse(toWireJson(ok)),
      );
      const byOwner = expectOk<{ data: Array<Record<string, unknown>>; pagination: Record<string, number> }>(
        await env().request('GET', `/api/v1/registry/title?owner_id=${b.quidId}`),
      );
      expect(byOwner.data).toContainEqual({ asset_id: base.assetId, percentage: 0.5, stake_type: 'buyer' });
      expect(byOwner.pagination).toMatchObject({ limit: 50, offset: 0 });
      expectEnvelope(
        await env().request('GET', `/api/v1/title/no-such-${env().run}`),
        404,
        'NOT_FOUND',
        'Title not found',
      );
    });

    it('transfers need every previous owner signature and matching previousOwners', async () => {
      const [supplier, financier] = [who(env(), 'xfer-supplier'), who(env(), 'xfer-financier')];
      await registerAll(env(), supplier, financier);
      const title = await buildTitle({
        signer: supplier,
        trustDomain: env().domain,
        assetId: `inv-${env().run}-xfer`,
        owners: [{ ownerId: supplier.quidId, percentage: 1, stakeType: 'supplier' }],
        titleType: 'invoice',
      });
      expectOk(await post(env(), '/transactions/title', title));
      await env().commit([title.id]);
      const owners = [{ ownerId: financier.quidId, percentage: 1, stakeType: 'financier' }];
      const unsignedByOwner = await signRaw(
        { ...title, owners, previousOwners: title.owners ?? [], signatures: {}, timestamp: nowSeconds() },
        financier,
      );
      expectEnvelope(
        await post(env(), '/transactions/title', unsignedByOwner),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      const transfer = await buildTitleTransfer({
        signer: financier,
        current: title,
        owners,
        previousOwnerSigners: [supplier],
      });
      const mismatched = await signRaw(
        {
          ...transfer,
          previousOwners: [{ ownerId: supplier.quidId, percentage: 0.5, stakeType: 'supplier' }],
        },
        financier,
      );
      expectEnvelope(await post(env(), '/transactions/title', mismatched), 400, 'BAD_REQUEST', BAD_TITLE);
      expectEnvelope(
        await post(env(), '/transactions/title', corrupt(transfer)),
        400,
        'BAD_REQUEST',
        BAD_TITLE,
      );
      expectOk(await post(env(), '/transactions/title', transfer));
      await env().commit([transfer.id]);
      const now = expectOk<{ owners: Array<{ ownerId: string }> }>(
        await env().request('GET', `/api/v1/title/${title.assetId}`),
      );
      expect(now.owners.map((o) => o.ownerId)).toEqual([financier.quidId]);
    });
  });
}
