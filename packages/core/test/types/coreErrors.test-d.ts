// Type tests: isCoreError returns core's union, and switch (e.code) narrows to the class with its fields.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CoreError,
  type CryptoUnavailableError,
  type EncodingError,
  isCoreError,
  isQuidfinError,
  isSdkError,
  type QuidfinError,
  type SignatureError,
  type ValidationError,
  type ValidationIssue,
} from '../../src/index.js';

declare const thrown: unknown;

describe('core error narrowing', () => {
  it('the guard returns the union, and each code narrows to its class', () => {
    if (!isCoreError(thrown)) return;
    expectTypeOf(thrown).toEqualTypeOf<CoreError>();
    switch (thrown.code) {
      case 'UNENCODABLE_VALUE':
        expectTypeOf(thrown).toEqualTypeOf<EncodingError>();
        expectTypeOf(thrown.path).toEqualTypeOf<string>();
        break;
      case 'CRYPTO_UNAVAILABLE':
        expectTypeOf(thrown).toEqualTypeOf<CryptoUnavailableError>();
        break;
      case 'SIGNER_MISMATCH':
        expectTypeOf(thrown).toEqualTypeOf<SignatureError>();
        break;
      case 'INVALID_AMOUNT':
        expectTypeOf(thrown.issues).toEqualTypeOf<readonly ValidationIssue[]>();
        expectTypeOf(thrown).toMatchTypeOf<ValidationError>();
        break;
      // @ts-expect-error a misspelt code is not one core throws
      case 'INVALID_AMOUTN':
        break;
    }
  });

  it('the root guard and its deprecated alias return QuidfinError', () => {
    if (isQuidfinError(thrown)) expectTypeOf(thrown).toEqualTypeOf<QuidfinError>();
    if (isSdkError(thrown)) expectTypeOf(thrown).toEqualTypeOf<QuidfinError>();
  });
});
