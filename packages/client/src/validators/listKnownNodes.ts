// GET /nodes: the peers a node knows, with their addresses and whether they validate.

import { isClientError } from '../errors/isClientError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import { SchemaMismatch } from '../schemas/parse.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * One peer as `GET /nodes` lists it (the node's `Node` struct).
 *
 * @example
 * ```ts
 * const validators = (await listKnownNodes(client)).filter((n: KnownNode) => n.isValidator);
 * ```
 */
export interface KnownNode {
  readonly id: string;
  /** `host:port` the node dials. */
  readonly address: string;
  readonly trustDomains: readonly string[];
  readonly isValidator: boolean;
}

function parseNodes(data: unknown): KnownNode[] {
  const list = (data as { data?: unknown } | null)?.data;
  if (list === null) return [];
  if (!Array.isArray(list)) throw new SchemaMismatch([{ path: 'data', message: 'expected a list of nodes' }]);
  return list.map((n, i) => {
    const r = n as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || typeof r['id'] !== 'string') {
      throw new SchemaMismatch([{ path: `data.${i}.id`, message: 'expected a node id' }]);
    }
    const domains = Array.isArray(r['trustDomains']) ? r['trustDomains'] : [];
    return {
      id: r['id'],
      address: typeof r['address'] === 'string' ? r['address'] : '',
      trustDomains: domains.filter((d): d is string => typeof d === 'string'),
      isValidator: r['isValidator'] === true,
    };
  });
}

/**
 * `GET /nodes` on one node (first page of up to 1000): the peers it knows. A node that does not
 * serve the route (404) knows none, as far as the client can tell.
 *
 * @example
 * ```ts
 * const peers = await listKnownNodes(client, { node: 0 });
 * ```
 */
export async function listKnownNodes(client: QuidnugClient, o: CallOptions = {}): Promise<KnownNode[]> {
  try {
    return await client.transport.call(
      {
        method: 'GET',
        path: 'nodes',
        route: 'GET /nodes',
        parse: parseNodes,
        retry: 'read',
        searchParams: { limit: 1000 },
      },
      o,
    );
  } catch (error) {
    if (isClientError(error) && error.code === 'NOT_FOUND') return [];
    throw error;
  }
}
