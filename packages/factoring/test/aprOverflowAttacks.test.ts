// An APR past 2^53: a huge fee on a one-unit advance over one day is an APR of about 3.3 x 10^22
// bps. aprBps returned it as a float beyond the safe integers (rounded, not a whole-number figure a
// ledger or JSON consumer can trust). Every figure the engine outputs is a safe integer: an APR
// beyond Number.MAX_SAFE_INTEGER is reported as MAX_SAFE_INTEGER (at least that), never rounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aprBps } from '../src/index.js';

const MAX = Number.MAX_SAFE_INTEGER;
const exact = (fee: number, advance: number, days: number): bigint =>
  (BigInt(fee) * 3_650_000n) / (BigInt(advance) * BigInt(days));

describe('an APR beyond 2^53 (a huge fee on a tiny advance)', () => {
  it('a fee of 2^53 - 1 on a 1-unit advance for 1 day: MAX_SAFE_INTEGER, a safe integer, not a rounded float', () => {
    const apr = aprBps(MAX, 1, 1);
    expect(Number.isSafeInteger(apr)).toBe(true);
    expect(apr).toBe(MAX);
  });

  it('over extreme whole inputs, aprBps is always a safe integer: the exact floor when it is one, else MAX_SAFE_INTEGER', () => {
    const whole = fc.oneof(
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: MAX }),
      fc.constantFrom(MAX, MAX - 1, 2 ** 52, 2 ** 40, 1),
    );
    fc.assert(
      fc.property(whole, whole, whole, (fee, advance, days) => {
        const apr = aprBps(fee, advance, days);
        expect(Number.isSafeInteger(apr)).toBe(true);
        const e = advance === 0 || days === 0 ? 0n : exact(fee, advance, days);
        expect(apr).toBe(e > BigInt(MAX) ? MAX : Number(e));
      }),
      { numRuns: 2_000 },
    );
  });
});
