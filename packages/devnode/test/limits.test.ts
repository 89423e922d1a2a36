import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from '../src/limits/KeyedLimiter.js';
import { TokenBucket } from '../src/limits/TokenBucket.js';
import { actor, harness, T0 } from './support/harness.js';

describe('token bucket (golang.org/x/time/rate semantics)', () => {
  it('starts full, then refills perMinute/60 per second up to the burst', () => {
    const b = new TokenBucket(10, 10, 0);
    for (let i = 0; i < 10; i++) expect(b.allow(0)).toBe(true);
    expect(b.allow(0)).toBe(false);
    expect(b.allow(5_999)).toBe(false);
    expect(b.allow(6_000)).toBe(true);
    expect(b.available(10_000_000)).toBe(10);
  });

  it('never limits an empty key or a disabled layer', () => {
    const on = new KeyedLimiter({ perMinute: 1, burst: 1 }, () => 0);
    expect(on.allow('x')).toBe(true);
    expect(on.allow('x')).toBe(false);
    expect(on.allow('')).toBe(true);
    const off = new KeyedLimiter(undefined, () => 0);
    for (let i = 0; i < 100; i++) expect(off.allow('x')).toBe(true);
  });
});

describe('limits through the HTTP face', () => {
  it('gives a TRUST signer 10, then one more every 6 s (injectable clock)', async () => {
    const h = harness({ limits: 'node' });
    const a = actor('rl');
    const send = async (i: number) =>
      h.post('/transactions/trust', await h.trust(a, actor(`rl-${i}`), 0.5, 1));
    for (let i = 0; i < 10; i++) expect((await send(i)).status).toBe(200);
    expect((await send(10)).json).toEqual({
      success: false,
      error: { code: 'BAD_REQUEST', message: 'rate limit exceeded at quid layer' },
    });
    h.clock = (T0 + 6) * 1000;
    expect((await send(11)).status).toBe(200);
    expect((await send(12)).status).toBe(400);
  });

  it('refuses a different key naming an exhausted truster (the limiter keys on the truster field)', async () => {
    const h = harness({ limits: 'node' });
    const [a, mallory] = [actor('rl-a'), actor('rl-mallory')];
    for (let i = 0; i < 10; i++)
      await h.post('/transactions/trust', await h.trust(a, actor(`x-${i}`), 0.5, 1));
    const spoof = await h.trust(mallory, actor('x-y'), 0.5, 1, { truster: a.quidId });
    expect(
      ((await h.post('/transactions/trust', spoof)).json as { error: { message: string } }).error.message,
    ).toBe('rate limit exceeded at quid layer');
  });

  it('answers 429 per client IP and counts X-RateLimit-Remaining down', async () => {
    const h = harness({ limits: { ip: { perMinute: 3, burst: 3 } } });
    const hit = (ip: string) => h.node.fetch(new Request('http://x/api/v1/health'), { clientIp: ip });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await hit('203.0.113.9');
      expect(r.status).toBe(200);
      seen.push(r.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(seen).toEqual(['3', '2', '1']);
    const limited = await hit('203.0.113.9');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('Too Many Requests\n');
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-request-id')).toBeNull();
    expect((await hit('203.0.113.10')).status).toBe(200);
    // A public peer cannot choose its key with X-Forwarded-For.
    const spoofed = await h.node.fetch(
      new Request('http://x/api/v1/health', { headers: { 'X-Forwarded-For': '198.51.100.1' } }),
      { clientIp: '203.0.113.9' },
    );
    expect(spoofed.status).toBe(429);
  });

  it('applies the body limit option', async () => {
    const h = harness({ bodyLimitBytes: 64 });
    const r = await h.post('/transactions/identity', `{"name":"${'a'.repeat(100)}"}`);
    expect(r.status).toBe(413);
    expect(r.text).toBe('Payload Too Large\n');
    const ok = await h.post('/transactions/identity', `{"name":"a"}${' '.repeat(200)}`);
    expect(ok.status).toBe(400);
    expect(ok.text).toContain('invalid identity transaction');
  });
});
