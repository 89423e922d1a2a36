// The error for a policy or input the engine refuses outright (a ValidationError with issues[]).

import { ValidationError, type ValidationIssue } from '@quidfin/core';

/**
 * A policy or input the engine refuses outright (weights not summing to 1, trust outside 0..1,
 * non-integer money). `code` says which; `issues` locate each problem.
 *
 * @example
 * ```ts
 * try { compilePolicy(pocPolicy({ buyerWeight: 0.5, supplierWeight: 0.51 })); }
 * catch (e) { if (e instanceof FactoringInputError) console.log(e.code, e.path); }
 * ```
 */
export class FactoringInputError extends ValidationError<
  'INVALID_POLICY' | 'INVALID_TRUST' | 'INVALID_INPUT'
> {
  override readonly name: string = 'FactoringInputError';

  constructor(
    code: 'INVALID_POLICY' | 'INVALID_TRUST' | 'INVALID_INPUT',
    issues: readonly ValidationIssue[],
  ) {
    super(code, issues);
  }
}
