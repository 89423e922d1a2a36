import { createDevNode, type DevNode, type DevNodeOptions } from '@quidfin/devnode';
import { createQuidnugClient, type QuidnugClient, type QuidnugClientOptions } from '../../src/index.js';
import { devnodeFetch, type Interceptor } from './devnodeFetch.js';

/** A devnode plus a way to make clients for it: over loopback HTTP or in process. */
export interface Harness {
  readonly node: DevNode;
  readonly url: string;
  /** Client options that reach this node (baseUrl and, in process, fetch). */
  readonly reach: (intercept?: Interceptor) => Pick<QuidnugClientOptions, 'baseUrl' | 'fetch'>;
  client(options?: Partial<QuidnugClientOptions>, intercept?: Interceptor): QuidnugClient;
  close(): Promise<void>;
}

export type MakeHarness = (options?: DevNodeOptions) => Promise<Harness>;

export const DOMAIN = 'factoring.supply-chain.us';

/** Fast settings for tests: short blocks and polls, no rate limits unless asked. */
export const TEST_NODE: DevNodeOptions = { blockIntervalMs: 40, limits: 'off', domains: [DOMAIN] };
export const TEST_CLIENT: Partial<QuidnugClientOptions> = {
  pollIntervalMs: 25,
  commitTimeoutMs: 10_000,
  retry: { limit: 2, baseDelayMs: 5, maxDelayMs: 50, rateLimitDelayMs: 50 },
};

function finish(node: DevNode, url: string, reach: Harness['reach'], close: () => Promise<void>): Harness {
  return {
    node,
    url,
    reach,
    client: (options = {}, intercept) =>
      createQuidnugClient({ ...TEST_CLIENT, ...reach(intercept), ...options }),
    close,
  };
}

/** The devnode's fetch handler as the client's `fetch` (runs in Node and in the browser). */
export const inProcess: MakeHarness = async (options = TEST_NODE) => {
  const node = createDevNode(options);
  const url = 'http://devnode.test';
  return finish(
    node,
    url,
    (intercept) => ({ baseUrl: url, fetch: devnodeFetch(node, intercept) }),
    () => node.close(),
  );
};

export { devnodeFetch, type Interceptor };
