// Node only: the POST /quids body is decoded only with a Content-Length, which browsers hide.

import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';
import { listen } from '../src/node/index.js';

describe('POST /quids', () => {
  it('answers 201 with a fresh quid, ignores unknown keys, and refuses a bad body with the envelope', async () => {
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off' });
    const server = await listen(node);
    const post = (body?: string) =>
      fetch(`${server.url}/api/v1/quids`, { method: 'POST', ...(body !== undefined ? { body } : {}) });
    for (const body of [undefined, '{"metadata":{"role":"supplier"},"extra":1}']) {
      const r = await post(body);
      expect(r.status).toBe(201);
      const data = ((await r.json()) as { data: Record<string, unknown> }).data;
      expect(data['quidId']).toMatch(/^[0-9a-f]{16}$/);
      expect(data['publicKey']).toMatch(/^04[0-9a-f]{128}$/);
      expect(typeof data['created']).toBe('number');
    }
    const bad = await post('{"metadata":5}');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe(
      '{"error":{"code":"BAD_REQUEST","message":"Invalid request body"},"success":false}\n',
    );
    await server.close();
  });
});
