import { buildTrust, type Signer, signableJson, type TrustTx, toWireJson } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceEnv } from './env.js';
import { expectEnvelope, expectOk, expectPlain, nowSeconds, post, signRaw, who } from './helpers.js';

const BAD_TRUST = 'invalid trust transaction';

function trust(
  env: ConformanceEnv,
  from: Signer,
  to: Signer,
  level: number,
  nonce: number,
  extra: Partial<TrustTx> = {},
) {
  return signRaw<TrustTx>(
    {
      id: '',
      type: 'TRUST',
      trustDomain: env.domain,
      timestamp: nowSeconds(),
      signature: '',
      publicKey: '',
      truster: from.quidId,
      trustee: to.quidId,
      trustLevel: level,
      nonce,
      ...extra,
    },
    from,
  );
}

/** A TRUST signed with a `type` other than "TRUST" (PROTOCOL G7): accepted, then poisons its block. */
export async function poisonTrust(env: ConformanceEnv, from: Signer, to: Signer): Promise<string> {
  const tx = await trust(env, from, to, 0.5, 1);
  const json = signableJson(tx).replace(',"type":"TRUST",', ',"type":"trust",');
  const signature = await from.sign(new TextEncoder().encode(json));
  return json.replace('"signature":""', `"signature":"${signature}"`);
}

/** TRUST rules, nonces, relational queries, edges and the trust registry. */
export function trustScenarios(env: () => ConformanceEnv): void {
  describe('trust', () => {
    it('accepts a valid edge and refuses bad nonce, level, validUntil, domain and quid formats', async () => {
      const [a, b] = [who(env(), 'tr-a'), who(env(), 'tr-b')];
      const ok = await buildTrust({
        signer: a,
        trustDomain: env().domain,
        trustee: b.quidId,
        trustLevel: 0.9,
        nonce: 1,
      });
      expect(expectOk(await post(env(), '/transactions/trust', ok))).toEqual({
        status: 'success',
        transaction_id: ok.id,
        message: 'Trust transaction added to pending pool',
      });
      const t = nowSeconds();
      const bad: Array<Partial<TrustTx>> = [
        { nonce: 0 },
        { nonce: -3 },
        { trustLevel: 1.5 },
        { trustLevel: -0.1 },
        { validUntil: t, timestamp: t },
        { validUntil: t - 10, timestamp: t },
        { trustDomain: `nope-${env().run}.test` },
        { trustee: 'NOT-A-QUID' },
        { description: 'bad\u0000byte' },
      ];
      // A fresh truster per case: the per-signer write limit (10) must not answer instead.
      for (const [i, extra] of bad.entries()) {
        const tx = await trust(env(), who(env(), `tr-bad-${i}`), b, 0.5, 2, extra);
        expectEnvelope(await post(env(), '/transactions/trust', tx), 400, 'BAD_REQUEST', BAD_TRUST);
      }
      const wrongKey = await trust(env(), a, b, 0.5, 2);
      const forged = { ...wrongKey, publicKey: b.publicKey };
      expectEnvelope(await post(env(), '/transactions/trust', forged), 400, 'BAD_REQUEST', BAD_TRUST);
      // validUntil is in seconds: a future value is accepted, and a value in a finer unit (here
      // microseconds, the largest the SDK can encode) is just a far-future expiry.
      const until = await trust(env(), who(env(), 'tr-until'), b, 0.5, 1, {
        validUntil: t + 3600,
        timestamp: t,
      });
      expectOk(await post(env(), '/transactions/trust', until));
      const nanos = await trust(env(), who(env(), 'tr-nanos'), b, 0.5, 1, {
        validUntil: t * 1_000_000,
        timestamp: t,
      });
      expectOk(await post(env(), '/transactions/trust', nanos));
      // Zero is a legal level (a revocation edge). Nonce 2 beats nonce 1 whether or not a block
      // has committed the first edge meanwhile.
      expectOk(await post(env(), '/transactions/trust', await trust(env(), a, b, 0, 2)));
    });

    it('accepts a validUntil in nanoseconds (beyond what a JS number holds) and never expires it', async () => {
      const [a, b] = [who(env(), 'tr-ns-a'), who(env(), 'tr-ns-b')];
      const t = nowSeconds();
      const tx = await trust(env(), a, b, 0.6, 1, { timestamp: t, validUntil: t + 3600 });
      // Re-sign over the exact nanosecond digits, as a client holding int64s would.
      const digits = `${t}000000123`;
      const json = signableJson(tx).replace(`"validUntil":${t + 3600}`, `"validUntil":${digits}`);
      const signature = await a.sign(new TextEncoder().encode(json));
      const body = json.replace('"signature":""', `"signature":"${signature}"`);
      expectOk(await post(env(), '/transactions/trust', body));
      await env().commit([tx.id]);
      const edges = expectOk<{ edges: Record<string, { trustLevel: number }> }>(
        await env().request('GET', `/api/v1/trust/edges/${a.quidId}`),
      );
      expect(edges.edges[b.quidId]?.trustLevel).toBe(0.6);
      const pair = expectOk<{ trust_level: number }>(
        await env().request('GET', `/api/v1/registry/trust?truster=${a.quidId}&trustee=${b.quidId}`),
      );
      expect(pair.trust_level).toBe(0.6);
      const relational = expectOk<{ trustLevel: number }>(
        await env().request('GET', `/api/v1/trust/${a.quidId}/${b.quidId}`),
      );
      expect(relational.trustLevel).toBe(0.6);
    });

    it('needs a nonce above the committed one for the pair, across domains', async () => {
      const [a, b] = [who(env(), 'nonce-a'), who(env(), 'nonce-b')];
      const first = await trust(env(), a, b, 0.7, 3);
      expectOk(await post(env(), '/transactions/trust', first));
      await env().commit([first.id]);
      for (const n of [1, 3]) {
        expectEnvelope(
          await post(env(), '/transactions/trust', await trust(env(), a, b, 0.7, n)),
          400,
          'BAD_REQUEST',
          BAD_TRUST,
        );
      }
      const otherDomain = await trust(env(), a, b, 0.7, 2, { trustDomain: 'default' });
      expectEnvelope(await post(env(), '/transactions/trust', otherDomain), 400, 'BAD_REQUEST', BAD_TRUST);
      expectOk(
        await post(
          env(),
          '/transactions/trust',
          await trust(env(), a, b, 0.7, 4, { trustDomain: 'default' }),
        ),
      );
    });

    it('answers relational queries, edges and registry reads', async () => {
      const [o, m, t] = [who(env(), 'rel-o'), who(env(), 'rel-m'), who(env(), 'rel-t')];
      const e1 = await trust(env(), o, m, 0.9, 1, { description: 'verified & rated <A>' });
      const e2 = await trust(env(), m, t, 0.8, 1);
      for (const tx of [e1, e2]) expectOk(await post(env(), '/transactions/trust', tx));
      await env().commit([e1.id, e2.id]);
      const rel = expectOk<Record<string, unknown>>(
        await env().request('GET', `/api/v1/trust/${o.quidId}/${t.quidId}?domain=${env().domain}`),
      );
      expect(rel).toEqual({
        observer: o.quidId,
        target: t.quidId,
        trustLevel: 0.9 * 0.8,
        trustPath: [o.quidId, m.quidId, t.quidId],
        pathDepth: 2,
        domain: env().domain,
      });
      const shallow = expectOk(
        await env().request('GET', `/api/v1/trust/${o.quidId}/${t.quidId}?maxDepth=1`),
      );
      expect(shallow).toEqual({
        observer: o.quidId,
        target: t.quidId,
        trustLevel: 0,
        pathDepth: 0,
        domain: 'default',
      });
      const self = expectOk(await env().request('GET', `/api/v1/trust/${o.quidId}/${o.quidId}`));
      expect(self).toEqual({
        observer: o.quidId,
        target: o.quidId,
        trustLevel: 1,
        trustPath: [o.quidId],
        pathDepth: 0,
        domain: 'default',
      });
      const posted = expectOk(
        await env().request('POST', '/api/v1/trust/query', {
          observer: o.quidId,
          target: t.quidId,
          maxDepth: 5,
        }),
      );
      expect(posted).toEqual({ ...rel, domain: 'default' });
      const enhanced = expectOk<Record<string, unknown>>(
        await env().request('GET', `/api/v1/trust/${o.quidId}/${t.quidId}?includeUnverified=true`),
      );
      expect(enhanced).toMatchObject({
        trustLevel: 0.9 * 0.8,
        confidence: 'high',
        unverifiedHops: 0,
        verificationGaps: [],
      });
      const selfEnhanced = expectOk<Record<string, unknown>>(
        await env().request('GET', `/api/v1/trust/${o.quidId}/${o.quidId}?includeUnverified=true`),
      );
      expect(selfEnhanced['verificationGaps']).toBeNull();
      const edges = expectOk<{
        quidId: string;
        includeUnverified: boolean;
        edges: Record<string, Record<string, unknown>>;
      }>(await env().request('GET', `/api/v1/trust/edges/${o.quidId}`));
      expect(edges.quidId).toBe(o.quidId);
      expect(edges.includeUnverified).toBe(false);
      expect(Object.keys(edges.edges)).toEqual([m.quidId]);
      expect(edges.edges[m.quidId]).toMatchObject({
        truster: o.quidId,
        trustee: m.quidId,
        trustLevel: 0.9,
        verified: true,
        timestamp: e1.timestamp,
      });
      expect(
        expectOk(
          await env().request('GET', `/api/v1/registry/trust?truster=${o.quidId}&trustee=${m.quidId}`),
        ),
      ).toEqual({
        truster: o.quidId,
        trustee: m.quidId,
        trust_level: 0.9,
      });
      expect(expectOk(await env().request('GET', `/api/v1/registry/trust?truster=${o.quidId}`))).toEqual({
        truster: o.quidId,
        relationships: { [m.quidId]: 0.9 },
      });
      expect(expectOk(await env().request('GET', '/api/v1/registry/trust?truster=0000000000000000'))).toEqual(
        {
          truster: '0000000000000000',
          relationships: null,
        },
      );
      const viaRegistry = expectOk(
        await env().request('GET', `/api/v1/registry/trust?observer=${o.quidId}&target=${t.quidId}`),
      );
      expect(viaRegistry).toEqual({
        observer: o.quidId,
        target: t.quidId,
        trustLevel: 0.9 * 0.8,
        trustPath: [o.quidId, m.quidId, t.quidId],
        pathDepth: 2,
      });
      expect(toWireJson(e1)).toContain('\\u0026');
    });

    it('validates trust queries', async () => {
      expectEnvelope(
        await env().request('POST', '/api/v1/trust/query', { target: '0123456789abcdef' }),
        400,
        'MISSING_PARAMETERS',
        'observer and target are required',
        ['observer', 'target'],
      );
      expectPlain(
        await env().request('POST', '/api/v1/trust/query', { observer: 'a', target: 'b', depth: 3 }),
        400,
        'Invalid request body',
      );
      expectPlain(
        await env().request('POST', '/api/v1/trust/query', {
          observer: 'a',
          target: 'b',
          includeUnverified: 'yes',
        }),
        400,
        'Invalid request body',
      );
      const none = expectOk(await env().request('GET', '/api/v1/trust/0123456789abcdef/fedcba9876543210'));
      expect(none).toEqual({
        observer: '0123456789abcdef',
        target: 'fedcba9876543210',
        trustLevel: 0,
        pathDepth: 0,
        domain: 'default',
      });
    });
  });
}
