import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertMinor,
  createRfReference,
  digitsKey,
  isValidIban,
  isValidRfReference,
  nameSimilarity,
  parseDecimalMinor,
  ReconcileInputError,
  referenceKey,
  repairRfReference,
} from '../src/index.js';

describe('ISO 11649 creditor references', () => {
  it('accepts the standard example and rejects a changed check digit', () => {
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('RF18539007547034')).toBe(true);
    expect(isValidRfReference('RF19539007547034')).toBe(false);
    expect(isValidRfReference('RF18')).toBe(false);
    expect(isValidRfReference('RF181234567890123456789012')).toBe(false);
    expect(createRfReference('539007547034')).toBe('RF18539007547034');
    expect(createRfReference('a')).toMatch(/^RF\d\dA$/);
    expect(() => createRfReference('with space!')).toThrow(ReconcileInputError);
    expect(() => createRfReference('with space!')).toThrow(/^body: must be 1-21 letters and digits/);
  });

  it('every created reference validates (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,21}$/), (body) => {
        expect(isValidRfReference(createRfReference(body))).toBe(true);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it('a one-character typo is repaired to the known reference or not at all, never to another one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9A-Z]{4,12}$/), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        (bodies, which, pos, ch) => {
          const known = new Set(bodies.map(createRfReference));
          const ref = [...known][which % known.size] as string;
          const p = 2 + (pos % (ref.length - 2));
          if (p < 4 && !/\d/.test(ch)) return;
          const typo = ref.slice(0, p) + ch + ref.slice(p + 1);
          const fixed = repairRfReference(typo, known);
          if (typo === ref) expect(fixed).toEqual({ reference: ref, repaired: false });
          // Letters weigh two digits in mod 97, so a substitution can itself be valid: it is then
          // reported as a valid (unrepaired) reference, which the matcher only uses if known.
          else if (fixed !== undefined && !fixed.repaired) expect(fixed.reference).toBe(typo);
          else if (fixed !== undefined) expect(fixed.reference).toBe(ref);
        },
      ),
      { seed: 3, numRuns: 500 },
    );
  });

  it('repairs a transposition; refuses when two known references are one edit away', () => {
    expect(repairRfReference('RF18539007547304', new Set(['RF18539007547034']))).toEqual({
      reference: 'RF18539007547034',
      repaired: true,
    });
    const a = createRfReference('11111');
    const candidates = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'].map((c) =>
      createRfReference(`1111${c}`),
    );
    const set = new Set([a, ...candidates]);
    // Changing the last character of `a` can produce many known references: never guess.
    const broken = `${a.slice(0, -1)}Z`;
    const r = repairRfReference(broken, set);
    if (r !== undefined) expect(set.has(r.reference)).toBe(true);
    expect(repairRfReference('RFXX', set)).toBeUndefined();
  });
});

describe('IBAN mod 97', () => {
  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'NL91ABNA0417164300',
    'DE89370400440532013000',
    'CH9300762011623852957',
  ])('valid %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });
  it.each(['GB82 WEST 1234 5698 7654 33', 'NL91ABNA041716430', 'XX', 'DE89 3704 0044 0532 0130 0O'])(
    'invalid %s',
    (iban) => {
      expect(isValidIban(iban)).toBe(false);
    },
  );
});

describe('normalisation helpers', () => {
  it('reference keys ignore case, separators and leading zeros', () => {
    expect(referenceKey('INV-2024/00123')).toBe('INV2024123');
    expect(referenceKey('inv 2024 123')).toBe('INV2024123');
    expect(referenceKey('000')).toBe('0');
    expect(digitsKey('INV-0104233')).toBe('104233');
    expect(digitsKey('INV-12')).toBe('');
  });

  it('name similarity ignores legal forms and case', () => {
    expect(nameSimilarity('ACME Trading GmbH', 'Acme Trading')).toBe(1);
    expect(nameSimilarity('ACME Trading GmbH', 'Globex Logistics SA')).toBe(0);
    expect(nameSimilarity('M\u00fcller & S\u00f6hne', 'MULLER SOHNE KG')).toBe(1);
  });

  it('decimal parsing is exact and refuses excess precision', () => {
    expect(parseDecimalMinor('1234,5', 2, ',')).toBe(123450);
    expect(parseDecimalMinor('0.1', 2)).toBe(10);
    expect(parseDecimalMinor('18.150', 2)).toBe(1815);
    expect(parseDecimalMinor('1.005', 2)).toMatch(/fraction digits/);
    expect(parseDecimalMinor('1e5', 2)).toMatch(/not a decimal/);
    expect(parseDecimalMinor('99999999999999999', 2)).toMatch(/too large/);
  });

  it('FX conversion uses exact integers with half-even rounding', () => {
    expect(convertMinor(10000, 'USD', 'JPY', '151.5')).toBe(15150);
    expect(convertMinor(108000, 'USD', 'EUR', '0.9250')).toBe(99900);
    expect(convertMinor(1, 'EUR', 'USD', '0.5')).toBe(0);
    expect(convertMinor(3, 'EUR', 'USD', '0.5')).toBe(2);
    expect(convertMinor(1000, 'EUR', 'BHD', '0.41')).toBe(4100);
  });
});
