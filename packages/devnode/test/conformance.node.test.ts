// Conformance scenarios over real HTTP: the devnode on loopback (always), and a real Quidnug node
// when QUIDNUG_NODE holds its URL (e.g. http://localhost:8081, with or without /api/v1). Against a real node the
// suite registers a fresh domain per run and waits for its block ticks.

import { describe } from 'vitest';
import { createDevNode } from '../src/index.js';
import { listen } from '../src/node/index.js';
import { defineConformance } from './conformance/defineConformance.js';
import { makeEnv } from './conformance/env.js';
import { nodeRoot } from './conformance/nodeRoot.js';
import { urlTarget } from './support/http.js';

defineConformance('devnode over loopback HTTP', async () => {
  const node = createDevNode({ blockIntervalMs: 0, limits: 'node' });
  const server = await listen(node, { port: 0 });
  return makeEnv(
    'devnode http',
    urlTarget(server.url),
    () => node.mineBlock(),
    async () => {
      await server.close();
      await node.close();
    },
  );
});

const realNode = process.env['QUIDNUG_NODE'];
const hasRealNode = realNode !== undefined && realNode !== '';
// Without a node these tests are reported as skipped; the title says why and how to run them.
const title = hasRealNode
  ? `real node at ${realNode}`
  : 'real node: skipped because QUIDNUG_NODE is not set (QUIDNUG_NODE=http://localhost:8081 runs them)';
describe.runIf(hasRealNode)(title, () => {
  defineConformance(
    `real node at ${realNode ?? ''}`,
    () => makeEnv('real node', urlTarget(nodeRoot(realNode ?? '')), undefined, async () => {}),
    // Up to three commits per scenario; with the default 60 s BLOCK_INTERVAL that takes minutes.
    Number(process.env['QUIDNUG_NODE_TIMEOUT_MS'] ?? 600_000),
  );
});
