import { QuidfinError } from '@quidfin/core';

/**
 * Base class of every error `@quidfin/client` throws on purpose. `code` is a literal, so
 * `switch (e.code)` narrows once `isClientError(e)` has narrowed `e` to the `ClientError` union;
 * use that guard rather than `instanceof` (it works across duplicate package copies and realms). Aborts are not wrapped: the caller's
 * `signal.reason` is rethrown as is (see {@link isAbortError}).
 *
 * @example
 * ```ts
 * try {
 *   await client.getIdentity('0123456789abcdef');
 * } catch (e) {
 *   if (isClientError(e)) console.error(e.code, e.message);
 * }
 * ```
 */
export class QuidfinClientError<Code extends string = string> extends QuidfinError<Code> {
  override readonly name: string = 'QuidfinClientError';
  override readonly package: string = '@quidfin/client';
  /** Brand read by `isClientError`. */
  readonly isQuidfinClientError = true as const;
}
