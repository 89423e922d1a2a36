import { computeRelationalTrust, type Signer, signerFromPrivateKey } from '@quidfin/core';
import { createDevNode } from '@quidfin/devnode';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuidnugClient, VerifiedTrust } from '../../src/index.js';
import { devnodeFetch } from '../support/devnodeFetch.js';
import { DOMAIN, TEST_CLIENT } from '../support/harness.js';
import { postTrust, signedTrust } from './trustTx.js';

// On graphs of genuine edges (updates, revocations, expiries, cycles included) the SDK's own
// computation equals the devnode's answer for every observer, target and depth.

const SIGNERS: Signer[] = Array.from({ length: 6 }, (_, i) =>
  signerFromPrivateKey((0x500 + i).toString(16).padStart(64, '0')),
);
const T = 1_767_225_600;

const edgeArb = fc.record({
  from: fc.nat({ max: SIGNERS.length - 1 }),
  to: fc.nat({ max: SIGNERS.length - 1 }),
  level: fc.oneof(
    fc.constantFrom(0, 0.25, 0.5, 0.9, 1),
    fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
  ),
  // 0: no expiry; otherwise seconds after T (some expire before the clock's final reading).
  ttl: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 })),
  block: fc.nat({ max: 2 }),
});

describe('verified trust equals the devnode on genuine graphs', () => {
  it('for every observer, target and maxDepth 1..5', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edgeArb, { minLength: 1, maxLength: 18 }),
        fc.integer({ min: 0, max: 250 }),
        async (edges, elapsed) => {
          const clock = { ms: T * 1000 };
          const node = createDevNode({
            blockIntervalMs: 0,
            limits: 'off',
            domains: [DOMAIN],
            now: () => clock.ms,
          });
          const client = createQuidnugClient({
            ...TEST_CLIENT,
            baseUrl: 'http://devnode.test',
            fetch: devnodeFetch(node),
          });
          const nonces = new Map<string, number>();
          for (let block = 0; block <= 2; block++) {
            for (const e of edges.filter((x) => x.block === block)) {
              const from = SIGNERS[e.from] as Signer;
              const to = SIGNERS[e.to] as Signer;
              const key = `${e.from}>${e.to}`;
              const nonce = (nonces.get(key) ?? 0) + 1;
              nonces.set(key, nonce);
              const extra = e.ttl === 0 ? { timestamp: T } : { timestamp: T, validUntil: T + e.ttl };
              await postTrust(node, await signedTrust(from, to.quidId, e.level, nonce, extra));
            }
            node.mineBlock();
          }
          clock.ms += elapsed * 1000;
          const trust = new VerifiedTrust(client, { now: () => clock.ms });
          await trust.sync();
          expect(trust.findings).toEqual([]);
          for (const o of SIGNERS) {
            for (const t of SIGNERS) {
              for (const maxDepth of [1, 2, 3, 5]) {
                const remote = await client.getTrust(o.quidId, t.quidId, { maxDepth });
                const local = computeRelationalTrust(trust.graph, o.quidId, t.quidId, {
                  maxDepth,
                  nowSeconds: Math.floor(clock.ms / 1000),
                });
                expect(local.trustLevel).toBe(remote.trustLevel);
                expect(local.path).toEqual(remote.trustPath);
              }
            }
          }
          await node.close();
        },
      ),
      { numRuns: 25 },
    );
    // 25 graphs of up to 18 signed edges and 144 node queries each: seconds when the machine is
    // idle, far more on a loaded 2-core CI machine.
  }, 180_000);
});
