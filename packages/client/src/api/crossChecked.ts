// Reads one thing from two nodes and refuses to answer when they disagree (opt-in `crossCheck`).

import { ClientInputError } from '../errors/ClientInputError.js';
import { CrossCheckError } from '../errors/CrossCheckError.js';
import { isClientError } from '../errors/isClientError.js';
import { sleep } from '../transport/sleep.js';
import type { CallOptions, Transport } from '../transport/Transport.js';

/** What a cross-checked read needs of the API it reads through (any `NodeApi` has it). */
export interface CrossCheckHost {
  readonly transport: Transport;
  readonly pollIntervalMs: number;
}

type Side<T> = { readonly value: T } | { readonly missing: unknown };

/**
 * Runs `read` on the primary node and on a second one (`o.crossCheck`: `true` for the first other
 * configured node, or a node index) and returns the primary's answer when both give the same `key`.
 * A node that answers 404 where the other has the value disagrees too. After a disagreement both
 * are read once more a poll interval later (a node one block behind catches up); a second
 * disagreement throws `CrossCheckError`. Needs two configured nodes (`ClientInputError` otherwise).
 *
 * @example
 * ```ts
 * const title = await crossChecked(client, { crossCheck: true }, 'GET /title/{assetId}',
 *   (o) => client.getTitle('inv-1', o), (t) => `${t.id}/${t.signature}`);
 * ```
 */
export async function crossChecked<T>(
  client: CrossCheckHost,
  o: CallOptions,
  what: string,
  read: (o: CallOptions) => Promise<T>,
  key: (value: T) => string,
): Promise<T> {
  const urls = client.transport.settings.nodes;
  const primary = o.node ?? client.transport.pool.order()[0] ?? 0;
  const secondary =
    typeof o.crossCheck === 'number'
      ? o.crossCheck
      : client.transport.pool.order().find((i) => i !== primary);
  if (secondary === undefined || secondary === primary || urls[secondary] === undefined) {
    throw new ClientInputError('crossCheck', `${what} needs a second node: configure at least two \`nodes\``);
  }
  const side = (node: number): Promise<Side<T>> =>
    read({ ...o, crossCheck: undefined, node }).then(
      (value) => ({ value }),
      (error: unknown) => {
        if (isClientError(error) && error.code === 'NOT_FOUND') return { missing: error };
        throw error;
      },
    );
  const describe = (s: Side<T>): string => ('value' in s ? key(s.value) : 'not found');
  for (let round = 0; ; round++) {
    const [a, b] = await Promise.all([side(primary), side(secondary)]);
    const ka = describe(a);
    const kb = describe(b);
    if (ka === kb) {
      if ('value' in a) return a.value;
      throw a.missing;
    }
    if (round >= 1) {
      throw new CrossCheckError(
        what,
        [urls[primary] ?? '', urls[secondary] ?? ''],
        `${short(ka)} vs ${short(kb)}`,
      );
    }
    await sleep(client.pollIntervalMs, o.signal);
  }
}

const short = (k: string): string => (k.length > 120 ? `${k.slice(0, 117)}...` : k);
