// Bad input to matching or loading (invoices, transactions, options): a ValidationError with every issue.
import { ValidationError, type ValidationIssue } from '@quidfin/core';

/**
 * Invalid input to matching or loading (an invoice with a negative open amount, an unknown
 * currency, bad options). A `ValidationError` from `@quidfin/core`: `issues` lists every problem
 * found (options report all of them at once), `path` is the first one's location.
 *
 * @example
 * ```ts
 * throw new ReconcileInputError('invoices[3].openAmountMinor', 'must be a non-negative safe integer');
 * // or with several problems at once:
 * throw new ReconcileInputError([
 *   { path: 'options.topK', message: 'must be at least 0, got -1' },
 *   { path: 'options.autoThreshold', message: 'must be at most 1, got 2' },
 * ]);
 * ```
 */
export class ReconcileInputError extends ValidationError<'INVALID_RECONCILE_INPUT'> {
  override readonly name: string = 'ReconcileInputError';
  override readonly package: string = '@quidfin/reconcile';
  /** Brand read by `isReconcileError`; works across realms and duplicate package copies. */
  readonly isQuidfinReconcileError = true as const;

  /** One problem at `path`. */
  constructor(path: string, message: string);
  /** Every problem found, each located by its own path. */
  constructor(issues: readonly ValidationIssue[]);
  constructor(pathOrIssues: string | readonly ValidationIssue[], message = '') {
    super(
      'INVALID_RECONCILE_INPUT',
      typeof pathOrIssues === 'string' ? [{ path: pathOrIssues, message }] : pathOrIssues,
    );
  }
}
