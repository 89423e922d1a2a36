// Type tests: isReconcileError returns reconcile's union, and switch (e.code) narrows to the class with its fields.

import type { ValidationIssue } from '@quidfin/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  isReconcileError,
  type ReconcileError,
  type ReconcileErrorBase,
  ReconcileInputError,
  type SourceLocation,
  StatementParseError,
} from '../../src/index.js';

declare const thrown: unknown;

describe('reconcile error narrowing', () => {
  it('the guard returns the union, and each code narrows to its class', () => {
    if (!isReconcileError(thrown)) return;
    expectTypeOf(thrown).toEqualTypeOf<ReconcileError>();
    switch (thrown.code) {
      case 'INVALID_RECONCILE_INPUT':
        expectTypeOf(thrown).toEqualTypeOf<ReconcileInputError>();
        expectTypeOf(thrown.issues).toEqualTypeOf<readonly ValidationIssue[]>();
        expectTypeOf(thrown.path).toEqualTypeOf<string>();
        break;
      case 'MALFORMED_STATEMENT':
      case 'INTEGRITY_MISMATCH':
        expectTypeOf(thrown).toEqualTypeOf<StatementParseError>();
        expectTypeOf(thrown.location).toEqualTypeOf<SourceLocation>();
        expectTypeOf(thrown.format).toEqualTypeOf<string>();
        break;
      // @ts-expect-error a misspelt code is not one reconcile throws
      case 'MALFORMED_STATMENT':
        break;
    }
  });

  it('a parse error has no issues and an input error no location', () => {
    if (!isReconcileError(thrown)) return;
    if (thrown.code === 'INVALID_DATE') {
      // @ts-expect-error issues belong to ReconcileInputError only
      thrown.issues;
    } else if (thrown.code === 'INVALID_RECONCILE_INPUT') {
      // @ts-expect-error location belongs to StatementParseError only
      thrown.location;
    }
  });

  it('the old constructor and the deprecated base name still type-check', () => {
    expectTypeOf(
      new ReconcileInputError('options.topK', 'must be at least 0'),
    ).toEqualTypeOf<ReconcileInputError>();
    expectTypeOf(new ReconcileInputError([{ path: 'a', message: 'b' }])).toEqualTypeOf<ReconcileInputError>();
    expectTypeOf(new StatementParseError('INVALID_DATE', 'mt940', { path: ':61:' }, 'x')).toMatchTypeOf<
      ReconcileErrorBase<string>
    >();
  });
});
