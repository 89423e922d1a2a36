// Console tables and confidences of the examples: alignment and digits that are really there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatConfidence, textTable } from '../textTable.js';

describe('textTable', () => {
  it('aligns every column: each starts at the same offset on every line', () => {
    const lines = textTable(
      [{ header: 'Invoice' }, { header: 'Amount', align: 'right' }, { header: 'Status' }],
      [
        ['INV-1', '€12,480.00', 'AUTO'],
        ['INV-22', '€340.00', 'UNMATCHED'],
      ],
    );
    expect(lines).toEqual([
      'Invoice      Amount  Status',
      'INV-1    €12,480.00  AUTO',
      'INV-22      €340.00  UNMATCHED',
    ]);
  });

  it('any cells: a right-aligned column ends at the same offset on every line', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/\s/g, 'x'));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const lines = textTable([{ header: 'a' }, { header: 'b', align: 'right' }, { header: 'c' }], rows);
        // The right-aligned middle column ends at the same offset on every line.
        const end = lines[0]?.indexOf('b') ?? -1;
        for (const [i, row] of rows.entries()) {
          const line = lines[i + 1] ?? '';
          expect(line.slice(0, end + 1).endsWith(row[1])).toBe(true);
        }
      }),
    );
  });
});

describe('formatConfidence', () => {
  it('keeps the digits a confidence has instead of rounding 0.9989 up to "1.00"', () => {
    expect(formatConfidence(0.9989)).toBe('99.89 %');
    expect(formatConfidence(0.997)).toBe('99.70 %');
    expect(formatConfidence(0.9999)).toBe('99.99 %');
    expect(formatConfidence(0.99999)).toBe('99.99 %');
    expect(formatConfidence(1)).toBe('100.00 %');
    expect(formatConfidence(0)).toBe('0.00 %');
  });

  it('never shows 100.00 % for anything below 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (c) => {
        expect(formatConfidence(c)).not.toBe('100.00 %');
      }),
    );
  });
});
