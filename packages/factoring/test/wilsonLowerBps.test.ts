import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonLowerBps } from '../src/math/wilsonLowerBps.js';

describe('wilsonLowerBps: the low end of a thin sample rate', () => {
  it('never above the observed rate, never below 0, and 0 for no sample', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (rate, n) => {
        const low = wilsonLowerBps(rate, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(low).toBeLessThanOrEqual(rate);
        expect(Number.isInteger(low)).toBe(true);
      }),
    );
    expect(wilsonLowerBps(10_000, 0)).toBe(0);
  });

  it('rises with the rate and with the sample (more evidence of the same rate)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 1_000 }), (rate, n) => {
        expect(wilsonLowerBps(rate + 1, n)).toBeGreaterThanOrEqual(wilsonLowerBps(rate, n));
        expect(wilsonLowerBps(rate, n + 1)).toBeGreaterThanOrEqual(wilsonLowerBps(rate, n) - 1);
      }),
    );
  });

  it('separates the thin samples the dispute rule reads (limit 1,500 bps)', () => {
    expect(wilsonLowerBps(10_000, 4)).toBeGreaterThanOrEqual(1_500); // four of four disputed
    expect(wilsonLowerBps(10_000, 2)).toBeGreaterThanOrEqual(1_500); // two of two
    expect(wilsonLowerBps(5_000, 2)).toBeLessThan(1_500); // one of two
    expect(wilsonLowerBps(10_000, 1)).toBeLessThan(1_500); // the only invoice
  });
});
