// Where the examples run: an embedded devnode on loopback by default, or any real node whose API
// base URL is in QUIDNUG_NODE. Copy this next to your own program, or just call
// createQuidnugClient({ baseUrl }) when you always have a node.
import { createQuidnugClient, type KeyEventSource, type QuidnugClient, readKeyEvents } from '@quidfin/client';
import { startDevNode } from '@quidfin/devnode/node';

export interface Connection {
  readonly client: QuidnugClient;
  /** Where the node is, for a banner. */
  readonly description: string;
  close(): Promise<void>;
  /**
   * Only on the embedded devnode: moves its clock forward (time-locked recoveries), and a key
   * history that adds the rotations it applied (no node route serves them) to what its API shows.
   */
  readonly devnode?: {
    advanceSeconds(seconds: number): void;
    nowSeconds(): number;
    readonly keyEvents: KeyEventSource;
  };
}

export async function connect(trustDomain: string): Promise<Connection> {
  const url = process.env['QUIDNUG_NODE'];
  if (url) {
    // A real node commits a block every BLOCK_INTERVAL (60 s by default), allows 100 requests a
    // minute per IP and 10 writes a minute per signer: poll gently and wait out rate limits
    // instead of failing (a rate-limited write was not accepted, so sending it again is safe).
    const client = createQuidnugClient({
      baseUrl: url,
      pollIntervalMs: 3_000,
      commitTimeoutMs: 10 * 60_000,
      retry: { limit: 8, rateLimitDelayMs: 7_000 },
    });
    return { client, description: `node at ${url}`, close: async () => {} };
  }
  // The embedded node commits a block every 200 ms and keeps the real node's validation; its
  // per-IP and per-signer limits are off so a run takes seconds, and commits are polled often.
  let offsetMs = 0;
  const now = (): number => Date.now() + offsetMs;
  const devnode = await startDevNode({ domains: [trustDomain], limits: 'off', blockIntervalMs: 200, now });
  const client = createQuidnugClient({ baseUrl: devnode.url, pollIntervalMs: 100 });
  return {
    client,
    description: `embedded devnode at ${devnode.url} (a block every 200 ms)`,
    close: () => devnode.close(),
    devnode: {
      advanceSeconds: (seconds) => {
        offsetMs += seconds * 1000;
      },
      nowSeconds: () => Math.floor(now() / 1000),
      keyEvents: async (quid, o) => [
        ...(await readKeyEvents(client, quid, o)).events,
        ...devnode.node.keyEvents(quid).filter((e) => e.kind === 'rotated'),
      ],
    },
  };
}
