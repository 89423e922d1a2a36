import { ReconcileError } from './ReconcileError.js';

/**
 * Invalid input to matching (an invoice with a negative open amount, an unknown currency, a bad
 * option). `path` says which input.
 *
 * @example
 * ```ts
 * throw new ReconcileInputError('invoices[3].openAmountMinor', 'must be a non-negative safe integer');
 * ```
 */
export class ReconcileInputError extends ReconcileError<'INVALID_RECONCILE_INPUT'> {
  override readonly name: string = 'ReconcileInputError';
  /** Location of the offending value. */
  readonly path: string;

  constructor(path: string, message: string) {
    super('INVALID_RECONCILE_INPUT', `${path}: ${message}`);
    this.path = path;
  }
}
