// Type tests: isEInvoiceError narrows to EInvoiceError, whose code is a closed union with issues.
import type { ValidationIssue } from '@quidfin/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type EInvoiceError, type EInvoiceErrorCode, isEInvoiceError } from '../../src/index.js';

declare const thrown: unknown;

describe('einvoice error narrowing', () => {
  it('the guard gives the class, its code union and its issues', () => {
    if (!isEInvoiceError(thrown)) return;
    expectTypeOf(thrown).toEqualTypeOf<EInvoiceError>();
    expectTypeOf(thrown.code).toEqualTypeOf<EInvoiceErrorCode>();
    expectTypeOf(thrown.issues).toEqualTypeOf<readonly ValidationIssue[]>();
    switch (thrown.code) {
      case 'EINVOICE_RULES':
        break;
      // @ts-expect-error a misspelt code is not one einvoice throws
      case 'EINVOICE_RULE':
        break;
    }
  });
});
