// isReconcileError recognises every reconcile error by its brand and code (never instanceof), and
// ReconcileInputError is a core ValidationError that still builds and reads as before.
import { isCoreError, isQuidfinError, QuidfinError, ValidationError } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import {
  isReconcileError,
  parseMt940,
  ReconcileError,
  ReconcileErrorBase,
  ReconcileInputError,
  StatementParseError,
} from '../../src/index.js';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('isReconcileError', () => {
  it('recognises a parse error, and its code narrows to the location', () => {
    const e = thrownBy(() =>
      parseMt940(':20:X\n:25:DE89370400440532013000\n:60F:C260101EUR0,\n:61:garbage\n-'),
    );
    expect(isReconcileError(e)).toBe(true);
    if (!isReconcileError(e) || e.code === 'INVALID_RECONCILE_INPUT') throw new Error('wrong error');
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location.line).toBe(4);
    expect(isCoreError(e)).toBe(false);
  });

  it('recognises an input error, with every issue', () => {
    const e = new ReconcileInputError([
      { path: 'options.topK', message: 'must be at least 0, got -1' },
      { path: 'options.autoThreshold', message: 'must be at most 1, got 2' },
    ]);
    expect(isReconcileError(e)).toBe(true);
    expect(e.issues.map((i) => i.path)).toEqual(['options.topK', 'options.autoThreshold']);
    expect(e.path).toBe('options.topK');
    expect(isCoreError(e)).toBe(false);
  });

  it('reads the brand, so a copy of the package from another realm or bundle is recognised', () => {
    const foreign = Object.assign(new Error('x'), {
      code: 'INVALID_DATE',
      package: '@quidfin/reconcile',
      isQuidfinError: true,
      isQuidfinReconcileError: true,
    });
    expect(isReconcileError(foreign)).toBe(true);
  });

  it('refuses core errors, other packages, unknown codes and look-alikes without the brand', () => {
    expect(isReconcileError(new ValidationError('INVALID_AMOUNT', [{ path: 'a', message: 'b' }]))).toBe(
      false,
    );
    expect(isReconcileError(new QuidfinError('MALFORMED_STATEMENT', 'no reconcile brand'))).toBe(false);
    expect(isReconcileError(new ReconcileErrorBase('SOMETHING_ELSE', 'not a reconcile code'))).toBe(false);
    expect(isReconcileError({ code: 'INVALID_DATE', isQuidfinReconcileError: true })).toBe(false);
    expect(isReconcileError(new Error('INVALID_DATE'))).toBe(false);
    expect(isReconcileError(undefined)).toBe(false);
  });
});

describe('ReconcileInputError as a ValidationError', () => {
  it('keeps the (path, message) constructor, its message and its path', () => {
    const e = new ReconcileInputError('invoices[3].openAmountMinor', 'must be a non-negative safe integer');
    expect(e).toBeInstanceOf(ValidationError);
    expect(isQuidfinError(e)).toBe(true);
    expect(e.code).toBe('INVALID_RECONCILE_INPUT');
    expect(e.name).toBe('ReconcileInputError');
    expect(e.package).toBe('@quidfin/reconcile');
    expect(e.message).toBe('invoices[3].openAmountMinor: must be a non-negative safe integer');
    expect(e.path).toBe('invoices[3].openAmountMinor');
    expect(e.issues).toEqual([
      { path: 'invoices[3].openAmountMinor', message: 'must be a non-negative safe integer' },
    ]);
  });

  it('is still an instance of the deprecated base name, while a parse error is not an input error', () => {
    const input = new ReconcileInputError('x', 'y');
    const parse = new StatementParseError('INVALID_DATE', 'mt940', { path: ':61:' }, 'no such day');
    expect(input instanceof ReconcileError).toBe(true);
    expect(input instanceof ReconcileErrorBase).toBe(true);
    expect(parse instanceof ReconcileError).toBe(true);
    expect(parse instanceof StatementParseError).toBe(true);
    expect((parse as unknown) instanceof ReconcileInputError).toBe(false);
    expect((input as unknown) instanceof StatementParseError).toBe(false);
    expect(new ValidationError('X', []) instanceof ReconcileErrorBase).toBe(false);
  });
});
