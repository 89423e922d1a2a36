// The one root of every error quidfin throws on purpose, and the guard that recognises it.

/**
 * Root of every error a quidfin package throws on purpose. `code` is a literal and `package` names
 * the package that threw it, so each package's guard (`isCoreError`, `isClientError`, ...) returns
 * that package's union of error classes and `switch (e.code)` narrows to the class with its fields.
 * Use the guards rather than `instanceof`: they also work across duplicate package copies and realms.
 *
 * @example
 * ```ts
 * try {
 *   parseMoney('12.345', 'USD');
 * } catch (e) {
 *   if (isQuidfinError(e)) console.error(e.package, e.code, e.message);
 * }
 * ```
 */
export class QuidfinError<Code extends string = string> extends Error {
  override readonly name: string = 'QuidfinError';
  /** Stable, machine-readable error code. */
  readonly code: Code;
  /** The npm package that threw it (`'@quidfin/core'`, `'@quidfin/client'`, ...). */
  readonly package: string = '@quidfin/core';
  /** Brand read by {@link isQuidfinError}; works across realms and duplicate package copies. */
  readonly isQuidfinError = true as const;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/**
 * True when `value` is an error raised on purpose by any quidfin package (any copy, any realm).
 * Narrow further with the package's own guard (`isCoreError`, `isClientError`, ...).
 *
 * @example
 * ```ts
 * const err: unknown = new ValidationError('INVALID_AMOUNT', [{ path: 'amount', message: 'not a number' }]);
 * if (isQuidfinError(err)) console.log(err.code);
 * ```
 */
export function isQuidfinError(value: unknown): value is QuidfinError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isQuidfinError?: unknown }).isQuidfinError === true &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { package?: unknown }).package === 'string'
  );
}
