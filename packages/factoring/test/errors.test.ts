// isFactoringError recognises the package's errors by brand and code, never by instanceof.
import { SdkError, ValidationError } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { compilePolicy, FactoringInputError, isFactoringError, standardPolicy } from '../src/index.js';

describe('isFactoringError', () => {
  it('recognises the error compilePolicy throws, with every issue at once', () => {
    let caught: unknown;
    try {
      compilePolicy(standardPolicy({ minBuyerTrust: 2, lgdBps: -1 }));
    } catch (e) {
      caught = e;
    }
    expect(isFactoringError(caught)).toBe(true);
    if (!isFactoringError(caught)) return;
    expect(caught.code).toBe('INVALID_POLICY');
    expect(caught.issues.map((i) => i.path)).toEqual(['minBuyerTrust', 'lgdBps']);
    expect(caught).toBeInstanceOf(ValidationError);
  });

  it('recognises a copy from another realm or package copy by its brand (no instanceof)', () => {
    const foreign = {
      name: 'FactoringInputError',
      message: 'x',
      code: 'INVALID_TRUST',
      isQuidfinError: true,
      isQuidfinFactoringError: true,
      issues: [],
    };
    expect(isFactoringError(foreign)).toBe(true);
  });

  it('refuses other quidfin errors, unknown codes and non-errors', () => {
    expect(isFactoringError(new ValidationError('INVALID_POLICY', [{ path: 'x', message: 'y' }]))).toBe(
      false,
    );
    expect(isFactoringError(new SdkError('INVALID_INPUT', 'core'))).toBe(false);
    const odd = Object.assign(new FactoringInputError('INVALID_INPUT', []), { code: 'SOMETHING_ELSE' });
    expect(isFactoringError(odd)).toBe(false);
    expect(isFactoringError(null)).toBe(false);
    expect(isFactoringError('INVALID_POLICY')).toBe(false);
  });
});
