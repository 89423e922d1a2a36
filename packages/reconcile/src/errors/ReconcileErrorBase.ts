// The base class of @quidfin/reconcile's errors (all but the input errors, which are ValidationErrors).
import { QuidfinError } from '@quidfin/core';

/**
 * Base class of the errors `@quidfin/reconcile` throws, except {@link ReconcileInputError} (a
 * `ValidationError` from `@quidfin/core`, with `issues`). Both carry the reconcile brand
 * (`isQuidfinReconcileError`) and `package: '@quidfin/reconcile'`. To recognise them, use
 * {@link isReconcileError}, which returns the {@link ReconcileError} union so `switch (e.code)`
 * narrows; `instanceof ReconcileErrorBase` is also true for a `ReconcileInputError`, as it was
 * before that class became a `ValidationError`.
 *
 * @example
 * ```ts
 * class MyParseError extends ReconcileErrorBase<'MY_CODE'> {}
 * const e = new MyParseError('MY_CODE', 'something is wrong');
 * console.log(e.package, e.isQuidfinReconcileError); // '@quidfin/reconcile' true
 * ```
 */
export class ReconcileErrorBase<Code extends string = string> extends QuidfinError<Code> {
  override readonly name: string = 'ReconcileError';
  override readonly package: string = '@quidfin/reconcile';
  /** Brand read by {@link isReconcileError}; works across realms and duplicate package copies. */
  readonly isQuidfinReconcileError = true as const;

  /**
   * `x instanceof ReconcileErrorBase` (or the deprecated `ReconcileError`) reads the brand, so it
   * stays true for {@link ReconcileInputError}; subclasses keep the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: subclasses inherit this method; `this` is the class asked.
    if (this !== ReconcileErrorBase) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { isQuidfinReconcileError?: unknown }).isQuidfinReconcileError === true
    );
  }
}
