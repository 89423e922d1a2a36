import { describe, expect, it } from 'vitest';
import {
  encodeGoJson,
  isCoreError,
  isQuidfinError,
  isSdkError,
  parseMoney,
  QuidfinError,
  SdkError,
  ValidationError,
} from '../../src/index.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('one error root', () => {
  it('errors core throws are QuidfinErrors from @quidfin/core, recognised by both guards', () => {
    const e = thrownBy(() => parseMoney('12.345', 'USD'));
    expect(isQuidfinError(e)).toBe(true);
    expect(isCoreError(e)).toBe(true);
    expect(e).toMatchObject({ code: 'INVALID_AMOUNT', package: '@quidfin/core' });
    const encoding = thrownBy(() => encodeGoJson({ amount: Number.NaN }));
    expect(isCoreError(encoding) && encoding.code).toBe('UNENCODABLE_VALUE');
  });

  it('another package subclassing ValidationError is a quidfin error but not a core error', () => {
    class WidgetOptionsError extends ValidationError<'INVALID_OPTIONS'> {
      override readonly package: string = '@quidfin/widget';
    }
    const e = new WidgetOptionsError('INVALID_OPTIONS', [{ path: 'x', message: 'bad' }]);
    expect(isQuidfinError(e)).toBe(true);
    expect(isCoreError(e)).toBe(false);
  });

  it('guards read the brand, not the prototype: a structurally cloned error from another realm still passes', () => {
    const e = new ValidationError('INVALID_KEY', [{ path: 'key', message: 'not a P-256 point' }]);
    const clone = { ...e, code: e.code, package: e.package, isQuidfinError: true };
    expect(isCoreError(clone)).toBe(true);
    expect(isQuidfinError({ code: 'X', isQuidfinError: true })).toBe(false);
    expect(isQuidfinError(new Error('plain'))).toBe(false);
    expect(isCoreError(null)).toBe(false);
  });

  it('the deprecated SdkError names still work', () => {
    const e = new SdkError('X', 'y');
    expect(e).toBeInstanceOf(QuidfinError);
    expect(isSdkError(e)).toBe(true);
  });
});
