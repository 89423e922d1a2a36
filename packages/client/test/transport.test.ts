import { describe, expect, it } from 'vitest';
import { createQuidnugClient, normalizeBaseUrl, type QuidfinClientError } from '../src/index.js';
import { fail, fakeFetch, HEALTH, hang, ok, text } from './fakeFetch.js';

const BASE = 'http://node.test:8080';
const fastRetry = { limit: 2, baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 1 };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('base URL', () => {
  it('appends api/v1/ to a node root and keeps an /api/v1 base', () => {
    expect(normalizeBaseUrl('http://localhost:8080')).toBe('http://localhost:8080/api/v1/');
    expect(normalizeBaseUrl('http://localhost:8080/')).toBe('http://localhost:8080/api/v1/');
    expect(normalizeBaseUrl('https://n.example/api/v1')).toBe('https://n.example/api/v1/');
    expect(normalizeBaseUrl('https://n.example/api/v1/')).toBe('https://n.example/api/v1/');
    expect(normalizeBaseUrl('https://n.example/proxy/quidnug')).toBe(
      'https://n.example/proxy/quidnug/api/v1/',
    );
  });

  it('resolves route paths under the base, with query parameters', async () => {
    const f = fakeFetch(() => ok({ data: [], pagination: { limit: 5, offset: 0, total: 0 } }));
    const client = createQuidnugClient({ baseUrl: `${BASE}/api/v1`, fetch: f.fetch });
    await client.listStreamEvents('inv-1', { limit: 5, includeExpired: true });
    expect(f.requests[0]?.url).toBe(`${BASE}/api/v1/streams/inv-1/events?limit=5&include_expired=true`);
  });
});

describe('retries', () => {
  it('retries a GET on 503 and a network error, then succeeds', async () => {
    const f = fakeFetch((_, n) => {
      if (n === 1) return text(503, 'busy');
      if (n === 2) throw new TypeError('fetch failed');
      return ok(HEALTH);
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: fastRetry });
    expect((await client.health()).status).toBe('ok');
    expect(f.requests).toHaveLength(3);
  });

  it('gives up after the retry limit', async () => {
    const f = fakeFetch(() => text(502, 'bad gateway'));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: fastRetry });
    const e = (await rejection(client.health())) as QuidfinClientError & { status: number };
    expect([e.code, e.status]).toEqual(['HTTP_ERROR', 502]);
    expect(f.requests).toHaveLength(3);
  });

  it('does not retry a 4xx other than rate limits', async () => {
    const f = fakeFetch(() => fail(404, 'NOT_FOUND', 'Identity not found'));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: fastRetry });
    await rejection(client.getIdentity('0123456789abcdef'));
    expect(f.requests).toHaveLength(1);
  });

  it('backs off and re-sends a POST the node refused with a rate limit (429 and quid layer)', async () => {
    const f = fakeFetch((_, n) => {
      if (n === 1) return text(429, 'Too Many Requests');
      if (n === 2) return fail(400, 'BAD_REQUEST', 'rate limit exceeded at quid layer');
      return ok({ id: 'e1', sequence: 1 });
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: fastRetry });
    const r = await client.transport.call({
      method: 'POST',
      path: 'events',
      route: 'POST /events',
      body: '{"x":1}',
      parse: (d) => d,
      retry: 'refusal',
    });
    expect(r).toEqual({ id: 'e1', sequence: 1 });
    expect(f.bodies).toEqual(['{"x":1}', '{"x":1}', '{"x":1}']);
  });

  it('keeps backing off through consecutive rate limits past the retry limit, then gives up', async () => {
    const f = fakeFetch(() => text(429, 'Too Many Requests'));
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      retry: { limit: 1, rateLimitRetries: 4, rateLimitDelayMs: 1, maxDelayMs: 2 },
    });
    const e = (await rejection(client.health())) as QuidfinClientError;
    expect(e.code).toBe('RATE_LIMITED');
    expect(f.requests).toHaveLength(5);
  });

  it('never re-sends a refusal-mode POST after a 500', async () => {
    const f = fakeFetch(() => text(500, 'oops'));
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: fastRetry });
    await rejection(
      client.transport.call({
        method: 'POST',
        path: 'events',
        route: 'POST /events',
        body: '{}',
        parse: (d) => d,
        retry: 'refusal',
      }),
    );
    expect(f.requests).toHaveLength(1);
  });
});

describe('timeouts and abort', () => {
  it('throws TIMEOUT (attempt) when one attempt takes too long', async () => {
    const f = fakeFetch(hang);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, timeoutMs: 30, retry: 0 });
    const e = (await rejection(client.health())) as QuidfinClientError & { kind: string };
    expect([e.code, e.kind]).toEqual(['TIMEOUT', 'attempt']);
  });

  it('throws TIMEOUT (total) when retries exceed the total budget', async () => {
    const f = fakeFetch(hang);
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      timeoutMs: 40,
      totalTimeoutMs: 100,
      retry: { limit: 10, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const e = (await rejection(client.health())) as QuidfinClientError & { kind: string };
    expect([e.code, e.kind]).toEqual(['TIMEOUT', 'total']);
    expect(f.requests.length).toBeGreaterThan(1);
  });

  it('rethrows the caller’s abort reason unchanged, before or during a request', async () => {
    const reason = new Error('user left the page');
    const before = new AbortController();
    before.abort(reason);
    const f = fakeFetch(hang);
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    expect(await rejection(client.health({ signal: before.signal }))).toBe(reason);
    expect(f.requests).toHaveLength(0);

    const during = new AbortController();
    const p = client.health({ signal: during.signal });
    setTimeout(() => during.abort(reason), 10);
    expect(await rejection(p)).toBe(reason);
  });

  it('aborts during a backoff wait', async () => {
    const f = fakeFetch(() => text(503, 'busy'));
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      retry: { limit: 3, baseDelayMs: 10_000 },
    });
    const ac = new AbortController();
    const p = client.health({ signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    const e = await rejection(p);
    expect((e as Error).name).toBe('AbortError');
    expect(f.requests).toHaveLength(1);
  });
});

describe('hooks', () => {
  it('lets onRequest add a traceparent and reports each attempt to onResponse / onError', async () => {
    const f = fakeFetch((_, n) => (n === 1 ? text(503, 'busy') : ok(HEALTH)));
    const seen: string[] = [];
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      retry: fastRetry,
      hooks: {
        onRequest: ({ request, route, attempt }) => {
          request.headers.set('traceparent', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`);
          seen.push(`req ${route} #${attempt}`);
        },
        onResponse: ({ response, requestId }) => {
          seen.push(`res ${response.status} ${requestId ?? '-'}`);
        },
        onError: ({ error, willRetry }) => {
          seen.push(`err ${(error as QuidfinClientError).code} retry=${willRetry}`);
        },
      },
    });
    await client.health();
    expect(f.requests.map((r) => r.headers.get('traceparent'))).toEqual([
      `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
      `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
    ]);
    expect(seen).toEqual([
      'req GET /health #1',
      'res 503 -',
      'err HTTP_ERROR retry=true',
      'req GET /health #2',
      'res 200 req-1',
    ]);
  });
});

describe('node auth', () => {
  it('signs the three transaction POSTs with HMAC-SHA256 and leaves events alone', async () => {
    const f = fakeFetch((r) =>
      r.url.endsWith('/events')
        ? ok({ id: 'e', sequence: 1 })
        : ok({ status: 'success', transaction_id: 't', message: 'm' }),
    );
    const client = createQuidnugClient({
      baseUrl: BASE,
      fetch: f.fetch,
      nodeAuth: { secret: 'sekret', now: () => 1_700_000_000_000 },
    });
    const body = '{"a":1}';
    await client.transport.call({
      method: 'POST',
      path: 'transactions/trust',
      route: 'POST /transactions/trust',
      body,
      parse: (d) => d,
      retry: 'none',
      nodeAuth: true,
    });
    await client.transport.call({
      method: 'POST',
      path: 'events',
      route: 'POST /events',
      body,
      parse: (d) => d,
      retry: 'none',
      nodeAuth: false,
    });
    const [trust, event] = f.requests;
    expect(trust?.headers.get('x-node-timestamp')).toBe('1700000000');
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('sekret'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(
      await crypto.subtle.sign(
        'HMAC',
        key,
        new TextEncoder().encode(`POST\n/api/v1/transactions/trust\n${body}\n1700000000`),
      ),
    );
    expect(trust?.headers.get('x-node-signature')).toBe(btoa(String.fromCharCode(...mac)));
    expect(event?.headers.get('x-node-signature')).toBeNull();
  });
});

describe('routes the devnode does not serve', () => {
  it('POST /quids answers 201 {quidId, publicKey, created}; GET /domains/{name}/query passes type and param', async () => {
    const f = fakeFetch((r) =>
      r.url.includes('/quids')
        ? ok({ quidId: '0123456789abcdef', publicKey: `04${'a'.repeat(128)}`, created: 1 }, 201)
        : ok({ quidId: '0123456789abcdef' }),
    );
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch });
    expect((await client.createQuid({ purpose: 'x' })).quidId).toBe('0123456789abcdef');
    expect(f.bodies[0]).toBe('{"metadata":{"purpose":"x"}}');
    expect(await client.queryDomain('a.b', 'trust', 'x:y')).toEqual({ quidId: '0123456789abcdef' });
    expect(f.requests[1]?.url).toBe(`${BASE}/api/v1/domains/a.b/query?type=trust&param=x%3Ay`);
  });
});
