import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDuplicateIndex,
  invoiceFingerprint,
  invoiceFingerprints,
  joinedInvoiceNumber,
  normaliseInvoiceNumber,
  scoreDuplicate,
} from '../src/index.js';

const base = {
  invoiceId: 'a',
  invoiceNumber: 'INV-100',
  supplierQuid: 's',
  buyerQuid: 'b',
  amountMinor: 50_000,
  issuedAt: 0,
};

describe('invoice-number normalisation and fingerprints', () => {
  it('invoiceFingerprints gives a registry both forms of a number whose digit runs a separator splits', () => {
    expect(invoiceFingerprints({ ...base, invoiceNumber: 'INV-2026-0100' })).toEqual([
      'INV2026100|s|b|50000|0',
      'INV20260100|s|b|50000|0',
    ]);
    // One form when nothing splits a digit run: the joined form is the fingerprint itself.
    expect(invoiceFingerprints({ ...base, invoiceNumber: 'INV-20260100' })).toEqual([
      'INV20260100|s|b|50000|0',
    ]);
    expect(invoiceFingerprints(base)).toEqual([invoiceFingerprint(base)]);
  });

  it('every number with the same letters and digits shares one fingerprint among its forms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('0', '1', '7', 'A'), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('', '-', '/', ' ', ','), { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom('', '-', '.', '#'), { minLength: 8, maxLength: 8 }),
        (chars, sepA, sepB) => {
          const a = chars.map((c, k) => `${sepA[k]}${c}`).join('');
          const b = chars.map((c, k) => `${sepB[k]}${c}`).join('');
          const fa = invoiceFingerprints({ ...base, invoiceNumber: a });
          const fb = invoiceFingerprints({ ...base, invoiceNumber: b });
          expect([a, b, fa.some((f) => fb.includes(f))]).toEqual([a, b, true]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('case-folds, drops separators and leading zeros per digit run', () => {
    expect(normaliseInvoiceNumber('00234')).toBe('234');
    expect(normaliseInvoiceNumber('inv-00234')).toBe('INV234');
    expect(normaliseInvoiceNumber(' INV 234 ')).toBe('INV234');
    expect(normaliseInvoiceNumber('INV-2026-0100')).toBe(normaliseInvoiceNumber('inv 2026/00100'));
    expect(normaliseInvoiceNumber('A.0')).toBe('A0');
    expect(normaliseInvoiceNumber('INV-2026-0100')).not.toBe(normaliseInvoiceNumber('INV-2026-0101'));
  });
  it('fingerprint = number | supplier | buyer | amount | UTC day', () => {
    expect(invoiceFingerprint({ ...base, issuedAt: 86_399 })).toBe('INV100|s|b|50000|0');
    expect(invoiceFingerprint({ ...base, issuedAt: 86_400 })).toBe('INV100|s|b|50000|1');
  });
  it('scores containment, transposition and shared documents; sequential numbers score nothing', () => {
    expect(scoreDuplicate(base, { ...base, invoiceId: 'b', invoiceNumber: 'INV-100-B' }).rules).toContain(
      'number-contained',
    );
    expect(
      scoreDuplicate(
        { ...base, invoiceNumber: 'INV-1234' },
        { ...base, invoiceId: 'b', invoiceNumber: 'INV-1243' },
      ).rules,
    ).toContain('number-transposed');
    const seq = scoreDuplicate(
      { ...base, invoiceNumber: 'INV-1234' },
      { ...base, invoiceId: 'b', invoiceNumber: 'INV-1235' },
    );
    expect(seq.rules.filter((r) => r.startsWith('number'))).toEqual([]);
    expect(
      scoreDuplicate(
        { ...base, documentRefs: ['BOL-1'] },
        { ...base, invoiceId: 'b', invoiceNumber: 'Z', documentRefs: ['BOL-1'] },
      ).rules,
    ).toContain('shared-document');
  });
  it('the index finds exact hits first and respects the window', () => {
    const index = createDuplicateIndex([
      {
        ...base,
        invoiceId: 'old-near',
        invoiceNumber: 'INV-100',
        amountMinor: 50_100,
        issuedAt: 10 * 86_400,
      },
      { ...base, invoiceId: 'old-exact', invoiceNumber: 'inv 0100' },
      // A look-alike number (contained) and the same amount, but 400 days away: outside the window.
      { ...base, invoiceId: 'old-far', invoiceNumber: 'INV-100A', issuedAt: 400 * 86_400 },
    ]);
    const hits = index.find(base, 90 * 86_400, 4);
    expect(hits.map((h) => [h.invoiceId, h.exact])).toEqual([
      ['old-exact', true],
      ['old-near', false],
    ]);
    expect(index.find(base, 90 * 86_400, 4).map((h) => h.invoiceId)).not.toContain('a');
  });

  it('the same number is found whatever its date (re-dating), a look-alike only inside the window', () => {
    const index = createDuplicateIndex([
      { ...base, invoiceId: 'same-number-far', issuedAt: 400 * 86_400, amountMinor: 1 },
      { ...base, invoiceId: 'lookalike-far', invoiceNumber: 'INV-100A', issuedAt: 400 * 86_400 },
    ]);
    expect(index.find(base, 90 * 86_400, 4).map((h) => h.invoiceId)).toEqual(['same-number-far']);
  });
});

describe('joinedInvoiceNumber: digit runs joined across separators', () => {
  it('INV-2026-0100 and INV-20260100 are one number, which normaliseInvoiceNumber keeps apart', () => {
    expect(joinedInvoiceNumber('INV-2026-0100')).toBe('INV20260100');
    expect(joinedInvoiceNumber('inv 20260100')).toBe('INV20260100');
    expect(normaliseInvoiceNumber('INV-2026-0100')).not.toBe(normaliseInvoiceNumber('INV-20260100'));
  });

  it('separators inserted anywhere do not change the joined number (random numbers)', () => {
    const char = fc.constantFrom(...'AB019Z0'.split(''));
    const sep = fc.constantFrom(' ', '-', '/', '.', '_', '#', '\u2013');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(char, fc.option(sep, { nil: undefined })), { maxLength: 12 }),
        (parts) => {
          const plain = parts.map(([c]) => c).join('');
          const separated = parts.map(([c, s]) => c + (s ?? '')).join('');
          expect(joinedInvoiceNumber(separated)).toBe(joinedInvoiceNumber(plain));
          expect(joinedInvoiceNumber(plain)).toBe(normaliseInvoiceNumber(plain));
        },
      ),
    );
  });
});
