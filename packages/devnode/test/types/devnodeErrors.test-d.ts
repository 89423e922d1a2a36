// Type tests: isDevNodeError narrows to DevNodeError, its codes are a closed set, issues are typed.
import type { ValidationIssue } from '@quidfin/core';
import { describe, expectTypeOf, it } from 'vitest';
import { type DevNodeError, type DevNodeErrorCode, isDevNodeError } from '../../src/index.js';

declare const thrown: unknown;

describe('devnode error narrowing', () => {
  it('the guard returns DevNodeError with its codes and issues', () => {
    if (!isDevNodeError(thrown)) return;
    expectTypeOf(thrown).toEqualTypeOf<DevNodeError>();
    expectTypeOf(thrown.code).toEqualTypeOf<DevNodeErrorCode>();
    expectTypeOf(thrown.issues).toEqualTypeOf<readonly ValidationIssue[]>();
    switch (thrown.code) {
      case 'INVALID_OPTIONS':
        expectTypeOf(thrown.code).toEqualTypeOf<'INVALID_OPTIONS'>();
        break;
      case 'INVALID_SNAPSHOT':
      case 'NON_LOOPBACK_HOST':
        break;
      default:
        expectTypeOf(thrown.code).toBeNever();
    }
  });

  it('a misspelt code does not compile', () => {
    if (!isDevNodeError(thrown)) return;
    // @ts-expect-error 'INVALID_OPTION' is not a devnode code
    if (thrown.code === 'INVALID_OPTION') return;
  });
});
