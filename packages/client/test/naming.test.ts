// One naming convention: responses come back with camelCase fields (as NodeInfo.nodeQuid and
// SubmitResult.transactionId already did); the node's snake_case names stay as deprecated aliases.
import { describe, expect, it } from 'vitest';
import { createQuidnugClient } from '../src/index.js';
import { fakeFetch, ok } from './fakeFetch.js';

const BASE = 'http://node.test:8080';
const page = (data: unknown[]) => ({ data, pagination: { limit: 50, offset: 0, total: data.length } });

function clientAnswering(data: unknown) {
  return createQuidnugClient({ baseUrl: BASE, fetch: fakeFetch(() => ok(data)).fetch, retry: 0 });
}

describe('camelCase response fields, snake_case kept as deprecated aliases', () => {
  it('health: node_id is also nodeId', async () => {
    const health = await clientAnswering({
      status: 'ok',
      node_id: 'aaaa0000bbbb1111',
      uptime: 5,
      version: '2.1',
    }).health();
    expect(health).toEqual({
      status: 'ok',
      nodeId: 'aaaa0000bbbb1111',
      node_id: 'aaaa0000bbbb1111',
      uptime: 5,
      version: '2.1',
    });
  });

  it('trust registry edge: trust_level is also trustLevel', async () => {
    const edge = await clientAnswering({ truster: 'a', trustee: 'b', trust_level: 0.8 }).getTrustRegistryEdge(
      'a',
      'b',
    );
    expect(edge).toMatchObject({ trustLevel: 0.8, trust_level: 0.8 });
  });

  it('titles by owner: asset_id and stake_type are also assetId and stakeType', async () => {
    const client = clientAnswering(page([{ asset_id: 'inv-1', percentage: 60, stake_type: 'supplier' }]));
    const seen = [];
    for await (const t of client.iterateTitlesByOwner('0123456789abcdef')) seen.push(t);
    expect(seen).toEqual([
      { assetId: 'inv-1', asset_id: 'inv-1', percentage: 60, stakeType: 'supplier', stake_type: 'supplier' },
    ]);
  });

  it('title and identity registry pages: asset_id and quid_id are also assetId and quidId', async () => {
    const title = {
      type: 'TITLE',
      id: 't',
      trustDomain: 'd',
      timestamp: 1,
      signature: 's',
      publicKey: 'p',
      assetId: 'inv-1',
      owners: [],
      signatures: null,
    };
    const titles = [];
    for await (const t of clientAnswering(page([{ asset_id: 'inv-1', title }])).iterateTitles())
      titles.push(t);
    expect(titles[0]).toMatchObject({ assetId: 'inv-1', asset_id: 'inv-1' });

    const identity = { quidId: 'q', name: 'n', creator: 'q', updateNonce: 1 };
    const ids = [];
    for await (const e of clientAnswering(page([{ quid_id: 'q', identity }])).iterateIdentities())
      ids.push(e);
    expect(ids[0]).toMatchObject({ quidId: 'q', quid_id: 'q' });
  });
});
