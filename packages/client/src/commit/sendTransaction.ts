import { type QuidnugTx, toWireJson } from '@quidfin/core';
import type { NodeApi } from '../api/NodeApi.js';
import { isHttpError } from '../errors/HttpError.js';
import { isClientError } from '../errors/isClientError.js';
import { TransactionOutcomeUnknownError } from '../errors/TransactionOutcomeUnknownError.js';
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

// The node may or may not have admitted the transaction: find out before deciding anything. A 2xx
// whose body could not be read or did not validate counts too: the node may well have accepted it.
function isAmbiguous(error: unknown): boolean {
  if (!isClientError(error)) return false;
  return (
    error.code === 'NETWORK_ERROR' ||
    error.code === 'TIMEOUT' ||
    error.code === 'RESPONSE_VALIDATION' ||
    error.code === 'RESPONSE_TOO_LARGE' ||
    (isHttpError(error) && error.status >= 500)
  );
}

// Only a failure before any connection existed proves the node never got the request.
const provablyNotSent = (error: unknown): boolean =>
  isClientError(error) && error.code === 'NETWORK_ERROR' && error.notSent;

/**
 * Sends a signed transaction so that a retry can never duplicate it. Refusals (rate limits) are
 * re-sent after backoff by the transport. When the outcome is unknown (network error, timeout,
 * 5xx, a 2xx whose body is unreadable), the pending pool and then committed state of the node that
 * got it are checked for this exact transaction (id, and its signature or that signature's high-s
 * twin), and checked again one poll interval later. Found: reported sent. Not found: re-sent (the
 * same bytes, at most `client.resendLimit` times) only when the request provably never left (the
 * connection was refused or the name did not resolve); otherwise `TransactionOutcomeUnknownError`,
 * because a request held by a proxy can still arrive and a re-send would put a second copy on chain
 * (the node does not de-duplicate).
 *
 * @example
 * ```ts
 * const r = await sendTransaction(client, tx, { path: 'events', route: 'POST /events',
 *   parse: (d) => d as { id: string; sequence: number }, found: () => ({ id: tx.id, sequence: tx.sequence }) });
 * ```
 */
export async function sendTransaction<T>(
  client: NodeApi & { readonly resendLimit: number },
  tx: QuidnugTx,
  route: TransactionRoute<T>,
  o: CallOptions = {},
): Promise<T> {
  const node = await client.writeNode(o);
  const body = toWireJson(tx);
  // Resolution reads get their own budget: the call's total timeout may be what just ran out.
  const pinned: CallOptions = { signal: o.signal, timeoutMs: o.timeoutMs, node };
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
          txId: tx.id,
        },
        o,
      );
    } catch (error) {
      if (o.signal?.aborted || !isAmbiguous(error)) throw error;
      // Look even when the request never left: someone else may have relayed the same transaction.
      const notSent = provablyNotSent(error);
      let where = await locate();
      if (where === undefined && !notSent) {
        // A request still being admitted shows up a moment later.
        await sleep(client.pollIntervalMs, o.signal);
        where = await locate();
      }
      if (where !== undefined) return route.found();
      if (notSent) {
        if (resend >= client.resendLimit) throw error;
        continue;
      }
      throw new TransactionOutcomeUnknownError(tx.id, { cause: error });
    }
  }
}
