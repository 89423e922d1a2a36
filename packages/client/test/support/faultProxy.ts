// A fault-injecting HTTP proxy on 127.0.0.1 (Node only) in front of a devnode's loopback server:
// stalls or drips bodies, sends oversize ones, holds POSTs, rewrites answers. Bounded: it answers
// at most `maxRequests` requests (then 503 without forwarding) and closes itself after `lifetimeMs`.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An upstream answer, body as text. */
export interface Upstream {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** What a fault sees of one request, and how it can reach the node. */
export interface Exchange {
  readonly method: string;
  /** Path without the query, e.g. `/api/v1/streams/inv-1/events`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly res: ServerResponse;
  /** Sends the request (or a changed path and query) to the node. */
  forward(pathAndQuery?: string): Promise<Upstream>;
  /** Answers with an upstream answer, optionally changed. */
  reply(answer: Upstream): void;
  /** Waits `ms`, cancelled when the proxy closes. */
  wait(ms: number): Promise<void>;
}

/** Returns true when it answered; false passes the request through unchanged. */
export type Fault = (exchange: Exchange) => Promise<boolean> | boolean;

export interface FaultProxy {
  readonly url: string;
  /** Requests received. */
  readonly requests: () => number;
  /** Requests forwarded to the node, by `METHOD path`. */
  readonly forwarded: () => readonly string[];
  /** Body bytes the proxy managed to write to clients. */
  readonly bytesWritten: () => number;
  /** Settles when every held or slow exchange has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  readonly maxRequests?: number;
  readonly lifetimeMs?: number;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the proxy in front of `upstream` (a loopback base URL such as `http://127.0.0.1:40123`). */
export async function startFaultProxy(
  upstream: string,
  fault: Fault,
  options: FaultProxyOptions = {},
): Promise<FaultProxy> {
  const maxRequests = options.maxRequests ?? 300;
  let requests = 0;
  let bytes = 0;
  let closed = false;
  const forwarded: string[] = [];
  const timers = new Set<{ timer: ReturnType<typeof setTimeout>; done: () => void }>();
  const inFlight = new Set<Promise<void>>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const body = await readAll(req);
    if (requests > maxRequests || closed) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('fault proxy: request budget spent');
      return;
    }
    const method = req.method ?? 'GET';
    const exchange: Exchange = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      res,
      forward: async (pathAndQuery = `${url.pathname}${url.search}`) => {
        forwarded.push(`${method} ${pathAndQuery.split('?')[0]}`);
        const r = await fetch(`${upstream}${pathAndQuery}`, {
          method,
          ...(method === 'POST' ? { body, headers: { 'content-type': 'application/json' } } : {}),
        });
        return { status: r.status, contentType: r.headers.get('content-type') ?? '', text: await r.text() };
      },
      reply: (answer) => {
        if (res.destroyed) return;
        const data = Buffer.from(answer.text, 'utf8');
        res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': data.length });
        res.end(data, () => {
          bytes += data.length;
        });
      },
      wait: (ms) =>
        new Promise<void>((resolve) => {
          if (closed) return resolve();
          const entry = {
            timer: setTimeout(() => {
              timers.delete(entry);
              resolve();
            }, ms),
            done: resolve,
          };
          timers.add(entry);
        }),
    };
    if (await fault(exchange)) return;
    exchange.reply(await exchange.forward());
  };

  const server = createServer((req, res) => {
    const work = handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
      else res.destroy();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const t of timers) {
      clearTimeout(t.timer);
      t.done();
    }
    timers.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 30_000);
  lifetime.unref();

  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    forwarded: () => forwarded,
    bytesWritten: () => bytes,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      clearTimeout(lifetime);
      await close();
    },
  };
}

/** Writes `text` one byte every `everyMs` (headers first); stops when the client goes away. */
export async function drip(x: Exchange, answer: Upstream, everyMs: number): Promise<void> {
  const data = Buffer.from(answer.text, 'utf8');
  x.res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': data.length });
  for (let i = 0; i < data.length && !x.res.destroyed; i++) {
    x.res.write(data.subarray(i, i + 1));
    await x.wait(everyMs);
  }
  if (!x.res.destroyed) x.res.end();
}

/** Sends the headers and the first bytes, then nothing, until the client or the proxy gives up. */
export async function stall(x: Exchange, answer: Upstream, holdMs: number): Promise<void> {
  x.res.writeHead(answer.status, { 'content-type': answer.contentType });
  x.res.write(answer.text.slice(0, 10));
  await x.wait(holdMs);
  x.res.destroy();
}

/**
 * A 200 whose body is `total` bytes of JSON-looking filler, written with backpressure; stops as
 * soon as the client closes the connection. Returns the bytes written.
 */
export async function flood(x: Exchange, total: number, count: (n: number) => void): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  x.res.writeHead(200, { 'content-type': 'application/json' });
  x.res.write('{"success":true,"data":"');
  let written = 0;
  while (written < total && !x.res.destroyed) {
    const more = x.res.write(chunk);
    written += chunk.length;
    count(chunk.length);
    if (!more) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          x.res.off('drain', done);
          x.res.off('close', done);
          resolve();
        };
        x.res.on('drain', done);
        x.res.on('close', done);
      });
    }
  }
  if (!x.res.destroyed) x.res.end('"}');
}
