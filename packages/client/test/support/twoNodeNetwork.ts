// Two devnodes as a two-node network, measured behaviour of real nodes reproduced (issue 18): the
// validator mines; the peer never mines, sees the validator's blocks only by a periodic pull, and
// sits behind a loopback proxy (127.0.0.1 only, bodies capped) that forwards what the peer admits
// to the validator the way the node's broadcast does: POST /api/transactions/<type>, a route that
// exists for trust/identity/title but not for "event", so an admitted EVENT is lost.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDevNode, type DevNode } from '@quidfin/devnode';
import { type DevNodeServer, listen } from '@quidfin/devnode/node';
import { DOMAIN } from './harness.js';

const MAX_BODY = 1024 * 1024;
const BROADCAST: Record<string, string> = {
  '/api/v1/transactions/trust': 'trust',
  '/api/v1/transactions/identity': 'identity',
  '/api/v1/transactions/title': 'title',
  '/api/v1/events': 'event',
};

export interface TwoNodeNetwork {
  readonly validator: DevNode;
  readonly peer: DevNode;
  /** Base URL of the validator (loopback HTTP). */
  readonly validatorUrl: string;
  /** Base URL of the peer, through the proxy. */
  readonly peerUrl: string;
  /** Copies the validator's committed state to the peer now (the peer's pending pool is dropped). */
  pull(): void;
  pausePulls(): void;
  resumePulls(): void;
  /** What the proxy saw: every request to the peer, and every broadcast with the validator's status. */
  readonly log: {
    readonly peerRequests: string[];
    readonly broadcasts: Array<{ path: string; status: number }>;
  };
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Uint8Array | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.destroy();
        resolve('too-large');
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function twoNodeNetwork(
  options: { blockIntervalMs?: number; pullMs?: number } = {},
): Promise<TwoNodeNetwork> {
  const validator = createDevNode({
    blockIntervalMs: options.blockIntervalMs ?? 50,
    limits: 'off',
    domains: [DOMAIN],
  });
  const peer = createDevNode({ blockIntervalMs: 0, limits: 'off', nodeKey: '5'.repeat(64) });
  const validatorServer: DevNodeServer = await listen(validator);
  const log = { peerRequests: [] as string[], broadcasts: [] as Array<{ path: string; status: number }> };
  const pull = (): void => peer.restore({ ...validator.snapshot(), pending: [] });
  pull();
  let paused = false;
  const timer = setInterval(() => {
    if (!paused) pull();
  }, options.pullMs ?? 250);
  timer.unref();
  let proxyAddress = '';
  const proxy: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (body === 'too-large') {
        res.writeHead(413).end('Payload Too Large');
        return;
      }
      const path = new URL(req.url ?? '/', 'http://proxy').pathname;
      log.peerRequests.push(`${req.method} ${path}`);
      if (req.method === 'GET' && (path === '/api/v1/nodes' || path === '/api/nodes')) {
        const nodes = [
          {
            id: validator.nodeId,
            address: validatorServer.url.slice(7),
            trustDomains: [DOMAIN],
            isValidator: true,
          },
          { id: peer.nodeId, address: proxyAddress, trustDomains: [DOMAIN], isValidator: false },
        ].map((n) => ({ ...n, lastSeen: 0, connectionStatus: 'connected' }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            success: true,
            data: { data: nodes, pagination: { limit: 50, offset: 0, total: 2 } },
          }),
        );
        return;
      }
      const init: RequestInit = {
        method: req.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
      };
      if (req.method === 'POST') init.body = body as Uint8Array<ArrayBuffer>;
      const answer = await peer.fetch(new Request(`http://peer${req.url ?? '/'}`, init));
      const text = await answer.text();
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      res.end(text);
      const type = BROADCAST[path];
      if (req.method === 'POST' && answer.status === 200 && type) {
        // The node's broadcastToNode: fire-and-forget to /api/transactions/<type>.
        const target = `/api/transactions/${type}`;
        const r = await fetch(`${validatorServer.url}${target}`, { method: 'POST', body: init.body ?? null });
        await r.text();
        log.broadcasts.push({ path: target, status: r.status });
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end('proxy error');
    });
  });
  proxy.requestTimeout = 10_000;
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  proxyAddress = `127.0.0.1:${port}`;
  return {
    validator,
    peer,
    validatorUrl: validatorServer.url,
    peerUrl: `http://${proxyAddress}`,
    pull,
    pausePulls: () => {
      paused = true;
    },
    resumePulls: () => {
      paused = false;
    },
    log,
    async close() {
      clearInterval(timer);
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      proxy.closeAllConnections();
      await validatorServer.close();
      await validator.close();
      await peer.close();
    },
  };
}
