import { QuidnugClient } from './QuidnugClient.js';
import type { QuidnugClientOptions } from './QuidnugClientOptions.js';

/**
 * Creates a client for one node (`baseUrl`) or several (`nodes`). Works in browsers and Node.
 *
 * @example
 * ```ts
 * const client = createQuidnugClient({ baseUrl: 'http://localhost:8080', timeoutMs: 5_000 });
 * const { status } = await client.health();
 * ```
 */
export function createQuidnugClient(options: QuidnugClientOptions): QuidnugClient {
  return new QuidnugClient(options);
}
