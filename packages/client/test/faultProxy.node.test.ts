// Findings 6-8 of issue 10 over real loopback HTTP: a fault-injecting proxy on 127.0.0.1 in front
// of the devnode's loopback server stalls and drips bodies, floods, holds POSTs, garbles a 2xx,
// drops events from a page and lies about totals. Each proxy is bounded in requests and lifetime.
import {
  buildEvent,
  buildIdentity,
  buildTitle,
  type EventTx,
  generateSigner,
  type Signer,
} from '@quidfin/core';
import { createDevNode, type DevNode } from '@quidfin/devnode';
import { type DevNodeServer, listen } from '@quidfin/devnode/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createQuidnugClient,
  InvoiceLedger,
  type QuidfinClientError,
  type QuidnugClient,
  type QuidnugClientOptions,
} from '../src/index.js';
import { drip, type Fault, type FaultProxy, flood, stall, startFaultProxy } from './support/faultProxy.js';
import { DOMAIN, TEST_CLIENT, TEST_NODE } from './support/harness.js';

type Err = QuidfinClientError & Record<string, unknown>;

async function outcome(p: Promise<unknown>, ms = 8_000): Promise<{ value?: unknown; error?: Err }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  try {
    return { value: await Promise.race([p, guard]) };
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('still pending')) throw e;
    return { error: e as Err };
  } finally {
    clearTimeout(timer);
  }
}

describe('a hostile node behind a fault-injecting loopback proxy', () => {
  let node: DevNode;
  let server: DevNodeServer;
  let direct: QuidnugClient;
  let owner: Signer;
  const proxies: FaultProxy[] = [];

  const proxy = async (fault: Fault): Promise<FaultProxy> => {
    const p = await startFaultProxy(server.url, fault, { maxRequests: 200, lifetimeMs: 20_000 });
    proxies.push(p);
    return p;
  };
  const through = (p: FaultProxy, o: Partial<QuidnugClientOptions> = {}): QuidnugClient =>
    createQuidnugClient({ ...TEST_CLIENT, baseUrl: p.url, ...o });

  beforeAll(async () => {
    node = createDevNode(TEST_NODE);
    server = await listen(node);
    direct = createQuidnugClient({ ...TEST_CLIENT, baseUrl: server.url });
    owner = generateSigner().signer;
    const id = await buildIdentity({ signer: owner, trustDomain: DOMAIN, name: 'owner', updateNonce: 1 });
    await direct.submitIdentity(id);
    await direct.waitForCommit(id);
    const title = await buildTitle({
      signer: owner,
      trustDomain: DOMAIN,
      assetId: 'proxy-asset',
      owners: [{ ownerId: owner.quidId, percentage: 1 }],
    });
    await direct.submitTitle(title);
    await direct.waitForCommit(title);
  });
  afterAll(async () => {
    await Promise.all(proxies.map((p) => p.close()));
    await server.close();
    await node.close();
  });

  const nextEvent = async (eventType: string): Promise<EventTx> => {
    const stream = await direct.findStream('proxy-asset');
    return buildEvent({
      signer: owner,
      trustDomain: DOMAIN,
      subjectId: 'proxy-asset',
      subjectType: 'TITLE',
      sequence: (stream?.latestSequence ?? 0) + 1,
      eventType,
      payload: { eventType },
    });
  };
  const copies = async (id: string): Promise<number> => {
    let n = 0;
    for await (const e of direct.iterateStreamEvents('proxy-asset', { limit: 1000 })) if (e.id === id) n++;
    return n;
  };
  const isHealth = (x: { path: string }) => x.path.endsWith('/health');

  describe('finding 6: deadlines and size', () => {
    it('headers, then a stalled body: TIMEOUT (attempt) from the client’s own deadline', async () => {
      const p = await proxy(async (x) => {
        if (!isHealth(x)) return false;
        await stall(x, await x.forward(), 5_000);
        return true;
      });
      const { error } = await outcome(through(p, { timeoutMs: 200, retry: 0 }).health());
      expect([error?.code, error?.['kind']]).toEqual(['TIMEOUT', 'attempt']);
    });

    it('a body dripped one byte every 40 ms: TIMEOUT (total) within totalTimeoutMs, retries included', async () => {
      const p = await proxy(async (x) => {
        if (!isHealth(x)) return false;
        await drip(x, await x.forward(), 40);
        return true;
      });
      const client = through(p, { timeoutMs: 5_000, totalTimeoutMs: 500 });
      const started = Date.now();
      const { error } = await outcome(client.health());
      expect([error?.code, error?.['kind']]).toEqual(['TIMEOUT', 'total']);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('a 150 MiB body: RESPONSE_TOO_LARGE after about the cap, the rest never sent', async () => {
      let sent = 0;
      const p = await proxy(async (x) => {
        if (!isHealth(x)) return false;
        await flood(x, 150 * 1024 * 1024, (n) => {
          sent += n;
        });
        return true;
      });
      const { error } = await outcome(through(p, { maxResponseBytes: 1024 * 1024, retry: 0 }).health());
      expect([error?.code, error?.['maxBytes']]).toEqual(['RESPONSE_TOO_LARGE', 1024 * 1024]);
      await p.idle();
      // What the proxy got rid of: the cap plus socket buffers, far from 150 MiB.
      expect(sent).toBeLessThan(32 * 1024 * 1024);
    });
  });

  describe('finding 7: no duplicate writes', () => {
    it('a POST held longer than the timeout plus one poll: OUTCOME_UNKNOWN, never re-sent, one copy on chain', async () => {
      const tx = await nextEvent('held.post');
      const p = await proxy(async (x) => {
        if (x.method !== 'POST' || !x.path.endsWith('/events')) return false;
        await x.wait(600);
        x.reply(await x.forward());
        return true;
      });
      const client = through(p, { timeoutMs: 150, pollIntervalMs: 50 });
      const { error } = await outcome(client.submitEvent(tx));
      expect([error?.code, error?.['transactionId']]).toEqual(['OUTCOME_UNKNOWN', tx.id]);
      await p.idle();
      expect(p.forwarded().filter((f) => f === 'POST /api/v1/events')).toHaveLength(1);
      await direct.waitForCommit(tx);
      expect(await copies(tx.id)).toBe(1);
    });

    it('a 2xx with a garbled body after the node accepted the write: found in the pool, reported sent, one copy', async () => {
      const tx = await nextEvent('garbled.2xx');
      const p = await proxy(async (x) => {
        if (x.method !== 'POST' || !x.path.endsWith('/events')) return false;
        const answer = await x.forward();
        x.reply({ ...answer, text: answer.text.slice(0, 12) });
        return true;
      });
      const { value } = await outcome(through(p).submitEvent(tx));
      expect(value).toEqual({ id: tx.id, sequence: tx.sequence });
      await direct.waitForCommit(tx);
      expect(await copies(tx.id)).toBe(1);
      expect(p.forwarded().filter((f) => f === 'POST /api/v1/events')).toHaveLength(1);
    });
  });

  describe('finding 8: a lying node', () => {
    let buyer: Signer;
    let supplier: Signer;
    const invoiceId = 'proxy-inv-1';
    const dropDisputed = (text: string): { text: string; dropped: number } => {
      const body = JSON.parse(text) as { data: { data: { eventType: string }[] } };
      const before = body.data.data.length;
      body.data.data = body.data.data.filter((e) => e.eventType !== 'buyer.disputed');
      return { text: JSON.stringify(body), dropped: before - body.data.data.length };
    };

    beforeAll(async () => {
      supplier = generateSigner().signer;
      buyer = generateSigner().signer;
      const ledger = new InvoiceLedger(direct, { trustDomain: DOMAIN });
      await ledger.registerParticipant(supplier, { name: 'acme', role: 'supplier' });
      await ledger.registerParticipant(buyer, { name: 'megacorp', role: 'buyer' });
      await ledger.issueInvoice(supplier, {
        invoiceId,
        invoiceNumber: 'P-1',
        buyerQuid: buyer.quidId,
        amountMinor: 3_000_000_00,
        currency: 'USD',
        dueAt: 1_900_000_000,
        terms: 'NET-30',
        invoiceHash: 'ab'.repeat(32),
      });
      await ledger.dispute(buyer, invoiceId, {
        disputeId: 'd-1',
        disputedAmountMinor: 100_00,
        reason: 'damaged',
      });
    });

    it('buyer.disputed dropped from the page: STREAM_INTEGRITY, not a clean Issued', async () => {
      expect(
        (await new InvoiceLedger(direct, { trustDomain: DOMAIN }).getInvoice(invoiceId)).lifecycle.state,
      ).toBe('Disputed');
      let dropped = 0;
      const p = await proxy(async (x) => {
        if (!x.path.endsWith(`/streams/${invoiceId}/events`)) return false;
        const answer = await x.forward();
        const lie = dropDisputed(answer.text);
        dropped += lie.dropped;
        x.reply({ ...answer, text: lie.text });
        return true;
      });
      const { error } = await outcome(
        new InvoiceLedger(through(p), { trustDomain: DOMAIN }).getInvoice(invoiceId),
      );
      expect(dropped).toBeGreaterThan(0);
      expect([error?.code, error?.['reason']]).toEqual(['STREAM_INTEGRITY', 'MISSING_EVENTS']);
    });

    it('a consistent liar (metadata rewritten too) passes alone, and the cross-check against a second node catches it', async () => {
      const p = await proxy(async (x) => {
        if (x.path.endsWith(`/streams/${invoiceId}/events`)) {
          const answer = await x.forward();
          const body = JSON.parse(dropDisputed(answer.text).text) as {
            data: { data: unknown[]; pagination: { total: number } };
          };
          body.data.pagination.total = body.data.data.length;
          x.reply({ ...answer, text: JSON.stringify(body) });
          return true;
        }
        if (x.path.endsWith(`/streams/${invoiceId}`)) {
          const all = await x.forward(`/api/v1/streams/${invoiceId}/events?limit=1000&include_expired=true`);
          const kept = (JSON.parse(dropDisputed(all.text).text) as { data: { data: EventTx[] } }).data.data;
          const answer = await x.forward();
          const body = JSON.parse(answer.text) as { data: Record<string, unknown> };
          const last = kept[kept.length - 1] as EventTx;
          Object.assign(body.data, {
            eventCount: kept.length,
            latestEventId: last.id,
            latestSequence: last.sequence,
          });
          x.reply({ ...answer, text: JSON.stringify(body) });
          return true;
        }
        return false;
      });
      const alone = await outcome(
        new InvoiceLedger(through(p), { trustDomain: DOMAIN }).getInvoice(invoiceId),
      );
      expect((alone.value as { lifecycle: { state: string } }).lifecycle.state).toBe('Issued');
      const both = createQuidnugClient({ ...TEST_CLIENT, nodes: [p.url, server.url] });
      const { error } = await outcome(
        new InvoiceLedger(both, { trustDomain: DOMAIN }).getInvoice(invoiceId, { crossCheck: true }),
      );
      expect(error?.code).toBe('CROSS_CHECK_MISMATCH');
    });

    it('a node that ignores offsets and reports total 1e12: PAGINATION after two page requests', async () => {
      const p = await proxy(async (x) => {
        if (!x.path.endsWith('/blocks')) return false;
        const answer = await x.forward(`${x.path}?limit=${x.query.get('limit') ?? ''}`);
        const body = JSON.parse(answer.text) as { data: { pagination: { total: number } } };
        body.data.pagination.total = 1e12;
        x.reply({ ...answer, text: JSON.stringify(body) });
        return true;
      });
      const { error } = await outcome(
        (async () => {
          for await (const _ of through(p).iterateBlocks({ limit: 1 })) void _;
        })(),
      );
      expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'OFFSET_MISMATCH']);
      expect(p.forwarded().filter((f) => f.endsWith('/blocks')).length).toBeLessThanOrEqual(2);
    });

    it('honest offsets but an absurd total: the walk stops at maxPages', async () => {
      const p = await proxy(async (x) => {
        if (!x.path.endsWith('/blocks')) return false;
        const answer = await x.forward();
        const body = JSON.parse(answer.text) as { data: { data: unknown[]; pagination: { total: number } } };
        body.data.pagination.total = 1e12;
        // Pad past the real chain with fresh made-up blocks so no other check fires first.
        const offset = Number(x.query.get('offset') ?? 0);
        if (body.data.data.length === 0) {
          body.data.data = [
            {
              index: offset,
              timestamp: 1,
              transactions: [],
              trustProof: {},
              prevHash: '',
              hash: `fake-${offset}`,
            },
          ];
        }
        x.reply({ ...answer, text: JSON.stringify(body) });
        return true;
      });
      const { error } = await outcome(
        (async () => {
          for await (const _ of through(p, { maxPages: 20 }).iterateBlocks({ limit: 1 })) void _;
        })(),
      );
      expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'TOO_MANY_PAGES']);
      expect(p.forwarded().filter((f) => f.endsWith('/blocks'))).toHaveLength(20);
    });
  });
});
