import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdentity, toWireJson } from '@quidfin/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevNode } from '../src/node/index.js';
import { actor } from './support/actors.js';

const DOMAIN = 'factoring.supply-chain.us';
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('startDevNode', () => {
  it('persists to the snapshot file on close and resumes from it, pending pool included', async () => {
    dir = await mkdtemp(join(tmpdir(), 'devnode-'));
    const file = join(dir, 'nested', 'state.json');
    const [a, b] = [actor('file-a'), actor('file-b')];
    const first = await startDevNode({
      snapshotFile: file,
      blockIntervalMs: 0,
      limits: 'off',
      domains: [DOMAIN],
    });
    const post = (url: string, body: string) =>
      fetch(`${url}/api/v1/transactions/identity`, { method: 'POST', body });
    const txA = await buildIdentity({ signer: a, trustDomain: DOMAIN, name: 'a', updateNonce: 1 });
    expect((await post(first.url, toWireJson(txA))).status).toBe(200);
    first.node.mineBlock();
    const txB = await buildIdentity({ signer: b, trustDomain: DOMAIN, name: 'b', updateNonce: 1 });
    expect((await post(first.url, toWireJson(txB))).status).toBe(200);
    await first.close();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'quidfin-devnode-snapshot' });

    const second = await startDevNode({
      snapshotFile: file,
      blockIntervalMs: 0,
      limits: 'off',
      domains: [DOMAIN],
    });
    expect((await fetch(`${second.url}/api/v1/identity/${a.quidId}`)).status).toBe(200);
    expect((await fetch(`${second.url}/api/v1/identity/${b.quidId}`)).status).toBe(404);
    second.node.mineBlock();
    expect((await fetch(`${second.url}/api/v1/identity/${b.quidId}`)).status).toBe(200);
    await second.close();
  });

  it('serves streamed request bodies and keeps the connection usable after a 413', async () => {
    const started = await startDevNode({ blockIntervalMs: 0, limits: 'off' });
    const big = await fetch(`${started.url}/api/v1/transactions/identity`, {
      method: 'POST',
      body: `{"name":"${'a'.repeat(2 * 1024 * 1024)}"}`,
    });
    expect(big.status).toBe(413);
    expect(await big.text()).toBe('Payload Too Large\n');
    expect((await fetch(`${started.url}/api/v1/health`)).status).toBe(200);
    const unread = await fetch(`${started.url}/api/v1/nope`, {
      method: 'POST',
      body: 'x'.repeat(5 * 1024 * 1024),
    });
    expect(unread.status).toBe(404);
    expect(await unread.text()).toBe('404 page not found\n');
    expect((await fetch(`${started.url}/api/v1/health`)).status).toBe(200);
    await started.close();
  });
});
