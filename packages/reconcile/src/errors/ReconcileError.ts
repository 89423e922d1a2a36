/**
 * Base error of `@quidfin/reconcile`. It carries the same brand as `@quidfin/core`'s `SdkError`
 * (`isQuidfinError`), so core's `isSdkError` recognises it. Why not extend `SdkError` directly:
 * core's invoice module had not landed when this package was written, and importing core at run
 * time failed; swap the base class once it resolves.
 *
 * @example
 * ```ts
 * try { parseStatement(text); } catch (e) { if (e instanceof ReconcileError) console.log(e.code); }
 * ```
 */
export class ReconcileError<Code extends string = string> extends Error {
  override readonly name: string = 'ReconcileError';
  /** Stable, machine-readable error code. */
  readonly code: Code;
  /** Brand shared with `@quidfin/core`'s `SdkError`. */
  readonly isQuidfinError = true as const;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
