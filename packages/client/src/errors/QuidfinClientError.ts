import { SdkError } from '@quidfin/core';

/**
 * Base class of every error `@quidfin/client` throws on purpose. `code` is a literal, so
 * `switch (e.code)` narrows; use {@link isQuidfinClientError} rather than `instanceof` (it works
 * across duplicate package copies and realms). Aborts are not wrapped: the caller's
 * `signal.reason` is rethrown as is (see {@link isAbortError}).
 *
 * @example
 * ```ts
 * try {
 *   await client.getIdentity('0123456789abcdef');
 * } catch (e) {
 *   if (isQuidfinClientError(e)) console.error(e.code, e.message);
 * }
 * ```
 */
export class QuidfinClientError<Code extends string = string> extends SdkError<Code> {
  override readonly name: string = 'QuidfinClientError';
  /** Brand read by {@link isQuidfinClientError}. */
  readonly isQuidfinClientError = true as const;
}

/**
 * True when `value` is an error raised by `@quidfin/client` (any copy, any realm). Does not use
 * `instanceof`.
 *
 * @example
 * ```ts
 * if (isQuidfinClientError(err) && err.code === 'RATE_LIMITED') await new Promise((r) => setTimeout(r, 1000));
 * ```
 */
export function isQuidfinClientError(value: unknown): value is QuidfinClientError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isQuidfinClientError?: unknown }).isQuidfinClientError === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
