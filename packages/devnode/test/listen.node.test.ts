import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';
import { listen } from '../src/node/index.js';

describe('listen', () => {
  it('serves the node over loopback HTTP and closes', async () => {
    const node = createDevNode({ blockIntervalMs: 0 });
    const server = await listen(node, { port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-api-version')).toBe('1.0');
    const body = (await res.json()) as { data: { status: string; node_id: string } };
    expect(body.data.status).toBe('ok');
    expect(body.data.node_id).toBe(node.nodeId);
    await server.close();
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
  });

  it('refuses a non-loopback host', async () => {
    const node = createDevNode({ blockIntervalMs: 0 });
    await expect(listen(node, { host: '0.0.0.0' })).rejects.toMatchObject({ code: 'NON_LOOPBACK_HOST' });
  });
});
