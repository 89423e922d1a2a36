import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildIdentity, generateSigner } from '@quidfin/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createQuidnugClient, type QuidfinClientError } from '../src/index.js';
import { DOMAIN, type Harness, TEST_CLIENT } from './support/harness.js';
import { loopback } from './support/loopback.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** A loopback server that accepts requests and never answers. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void>; hits: () => number }> {
  let hits = 0;
  const server: Server = createServer(() => {
    hits++;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function devnode(): Promise<Harness> {
  const h = await loopback();
  cleanups.push(() => h.close());
  return h;
}

describe('failover between two devnodes (loopback HTTP)', () => {
  it('reads fail over when the preferred node goes down; writes go to the node health checks pick', async () => {
    const a = await loopback();
    const b = await devnode();
    const client = createQuidnugClient({
      ...TEST_CLIENT,
      nodes: [a.url, b.url],
      retry: { limit: 1, baseDelayMs: 5 },
    });
    expect(await client.selectNode()).toBe(`${a.url}/api/v1/`);
    expect((await client.info()).managedDomains).toContain(DOMAIN);
    await a.close();
    // The preferred node refuses connections: the read is answered by the other one.
    expect((await client.health()).status).toBe('ok');
    expect(await client.selectNode()).toBe(`${b.url}/api/v1/`);
    const tx = await buildIdentity({
      signer: generateSigner().signer,
      trustDomain: DOMAIN,
      name: 'failover',
      updateNonce: 1,
    });
    await client.submitIdentity(tx);
    await client.waitForCommit(tx);
    const direct = b.client();
    expect((await direct.getIdentity(tx.quidId)).id).toBe(tx.id);
  });

  it('a silent node times out and the read moves on to a healthy one', async () => {
    const silent = await silentServer();
    cleanups.push(silent.close);
    const b = await devnode();
    const client = createQuidnugClient({ ...TEST_CLIENT, nodes: [silent.url, b.url], timeoutMs: 100 });
    expect((await client.health()).status).toBe('ok');
    expect(silent.hits()).toBe(1);
    expect(await client.selectNode()).toBe(`${b.url}/api/v1/`);
  });

  it('throws NO_HEALTHY_NODE when no node answers its health check', async () => {
    const a = await loopback();
    const b = await loopback();
    await a.close();
    await b.close();
    const client = createQuidnugClient({ ...TEST_CLIENT, nodes: [a.url, b.url], timeoutMs: 200 });
    const e = (await rejection(client.selectNode())) as QuidfinClientError & { nodes: string[] };
    expect(e.code).toBe('NO_HEALTHY_NODE');
    expect(e.nodes).toHaveLength(2);
  });
});

describe('timeouts, abort and network errors over real HTTP', () => {
  it('per-attempt and total timeouts against a server that never answers', async () => {
    const silent = await silentServer();
    cleanups.push(silent.close);
    const one = createQuidnugClient({ baseUrl: silent.url, timeoutMs: 80, retry: 0 });
    const e1 = (await rejection(one.health())) as QuidfinClientError & { kind: string };
    expect([e1.code, e1.kind]).toEqual(['TIMEOUT', 'attempt']);
    const total = createQuidnugClient({
      baseUrl: silent.url,
      timeoutMs: 60,
      totalTimeoutMs: 150,
      retry: { limit: 10, baseDelayMs: 1 },
    });
    const e2 = (await rejection(total.health())) as QuidfinClientError & { kind: string };
    expect([e2.code, e2.kind]).toEqual(['TIMEOUT', 'total']);
  });

  it('abort rethrows the signal reason; a closed port is a NETWORK_ERROR', async () => {
    const silent = await silentServer();
    cleanups.push(silent.close);
    const client = createQuidnugClient({ baseUrl: silent.url, timeoutMs: 5_000 });
    const ac = new AbortController();
    const reason = new Error('cancelled by caller');
    const p = client.health({ signal: ac.signal });
    setTimeout(() => ac.abort(reason), 30);
    expect(await rejection(p)).toBe(reason);

    const closed = await loopback();
    await closed.close();
    const dead = createQuidnugClient({ baseUrl: closed.url, retry: 0 });
    expect(((await rejection(dead.health())) as QuidfinClientError).code).toBe('NETWORK_ERROR');
  });

  it('a 200 that is not the node’s envelope (a proxy page) is RESPONSE_VALIDATION', async () => {
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const client = createQuidnugClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      retry: 0,
    });
    const e = (await rejection(client.health())) as QuidfinClientError & { body: unknown };
    expect(e.code).toBe('RESPONSE_VALIDATION');
    expect(e.body).toBe('<html>captive portal</html>');
  });

  it('the node’s 413 for an oversized body is PAYLOAD_TOO_LARGE', async () => {
    const h = await devnode();
    const client = h.client();
    const body = JSON.stringify({ observer: 'a', target: 'x'.repeat(1024 * 1024 + 10) });
    const call = client.transport.call({
      method: 'POST',
      path: 'trust/query',
      route: 'POST /trust/query',
      body,
      parse: (d) => d,
      retry: 'read',
    });
    expect(((await rejection(call)) as QuidfinClientError).code).toBe('PAYLOAD_TOO_LARGE');
  });
});
