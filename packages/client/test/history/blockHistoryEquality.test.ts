// Property: after any sequence of title writes, transfers, takeovers, identity updates, forged
// identities and history rewrites on a devnode, custody read through one long-lived (incremental)
// BlockHistory equals custody read by a fresh scan from genesis.

import {
  buildIdentity,
  buildTitle,
  buildTitleTransfer,
  checkTitleCustody,
  generateSigner,
  type Signer,
  signTransaction,
  type TitleTx,
} from '@quidfin/core';
import { createDevNode, type DevNodeSnapshot } from '@quidfin/devnode';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockHistory, createQuidnugClient, readTitleHistory, type TitleHistory } from '../../src/index.js';
import { devnodeFetch } from '../support/devnodeFetch.js';
import { DOMAIN, TEST_CLIENT } from '../support/harness.js';

const ASSETS = ['inv-a', 'inv-b'];

type Op =
  | { readonly kind: 'issue'; readonly asset: number; readonly by: number }
  | { readonly kind: 'transfer'; readonly asset: number; readonly to: number; readonly cosign: boolean }
  | { readonly kind: 'identity'; readonly who: number; readonly forged: boolean }
  | { readonly kind: 'snapshot' }
  | { readonly kind: 'rewind' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), asset: fc.nat(1), by: fc.nat(3) }),
  fc.record({
    kind: fc.constant('transfer' as const),
    asset: fc.nat(1),
    to: fc.nat(3),
    cosign: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('identity' as const), who: fc.nat(3), forged: fc.boolean() }),
  fc.constant({ kind: 'snapshot' as const }),
  fc.constant({ kind: 'rewind' as const }),
);

function custodyOf(h: TitleHistory, people: readonly Signer[]) {
  const c = checkTitleCustody(h.titles, (quid) => h.genuineIdentity(quid)?.publicKey);
  return {
    available: h.available,
    titles: h.titles.map((t) => t.id),
    current: c.current?.id,
    accepted: c.accepted.map((t) => t.id),
    violations: c.violations.map((v) => [v.titleId, v.code]),
    identities: people.map((p) => h.genuineIdentity(p.quidId)?.id),
  };
}

describe('block history equals a fresh scan', () => {
  it('custody through the incremental history equals a fresh scan from genesis, after every step (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 14 }),
        async (steps) => {
          const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
          const client = createQuidnugClient({
            ...TEST_CLIENT,
            baseUrl: 'http://devnode.test',
            fetch: devnodeFetch(node),
          });
          const people = [0, 1, 2, 3].map(() => generateSigner().signer);
          const signerOf = new Map(people.map((p) => [p.quidId, p]));
          const nonces = people.map(() => 1);
          const tryWrite = async (write: () => Promise<unknown>): Promise<void> => {
            try {
              await write();
            } catch {
              // the node refused it: absent from both readings alike
            }
          };
          for (const p of people) {
            await client.submitIdentity(
              await buildIdentity({ signer: p, trustDomain: DOMAIN, name: 'p', updateNonce: 1 }),
            );
          }
          node.mineBlock();
          const history = new BlockHistory(client, { pageSize: 3 });
          let saved: DevNodeSnapshot | undefined;
          try {
            for (const [step, mine] of steps) {
              if (step.kind === 'issue') {
                const issuer = people[step.by] as Signer;
                await tryWrite(async () =>
                  client.submitTitle(
                    await buildTitle({
                      signer: issuer,
                      trustDomain: DOMAIN,
                      assetId: ASSETS[step.asset] as string,
                      titleType: 'invoice',
                      owners: [{ ownerId: issuer.quidId, percentage: 1, stakeType: 'holder' }],
                    }),
                  ),
                );
              } else if (step.kind === 'transfer') {
                const current = await client.findTitle(ASSETS[step.asset] as string);
                if (current) {
                  const owners = (current.owners ?? [])
                    .map((o) => signerOf.get(o.ownerId))
                    .filter((x) => x !== undefined);
                  const to = people[step.to] as Signer;
                  await tryWrite(async () =>
                    client.submitTitle(
                      await buildTitleTransfer({
                        signer: owners[0] ?? to,
                        current: current as TitleTx,
                        owners: [{ ownerId: to.quidId, percentage: 1, stakeType: 'holder' }],
                        ...(step.cosign ? { previousOwnerSigners: owners } : {}),
                      }),
                    ),
                  );
                }
              } else if (step.kind === 'identity') {
                const who = people[step.who] as Signer;
                nonces[step.who] = (nonces[step.who] ?? 1) + 1;
                const updateNonce = nonces[step.who] as number;
                if (step.forged) {
                  const forger = people[(step.who + 1) % people.length] as Signer;
                  const own = await buildIdentity({
                    signer: forger,
                    trustDomain: DOMAIN,
                    name: 'forged',
                    updateNonce,
                  });
                  await tryWrite(async () =>
                    client.submitIdentity(
                      await signTransaction(
                        { ...own, id: '', quidId: who.quidId, creator: who.quidId },
                        forger,
                      ),
                    ),
                  );
                } else {
                  await tryWrite(async () =>
                    client.submitIdentity(
                      await buildIdentity({
                        signer: who,
                        trustDomain: DOMAIN,
                        name: `p${updateNonce}`,
                        updateNonce,
                      }),
                    ),
                  );
                }
              } else if (step.kind === 'snapshot') {
                saved = node.snapshot();
              } else if (saved) {
                node.restore(saved);
              }
              if (mine) node.mineBlock();
              for (const asset of ASSETS) {
                const cached = await readTitleHistory(client, asset, {}, history);
                const fresh = await readTitleHistory(client, asset);
                expect(custodyOf(cached, people)).toEqual(custodyOf(fresh, people));
              }
            }
          } finally {
            await node.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
