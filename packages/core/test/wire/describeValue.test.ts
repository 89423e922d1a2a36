// The one description of a bad value in error messages (wire and invoice had two that disagreed).
import { describe, expect, it } from 'vitest';
import { buildTrust, generateSigner, ValidationError } from '../../src/index.js';
import { describeValue } from '../../src/wire/describeValue.js';

describe('describeValue', () => {
  it('names primitives by value, bigint with its n', () => {
    expect([describeValue(1.5), describeValue(true), describeValue(undefined), describeValue(null)]).toEqual([
      '1.5',
      'true',
      'undefined',
      'null',
    ]);
    expect(describeValue(10n)).toBe('10n');
  });

  it('quotes and truncates long strings', () => {
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
  });

  it('never prints function source or object contents', () => {
    const secret = () => 'sk_live_123';
    expect(describeValue(secret)).toBe('a function');
    expect(describeValue({ apiKey: 'sk_live_123' })).toBe('an object');
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue(new Date(0))).toBe('a Date');
    expect(describeValue(Symbol('s'))).toBe('a symbol');
  });

  it('does not throw on a hostile proxy', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    expect(describeValue(hostile)).toBe('an object');
  });

  it('a builder names a bigint trust level as 1n (wire used to say "bigint")', async () => {
    const { signer } = await generateSigner();
    const attempt = buildTrust({
      signer,
      trustDomain: 'default',
      trustee: 'c31907f180e6e1e0',
      trustLevel: 1n as unknown as number,
      nonce: 1,
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.find((i) => i.path === 'trustLevel')?.message).toBe(
      'expected a finite number, got 1n',
    );
  });
});
