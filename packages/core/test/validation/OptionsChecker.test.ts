import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCoreError, OptionsChecker, ValidationError } from '../../src/index.js';

describe('OptionsChecker', () => {
  it('reports every problem at once, each at its path, as INVALID_OPTIONS', () => {
    const check = new OptionsChecker();
    check.url('baseUrl', 'localhost:8080');
    check.integer('timeoutMs', 1.5, { min: 1 });
    check.integer('retry.limit', -1, { min: 0 });
    check.string('trustDomain', '', { nonEmpty: true });
    check.oneOf('mode', 'fast', ['strict', 'lenient']);
    check.func('fetch', 'not a function', { optional: true });
    let error: unknown;
    try {
      check.throwIfInvalid();
    } catch (e) {
      error = e;
    }
    expect(isCoreError(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      'baseUrl',
      'timeoutMs',
      'retry.limit',
      'trustDomain',
      'mode',
      'fetch',
    ]);
    expect((error as ValidationError).message).toContain(
      'baseUrl: must be an absolute http: or https: URL such as "http://node.example", got "localhost:8080"',
    );
  });

  it('absent optional values pass without an issue and return false; absent required ones are an issue', () => {
    const check = new OptionsChecker();
    expect(check.integer('a', undefined, { optional: true })).toBe(false);
    expect(check.object('retry', undefined, { optional: true })).toBe(false);
    expect(check.issues).toEqual([]);
    expect(check.string('b', undefined)).toBe(false);
    expect(check.issues).toEqual([{ path: 'b', message: 'is required' }]);
  });

  it('valid values return true and throwIfInvalid does not throw', () => {
    const check = new OptionsChecker();
    expect(check.url('baseUrl', 'https://node.example:8443/')).toBe(true);
    expect(check.integer('n', 0, { min: 0, max: 0 })).toBe(true);
    expect(check.number('ratio', 0.5, { min: 0, max: 1 })).toBe(true);
    expect(check.string('s', 'é', { maxBytes: 2 })).toBe(true);
    expect(check.array('xs', [1], { nonEmpty: true, maxLength: 1 })).toBe(true);
    expect(check.boolean('flag', false)).toBe(true);
    expect(() => check.throwIfInvalid()).not.toThrow();
  });

  it('counts UTF-8 bytes, not UTF-16 units, for maxBytes', () => {
    const check = new OptionsChecker();
    expect(check.string('s', '€€', { maxBytes: 5 })).toBe(false); // 6 bytes
    expect(check.issues[0]?.message).toContain('got 6');
  });

  it('refuses URLs of other protocols and non-finite numbers', () => {
    const check = new OptionsChecker();
    expect(check.url('u', 'ftp://x.example')).toBe(false);
    expect(check.number('n', Number.NaN)).toBe(false);
    expect(check.integer('i', 2 ** 53)).toBe(false);
    expect(check.issues.length).toBe(3);
  });

  it('throws the error the caller builds, with every issue', () => {
    class WidgetOptionsError extends ValidationError<'INVALID_WIDGET'> {}
    const check = new OptionsChecker();
    check.add('x', 'bad');
    check.require('y', false, 'also bad');
    expect(() => check.throwIfInvalid((issues) => new WidgetOptionsError('INVALID_WIDGET', issues))).toThrow(
      WidgetOptionsError,
    );
  });

  it('integer(): accepts exactly the safe integers within the range (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)), (value) => {
        const check = new OptionsChecker();
        const ok = check.integer('v', value, { min: -100, max: 100 });
        const expected =
          typeof value === 'number' && Number.isSafeInteger(value) && value >= -100 && value <= 100;
        return ok === expected && (check.issues.length === 0) === expected;
      }),
    );
  });
});
