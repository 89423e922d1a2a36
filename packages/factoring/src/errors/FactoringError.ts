// Every error @quidfin/factoring throws on purpose, as one union its guard narrows by `code`.
import type { FactoringInputError } from './FactoringInputError.js';

/**
 * Every error `@quidfin/factoring` throws on purpose, discriminated by `code`, so that after
 * {@link isFactoringError} a `switch (e.code)` narrows to the member with its fields. All are
 * bad input today (each a `ValidationError` with `issues`); the decision itself never throws.
 *
 * @example
 * ```ts
 * function explainFailure(e: FactoringError): string {
 *   switch (e.code) {
 *     case 'INVALID_POLICY': return `policy: ${e.issues.map((i) => i.path).join(', ')}`;
 *     case 'INVALID_TRUST': return `trust: ${e.path}`;
 *     case 'INVALID_INPUT': return `input: ${e.path}`;
 *   }
 * }
 * ```
 */
export type FactoringError =
  | FactoringInputError<'INVALID_POLICY'>
  | FactoringInputError<'INVALID_TRUST'>
  | FactoringInputError<'INVALID_INPUT'>;

const CODES: ReadonlySet<string> = new Set<FactoringError['code']>([
  'INVALID_POLICY',
  'INVALID_TRUST',
  'INVALID_INPUT',
]);

/**
 * True when `value` is an error thrown by `@quidfin/factoring` (any copy of the package, any
 * realm): it checks the package's brand and that the code is one of the package's codes, never
 * `instanceof`.
 *
 * @example
 * ```ts
 * try { compilePolicy(standardPolicy({ minBuyerTrust: 2 })); }
 * catch (e) {
 *   if (isFactoringError(e) && e.code === 'INVALID_POLICY') for (const i of e.issues) console.log(i.path, i.message);
 * }
 * ```
 */
export function isFactoringError(value: unknown): value is FactoringError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { isQuidfinError?: unknown; isQuidfinFactoringError?: unknown; code?: unknown };
  return (
    v.isQuidfinError === true &&
    v.isQuidfinFactoringError === true &&
    typeof v.code === 'string' &&
    CODES.has(v.code)
  );
}
