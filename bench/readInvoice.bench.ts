// Cost of the hardened read path: getInvoice rebuilds the title's history from GET /blocks, so its
// time grows with the chain. Baseline in the same run: reading the same title and stream without
// any check (getTitle + every stream event). Devnode in process, so only client-side work counts.
// Run: npx tsx --conditions=@quidfin/source bench/readInvoice.bench.ts

import { createQuidnugClient, InvoiceLedger } from '@quidfin/client';
import { buildIdentity, generateSigner, type Signer } from '@quidfin/core';
import { createDevNode } from '@quidfin/devnode';
import { measure, report } from './harness.ts';

const DOMAIN = 'bench.example';
const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
  node.fetch(new Request(input, init))) as typeof fetch;
const client = createQuidnugClient({ baseUrl: 'http://devnode.bench', fetch: fetchImpl, retry: 0 });
// Commits as soon as anything is pending, so the ledger's commit waits return at once.
const miner = setInterval(() => node.mineBlock(), 2);
const ledger = new InvoiceLedger(client, { trustDomain: DOMAIN });

const s = (): Signer => generateSigner().signer;
const [supplier, buyer, carrier, fin] = [s(), s(), s(), s()];
for (const [signer, role] of [
  [supplier, 'supplier'],
  [buyer, 'buyer'],
  [carrier, 'carrier'],
  [fin, 'financier'],
] as const) {
  await ledger.registerParticipant(signer, { name: role, role });
}
const t0 = 1_763_000_000;
await ledger.issueInvoice(supplier, {
  invoiceId: 'inv-bench',
  invoiceNumber: 'B-1',
  buyerQuid: buyer.quidId,
  carrierQuid: carrier.quidId,
  financierQuids: [fin.quidId],
  amountMinor: 5_000_000,
  currency: 'USD',
  issuedAt: t0,
  dueAt: t0 + 60 * 86_400,
  terms: 'NET-60',
  invoiceHash: 'ab'.repeat(32),
});
await ledger.attestShipment(carrier, 'inv-bench', { billOfLading: 'BOL-1', shippedAt: t0 + 1 });
await ledger.attestDelivery(carrier, 'inv-bench', { deliveryProof: 'POD-1', deliveredAt: t0 + 2 });
await ledger.acknowledge(buyer, 'inv-bench', { acknowledgedAmountMinor: 5_000_000 });
clearInterval(miner);

const unchecked = async (): Promise<void> => {
  await client.getTitle('inv-bench');
  for await (const _ of client.iterateStreamEvents('inv-bench', { limit: 1000 })) void _;
};

/** Adds `n` blocks of one unrelated IDENTITY each. */
async function grow(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const { signer } = generateSigner();
    await client.submitIdentity(
      await buildIdentity({ signer, trustDomain: DOMAIN, name: `filler-${i}`, updateNonce: 1 }),
    );
    node.mineBlock();
  }
}

const blocks = async (): Promise<number> => (await client.listBlocks({ limit: 1 })).total;
const base = await measure('getTitle + stream, unchecked', unchecked, { ms: 2000 });
const small = await measure(`getInvoice, ${await blocks()} blocks`, () => ledger.getInvoice('inv-bench'), {
  ms: 4000,
});
await grow(1000);
const large = await measure(`getInvoice, ${await blocks()} blocks`, () => ledger.getInvoice('inv-bench'), {
  ms: 4000,
});
report('getInvoice (custody from /blocks, every signature verified) vs an unchecked read', base, [
  small,
  large,
]);
await node.close();
