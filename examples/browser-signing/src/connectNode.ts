// Which node the portal talks to: an embedded devnode inside this page (default, nothing to run),
// or a real Quidnug node whose API base URL is given as `?node=<url>`.
import { createQuidnugClient, type QuidnugClient } from '@quidfin/client';
import { createDevNode } from '@quidfin/devnode';

/** The client the portal uses, and where it points. */
export interface NodeConnection {
  readonly client: QuidnugClient;
  /** For the page header. */
  readonly label: string;
  /** True for the devnode running inside this page. */
  readonly inPage: boolean;
}

/** Connects to `url`, or, without one, to a devnode created inside this page. */
export function connectNode(url: string | undefined, trustDomain: string): NodeConnection {
  if (url) {
    // A real node commits a block every BLOCK_INTERVAL (60 s by default) and allows 10 writes a
    // minute per signer: poll gently and wait out rate limits (a refused write was not accepted,
    // so sending it again is safe). The node must list this page's origin in EXPLORER_CORS_ORIGINS.
    const client = createQuidnugClient({
      baseUrl: url,
      pollIntervalMs: 2_000,
      commitTimeoutMs: 5 * 60_000,
      retry: { limit: 4, rateLimitDelayMs: 7_000 },
    });
    return { client, label: url, inPage: false };
  }
  // The devnode keeps the real node's validation and block rules; it commits a block every 200 ms
  // and its rate limits are off, so the walk-through takes seconds. Its state lives in this tab.
  const node = createDevNode({ domains: [trustDomain], limits: 'off', blockIntervalMs: 200 });
  const client = createQuidnugClient({
    baseUrl: 'http://devnode.invalid/',
    fetch: (input, init) => node.fetch(new Request(input, init)),
    pollIntervalMs: 100,
  });
  return { client, label: 'in-page devnode', inPage: true };
}
