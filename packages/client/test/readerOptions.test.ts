// The block readers refuse options that cannot work at construction, every problem at once.
import { describe, expect, it } from 'vitest';
import {
  BlockHistory,
  createQuidnugClient,
  isClientError,
  type QuidnugClient,
  ValidatorRouter,
  VerifiedTrust,
} from '../src/index.js';

const client: QuidnugClient = createQuidnugClient({ baseUrl: 'http://127.0.0.1:9' });

function paths(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (e) {
    if (isClientError(e) && e.code === 'INVALID_OPTIONS') return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
}

describe('block readers check their options at construction', () => {
  it('VerifiedTrust: a NaN page size, a negative node, a store without methods and a key history without wasKeyOf, all at once', () => {
    const bad = {
      pageSize: Number.NaN,
      node: -1,
      store: { load: async () => undefined },
      keyHistory: {},
      maxDepth: 0,
      now: 5,
    } as unknown as ConstructorParameters<typeof VerifiedTrust>[1];
    expect(paths(() => new VerifiedTrust(client, bad))).toEqual([
      'node',
      'pageSize',
      'store.append',
      'store.clear',
      'keyHistory.wasKeyOf',
      'maxDepth',
      'now',
    ]);
  });

  it('BlockHistory: a page size over the node maximum and a cursor without an offset', () => {
    const bad = {
      pageSize: 5000,
      startAt: { nodeId: 'n', blockHash: 'h' },
    } as unknown as ConstructorParameters<typeof BlockHistory>[1];
    expect(paths(() => new BlockHistory(client, bad))).toEqual(['pageSize', 'startAt.offset']);
  });

  it('ValidatorRouter: a TTL in the wrong type and a grace beyond what a timer can wait', () => {
    const bad = { topologyTtlMs: '30s', forwardGraceMs: 2 ** 31 } as unknown as ConstructorParameters<
      typeof ValidatorRouter
    >[1];
    expect(paths(() => new ValidatorRouter(client, bad))).toEqual(['topologyTtlMs', 'forwardGraceMs']);
  });

  it('good options pass', () => {
    expect(paths(() => new VerifiedTrust(client, { pageSize: 500, maxDepth: 4 }))).toEqual([]);
    expect(paths(() => new BlockHistory(client, { node: 0, pageSize: 1000 }))).toEqual([]);
    expect(paths(() => new ValidatorRouter(client, { topologyTtlMs: 0 }))).toEqual([]);
  });
});
