// Serves a devnode over HTTP on a loopback address (Node only). Requests are converted to fetch
// Requests (bodies streamed, so the size limit applies before anything is buffered) and answered
// by the node's fetch handler.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevNode } from '../createDevNode.js';
import { DevNodeError } from '../errors/DevNodeError.js';

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

/**
 * The request body as a web stream with backpressure. Once the handler cancels it (body limit) or
 * has answered without reading it, the rest is drained and dropped, never buffered, so the
 * connection stays usable and a hostile upload costs no memory.
 */
function bodyStream(req: IncomingMessage): { stream: ReadableStream<Uint8Array>; discard: () => void } {
  let discarding = false;
  const discard = (): void => {
    discarding = true;
    req.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (discarding) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (!discarding) controller.close();
        });
        req.on('error', (e) => {
          if (!discarding) controller.error(e);
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        discard();
      },
    },
    { highWaterMark: 4 },
  );
  return { stream, discard };
}

function toRequest(
  req: IncomingMessage,
  base: string,
  body: ReadableStream<Uint8Array> | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method ?? 'GET',
    headers,
    ...(body ? { body, duplex: 'half' } : {}),
  } as RequestInit);
}

async function answer(node: DevNode, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : bodyStream(req);
  let response: Response;
  try {
    response = await node.fetch(toRequest(req, base, body?.stream), {
      clientIp: req.socket.remoteAddress ?? '127.0.0.1',
    });
  } catch {
    body?.discard();
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
  if (!req.readableEnded) body?.discard();
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
    throw new DevNodeError('NON_LOOPBACK_HOST', [
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
