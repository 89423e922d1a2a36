// isFactoringError recognises the package's errors by brand and code, never by instanceof.
import { isCoreError, SdkError, ValidationError } from '@quidfin/core';
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
    expect(isCoreError(caught)).toBe(false); // core's guard leaves factoring's errors alone
  });

  it('recognises a copy from another realm or package copy by its brand (no instanceof)', () => {
    const foreign = {
      name: 'FactoringInputError',
      message: 'x',
      code: 'INVALID_TRUST',
      isQuidfinError: true,
      package: '@quidfin/factoring',
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

  it('compilePolicy lists a bad weight, threshold, integer, grade and fee in one error', () => {
    const base = standardPolicy();
    let caught: unknown;
    try {
      compilePolicy({
        ...base,
        buyerWeight: 0.9,
        minCarrierTrust: Number.NaN,
        maxDaysPastDue: 1.5,
        grades: [{ ...(base.grades[0] as (typeof base.grades)[number]), pdAnnualBps: 20_000 }],
        fee: { kind: 'flat', rateBps: -5 },
      });
    } catch (e) {
      caught = e;
    }
    if (!isFactoringError(caught)) throw new Error('expected a FactoringError');
    expect(caught.issues.map((i) => i.path)).toEqual([
      'buyerWeight',
      'minCarrierTrust',
      'maxDaysPastDue',
      'grades[0].pdAnnualBps',
      'fee.rateBps',
    ]);
  });
});
