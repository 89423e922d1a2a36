// The error for a policy or input the engine refuses outright (a ValidationError with issues[]).
import { ValidationError, type ValidationIssue } from '@quidfin/core';

/**
 * The codes a {@link FactoringInputError} can carry: an invalid policy, a trust level outside
 * 0..1, or other bad input (money that is not a safe integer, a malformed key event).
 *
 * @example
 * ```ts
 * const code: FactoringInputCode = 'INVALID_POLICY';
 * ```
 */
export type FactoringInputCode = 'INVALID_POLICY' | 'INVALID_TRUST' | 'INVALID_INPUT';

/**
 * A policy or input the engine refuses outright (weights not summing to 1, trust outside 0..1,
 * non-integer money). `code` says which; `issues` locate each problem (all of them at once).
 * Recognise it with {@link isFactoringError}, not `instanceof` (which fails across package copies).
 *
 * @example
 * ```ts
 * try { compilePolicy(pocPolicy({ buyerWeight: 0.5, supplierWeight: 0.51 })); }
 * catch (e) { if (isFactoringError(e)) console.log(e.code, e.issues); }
 * ```
 */
export class FactoringInputError<
  Code extends FactoringInputCode = FactoringInputCode,
> extends ValidationError<Code> {
  override readonly name: string = 'FactoringInputError';
  /** Brand read by {@link isFactoringError}; works across realms and duplicate package copies. */
  readonly isQuidfinFactoringError = true as const;

  constructor(code: Code, issues: readonly ValidationIssue[]) {
    super(code, issues);
  }
}
