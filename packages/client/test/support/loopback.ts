import { createDevNode } from '@quidfin/devnode';
import { listen } from '@quidfin/devnode/node';
import { createQuidnugClient } from '../../src/index.js';
import type { Harness, MakeHarness } from './harness.js';
import { inProcess, TEST_CLIENT, TEST_NODE } from './harness.js';

/**
 * A devnode served on 127.0.0.1 and reached with the platform's real fetch. An interceptor wraps
 * that real fetch (the request still crosses loopback HTTP).
 */
export const loopback: MakeHarness = async (options = TEST_NODE) => {
  const node = createDevNode(options);
  const server = await listen(node);
  const reach: Harness['reach'] = (intercept) =>
    intercept
      ? {
          baseUrl: server.url,
          fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
            const request = new Request(input, init);
            return intercept(request, () => globalThis.fetch(request.clone()));
          }) as typeof globalThis.fetch,
        }
      : { baseUrl: server.url };
  return {
    node,
    url: server.url,
    reach,
    client: (o = {}, intercept) => createQuidnugClient({ ...TEST_CLIENT, ...reach(intercept), ...o }),
    close: async () => {
      await server.close();
      await node.close();
    },
  };
};

export { inProcess };
