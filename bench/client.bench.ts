// Client overhead per call (ky, envelope unwrapping, zod/mini validation, error mapping) against a
// bare fetch + JSON.parse of the same route on the same devnode, in one run. Two transports:
// loopback HTTP (what apps see) and the devnode's in-process handler (no network, so the client's
// own cost is not hidden by socket time).
// `readStream` adds the stream-metadata read and the page and metadata checks (issue 10, finding 8).
// Run: npx tsx --conditions=@quidfin/source bench/client.bench.ts

import { appendEvent, createQuidnugClient } from '@quidfin/client';
import { buildIdentity, buildTitle, generateSigner } from '@quidfin/core';
import { createDevNode } from '@quidfin/devnode';
import { listen } from '@quidfin/devnode/node';
import { measure, report } from './harness.ts';

const DOMAIN = 'bench.example';
const node = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
const server = await listen(node);
const inProcessFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
  node.fetch(new Request(input, init))) as typeof fetch;

// A stream of 50 events to list.
const setup = createQuidnugClient({ baseUrl: server.url });
const { signer } = generateSigner();
const identity = await buildIdentity({ signer, trustDomain: DOMAIN, name: 'bench', updateNonce: 1 });
await setup.submitIdentity(identity);
node.mineBlock();
const title = await buildTitle({
  signer,
  trustDomain: DOMAIN,
  assetId: 'inv-bench',
  owners: [{ ownerId: signer.quidId, percentage: 1 }],
});
await setup.submitTitle(title);
node.mineBlock();
for (let i = 0; i < 50; i++) {
  await appendEvent(setup, {
    signer,
    trustDomain: DOMAIN,
    subjectId: 'inv-bench',
    subjectType: 'TITLE',
    eventType: 'payment.received',
    payload: {
      paymentId: `p-${i}`,
      allocationId: `a-${i}`,
      amountMinor: 1000 + i,
      currency: 'USD',
      receivedAt: 1_763_000_000 + i,
    },
  });
  node.mineBlock();
  setup.sequences.observeCommit('inv-bench', i + 1);
}

async function run(label: string, base: string, fetchImpl: typeof fetch): Promise<void> {
  const client = createQuidnugClient({ baseUrl: base, fetch: fetchImpl, retry: 0 });
  const bare = async (path: string): Promise<unknown> => {
    const res = await fetchImpl(`${base}/api/v1/${path}`);
    return ((await res.json()) as { data: unknown }).data;
  };
  const health = await measure('bare fetch GET /health', () => bare('health'));
  const clientHealth = await measure('client.health()', () => client.health());
  report(`${label}: GET /health (small object)`, health, [clientHealth]);
  const events = await measure('bare fetch GET /streams/{id}/events (50 events)', () =>
    bare('streams/inv-bench/events'),
  );
  const clientEvents = await measure('client.listStreamEvents() (50 events validated)', () =>
    client.listStreamEvents('inv-bench'),
  );
  // The verified read: stream metadata plus every page, checked against each other.
  const readStream = await measure('client.readStream() (metadata + 50 events, checked)', () =>
    client.readStream('inv-bench'),
  );
  report(`${label}: GET /streams/{id}/events`, events, [clientEvents, readStream]);
}

await run('loopback HTTP', server.url, globalThis.fetch.bind(globalThis));
await run('in-process handler', 'http://devnode.bench', inProcessFetch);
await server.close();
await node.close();
