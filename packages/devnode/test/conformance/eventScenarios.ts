import { buildEvent, buildTitle, type EventTx, type Signer } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceEnv } from './env.js';
import { expectEnvelope, expectOk, nowSeconds, post, registerAll, signRaw, who } from './helpers.js';

const BAD_EVENT = 'invalid event transaction';

async function titleFor(env: ConformanceEnv, assetId: string, owner: Signer, coOwner: Signer): Promise<void> {
  const title = await buildTitle({
    signer: owner,
    trustDomain: env.domain,
    assetId,
    owners: [
      { ownerId: owner.quidId, percentage: 0.98, stakeType: 'supplier' },
      { ownerId: coOwner.quidId, percentage: 0.02, stakeType: 'buyer' },
    ],
    titleType: 'invoice',
  });
  expectOk(await post(env, '/transactions/title', title));
  await env.commit([title.id]);
}

function event(
  env: ConformanceEnv,
  signer: Signer,
  subjectId: string,
  sequence: number,
  extra: Partial<EventTx> = {},
) {
  return signRaw<EventTx>(
    {
      id: '',
      type: 'EVENT',
      trustDomain: env.domain,
      timestamp: nowSeconds(),
      signature: '',
      publicKey: '',
      subjectId,
      subjectType: 'TITLE',
      sequence,
      eventType: 'invoice.note',
      payload: { n: sequence },
      ...extra,
    },
    signer,
  );
}

/** EVENT rules: subject committed, owners only, sequences, payload rules, reads. */
export function eventScenarios(env: () => ConformanceEnv): void {
  describe('events', () => {
    it('need a committed subject; unknown streams are 404 (metadata) and an empty 200 (events)', async () => {
      const [s, b] = [who(env(), 'ev-subject'), who(env(), 'ev-subject-b')];
      await registerAll(env(), s, b);
      const assetId = `inv-${env().run}-ev0`;
      expectEnvelope(
        await post(env(), '/events', await event(env(), s, assetId, 1)),
        400,
        'BAD_REQUEST',
        BAD_EVENT,
      );
      expectEnvelope(
        await env().request('GET', `/api/v1/streams/${assetId}`),
        404,
        'NOT_FOUND',
        'Event stream not found',
      );
      expect(expectOk(await env().request('GET', `/api/v1/streams/${assetId}/events`))).toEqual({
        data: [],
        pagination: { limit: 50, offset: 0, total: 0 },
      });
    });

    it('enforce new-stream and committed-stream sequence rules and owner-only writes', async () => {
      const [owner, co, stranger] = [who(env(), 'ev-owner'), who(env(), 'ev-co'), who(env(), 'ev-stranger')];
      await registerAll(env(), owner, co, stranger);
      const assetId = `inv-${env().run}-ev1`;
      await titleFor(env(), assetId, owner, co);
      expectEnvelope(
        await post(env(), '/events', await event(env(), owner, assetId, 2)),
        400,
        'BAD_REQUEST',
        BAD_EVENT,
      );
      const first = await event(env(), owner, assetId, 1);
      expect(expectOk(await post(env(), '/events', first))).toEqual({ id: first.id, sequence: 1 });
      const second = await event(env(), co, assetId, 1, { eventType: 'buyer.acknowledged' });
      expect(expectOk(await post(env(), '/events', second))).toEqual({ id: second.id, sequence: 1 });
      expectEnvelope(
        await post(env(), '/events', await event(env(), stranger, assetId, 1)),
        400,
        'BAD_REQUEST',
        BAD_EVENT,
      );
      await env().commit([first.id, second.id]);
      const meta = expectOk<Record<string, unknown>>(
        await env().request('GET', `/api/v1/streams/${assetId}`),
      );
      expect(meta).toMatchObject({
        subjectId: assetId,
        subjectType: 'TITLE',
        latestSequence: 1,
        eventCount: 2,
      });
      expect(meta['latestEventId']).toBe(second.id);
      expect(meta['createdAt']).toBe(first.timestamp);
      expectEnvelope(
        await post(env(), '/events', await event(env(), owner, assetId, 1)),
        400,
        'BAD_REQUEST',
        BAD_EVENT,
      );
      const gap = await event(env(), owner, assetId, 7);
      expect(expectOk(await post(env(), '/events', gap))).toEqual({ id: gap.id, sequence: 7 });
      await env().commit([gap.id]);
      const list = expectOk<{ data: EventTx[] }>(
        await env().request('GET', `/api/v1/streams/${assetId}/events`),
      );
      expect(list.data.map((e) => e.id)).toEqual([first.id, second.id, gap.id]);
    });

    it('QUID streams take only the quid itself', async () => {
      const [self, other] = [who(env(), 'ev-self'), who(env(), 'ev-other')];
      await registerAll(env(), self, other);
      const mine = await event(env(), self, self.quidId, 1, { subjectType: 'QUID' });
      expectOk(await post(env(), '/events', mine));
      const theirs = await event(env(), other, self.quidId, 1, { subjectType: 'QUID' });
      expectEnvelope(await post(env(), '/events', theirs), 400, 'BAD_REQUEST', BAD_EVENT);
      const badSubject = await event(env(), self, 'NOT-HEX', 1, { subjectType: 'QUID' });
      expectEnvelope(await post(env(), '/events', badSubject), 400, 'BAD_REQUEST', BAD_EVENT);
      const domainType = await event(env(), self, self.quidId, 1, { subjectType: 'DOMAIN' as 'QUID' });
      expectEnvelope(await post(env(), '/events', domainType), 400, 'BAD_REQUEST', BAD_EVENT);
    });

    it('need a payload or a valid CID, a short event type and a registered domain', async () => {
      const s = who(env(), 'ev-payload');
      await registerAll(env(), s);
      const q = { subjectType: 'QUID' as const };
      const noPayload: Partial<EventTx> = { ...q };
      const cases: Array<Partial<EventTx>> = [
        { ...q, payload: {} },
        { ...q, eventType: 'x'.repeat(65) },
        { ...q, eventType: '' },
        { ...q, trustDomain: '' },
        { ...q, trustDomain: `nope-${env().run}.test` },
        { ...q, payload: {}, payloadCid: 'QmNotACid' },
        { ...q, payload: { blob: 'x'.repeat(66_000) } },
      ];
      for (const extra of cases) {
        const tx = await event(env(), s, s.quidId, 1, extra);
        expectEnvelope(await post(env(), '/events', tx), 400, 'BAD_REQUEST', BAD_EVENT);
      }
      const { payload: _omit, ...withoutPayload } = await event(env(), s, s.quidId, 1, noPayload);
      expectEnvelope(
        await post(env(), '/events', await signRaw(withoutPayload as EventTx, s)),
        400,
        'BAD_REQUEST',
        BAD_EVENT,
      );
      const cid = await event(env(), s, s.quidId, 1, {
        ...q,
        payload: {},
        payloadCid: 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG',
      });
      expectOk(await post(env(), '/events', cid));
      const exactly64 = await event(env(), s, s.quidId, 1, { ...q, eventType: 'e'.repeat(64) });
      expectOk(await post(env(), '/events', exactly64));
    });

    it('hide events whose payload expiresAt (nanoseconds) has passed, and paginate in commit order', async () => {
      const s = who(env(), 'ev-expiry');
      await registerAll(env(), s);
      const q = { subjectType: 'QUID' as const };
      const past = await event(env(), s, s.quidId, 1, { ...q, payload: { expiresAt: 1_000_000_000 } });
      const future = await event(env(), s, s.quidId, 1, {
        ...q,
        eventType: 'later',
        payload: { expiresAt: (nowSeconds() + 86_400) * 1e9 },
      });
      const plain = await buildEvent({
        signer: s,
        trustDomain: env().domain,
        subjectId: s.quidId,
        subjectType: 'QUID',
        sequence: 1,
        eventType: 'plain',
        payload: { ok: true },
      });
      for (const tx of [past, future, plain]) expectOk(await post(env(), '/events', tx));
      await env().commit([past.id, future.id, plain.id]);
      const path = `/api/v1/streams/${s.quidId}/events`;
      const visible = expectOk<{ data: EventTx[]; pagination: Record<string, number> }>(
        await env().request('GET', path),
      );
      expect(visible.data.map((e) => e.eventType)).toEqual(['later', 'plain']);
      expect(visible.pagination).toEqual({ limit: 50, offset: 0, total: 3 });
      const all = expectOk<{ data: EventTx[] }>(await env().request('GET', `${path}?include_expired=true`));
      expect(all.data.map((e) => e.id)).toEqual([past.id, future.id, plain.id]);
      const page = expectOk<{ data: EventTx[]; pagination: Record<string, number> }>(
        await env().request('GET', `${path}?include_expired=true&limit=2&offset=1`),
      );
      expect(page.data.map((e) => e.id)).toEqual([future.id, plain.id]);
      expect(page.pagination).toEqual({ limit: 2, offset: 1, total: 3 });
      const odd = expectOk<{ data: EventTx[]; pagination: Record<string, number> }>(
        await env().request('GET', `${path}?limit=0&offset=-4`),
      );
      expect(odd.pagination).toEqual({ limit: 50, offset: 0, total: 3 });
      const capped = expectOk<{ pagination: Record<string, number> }>(
        await env().request('GET', `${path}?limit=5000&offset=9`),
      );
      expect(capped).toEqual({ data: [], pagination: { limit: 1000, offset: 9, total: 3 } });
    });
  });
}
