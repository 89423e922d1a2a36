import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNextPage, InMemoryNonceStore, NonceManager, paginate, SequenceManager } from '../src/index.js';
import { backoffDelay } from '../src/transport/backoffDelay.js';

describe('NonceManager', () => {
  it('increases per pair and per truster+domain, and survives a snapshot round-trip', async () => {
    const store = new InMemoryNonceStore();
    const nonces = new NonceManager(store);
    const a = 'aaaaaaaaaaaaaaaa';
    expect(await nonces.next({ truster: a, trustee: 'b', trustDomain: 'd' })).toBe(1);
    expect(await nonces.next({ truster: a, trustee: 'c', trustDomain: 'd' })).toBe(2);
    expect(await nonces.next({ truster: a, trustee: 'b', trustDomain: 'd' })).toBe(3);
    expect(await nonces.next({ truster: a, trustee: 'b', trustDomain: 'other' })).toBe(4);
    const restored = new NonceManager(new InMemoryNonceStore(JSON.parse(JSON.stringify(store))));
    expect(await restored.next({ truster: a, trustee: 'b', trustDomain: 'd' })).toBe(5);
  });

  it('never hands out the same nonce twice under concurrency, even with a slow async store', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('b', 'c', 'd'), { minLength: 1, maxLength: 30 }),
        async (trustees) => {
          const map = new Map<string, number>();
          const nonces = new NonceManager({
            get: async (k) => {
              await new Promise((r) => setTimeout(r, 0));
              return map.get(k);
            },
            set: async (k, v) => {
              await new Promise((r) => setTimeout(r, 0));
              map.set(k, v);
            },
          });
          const got = await Promise.all(
            trustees.map((t) => nonces.next({ truster: 'a', trustee: t, trustDomain: 'd' })),
          );
          expect(new Set(got).size).toBe(got.length);
          expect([...got].sort((x, y) => x - y)).toEqual(got.map((_, i) => i + 1));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('SequenceManager', () => {
  it('gives every pre-commit event on a new stream sequence 1, loading the state once', async () => {
    let loads = 0;
    const seq = new SequenceManager();
    const load = async () => {
      loads++;
      return { exists: false, latest: 0 };
    };
    expect(await Promise.all(Array.from({ length: 5 }, () => seq.next('s', load)))).toEqual([1, 1, 1, 1, 1]);
    expect(loads).toBe(1);
    seq.observeCommit('s', 1);
    expect(await seq.next('s', load)).toBe(2);
  });

  it('hands out distinct numbers above the committed latest under concurrency', async () => {
    const seq = new SequenceManager();
    const load = async () => ({ exists: true, latest: 7 });
    const got = await Promise.all(Array.from({ length: 20 }, () => seq.next('s', load)));
    expect(new Set(got).size).toBe(20);
    expect(Math.min(...got)).toBe(8);
  });

  it('refreshes after a rejection and keeps going above both the node and what it handed out', async () => {
    const seq = new SequenceManager();
    let latest = 3;
    const load = async () => ({ exists: true, latest });
    expect(await seq.next('s', load)).toBe(4);
    latest = 10;
    expect(await seq.refresh('s', load)).toEqual({ exists: true, latest: 10 });
    expect(await seq.next('s', load)).toBe(11);
  });

  it('spreads same-second events with the same id seed over distinct seconds', () => {
    const seq = new SequenceManager();
    const key = { subjectId: 's', eventType: 'x', sequence: 1, trustDomain: 'd' };
    expect([1000, 1000, 1000, 1001].map((now) => seq.uniqueTimestamp(key, now))).toEqual([
      1000, 1001, 1002, 1003,
    ]);
    expect(seq.uniqueTimestamp({ ...key, eventType: 'y' }, 1000)).toBe(1000);
    expect(seq.uniqueTimestamp(key, 2000)).toBe(2000);
  });

  it('forgets a failed load so the next call tries again', async () => {
    const seq = new SequenceManager();
    await expect(seq.next('s', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await seq.next('s', async () => ({ exists: true, latest: 1 }))).toBe(2);
  });
});

describe('paginate', () => {
  it('walks every page until total', async () => {
    const all = Array.from({ length: 23 }, (_, i) => i);
    const offsets: number[] = [];
    const out: number[] = [];
    for await (const x of paginate(async (offset) => {
      offsets.push(offset);
      return { items: all.slice(offset, offset + 10), limit: 10, offset, total: all.length };
    })) {
      out.push(x);
    }
    expect(out).toEqual(all);
    expect(offsets).toEqual([0, 10, 20]);
    expect(hasNextPage({ items: [1], limit: 1, offset: 0, total: 2 })).toBe(true);
    expect(hasNextPage({ items: [1], limit: 1, offset: 1, total: 2 })).toBe(false);
    expect(hasNextPage({ items: [], limit: 1, offset: 5, total: 9 })).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles with jitter, caps, and lets rate limits and Retry-After wait longer', () => {
    const o = {
      limit: 3,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      rateLimitDelayMs: 400,
      rateLimitRetries: 4,
      maxRetryAfterMs: 60_000,
    };
    for (let i = 0; i < 50; i++) {
      const d1 = backoffDelay(o, { retry: 1, rateLimitStreak: 0 });
      expect(d1).toBeGreaterThanOrEqual(50);
      expect(d1).toBeLessThanOrEqual(100);
      expect(backoffDelay(o, { retry: 9, rateLimitStreak: 0 })).toBeLessThanOrEqual(1000);
    }
    expect(backoffDelay(o, { retry: 1, rateLimitStreak: 1 })).toBe(400);
    expect(backoffDelay(o, { retry: 2, rateLimitStreak: 2 })).toBe(800);
    expect(backoffDelay(o, { retry: 3, rateLimitStreak: 3 })).toBe(1000);
    expect(backoffDelay(o, { retry: 1, rateLimitStreak: 1, retryAfterMs: 5000 })).toBe(5000);
  });
});
