// Conformance scenarios against the devnode's fetch handler (Node and Chromium).

import { createDevNode } from '../src/index.js';
import { defineConformance } from './conformance/defineConformance.js';
import { makeEnv } from './conformance/env.js';
import { handlerTarget } from './support/http.js';

defineConformance('devnode fetch handler', async () => {
  const node = createDevNode({ blockIntervalMs: 0, limits: 'node' });
  return makeEnv(
    'devnode fetch',
    handlerTarget((r) => node.fetch(r)),
    () => node.mineBlock(),
    () => node.close(),
  );
});
