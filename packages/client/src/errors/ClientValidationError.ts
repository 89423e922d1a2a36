// Base of the client's bad-input errors: core's ValidationError (issues[]) with the client's brand.
import { ValidationError, type ValidationIssue } from '@quidfin/core';

/**
 * Bad input or options caught by `@quidfin/client` before anything was sent: a `ValidationError`
 * (every problem in `issues`, each with a `path`) that `isClientError` also recognises.
 * Subclasses: `ClientOptionsError` (`INVALID_OPTIONS`), `ClientInputError` (`INVALID_INPUT`).
 *
 * @example
 * ```ts
 * try { createQuidnugClient({ baseUrl: 'localhost:8080' }); }
 * catch (e) { if (isClientError(e) && e.code === 'INVALID_OPTIONS') for (const i of e.issues) console.log(i.path, i.message); }
 * ```
 */
export class ClientValidationError<Code extends string = string> extends ValidationError<Code> {
  override readonly name: string = 'ClientValidationError';
  override readonly package: string = '@quidfin/client';
  /** Brand read by `isClientError`. */
  readonly isQuidfinClientError = true as const;

  constructor(code: Code, issues: readonly ValidationIssue[], options?: ErrorOptions) {
    super(code, issues, options);
  }
}
