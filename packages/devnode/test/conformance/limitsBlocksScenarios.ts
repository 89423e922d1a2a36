import { buildIdentity, buildTrust, type EventTx } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceEnv } from './env.js';
import {
  expectEnvelope,
  expectOk,
  expectPlain,
  nowSeconds,
  post,
  registerAll,
  signRaw,
  who,
} from './helpers.js';
import { poisonTrust } from './trustScenarios.js';

/** Per-signer write limits, whole-block rejection, the chain and the pool. */
export function limitsBlocksScenarios(env: () => ConformanceEnv): void {
  describe('write limits', () => {
    it('allows a TRUST signer 10 writes, then answers 400 at the quid layer, before validation', async () => {
      const a = who(env(), 'rl-trust');
      for (let i = 0; i < 10; i++) {
        const trustee = who(env(), `rl-trustee-${i}`);
        const tx = await buildTrust({
          signer: a,
          trustDomain: env().domain,
          trustee: trustee.quidId,
          trustLevel: 0.5,
          nonce: 1,
        });
        expectOk(await post(env(), '/transactions/trust', tx));
      }
      const more = await buildTrust({
        signer: a,
        trustDomain: env().domain,
        trustee: who(env(), 'rl-x').quidId,
        trustLevel: 0.5,
        nonce: 1,
      });
      expectEnvelope(
        await post(env(), '/transactions/trust', more),
        400,
        'BAD_REQUEST',
        'rate limit exceeded at quid layer',
      );
      const invalidToo = { ...more, trustLevel: 7 };
      expectEnvelope(
        await post(env(), '/transactions/trust', invalidToo),
        400,
        'BAD_REQUEST',
        'rate limit exceeded at quid layer',
      );
    });

    it('limits EVENT signers the same way (keyed on the signing key), spending tokens on invalid events too', async () => {
      const s = who(env(), 'rl-event');
      // The subject never exists, so every event is invalid whatever the block timing; the limiter
      // still runs first and spends a token each time.
      const ev = (i: number) =>
        signRaw<EventTx>(
          {
            id: '',
            type: 'EVENT',
            trustDomain: env().domain,
            timestamp: nowSeconds(),
            signature: '',
            publicKey: '',
            subjectId: `no-such-asset-${env().run}`,
            subjectType: 'TITLE',
            sequence: 1,
            eventType: `tick.${i}`,
            payload: { i },
          },
          s,
        );
      for (let i = 0; i < 10; i++) {
        expectEnvelope(
          await post(env(), '/events', await ev(i)),
          400,
          'BAD_REQUEST',
          'invalid event transaction',
        );
      }
      expectEnvelope(
        await post(env(), '/events', await ev(10)),
        400,
        'BAD_REQUEST',
        'rate limit exceeded at quid layer',
      );
    });

    it('does not rate-limit IDENTITY writes', async () => {
      for (let i = 0; i < 12; i++) {
        const s = who(env(), `rl-id-${i}`);
        expectOk(
          await post(
            env(),
            '/transactions/identity',
            await buildIdentity({ signer: s, trustDomain: env().domain, name: 'x', updateNonce: 1 }),
          ),
        );
      }
    });
  });

  describe('blocks', () => {
    it('rejects a whole block when one transaction fails revalidation (TRUST with type "trust")', async () => {
      const [a, b, bystander] = [
        who(env(), 'poison-a'),
        who(env(), 'poison-b'),
        who(env(), 'poison-bystander'),
      ];
      const poison = await poisonTrust(env(), a, b);
      const poisonAnswer = expectOk<{ transaction_id: string }>(
        await post(env(), '/transactions/trust', poison),
      );
      const innocent = await buildIdentity({
        signer: bystander,
        trustDomain: env().domain,
        name: 'bystander',
        updateNonce: 1,
      });
      expectOk(await post(env(), '/transactions/identity', innocent));
      await env().commit([poisonAnswer.transaction_id, innocent.id]);
      expectEnvelope(
        await env().request('GET', `/api/v1/identity/${bystander.quidId}`),
        404,
        'NOT_FOUND',
        'Identity not found',
      );
      const pool = expectOk<{ data: Array<{ id: string }> }>(
        await env().request('GET', '/api/v1/transactions?limit=1000'),
      );
      expect(pool.data.map((t) => t.id)).not.toContain(innocent.id);
      // The lost identity can simply be sent again.
      expectOk(await post(env(), '/transactions/identity', innocent));
      await env().commit([innocent.id]);
      expectOk(await env().request('GET', `/api/v1/identity/${bystander.quidId}`));
    });

    it('lists blocks from genesis with per-domain indexes and the committed transactions', async () => {
      const s = who(env(), 'blocks');
      const [tx] = await registerAll(env(), s);
      const first = expectOk<{ data: Array<Record<string, unknown>>; pagination: { total: number } }>(
        await env().request('GET', '/api/v1/blocks?limit=1'),
      );
      expect(first.data[0]).toMatchObject({ index: 0, prevHash: '0', transactions: [] });
      expect((first.data[0]!['trustProof'] as Record<string, unknown>)['trustDomain']).toBe('genesis');
      const total = first.pagination.total;
      const last = expectOk<{
        data: Array<{
          index: number;
          transactions: Array<{ id: string }>;
          trustProof: { trustDomain: string };
        }>;
      }>(await env().request('GET', `/api/v1/blocks?offset=${Math.max(0, total - 20)}&limit=20`));
      const mine = last.data.filter((b) => b.trustProof.trustDomain === env().domain);
      const holding = mine.find((b) => b.transactions.some((t) => t.id === tx!.id));
      expect(holding).toBeDefined();
      expect(holding!.index).toBeGreaterThanOrEqual(1);
      const pool = expectOk<{ data: unknown[]; pagination: Record<string, number> }>(
        await env().request('GET', '/api/v1/transactions'),
      );
      expect(pool.pagination).toMatchObject({ limit: 50, offset: 0 });
    });
  });

  describe('per-IP limit (last: it spends this client IP)', () => {
    it('answers 429 plain text once an IP has used its 100 requests', async () => {
      let limited: Awaited<ReturnType<ConformanceEnv['request']>> | undefined;
      const remaining: number[] = [];
      for (let i = 0; i < 130 && !limited; i++) {
        const a = await env().request('GET', '/api/v1/health');
        remaining.push(Number(a.headers.get('x-ratelimit-remaining')));
        if (a.status === 429) limited = a;
      }
      expect(limited).toBeDefined();
      expectPlain(limited!, 429, 'Too Many Requests');
      expect(limited!.headers.get('retry-after')).toBeNull();
      expect(remaining[1]!).toBeLessThan(remaining[0]!);
    });
  });
}
