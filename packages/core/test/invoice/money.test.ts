import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '../../src/errors/SdkError.js';
import {
  addMinor,
  allocateMinor,
  currencyExponent,
  formatMoney,
  ISO_4217_EXPONENTS,
  isCurrencyCode,
  isValidIban,
  minorFromBigInt,
  parseMoney,
  subtractMinor,
  sumMinor,
  toDecimalString,
} from '../../src/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isSdkError(e) ? e.code : 'not-sdk-error';
  }
  return undefined;
}

describe('currency table', () => {
  it('knows the exponents of common and unusual currencies', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('GBP')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('UYW')).toBe(4);
    expect(currencyExponent('XAU')).toBeUndefined();
    expect(currencyExponent('usd')).toBeUndefined();
    expect(isCurrencyCode('toString')).toBe(false);
  });

  it('holds only three-letter upper-case codes with exponents 0..4', () => {
    const entries = Object.entries(ISO_4217_EXPONENTS);
    expect(entries.length).toBeGreaterThan(150);
    for (const [code, exp] of entries) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(exp);
    }
  });
});

describe('parseMoney', () => {
  it('parses exactly per currency exponent', () => {
    expect(parseMoney('1234.56', 'USD')).toEqual({ amountMinor: 123456, currency: 'USD' });
    expect(parseMoney('0.1', 'USD')).toEqual({ amountMinor: 10, currency: 'USD' });
    expect(parseMoney('500', 'JPY')).toEqual({ amountMinor: 500, currency: 'JPY' });
    expect(parseMoney('1.005', 'BHD').amountMinor).toBe(1005);
    expect(parseMoney('1.2345', 'CLF').amountMinor).toBe(12345);
    expect(parseMoney('-0.05', 'EUR').amountMinor).toBe(-5);
    expect(Object.is(parseMoney('-0.00', 'EUR').amountMinor, 0)).toBe(true);
    expect(parseMoney('12.340', 'USD').amountMinor).toBe(1234);
    expect(parseMoney('90071992547409.91', 'USD').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses too many decimals, floats, junk and unsafe integers with INVALID_AMOUNT', () => {
    expect(codeOf(() => parseMoney('12.345', 'USD'))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => parseMoney('1.5', 'JPY'))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => parseMoney(12.34 as unknown as string, 'USD'))).toBe('INVALID_AMOUNT');
    for (const bad of [
      '',
      '1.',
      '.5',
      '+1',
      '1e3',
      '1,000.00',
      ' 1',
      '1 ',
      'NaN',
      'Infinity',
      '0x10',
      '--1',
    ]) {
      expect(
        codeOf(() => parseMoney(bad, 'USD')),
        bad,
      ).toBe('INVALID_AMOUNT');
    }
    expect(codeOf(() => parseMoney('90071992547409.92', 'USD'))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => parseMoney('1', 'XYZ'))).toBe('INVALID_CURRENCY');
  });

  it('round-trips with toDecimalString for every safe amount and currency (property)', () => {
    const codes = Object.keys(ISO_4217_EXPONENTS);
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(...codes),
        (minor, currency) => {
          const text = toDecimalString(minor, currency);
          expect(parseMoney(text, currency).amountMinor).toBe(minor);
          // exactly `exponent` decimals
          const exp = currencyExponent(currency) ?? 0;
          expect(text.split('.')[1]?.length ?? 0).toBe(exp);
        },
      ),
    );
  });

  it('never drifts like floats do (property: decimal string -> minor is exact)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_007_199_254_740_991n }), (n) => {
        const s = n.toString().padStart(3, '0');
        const decimal = `${s.slice(0, -2)}.${s.slice(-2)}`;
        expect(BigInt(parseMoney(decimal, 'USD').amountMinor)).toBe(n);
      }),
    );
    expect(parseMoney('0.29', 'USD').amountMinor).toBe(29); // 0.29 * 100 = 28.999999999999996 as float
    expect(parseMoney('1.15', 'EUR').amountMinor).toBe(115);
  });
});

describe('toDecimalString and formatMoney', () => {
  it('formats exact decimals, negative and bigint', () => {
    expect(toDecimalString(5, 'USD')).toBe('0.05');
    expect(toDecimalString(-5, 'USD')).toBe('-0.05');
    expect(toDecimalString(0, 'KWD')).toBe('0.000');
    expect(toDecimalString(10n ** 20n, 'JPY')).toBe('100000000000000000000');
    expect(codeOf(() => toDecimalString(1.5, 'USD'))).toBe('INVALID_AMOUNT');
  });

  it('formats for people with the currency exponent, without float drift', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(1005, 'BHD', 'en-US')).toContain('1.005');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(12345678901234567890n, 'USD', 'en-US')).toBe('$123,456,789,012,345,678.90');
  });
});

describe('safe arithmetic', () => {
  it('adds, subtracts and sums within the safe range', () => {
    expect(addMinor(1050, 250)).toBe(1300);
    expect(subtractMinor(1300, 250)).toBe(1050);
    expect(sumMinor([100, 250, 5])).toBe(355);
    expect(sumMinor([])).toBe(0);
  });

  it('refuses overflow past Number.MAX_SAFE_INTEGER and non-integers', () => {
    expect(codeOf(() => addMinor(Number.MAX_SAFE_INTEGER, 1))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => subtractMinor(Number.MIN_SAFE_INTEGER, 1))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => sumMinor([Number.MAX_SAFE_INTEGER, 1]))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => addMinor(0.1, 0.2))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => minorFromBigInt(2n ** 53n))).toBe('INVALID_AMOUNT');
  });
});

describe('allocateMinor', () => {
  it('splits by largest remainder, ties to the earlier part', () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateMinor(1000, [5000, 3000, 2000])).toEqual([500, 300, 200]);
    expect(allocateMinor(-5, [1, 1])).toEqual([-3, -2]);
    expect(allocateMinor(10, [0, 1, 0])).toEqual([0, 10, 0]);
    expect(allocateMinor(7, [1, 2])).toEqual([2, 5]); // 2.33 -> 2, 4.67 -> 5
    expect(allocateMinor(0, [3, 4])).toEqual([0, 0]);
  });

  it('refuses bad weights', () => {
    expect(codeOf(() => allocateMinor(10, []))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => allocateMinor(10, [0, 0]))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => allocateMinor(10, [1, -1]))).toBe('INVALID_AMOUNT');
    expect(codeOf(() => allocateMinor(10, [0.5, 0.5]))).toBe('INVALID_AMOUNT');
  });

  it('always sums exactly and stays within one unit of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateMinor(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(total));
          const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
          parts.forEach((p, i) => {
            const exactTimesSum = BigInt(total) * BigInt(weights[i] ?? 0);
            const diff = BigInt(p) * sum - exactTimesSum;
            expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
            if (weights[i] === 0) expect(p).toBe(0);
          });
        },
      ),
    );
  });
});

describe('isValidIban (the one copy; reconcile normalises and calls it)', () => {
  const bigMod97 = (s: string) =>
    BigInt([...s].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('')) % 97n;
  it('agrees with a BigInt mod-97 on every shape-valid string', () => {
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
    const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    fc.assert(
      fc.property(
        fc.array(upper, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 2, maxLength: 2 }),
        fc.array(alnum, { minLength: 11, maxLength: 30 }),
        (cc, check, bban) => {
          const iban = cc.join('') + check.join('') + bban.join('');
          expect(isValidIban(iban)).toBe(bigMod97(iban.slice(4) + iban.slice(0, 4)) === 1n);
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('accepts real IBANs and refuses printed forms, lower case and a wrong check pair', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(false);
    expect(isValidIban('nl91abna0417164300')).toBe(false);
  });
});
