// Every error @quidfin/reconcile throws on purpose, as one union its guard narrows to.
import { isQuidfinError } from '@quidfin/core';
import { ReconcileErrorBase } from './ReconcileErrorBase.js';
import type { ReconcileInputError } from './ReconcileInputError.js';
import type { StatementParseError, StatementParseErrorCode } from './StatementParseError.js';

/**
 * Every error `@quidfin/reconcile` throws on purpose. After {@link isReconcileError},
 * `switch (e.code)` narrows to the class: `'INVALID_RECONCILE_INPUT'` is a
 * {@link ReconcileInputError} with `issues`, every other code a {@link StatementParseError} with
 * `format` and `location`.
 *
 * @example
 * ```ts
 * function explain(e: ReconcileError): string {
 *   switch (e.code) {
 *     case 'INVALID_RECONCILE_INPUT': return e.issues.map((i) => i.path).join(', ');
 *     case 'INTEGRITY_MISMATCH': return `${e.format} does not add up at line ${e.location.line}`;
 *     default: return `${e.format}: ${e.location.path}`;
 *   }
 * }
 * ```
 */
export type ReconcileError = StatementParseError | ReconcileInputError;

/**
 * Former name of {@link ReconcileErrorBase}, the base class (the name `ReconcileError` is now the
 * union of reconcile's error classes, as a type).
 *
 * @deprecated Use {@link isReconcileError} to recognise reconcile's errors, or `ReconcileErrorBase`
 * to subclass; this alias goes in the next major release.
 * @example
 * ```ts
 * const e: unknown = new ReconcileError('X', 'y');
 * if (isReconcileError(e)) console.log(e.code); // not reached: 'X' is not a reconcile code
 * ```
 */
export const ReconcileError: typeof ReconcileErrorBase = ReconcileErrorBase;

const CODES: ReadonlySet<string> = new Set<StatementParseErrorCode | 'INVALID_RECONCILE_INPUT'>([
  'MALFORMED_STATEMENT',
  'UNSUPPORTED_FORMAT',
  'ENCODING_ERROR',
  'INPUT_TOO_LARGE',
  'INVALID_DATE',
  'INTEGRITY_MISMATCH',
  'INVALID_RECONCILE_INPUT',
]);

/**
 * True when `value` is an error `@quidfin/reconcile` threw on purpose (any copy, any realm): it
 * carries the reconcile brand and one of reconcile's codes. Typed as the {@link ReconcileError}
 * union, so `switch (e.code)` narrows to the class with its fields. Use it instead of `instanceof`.
 *
 * @example
 * ```ts
 * try {
 *   parseMt940(':20:X\n:61:garbage');
 * } catch (e) {
 *   if (isReconcileError(e) && e.code === 'MALFORMED_STATEMENT') console.log(e.location.line);
 *   else throw e;
 * }
 * ```
 */
export function isReconcileError(value: unknown): value is ReconcileError {
  return (
    isQuidfinError(value) &&
    (value as { isQuidfinReconcileError?: unknown }).isQuidfinReconcileError === true &&
    CODES.has(value.code)
  );
}
