// Type tests: isFactoringError returns the package's error union, and `switch (e.code)` narrows it.
import type { ValidationError, ValidationIssue } from '@quidfin/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type FactoringError, type FactoringInputError, isFactoringError } from '../../src/index.js';

describe('FactoringError narrows by code', () => {
  it('the guard gives the union, not an error with any string code', () => {
    const e: unknown = new Error('x');
    if (isFactoringError(e)) {
      expectTypeOf(e).toEqualTypeOf<FactoringError>();
      expectTypeOf(e.code).toEqualTypeOf<'INVALID_POLICY' | 'INVALID_TRUST' | 'INVALID_INPUT'>();
      expectTypeOf(e).toExtend<ValidationError>();
      expectTypeOf(e.issues).toEqualTypeOf<readonly ValidationIssue[]>();
    }
  });

  it('switch (e.code) narrows each case to its member', () => {
    const e = {} as FactoringError;
    switch (e.code) {
      case 'INVALID_POLICY':
        expectTypeOf(e).toEqualTypeOf<FactoringInputError<'INVALID_POLICY'>>();
        break;
      case 'INVALID_TRUST':
        expectTypeOf(e).toEqualTypeOf<FactoringInputError<'INVALID_TRUST'>>();
        break;
      case 'INVALID_INPUT':
        expectTypeOf(e).toEqualTypeOf<FactoringInputError<'INVALID_INPUT'>>();
        break;
      default:
        expectTypeOf(e).toBeNever();
    }
  });

  it('a misspelt code does not compile', () => {
    const e = {} as FactoringError;
    // @ts-expect-error 'INVALID_POLICIES' is not a factoring error code
    if (e.code === 'INVALID_POLICIES') return;
  });
});
