import { SdkError } from '@quidfin/core';

/**
 * Base error of `@quidfin/reconcile`: an `SdkError` from `@quidfin/core`, so `isSdkError`
 * recognises it and `code` narrows in a `switch`.
 *
 * @example
 * ```ts
 * try { parseStatement(text); } catch (e) { if (e instanceof ReconcileError) console.log(e.code); }
 * ```
 */
export class ReconcileError<Code extends string = string> extends SdkError<Code> {
  override readonly name: string = 'ReconcileError';
}
