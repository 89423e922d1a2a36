// Node only: browsers refuse to let a page set the Origin header on a Request.

import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';

const node = () => createDevNode({ blockIntervalMs: 0, limits: 'off', corsOrigins: ['http://app.test'] });

describe('CORS (EXPLORER_CORS_ORIGINS)', () => {
  it('answers CORS only for configured origins, and preflights with a bare 204', async () => {
    const n = node();
    const pre = await n.fetch(
      new Request('http://x/api/v1/events', { method: 'OPTIONS', headers: { Origin: 'http://app.test' } }),
    );
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(pre.headers.get('x-request-id')).toBeNull();
    expect(pre.headers.get('vary')).toBe('Origin');
    const other = await n.fetch(
      new Request('http://x/api/v1/health', { headers: { Origin: 'http://evil.test' } }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('x-frame-options')).toBe('DENY');
    const plain = await createDevNode({ blockIntervalMs: 0 }).fetch(
      new Request('http://x/api/v1/health', { headers: { Origin: 'http://app.test' } }),
    );
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });
});
