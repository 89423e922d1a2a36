import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';

const node = () => createDevNode({ blockIntervalMs: 0, limits: 'off', corsOrigins: ['http://app.test'] });

describe('middleware details', () => {
  it('redirects unclean paths like gorilla/mux and keeps the query', async () => {
    const res = await node().fetch(new Request('http://x/api//v1/streams/abc/events?limit=2'));
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/api/v1/streams/abc/events?limit=2');
    expect(await res.text()).toBe('');
  });

  it('decodes percent-escapes in path segments, so an encoded slash splits the path', async () => {
    const n = node();
    const spaced = await n.fetch(new Request('http://x/api/v1/title/inv%20one'));
    expect(await spaced.text()).toBe(
      '{"error":{"code":"NOT_FOUND","message":"Title not found"},"success":false}\n',
    );
    const slashed = await n.fetch(new Request('http://x/api/v1/title/inv%2Fone'));
    expect(await slashed.text()).toBe('404 page not found\n');
  });

  it('answers tentative blocks and the identity registry', async () => {
    const n = node();
    expect(await (await n.fetch(new Request('http://x/api/v1/blocks/tentative/default'))).json()).toEqual({
      success: true,
      data: { domain: 'default', blocks: null },
    });
    expect(await (await n.fetch(new Request('http://x/api/v1/registry/identity'))).json()).toEqual({
      success: true,
      data: { data: [], pagination: { limit: 50, offset: 0, total: 0 } },
    });
  });
});

describe('createDevNode options', () => {
  it('refuses unusable options with INVALID_OPTIONS and the path', () => {
    expect(() => createDevNode({ blockIntervalMs: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', path: 'blockIntervalMs' }),
    );
    expect(() => createDevNode({ nodeKey: 'xyz' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', path: 'nodeKey' }),
    );
    expect(() => createDevNode({ bodyLimitBytes: 0 })).toThrow(
      expect.objectContaining({ path: 'bodyLimitBytes' }),
    );
    expect(() => createDevNode({ domains: [''] })).toThrow(expect.objectContaining({ path: 'domains[0]' }));
  });

  it('derives the node quid from nodeKey', async () => {
    const a = createDevNode({ blockIntervalMs: 0, nodeKey: '1'.repeat(64) });
    const b = createDevNode({ blockIntervalMs: 0 });
    expect(a.nodeId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.nodeId).not.toBe(b.nodeId);
    const info = (await (await a.fetch(new Request('http://x/api/v1/info'))).json()) as {
      data: { nodeQuid: string };
    };
    expect(info.data.nodeQuid).toBe(a.nodeId);
  });
});

describe('GET /domains/{name}/query', () => {
  it('answers local identity, title and trust lookups, and 404s unknown domains', async () => {
    const n = createDevNode({ blockIntervalMs: 0, limits: 'off' });
    const get = async (q: string) => {
      const r = await n.fetch(new Request(`http://x/api/v1/domains/${q}`));
      return { status: r.status, body: await r.text() };
    };
    expect(await get('default/query?type=identity&param=0123456789abcdef')).toEqual({
      status: 404,
      body: '{"error":{"code":"NOT_FOUND","message":"Identity not found"},"success":false}\n',
    });
    expect(await get('default/query?type=trust&param=a:b')).toEqual({
      status: 200,
      body: '{"data":{"observer":"a","target":"b","trustLevel":0,"pathDepth":0,"domain":"default"},"success":true}\n',
    });
    expect((await get('default/query?type=trust&param=a:b:c')).status).toBe(400);
    expect((await get('default/query?type=nope')).body).toContain('Unknown query type');
    expect(await get('elsewhere.test/query?type=identity&param=x')).toEqual({
      status: 404,
      body: '{"error":{"code":"NOT_FOUND","message":"no known nodes manage trust domain: elsewhere.test (or any related domain)"},"success":false}\n',
    });
  });
});
