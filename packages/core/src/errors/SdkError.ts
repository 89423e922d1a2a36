/**
 * Every error quidfin throws on purpose is an `SdkError` with a literal `code`, so callers can
 * `switch (e.code)` and TypeScript narrows. Use {@link isSdkError} rather than `instanceof`:
 * it also works across duplicate package copies and realms.
 *
 * @example
 * ```ts
 * try {
 *   await buildEvent({ signer, trustDomain, subjectId, subjectType: 'TITLE', sequence: 0, eventType: 'x', payload: {} });
 * } catch (e) {
 *   if (isSdkError(e) && e.code === 'INVALID_TRANSACTION') console.error(e.message);
 * }
 * ```
 */
export class SdkError<Code extends string = string> extends Error {
  override readonly name: string = 'SdkError';
  /** Stable, machine-readable error code. */
  readonly code: Code;
  /** Brand read by {@link isSdkError}; works across realms and duplicate package copies. */
  readonly isQuidfinError = true as const;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/**
 * True when `value` is an error raised by any quidfin package (any copy, any realm).
 *
 * @example
 * ```ts
 * if (isSdkError(err)) console.log(err.code);
 * ```
 */
export function isSdkError(value: unknown): value is SdkError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isQuidfinError?: unknown }).isQuidfinError === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
