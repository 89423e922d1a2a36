import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * Why the ledger refused what the node returned.
 *
 * @example
 * ```ts
 * if (isClientError(e) && e.code === 'LEDGER_VERIFICATION') console.log(e.reason);
 * ```
 */
export type LedgerVerificationReason =
  | 'BAD_SIGNATURE'
  | 'WRONG_SUBJECT'
  | 'UNKNOWN_SIGNER'
  | 'KEY_MISMATCH'
  | 'BAD_TITLE'
  | 'BAD_IDENTITY'
  | 'NO_VALID_TITLE'
  | 'TITLE_OVERWRITTEN';

/**
 * The node (or something between it and the app) returned data that does not hold up: an event
 * whose signature does not verify, that belongs to another subject, or that was signed by a key
 * other than its signer's registered one, or a title whose chain of custody has no valid version at
 * all (`NO_VALID_TITLE`). The ledger refuses the whole read rather than act on it: these mean no
 * trustworthy view exists. Weaknesses the ledger can see around (a forged identity record, a
 * title version without co-signatures, colliding events) are `InvoiceView.violations` instead.
 *
 * @example
 * ```ts
 * try { await ledger.getInvoice('inv-1'); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'LEDGER_VERIFICATION') {
 *     const { reason, eventId } = e as LedgerVerificationError;
 *     console.error(reason, eventId);
 *   }
 * }
 * ```
 */
export class LedgerVerificationError extends QuidfinClientError<'LEDGER_VERIFICATION'> {
  override readonly name: string = 'LedgerVerificationError';
  readonly reason: LedgerVerificationReason;
  /** The offending event or title transaction id. */
  readonly eventId: string;

  constructor(reason: LedgerVerificationReason, eventId: string, message: string) {
    super('LEDGER_VERIFICATION', `${message} (${reason}, ${eventId})`);
    this.reason = reason;
    this.eventId = eventId;
  }
}
