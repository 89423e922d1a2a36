import { buildEvent, generateSigner, type Signer } from '@quidfin/core';
import { createDevNode } from '@quidfin/devnode';
import { listen } from '@quidfin/devnode/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createQuidnugClient,
  InvoiceLedger,
  type QuidfinClientError,
  type QuidnugClient,
  ValidatorRouter,
  type ValidatorRoutingError,
} from '../../src/index.js';
import { DOMAIN, TEST_CLIENT } from '../support/harness.js';
import { type TwoNodeNetwork, twoNodeNetwork } from '../support/twoNodeNetwork.js';
import { signedTrust } from '../trust/trustTx.js';

// Issue 18, measured on two real nodes and reproduced here with two devnodes and a proxy: a
// non-validator acknowledges an EVENT and loses it, lags behind the validator, and refuses valid
// writes while it lags. The client is configured with the peer first (its preferred node).

const s = (): Signer => generateSigner().signer;
const HASH = 'ab'.repeat(32);

async function rejection(p: Promise<unknown>): Promise<{ code: string; reason?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as QuidfinClientError & { reason?: string };
    return { code: err.code, message: err.message, ...(err.reason ? { reason: err.reason } : {}) };
  }
  throw new Error('expected a rejection');
}

describe('validator-aware reads and writes across a validator and a lagging, event-losing peer', () => {
  let net: TwoNodeNetwork;
  let client: QuidnugClient;
  let router: ValidatorRouter;
  let ledger: InvoiceLedger;
  const supplier = s();
  const buyer = s();

  const issue = async (invoiceId: string): Promise<void> => {
    await ledger.registerParticipant(supplier, { name: 'acme', role: 'supplier' });
    await ledger.registerParticipant(buyer, { name: 'megacorp', role: 'buyer' });
    await ledger.issueInvoice(supplier, {
      invoiceId,
      invoiceNumber: invoiceId.toUpperCase(),
      buyerQuid: buyer.quidId,
      amountMinor: 5_000_000,
      currency: 'USD',
      dueAt: 1_800_000_000,
      terms: 'NET-60',
      invoiceHash: HASH,
    });
  };
  const ack = (invoiceId: string, sequence: number) =>
    buildEvent({
      signer: buyer,
      trustDomain: DOMAIN,
      subjectId: invoiceId,
      subjectType: 'TITLE',
      sequence,
      eventType: 'buyer.acknowledged',
      payload: { buyerQuid: buyer.quidId, acknowledgedAmountMinor: 5_000_000, acknowledgedAt: 1_763_000_000 },
    });
  const eventsAt = async (invoiceId: string, node: number): Promise<string[]> => {
    const page = await client.listStreamEvents(invoiceId, {}, { node });
    return page.items.map((e) => e.id);
  };

  beforeEach(async () => {
    net = await twoNodeNetwork();
    client = createQuidnugClient({ ...TEST_CLIENT, nodes: [net.peerUrl, net.validatorUrl] });
    router = new ValidatorRouter(client, { forwardGraceMs: 1500 });
    ledger = new InvoiceLedger(client, { trustDomain: DOMAIN, validators: router });
  });
  afterEach(async () => {
    await net.close();
  });

  it('learns the validator from /domains and /nodes: the second configured node, though the peer is preferred', async () => {
    const t = await router.topology(DOMAIN);
    expect(t.validators).toEqual([net.validator.nodeId]);
    expect(t.validatorIndexes).toEqual([1]);
    expect(t.nodes.map((n) => n.nodeId)).toEqual([net.peer.nodeId, net.validator.nodeId]);
    expect(t.peers.find((p) => p.id === net.validator.nodeId)?.isValidator).toBe(true);
  });

  it('ledger writes go to the validator and are confirmed there: the preferred peer gets no write', async () => {
    await issue('inv-route');
    await ledger.acknowledge(buyer, 'inv-route', { acknowledgedAmountMinor: 5_000_000 });
    expect(net.log.peerRequests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(await eventsAt('inv-route', 1)).toHaveLength(2);
  });

  it('forwarding-but-losing peer: an EVENT it acknowledges with 200 never commits; confirm() re-sends it to the validator and returns only once committed there', async () => {
    await issue('inv-lost');
    net.pull();
    const tx = await ack('inv-lost', 2);
    const answer = await client.submitEvent(tx, { node: 0 });
    expect(answer).toEqual({ id: tx.id, sequence: 2 }); // HTTP 200 from the peer
    await new Promise((r) => setTimeout(r, 600)); // pulls and blocks go by
    expect(net.log.broadcasts).toContainEqual({ path: '/api/transactions/event', status: 404 });
    expect(await eventsAt('inv-lost', 1)).not.toContain(tx.id);
    // Waiting at the peer never reports it done.
    const atPeer = await rejection(client.waitForCommit(tx, { node: 0, timeoutMs: 1500 }));
    expect(['TRANSACTION_LOST', 'COMMIT_TIMEOUT']).toContain(atPeer.code);

    const confirmed = await router.confirm(tx);
    expect(confirmed).toMatchObject({
      transactionId: tx.id,
      node: 1,
      validatorId: net.validator.nodeId,
      resent: 1,
    });
    expect((await eventsAt('inv-lost', 1)).filter((id) => id === tx.id)).toHaveLength(1);
  });

  it('a TRUST the peer acknowledges is forwarded by its broadcast and confirmed at the validator without a re-send', async () => {
    const [a, b] = [s(), s()];
    const tx = await signedTrust(a, b.quidId, 0.7, 1);
    await client.submitTrust(tx, { node: 0 });
    const confirmed = await router.confirm(tx);
    expect(confirmed.resent).toBe(0);
    expect(net.log.broadcasts).toContainEqual({ path: '/api/transactions/trust', status: 200 });
    expect((await client.getTrustRegistryEdge(a.quidId, b.quidId, { node: 1 })).trust_level).toBe(0.7);
  });

  it('router.submit sends a write straight to the validator and returns once committed there', async () => {
    const [a, b] = [s(), s()];
    const tx = await signedTrust(a, b.quidId, 0.4, 1);
    const w = await router.submit(tx);
    expect(w).toMatchObject({ node: 1, resent: 0, validatorId: net.validator.nodeId });
    expect(net.log.peerRequests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect((await client.getTrustRegistryEdge(a.quidId, b.quidId, { node: 1 })).trust_level).toBe(0.4);
  });

  it('a lagging peer refuses a valid write with 400; the routed write commits', async () => {
    net.pausePulls();
    await issue('inv-lag');
    const tx = await ack('inv-lag', 2);
    const refused = await rejection(client.submitEvent(tx, { node: 0 }));
    expect(refused.code).toBe('TRANSACTION_REJECTED');
    expect((await router.submit(tx)).resent).toBe(0);
  });

  it('decision-grade read: fails over from the lagging peer to the validator, so the latest event is seen', async () => {
    await issue('inv-read');
    net.pull();
    net.pausePulls();
    await ledger.acknowledge(buyer, 'inv-read', { acknowledgedAmountMinor: 5_000_000 });
    expect(await eventsAt('inv-read', 0)).toHaveLength(1); // the peer is behind
    const o = await router.readOptions(DOMAIN);
    expect(o.node).toBe(1);
    const view = await ledger.getInvoice('inv-read');
    expect(view.lifecycle.state).toBe('Acknowledged');
    expect(view.events).toHaveLength(2);
  });

  it('decision-grade read, wait strategy: NODE_BEHIND while the peer lags; reads from the peer once a pull brings it level', async () => {
    await issue('inv-wait');
    net.pausePulls();
    await ledger.acknowledge(buyer, 'inv-wait', { acknowledgedAmountMinor: 5_000_000 });
    const behind = await rejection(
      router.readOptions(DOMAIN, { strategy: 'wait', prefer: 0, timeoutMs: 300 }),
    );
    expect(behind).toMatchObject({ code: 'VALIDATOR_ROUTING', reason: 'NODE_BEHIND' });
    net.resumePulls();
    const o = await router.readOptions(DOMAIN, { strategy: 'wait', prefer: 0, timeoutMs: 5000 });
    expect(o.node).toBe(0);
    expect(await eventsAt('inv-wait', 0)).toHaveLength(2);
  });

  it('the validator not among the configured nodes: VALIDATOR_NOT_CONFIGURED, naming its address from /nodes', async () => {
    const peerOnly = new ValidatorRouter(createQuidnugClient({ ...TEST_CLIENT, baseUrl: net.peerUrl }));
    const e = (await rejection(peerOnly.validatorNode(DOMAIN))) as unknown as ValidatorRoutingError;
    expect(e.reason).toBe('VALIDATOR_NOT_CONFIGURED');
    expect(e.message).toContain(net.validator.nodeId);
    expect(e.message).toContain(net.validatorUrl.slice('http://'.length));
    const write = await rejection(
      new InvoiceLedger(peerOnly.client, { trustDomain: DOMAIN, validators: peerOnly }).publishTrust(s(), {
        trustee: s().quidId,
        trustLevel: 0.5,
      }),
    );
    expect(write.reason).toBe('VALIDATOR_NOT_CONFIGURED');
  });

  it('nodes that name different validators for the domain: VALIDATOR_DISAGREEMENT, nothing written', async () => {
    const rogue = createDevNode({
      blockIntervalMs: 0,
      limits: 'off',
      domains: [DOMAIN],
      nodeKey: '9'.repeat(64),
    });
    const server = await listen(rogue);
    const both = new ValidatorRouter(
      createQuidnugClient({ ...TEST_CLIENT, nodes: [net.validatorUrl, server.url] }),
    );
    const e = await rejection(both.submit(await signedTrust(s(), s().quidId, 0.5, 1)));
    expect(e.reason).toBe('VALIDATOR_DISAGREEMENT');
    await server.close();
    await rogue.close();
  });
});
