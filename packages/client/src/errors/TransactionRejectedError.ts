import { HttpError, type HttpErrorDetails } from './HttpError.js';

/**
 * The node refused a signed transaction (400 `invalid <type> transaction`, or a nonce-ledger
 * message). The node never says which rule failed (PROTOCOL §6): check the sequence or nonce,
 * that dependencies have committed, and that the signer may write to the subject.
 *
 * @example
 * ```ts
 * try { await client.submitTrust(tx); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'TRANSACTION_REJECTED') {
 *     const { transactionType } = e as TransactionRejectedError;
 *     console.log(transactionType);
 *   }
 * }
 * ```
 */
export class TransactionRejectedError extends HttpError<'TRANSACTION_REJECTED'> {
  override readonly name: string = 'TransactionRejectedError';
  /** `trust`, `identity`, `title` or `event`. */
  readonly transactionType: string;

  constructor(transactionType: string, message: string, details: HttpErrorDetails, options?: ErrorOptions) {
    super('TRANSACTION_REJECTED', message, details, options);
    this.transactionType = transactionType;
  }
}
