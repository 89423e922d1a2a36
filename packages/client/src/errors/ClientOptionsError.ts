// Options of createQuidnugClient, InvoiceLedger, ... that cannot work, all listed at construction.
import type { ValidationIssue } from '@quidfin/core';
import { ClientValidationError } from './ClientValidationError.js';

/**
 * Options refused at construction (`createQuidnugClient`, `InvoiceLedger`, `ValidatorRouter`, ...):
 * `issues` lists every problem at once, each with the option's path (`baseUrl`, `retry.limit`).
 *
 * @example
 * ```ts
 * try { createQuidnugClient({ baseUrl: 'localhost:8080', timeoutMs: -1 }); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'INVALID_OPTIONS') console.log(e.issues.map((i) => i.path)); // ['baseUrl', 'timeoutMs']
 * }
 * ```
 */
export class ClientOptionsError extends ClientValidationError<'INVALID_OPTIONS'> {
  override readonly name: string = 'ClientOptionsError';

  constructor(issues: readonly ValidationIssue[], options?: ErrorOptions) {
    super('INVALID_OPTIONS', issues, options);
  }
}
