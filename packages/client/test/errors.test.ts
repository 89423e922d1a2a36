import { ValidationError } from '@quidfin/core';
import { describe, expect, it, vi } from 'vitest';
import {
  createQuidnugClient,
  isAbortError,
  isClientError,
  isHttpError,
  isQuidfinClientError,
  type QuidfinClientError,
} from '../src/index.js';
import { fail, fakeFetch, ok, text } from './fakeFetch.js';

const BASE = 'http://node.test:8080';

async function errorOf(p: Promise<unknown>): Promise<QuidfinClientError & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as QuidfinClientError & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

function clientFor(response: () => Response) {
  const f = fakeFetch(() => response());
  return { client: createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: 0 }), f };
}

describe('HTTP error mapping', () => {
  it('maps a rejected transaction (400 envelope on a transaction POST)', async () => {
    const { client } = clientFor(() => fail(400, 'BAD_REQUEST', 'invalid event transaction'));
    const e = await errorOf(
      client.transport.call({
        method: 'POST',
        path: 'events',
        route: 'POST /events',
        body: '{}',
        parse: (d) => d,
        retry: 'refusal',
      }),
    );
    expect(e.code).toBe('TRANSACTION_REJECTED');
    expect(e['transactionType']).toBe('event');
    expect(e['status']).toBe(400);
    expect(e['serverCode']).toBe('BAD_REQUEST');
    expect(e['requestId']).toBe('req-err');
    expect(e['method']).toBe('POST');
    expect(e['url']).toBe(`${BASE}/api/v1/events`);
  });

  it('maps 404 envelope and plain-text 404 to NOT_FOUND, telling a missing route apart', async () => {
    const a = await errorOf(
      clientFor(() => fail(404, 'NOT_FOUND', 'Identity not found')).client.getIdentity('0123456789abcdef'),
    );
    expect(a.code).toBe('NOT_FOUND');
    expect(a['routeMissing']).toBe(false);
    const b = await errorOf(clientFor(() => text(404, '404 page not found')).client.health());
    expect(b.code).toBe('NOT_FOUND');
    expect(b['routeMissing']).toBe(true);
  });

  it('maps both rate limits: plain 429 (ip) and 400 quid/domain layer', async () => {
    // A read refused with 429 is retried after 1, 2, 4 and 8 s (rate limits get their own budget,
    // even with retry: 0): run that schedule on a fake clock instead of waiting 15 s.
    // The clock moves in 100 ms steps with a real macrotask between them, so a browser's response
    // body (read outside the microtask queue) arrives long before the per-attempt timeout.
    const realTick = () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(0);
      });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { client, f } = clientFor(() => text(429, 'Too Many Requests'));
      const started = Date.now();
      let settled = false;
      const pending = errorOf(client.health()).finally(() => {
        settled = true;
      });
      while (!settled) {
        await vi.advanceTimersByTimeAsync(100);
        await realTick();
      }
      const a = await pending;
      expect([a.code, a['layer']]).toEqual(['RATE_LIMITED', 'ip']);
      expect(f.requests).toHaveLength(5);
      expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
      expect(Date.now() - started).toBeLessThan(16_000);
    } finally {
      vi.useRealTimers();
    }
    const b = await errorOf(
      clientFor(() => fail(400, 'BAD_REQUEST', 'rate limit exceeded at quid layer')).client.transport.call({
        method: 'POST',
        path: 'events',
        route: 'POST /events',
        body: '{}',
        parse: (d) => d,
        retry: 'none',
      }),
    );
    expect([b.code, b['layer']]).toEqual(['RATE_LIMITED', 'quid']);
    const c = await errorOf(
      clientFor(() => fail(400, 'BAD_REQUEST', 'rate limit exceeded at domain layer')).client.transport.call({
        method: 'POST',
        path: 'transactions/trust',
        route: 'POST /transactions/trust',
        body: '{}',
        parse: (d) => d,
        retry: 'none',
      }),
    );
    expect([c.code, c['layer']]).toEqual(['RATE_LIMITED', 'domain']);
  });

  it('maps 413 and the plain-text 400 (unknown field)', async () => {
    expect((await errorOf(clientFor(() => text(413, 'Payload Too Large')).client.health())).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const e = await errorOf(
      clientFor(() => text(400, 'Invalid request body\n')).client.queryTrust({ observer: 'a', target: 'b' }),
    );
    expect(e.code).toBe('UNKNOWN_FIELD');
    expect(e['body']).toBe('Invalid request body\n');
  });

  it('keeps MISSING_PARAMETERS fields on a generic HttpError', async () => {
    const e = await errorOf(
      clientFor(() =>
        fail(400, 'MISSING_PARAMETERS', 'observer and target required', ['observer', 'target']),
      ).client.queryTrust({
        observer: '',
        target: '',
      }),
    );
    expect(e.code).toBe('HTTP_ERROR');
    expect(e['fields']).toEqual(['observer', 'target']);
    expect(isHttpError(e)).toBe(true);
  });

  it('throws RESPONSE_VALIDATION when a 2xx body has the wrong shape', async () => {
    const a = await errorOf(clientFor(() => ok({ status: 'ok' })).client.health());
    expect(a.code).toBe('RESPONSE_VALIDATION');
    expect((a['issues'] as { path: string }[]).map((i) => i.path)).toContain('node_id');
    const b = await errorOf(clientFor(() => new Response('{"status":"ok"}')).client.health());
    expect(b.code).toBe('RESPONSE_VALIDATION');
    const c = await errorOf(clientFor(() => new Response('<html>')).client.health());
    expect(c.code).toBe('RESPONSE_VALIDATION');
  });

  it('maps a failed connection to NETWORK_ERROR with the cause', async () => {
    const f = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const client = createQuidnugClient({ baseUrl: BASE, fetch: f.fetch, retry: 0 });
    const e = await errorOf(client.health());
    expect(e.code).toBe('NETWORK_ERROR');
    expect(e.cause).toBeInstanceOf(TypeError);
  });
});

describe('guards', () => {
  it('recognise errors without instanceof (another copy or realm)', () => {
    const foreign = {
      isQuidfinClientError: true,
      isQuidfinError: true,
      code: 'NOT_FOUND',
      isHttpError: true,
    };
    expect(isQuidfinClientError(foreign)).toBe(true);
    expect(isHttpError(foreign)).toBe(true);
    expect(isQuidfinClientError(new Error('x'))).toBe(false);
    expect(isQuidfinClientError({ code: 'NOT_FOUND' })).toBe(false);
    // The brand alone is not enough: the code must be one of the client's, so the union is honest.
    expect(isClientError({ ...foreign, code: 'RATE_LIMIT' })).toBe(false);
    expect(isClientError(foreign)).toBe(true);
    expect(isClientError(new ValidationError('INVALID_OPTIONS', [{ path: 'x', message: 'm' }]))).toBe(false);
    expect(isAbortError(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('stop'))).toBe(false);
  });
});
