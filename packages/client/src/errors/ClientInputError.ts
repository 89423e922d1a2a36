// A call's arguments refused before anything was signed or sent.
import type { ValidationIssue } from '@quidfin/core';
import { ClientValidationError } from './ClientValidationError.js';

/**
 * Arguments of a client or ledger call refused before anything was signed or sent (a missing
 * fraud `kind`, an invoice with neither hash nor document, a title without a supplier, ...):
 * `issues` says what and where.
 *
 * @example
 * ```ts
 * try { await ledger.reportFraud(reporter, 'inv-1', { kind: '', evidence: 'x', severity: 'high' }); }
 * catch (e) { if (isClientError(e) && e.code === 'INVALID_INPUT') console.log(e.path); } // 'kind'
 * ```
 */
export class ClientInputError extends ClientValidationError<'INVALID_INPUT'> {
  override readonly name: string = 'ClientInputError';

  /** `issues` as a list, or one issue given as `(path, message)`. */
  constructor(issues: readonly ValidationIssue[] | string, message?: string, options?: ErrorOptions) {
    super(
      'INVALID_INPUT',
      typeof issues === 'string' ? [{ path: issues, message: message ?? '' }] : issues,
      options,
    );
  }
}
