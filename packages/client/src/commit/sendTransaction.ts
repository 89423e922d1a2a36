import { type QuidnugTx, toWireJson } from '@quidfin/core';
import { isHttpError } from '../errors/HttpError.js';
import { isQuidfinClientError } from '../errors/QuidfinClientError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import { sleep } from '../transport/sleep.js';
import type { CallOptions } from '../transport/Transport.js';
import { locateTransaction, type TransactionLocation } from './locateTransaction.js';

/**
 * Where a transaction type is posted, how its answer is parsed, and what to return when it was
 * found instead.
 *
 * @example
 * ```ts
 * const route: TransactionRoute<{ id: string }> = {
 *   path: 'events', route: 'POST /events', parse: (d) => d as { id: string }, found: () => ({ id: tx.id }),
 * };
 * await sendTransaction(client, tx, route);
 * ```
 */
export interface TransactionRoute<T> {
  readonly path: string;
  readonly route: string;
  readonly parse: (data: unknown) => T;
  /** The result to report when the node turned out to hold the transaction already. */
  readonly found: () => T;
}

// The node may or may not have admitted the transaction: find out before deciding anything.
function isAmbiguous(error: unknown): boolean {
  if (!isQuidfinClientError(error)) return false;
  return (
    error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT' || (isHttpError(error) && error.status >= 500)
  );
}

const isTotalTimeout = (error: unknown): boolean =>
  isQuidfinClientError(error) && error.code === 'TIMEOUT' && (error as { kind?: string }).kind === 'total';

/**
 * Sends a signed transaction so that a retry can never duplicate it. Refusals (rate limits) are
 * re-sent after backoff by the transport. When the outcome is unknown (network error, timeout,
 * 5xx), the pending pool and then committed state of the node that got it are checked for this
 * exact transaction (id and signature); it is re-sent (the same bytes) only if the node does not
 * hold it, at most `client.resendLimit` times. Events have no server-side de-duplication, so for
 * them the check is repeated after one poll interval (a request still in flight) before a re-send.
 *
 * @example
 * ```ts
 * const r = await sendTransaction(client, tx, { path: 'events', route: 'POST /events',
 *   parse: (d) => d as { id: string; sequence: number }, found: () => ({ id: tx.id, sequence: tx.sequence }) });
 * ```
 */
export async function sendTransaction<T>(
  client: QuidnugClient,
  tx: QuidnugTx,
  route: TransactionRoute<T>,
  o: CallOptions = {},
): Promise<T> {
  const node = await client.writeNode(o);
  const body = toWireJson(tx);
  const pinned: CallOptions = { ...o, node };
  const locate = (): Promise<TransactionLocation | undefined> => locateTransaction(client, tx, pinned);
  for (let resend = 0; ; resend++) {
    try {
      return await client.transport.call(
        {
          method: 'POST',
          path: route.path,
          route: route.route,
          body,
          parse: route.parse,
          retry: 'refusal',
          nodeAuth: tx.type !== 'EVENT',
          node,
        },
        o,
      );
    } catch (error) {
      if (o.signal?.aborted || !isAmbiguous(error)) throw error;
      let where = await locate();
      if (where === undefined && tx.type === 'EVENT') {
        await sleep(client.pollIntervalMs, o.signal);
        where = await locate();
      }
      if (where !== undefined) return route.found();
      // Out of resends or out of time: report the failure (neither check found it on the node).
      if (resend >= client.resendLimit || isTotalTimeout(error)) throw error;
    }
  }
}
