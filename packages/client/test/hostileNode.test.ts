// A hostile or faulty node, simulated with a fake fetch: stalled and dripped bodies, oversize
// bodies, long Retry-After, unreadable 2xx answers to writes, lying pages and stream metadata.
import { buildEvent, buildTitle, type EventTx, generateSigner } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { createQuidnugClient, type QuidfinClientError } from '../src/index.js';
import { fakeFetch, type Handler, ok } from './fakeFetch.js';

const BASE = 'http://node.test:8080';
const OTHER = 'http://other.test:8080';
const fastRetry = { limit: 2, baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 1 };
const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

type Err = QuidfinClientError & Record<string, unknown>;

/** Settles `p` or fails the test after `ms` (a hang must fail, not stall the suite). */
async function settle(p: Promise<unknown>, ms = 3_000): Promise<{ value?: unknown; error?: Err }> {
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

/** A 200 whose body starts and then never ends (or drips `rest` one byte per `everyMs`). */
function stalled(rest = '', everyMs = 0): Response {
  const bytes = new TextEncoder().encode(`{"success":true,"data":${rest}`);
  let i = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === 0) {
        controller.enqueue(bytes.subarray(0, 10));
        i = 10;
        return;
      }
      if (everyMs === 0 || i >= bytes.length) return new Promise<void>(() => {});
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          controller.enqueue(bytes.subarray(i, i + 1));
          i++;
          resolve();
        }, everyMs);
      });
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** A 200 streaming `total` bytes of JSON-ish filler in 64 KiB chunks; `pulled()` counts what was read. */
function endless(
  total: number,
  headers: Record<string, string> = {},
): { response: Response; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(65_536).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) {
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return {
    response: new Response(body, {
      status: 200,
      headers: { 'content-type': 'application/json', ...headers },
    }),
    pulled: () => sent,
  };
}

const path = (r: Request): string => new URL(r.url).pathname.replace(/^\/api\/v1/, '');
const page = (items: unknown[], limit: number, offset: number, total: number) =>
  ok({ data: items, pagination: { limit, offset, total } });

async function events(n: number, subjectId = 'inv-h'): Promise<EventTx[]> {
  const { signer } = generateSigner();
  const out: EventTx[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(
      await buildEvent({
        signer,
        trustDomain: 'factoring.supply-chain.us',
        subjectId,
        subjectType: 'TITLE',
        sequence: i,
        eventType: `step.${i}`,
        payload: { i },
        timestamp: 1_800_000_000 + i,
      }),
    );
  }
  return out;
}

const meta = (list: readonly EventTx[], subjectId = 'inv-h') => {
  const last = list[list.length - 1];
  return {
    subjectId,
    subjectType: 'TITLE',
    latestSequence: last?.sequence ?? 0,
    eventCount: list.length,
    createdAt: 1,
    updatedAt: 2,
    latestEventId: last?.id ?? '',
  };
};

function highS(signature: string): string {
  const r = signature.slice(0, 64);
  const s = BigInt(`0x${signature.slice(64)}`);
  return r + (N - s).toString(16).padStart(64, '0');
}

/** A node whose stream `inv-h` has `served` events and claims `claimed` in its metadata. */
function streamNode(served: readonly EventTx[], claimed: readonly EventTx[]): Handler {
  return (r) => {
    const p = path(r);
    if (p === '/streams/inv-h') return ok(meta(claimed));
    if (p === '/streams/inv-h/events') {
      const q = new URL(r.url).searchParams;
      const limit = Number(q.get('limit') ?? 50);
      const offset = Number(q.get('offset') ?? 0);
      return page(served.slice(offset, offset + limit), limit, offset, claimed.length);
    }
    return new Response('404 page not found', { status: 404 });
  };
}

describe('finding 6: deadlines cover the body, sizes are capped, Retry-After has a ceiling', () => {
  it('a node that sends headers and then stalls the body: TIMEOUT (attempt), not a hang or a DOMException', async () => {
    const f = fakeFetch(() => stalled());
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, timeoutMs: 60, retry: 0 });
    const { error } = await settle(client.health());
    expect([error?.code, error?.['kind'], error?.name]).toEqual(['TIMEOUT', 'attempt', 'TimeoutError']);
  });

  it('a node that drips the body one byte at a time past the deadline: TIMEOUT', async () => {
    const f = fakeFetch(() => stalled('{"status":"ok","node_id":"a","uptime":1,"version":"1.0.0"}}', 15));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, timeoutMs: 120, retry: 0 });
    const { error } = await settle(client.health());
    expect([error?.code, error?.['kind']]).toEqual(['TIMEOUT', 'attempt']);
  });

  it('a stalled body is retried like any timeout, and the total budget covers the body: TIMEOUT (total)', async () => {
    const f = fakeFetch(() => stalled());
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      timeoutMs: 10_000,
      totalTimeoutMs: 120,
      retry: fastRetry,
    });
    const { error } = await settle(client.health());
    expect([error?.code, error?.['kind']]).toEqual(['TIMEOUT', 'total']);
  });

  it('the caller’s own abort during a stalled body still rethrows the caller’s reason', async () => {
    const f = fakeFetch(() => stalled());
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, timeoutMs: 10_000, retry: 0 });
    const controller = new AbortController();
    const reason = new Error('user left');
    setTimeout(() => controller.abort(reason), 40);
    const { error } = await settle(client.health({ signal: controller.signal }));
    expect(error).toBe(reason);
  });

  it('an oversize body: RESPONSE_TOO_LARGE, and reading stops just past the cap instead of buffering it all', async () => {
    const big = endless(32 * 1024 * 1024);
    const f = fakeFetch(() => big.response);
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      maxResponseBytes: 1024 * 1024,
      retry: 0,
    });
    const { error } = await settle(client.health());
    expect([error?.code, error?.['maxBytes']]).toEqual(['RESPONSE_TOO_LARGE', 1024 * 1024]);
    expect(big.pulled()).toBeLessThanOrEqual(1024 * 1024 + 4 * 65_536);
  });

  it('a declared Content-Length above the cap is refused before the body is read', async () => {
    const big = endless(8 * 1024 * 1024, { 'content-length': String(8 * 1024 * 1024) });
    const f = fakeFetch(() => big.response);
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      maxResponseBytes: 1024 * 1024,
      retry: 0,
    });
    const { error } = await settle(client.health());
    expect(error?.code).toBe('RESPONSE_TOO_LARGE');
    expect(big.pulled()).toBeLessThanOrEqual(2 * 65_536);
  });

  it('the size cap can be raised for one call', async () => {
    const f = fakeFetch(() => ok({ status: 'ok', node_id: 'x'.repeat(4096), uptime: 1, version: '1.0.0' }));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, maxResponseBytes: 1024, retry: 0 });
    expect((await settle(client.health())).error?.code).toBe('RESPONSE_TOO_LARGE');
    expect(
      ((await settle(client.health({ maxResponseBytes: 8192 }))).value as { status: string }).status,
    ).toBe('ok');
  });

  it('Retry-After: 3600 is above the ceiling: RATE_LIMITED at once, not an hour’s wait', async () => {
    const f = fakeFetch(
      () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '3600' } }),
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: fastRetry });
    const { error } = await settle(client.health(), 2_000);
    expect([error?.code, error?.['retryAfterMs']]).toEqual(['RATE_LIMITED', 3_600_000]);
    expect(f.requests).toHaveLength(1);
  });

  it('Retry-After within a raised ceiling is honoured, then the call succeeds', async () => {
    const f = fakeFetch((_, n) =>
      n === 1
        ? new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '1' } })
        : ok({ status: 'ok', node_id: 'a', uptime: 1, version: '1.0.0' }),
    );
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      retry: { ...fastRetry, maxRetryAfterMs: 1_500 },
    });
    const started = Date.now();
    expect(((await settle(client.health())).value as { status: string }).status).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('Retry-After under the ceiling but past totalTimeoutMs: TIMEOUT (total) without waiting', async () => {
    const f = fakeFetch(
      () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '30' } }),
    );
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      totalTimeoutMs: 500,
      retry: { ...fastRetry, maxRetryAfterMs: 60_000 },
    });
    const { error } = await settle(client.health(), 1_000);
    expect([error?.code, error?.['kind']]).toEqual(['TIMEOUT', 'total']);
  });
});

describe('finding 7: an unknown write outcome is resolved, never duplicated', () => {
  async function oneEvent(): Promise<EventTx> {
    return (await events(1))[0] as EventTx;
  }
  /** A node with `pool` pending and `committed` in stream inv-h; POST /events answered by `post`. */
  function writeNode(
    post: (n: number) => Response | Promise<Response>,
    pool: unknown[],
    committed: EventTx[],
  ) {
    let posts = 0;
    const f = fakeFetch((r) => {
      const p = path(r);
      if (r.method === 'POST' && p === '/events') return post(++posts);
      if (p === '/transactions') return page(pool, 1000, 0, pool.length);
      return streamNode(committed, committed)(r, 0);
    });
    return { f, posts: () => posts };
  }

  it('a 2xx with an unreadable body after the node accepted the write: found in the pool, reported sent, not re-sent', async () => {
    const tx = await oneEvent();
    const node = writeNode(() => new Response('{"success":tr', { status: 200 }), [tx], []);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    const { value } = await settle(client.submitEvent(tx));
    expect(value).toEqual({ id: tx.id, sequence: tx.sequence });
    expect(node.posts()).toBe(1);
  });

  it('a 2xx whose body stalls after the node accepted the write: found, not a TIMEOUT and not re-sent', async () => {
    const tx = await oneEvent();
    const node = writeNode(() => stalled(), [tx], []);
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: node.f.fetch,
      timeoutMs: 60,
      pollIntervalMs: 5,
    });
    const { value } = await settle(client.submitEvent(tx));
    expect(value).toEqual({ id: tx.id, sequence: tx.sequence });
    expect(node.posts()).toBe(1);
  });

  it('a 2xx with an unreadable body and the node holds nothing: OUTCOME_UNKNOWN, never re-sent', async () => {
    const tx = await oneEvent();
    const node = writeNode(() => new Response('not json', { status: 200 }), [], []);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    const { error } = await settle(client.submitEvent(tx));
    expect([error?.code, error?.['transactionId']]).toEqual(['OUTCOME_UNKNOWN', tx.id]);
    expect(node.posts()).toBe(1);
  });

  it('a connection reset with no proof the request never left: OUTCOME_UNKNOWN, not re-sent', async () => {
    const tx = await oneEvent();
    const node = writeNode(
      () => {
        throw new TypeError('fetch failed');
      },
      [],
      [],
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    const { error } = await settle(client.submitEvent(tx));
    expect(error?.code).toBe('OUTCOME_UNKNOWN');
    expect(node.posts()).toBe(1);
  });

  it('a refused connection (ECONNREFUSED) provably delivered nothing: re-sent, once', async () => {
    const tx = await oneEvent();
    const node = writeNode(
      (n) => {
        if (n === 1)
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
          });
        return ok({ id: tx.id, sequence: tx.sequence });
      },
      [],
      [],
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    const { value } = await settle(client.submitEvent(tx));
    expect(value).toEqual({ id: tx.id, sequence: tx.sequence });
    expect(node.posts()).toBe(2);
  });

  it('a high-s twin of our signature in the pool is our transaction: found, not re-sent', async () => {
    const tx = await oneEvent();
    const twin = { ...tx, signature: highS(tx.signature) };
    const node = writeNode(
      (n) => {
        if (n === 1)
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
          });
        return ok({ id: tx.id, sequence: tx.sequence });
      },
      [twin],
      [],
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    const { value } = await settle(client.submitEvent(tx));
    expect(value).toEqual({ id: tx.id, sequence: tx.sequence });
    expect(node.posts()).toBe(1);
  });

  it('a high-s twin committed in the stream counts as ours for locateTransaction and waitForCommit', async () => {
    const tx = await oneEvent();
    const twin = { ...tx, signature: highS(tx.signature).toUpperCase() };
    const node = writeNode(() => ok({}), [], [twin]);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    expect((await settle(client.locateTransaction(tx))).value).toBe('committed');
    expect((await settle(client.waitForCommit(tx, { timeoutMs: 1_000 }))).error).toBeUndefined();
  });

  it('a different signature under our id is not ours (another signer’s event with a colliding id)', async () => {
    const tx = await oneEvent();
    const other = (await events(1))[0] as EventTx;
    const impostor = { ...tx, signature: other.signature };
    const node = writeNode(() => new Response('garbage', { status: 200 }), [impostor], [impostor]);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: node.f.fetch, pollIntervalMs: 5 });
    expect((await settle(client.locateTransaction(tx))).value).toBeUndefined();
    expect((await settle(client.submitEvent(tx))).error?.code).toBe('OUTCOME_UNKNOWN');
  });
});

describe('finding 8: a lying node is caught', () => {
  it('a page that silently drops an event (buyer.disputed) fails the stream metadata check: STREAM_INTEGRITY', async () => {
    const all = await events(4);
    const dropped = all.filter((_, i) => i !== 2);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: fakeFetch(streamNode(dropped, all)).fetch });
    const { error } = await settle(client.readStream('inv-h'));
    expect([error?.code, error?.['reason']]).toEqual(['STREAM_INTEGRITY', 'MISSING_EVENTS']);
  });

  it('a withheld last event, with metadata that still names it: STREAM_INTEGRITY (LATEST_MISMATCH)', async () => {
    const all = await events(3);
    const head = all.slice(0, 2);
    const lie = { ...meta(all), eventCount: 2 };
    const f = fakeFetch((r) => (path(r) === '/streams/inv-h' ? ok(lie) : streamNode(head, head)(r, 0)));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    const { error } = await settle(client.readStream('inv-h'));
    expect([error?.code, error?.['reason']]).toEqual(['STREAM_INTEGRITY', 'LATEST_MISMATCH']);
  });

  it('events served for a stream the node says does not exist: STREAM_INTEGRITY', async () => {
    const all = await events(2);
    const f = fakeFetch((r) =>
      path(r) === '/streams/inv-h'
        ? new Response(
            JSON.stringify({
              success: false,
              error: { code: 'NOT_FOUND', message: 'Event stream not found' },
            }),
            { status: 404 },
          )
        : streamNode(all, all)(r, 0),
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, pollIntervalMs: 5 });
    const { error } = await settle(client.readStream('inv-h'));
    expect([error?.code, error?.['reason']]).toEqual(['STREAM_INTEGRITY', 'EVENTS_WITHOUT_STREAM']);
  });

  it('an honest stream reads whole, with its sequence gaps reported (the node allows gaps)', async () => {
    const all = (await events(4)).filter((e) => e.sequence !== 3);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: fakeFetch(streamNode(all, all)).fetch });
    const { value } = await settle(client.readStream('inv-h'));
    const read = value as { events: EventTx[]; sequenceGaps: unknown[] };
    expect(read.events.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(read.sequenceGaps).toEqual([{ after: 2, next: 4 }]);
  });

  it('events served in an order no block sequence allows (a later event moved first): IMPOSSIBLE_ORDER', async () => {
    const [e1, e2, e3] = (await events(3)) as [EventTx, EventTx, EventTx];
    const reordered = [e2, e1, e3];
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: fakeFetch(streamNode(reordered, reordered)).fetch,
    });
    const { error } = await settle(client.readStream('inv-h'));
    expect([error?.code, error?.['reason']]).toEqual(['STREAM_INTEGRITY', 'IMPOSSIBLE_ORDER']);
  });

  it('orders an honest node does commit pass: 5 then 3 in one block, then 4; several 1s before the first commit', async () => {
    const { signer } = generateSigner();
    const at = (sequence: number, i: number) =>
      buildEvent({
        signer,
        trustDomain: 'factoring.supply-chain.us',
        subjectId: 'inv-h',
        subjectType: 'TITLE',
        sequence,
        eventType: `step.${i}`,
        payload: { i },
        timestamp: 1_800_000_000 + i,
      });
    const list = await Promise.all([1, 1, 1, 5, 3, 4, 9].map(at));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: fakeFetch(streamNode(list, list)).fetch });
    const { value, error } = await settle(client.readStream('inv-h'));
    expect(error).toBeUndefined();
    expect((value as { sequenceGaps: unknown[] }).sequenceGaps).toEqual([
      { after: 1, next: 5 },
      { after: 4, next: 9 },
    ]);
  });

  it('a stream read asks for expired and hidden events too, so the count can be checked', async () => {
    const all = await events(2);
    const f = fakeFetch(streamNode(all, all));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    await settle(client.readStream('inv-h'));
    const list = f.requests.map((r) => new URL(r.url)).find((u) => u.pathname.endsWith('/events'));
    expect([list?.searchParams.get('include_expired'), list?.searchParams.get('includeHidden')]).toEqual([
      'true',
      'true',
    ]);
  });

  it('a node that ignores offsets and reports total 1e12: PAGINATION after two requests, not thousands', async () => {
    const f = fakeFetch((r) => {
      const limit = Number(new URL(r.url).searchParams.get('limit') ?? 50);
      return page(
        Array.from({ length: limit }, (_, i) => ({
          index: i,
          timestamp: 1,
          transactions: [],
          trustProof: {},
          prevHash: '',
          hash: `h${i}`,
        })),
        limit,
        0,
        1e12,
      );
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    const seen: unknown[] = [];
    const { error } = await settle(
      (async () => {
        for await (const b of client.iterateBlocks({ limit: 10 })) seen.push(b);
      })(),
    );
    expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'OFFSET_MISMATCH']);
    expect(f.requests.length).toBeLessThanOrEqual(2);
  });

  it('a node that echoes offsets but repeats the same page: PAGINATION (REPEATED_PAGE)', async () => {
    const f = fakeFetch((r) => {
      const q = new URL(r.url).searchParams;
      const limit = Number(q.get('limit'));
      const offset = Number(q.get('offset') ?? 0);
      return page(
        Array.from({ length: limit }, (_, i) => ({
          index: i,
          timestamp: 1,
          transactions: [],
          trustProof: {},
          prevHash: '',
          hash: `h${i}`,
        })),
        limit,
        offset,
        1e12,
      );
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    const { error } = await settle(
      (async () => {
        for await (const _ of client.iterateBlocks({ limit: 10 })) void _;
      })(),
    );
    expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'REPEATED_PAGE']);
    expect(f.requests.length).toBe(2);
  });

  it('absurd totals with fresh pages every time: stops at maxPages (PAGINATION, TOO_MANY_PAGES)', async () => {
    const f = fakeFetch((r) => {
      const q = new URL(r.url).searchParams;
      const limit = Number(q.get('limit'));
      const offset = Number(q.get('offset') ?? 0);
      return page(
        Array.from({ length: limit }, (_, i) => ({
          index: offset + i,
          timestamp: 1,
          transactions: [],
          trustProof: {},
          prevHash: '',
          hash: `h${offset + i}`,
        })),
        limit,
        offset,
        1e12,
      );
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, maxPages: 5 });
    const { error } = await settle(
      (async () => {
        for await (const _ of client.iterateBlocks({ limit: 10 })) void _;
      })(),
    );
    expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'TOO_MANY_PAGES']);
    expect(f.requests).toHaveLength(5);
  });

  it('a page longer than the limit asked for: PAGINATION (PAGE_TOO_LONG)', async () => {
    const f = fakeFetch(() =>
      page(
        [{}, {}, {}].map((_, i) => ({ truster: `a${i}`, trustee: 'b', trust_level: 1 })),
        2,
        0,
        3,
      ),
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    const { error } = await settle(
      (async () => {
        for await (const _ of client.iterateTrustRegistry({ limit: 2 })) void _;
      })(),
    );
    expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'PAGE_TOO_LONG']);
  });

  it('a short page on a list the node never filters (pending pool): PAGINATION (SHORT_PAGE)', async () => {
    const all = await events(3);
    const f = fakeFetch(() => page(all.slice(0, 2), 1000, 0, 3));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    const { error } = await settle(
      (async () => {
        for await (const _ of client.iteratePendingTransactions({ limit: 1000 })) void _;
      })(),
    );
    expect([error?.code, error?.['reason']]).toEqual(['PAGINATION', 'SHORT_PAGE']);
  });

  it('an events page emptied by the node’s expiry filter does not end the walk early', async () => {
    const all = await events(3);
    // Window [0,2) holds two expired events the node filters out; the third is still there.
    const f = fakeFetch((r) => {
      const q = new URL(r.url).searchParams;
      const offset = Number(q.get('offset') ?? 0);
      return page(offset === 0 ? [] : all.slice(2), 2, offset, 3);
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    const got: EventTx[] = [];
    await settle(
      (async () => {
        for await (const e of client.iterateStreamEvents('inv-h', { limit: 2 })) got.push(e);
      })(),
    );
    expect(got.map((e) => e.id)).toEqual([all[2]?.id]);
  });

  it('cross-check: a second node that disagrees about the stream: CROSS_CHECK_MISMATCH', async () => {
    const all = await events(3);
    const withoutDispute = all.slice(0, 2);
    const a = streamNode(all, all);
    const truncated = [...withoutDispute, (await events(3))[2] as EventTx];
    const c = streamNode(truncated, truncated);
    const f = fakeFetch((r, n) => (r.url.startsWith(OTHER) ? c(r, n) : a(r, n)));
    const client = createQuidnugClient({ nodes: [BASE, OTHER], fetch: f.fetch, pollIntervalMs: 5 });
    const { error } = await settle(client.readStream('inv-h', { crossCheck: true }));
    expect(error?.code).toBe('CROSS_CHECK_MISMATCH');
  });

  it('cross-check: a second node one block behind catches up and the read agrees', async () => {
    const all = await events(3);
    const a = streamNode(all, all);
    let behind = 0;
    const f = fakeFetch((r, n) => {
      if (!r.url.startsWith(OTHER)) return a(r, n);
      const lag = behind++ < 2 ? all.slice(0, 2) : all;
      return streamNode(lag, lag)(r, n);
    });
    const client = createQuidnugClient({ nodes: [BASE, OTHER], fetch: f.fetch, pollIntervalMs: 5 });
    const { value, error } = await settle(client.readStream('inv-h', { crossCheck: true }));
    expect(error).toBeUndefined();
    expect((value as { events: EventTx[] }).events).toHaveLength(3);
    expect(f.requests.some((r) => r.url.startsWith(OTHER))).toBe(true);
  });

  it('cross-check of a title: a second node with another owner list: CROSS_CHECK_MISMATCH', async () => {
    const { signer } = generateSigner();
    const title = async (owner: string) =>
      buildTitle({ signer, trustDomain: 'd', assetId: 'inv-h', owners: [{ ownerId: owner, percentage: 1 }] });
    const mine = await title(signer.quidId);
    const theirs = await title(generateSigner().signer.quidId);
    const f = fakeFetch((r) => ok(r.url.startsWith(OTHER) ? theirs : mine));
    const client = createQuidnugClient({ nodes: [BASE, OTHER], fetch: f.fetch, pollIntervalMs: 5 });
    const { error } = await settle(client.getTitle('inv-h', { crossCheck: true }));
    expect(error?.code).toBe('CROSS_CHECK_MISMATCH');
    expect((await settle(client.getTitle('inv-h'))).error).toBeUndefined();
  });

  it('cross-check needs a second node: an INVALID_INPUT error at crossCheck that says so', async () => {
    const all = await events(1);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: fakeFetch(streamNode(all, all)).fetch });
    const { error } = await settle(client.readStream('inv-h', { crossCheck: true }));
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toMatch(/^crossCheck: stream inv-h needs a second node/);
  });
});
