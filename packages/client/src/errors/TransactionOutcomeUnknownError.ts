import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * A transaction POST ended without a readable answer (timeout, connection lost after the request
 * may have left, a 5xx, an unreadable 2xx), and the node holds no copy of it in its pending pool or
 * committed state, checked twice one poll interval apart. The request may still reach the node
 * (a proxy can hold it), so the client did not re-send it: a second copy could land on chain. The
 * original failure is in `cause`.
 *
 * @example
 * ```ts
 * try { await client.submitEvent(tx); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'OUTCOME_UNKNOWN') {
 *     // later: look again before deciding anything
 *     const where = await client.locateTransaction(tx); // 'pending' | 'committed' | undefined
 *   }
 * }
 * ```
 */
export class TransactionOutcomeUnknownError extends QuidfinClientError<'OUTCOME_UNKNOWN'> {
  override readonly name: string = 'TransactionOutcomeUnknownError';
  readonly transactionId: string;

  constructor(transactionId: string, options?: ErrorOptions) {
    super(
      'OUTCOME_UNKNOWN',
      `outcome of transaction ${transactionId} is unknown: the node does not hold it yet, and the request may still arrive, so it was not re-sent`,
      options,
    );
    this.transactionId = transactionId;
  }
}
