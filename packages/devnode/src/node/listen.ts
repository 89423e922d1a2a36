// Serves a devnode over HTTP on a loopback address (Node only). Requests are converted to fetch
// Requests (bodies streamed, so the size limit applies before anything is buffered) and answered
// by the node's fetch handler.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { ValidationError } from '@quidfin/core';
import type { DevNode } from '../createDevNode.js';

/**
 * Where to listen.
 *
 * @example
 * ```ts
 * await listen(node, { port: 0, host: '127.0.0.1' });
 * ```
 */
export interface ListenOptions {
  /** 0 (default) = any free port. */
  readonly port?: number;
  /** A loopback address only (default 127.0.0.1). */
  readonly host?: string;
}

/**
 * A running HTTP server.
 *
 * @example
 * ```ts
 * const server: DevNodeServer = await listen(node);
 * await server.close();
 * ```
 */
export interface DevNodeServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

async function answer(node: DevNode, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  let response: Response;
  try {
    response = await node.fetch(toRequest(req, base), { clientIp: req.socket.remoteAddress ?? '127.0.0.1' });
  } catch {
    // e.g. a request target the URL parser refuses: Go's server answers 400 as well.
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    res.end('400 Bad Request');
    return;
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  // A body the handler did not read (404, 413 …) is drained so the connection stays usable.
  if (!req.readableEnded) req.resume();
}

/**
 * Serves `node` on a loopback address; refuses any other host.
 *
 * @example
 * ```ts
 * const server = await listen(createDevNode(), { port: 0 });
 * await fetch(`${server.url}/api/v1/health`);
 * await server.close();
 * ```
 */
export async function listen(node: DevNode, options: ListenOptions = {}): Promise<DevNodeServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new ValidationError('NON_LOOPBACK_HOST', [
      {
        path: 'host',
        message: `the devnode listens on loopback only (127.0.0.0/8, ::1, localhost), not ${host}`,
      },
    ]);
  }
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host ?? 'localhost'}`;
    answer(node, req, res, base).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
