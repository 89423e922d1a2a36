import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * A transaction left the node's pending pool without appearing in any block: its block was
 * rejected on revalidation (PROTOCOL §8, all-or-nothing), or it was dropped by the creator
 * filter. Nothing was applied; the transaction can be rebuilt and sent again.
 *
 * @example
 * ```ts
 * try {
 *   await client.waitForCommit(tx);
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'TRANSACTION_LOST') {
 *     const { transactionId } = e as TransactionLostError;
 *     console.log(transactionId);
 *   }
 * }
 * ```
 */
export class TransactionLostError extends QuidfinClientError<'TRANSACTION_LOST'> {
  override readonly name: string = 'TransactionLostError';
  readonly transactionId: string;

  constructor(transactionId: string) {
    super('TRANSACTION_LOST', `transaction ${transactionId} left the pending pool but is in no block`);
    this.transactionId = transactionId;
  }
}
