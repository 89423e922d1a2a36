// sortSmall must order exactly as the built-in sort (stable) at every length, below and above its
// insertion-sort threshold: decisions' reason lists and stream facts are ranked with it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall } from '../src/math/sortSmall.js';

describe('sortSmall', () => {
  it('gives the built-in stable sort order for any list (ties keep their input order)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.integer({ min: 0, max: 5 }), i: fc.nat() }), { maxLength: 40 }),
        (xs) => {
          const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;
          const expected = [...xs].sort(byKey);
          const list = [...xs];
          expect(sortSmall(list, byKey)).toBe(list);
          expect(list).toEqual(expected);
        },
      ),
    );
  });
});
