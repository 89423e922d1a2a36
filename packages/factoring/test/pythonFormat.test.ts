import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCentsPython,
  formatFixedPython,
  pythonFloatRepr,
  scaledPython,
} from '../src/math/pythonFormat.js';

describe('Python float formatting for proof-of-concept messages', () => {
  it('breaks exact binary ties half to even, unlike toFixed', () => {
    expect((0.125).toFixed(2)).toBe('0.13');
    expect(formatFixedPython(0.125, 2)).toBe('0.12');
    expect(formatFixedPython(0.375, 2)).toBe('0.38');
    expect(formatFixedPython(2.5, 0)).toBe('2');
    expect(formatFixedPython(0.0005, 3)).toBe('0.001'); // not an exact tie in binary
  });
  it('matches CPython on the proof-of-concept figures', () => {
    expect(formatFixedPython(1 - (0.7 * 0.81 + 0.3 * 0.765), 3)).toBe('0.204');
    expect(formatFixedPython(0.030350000000000002 * 100, 2)).toBe('3.04');
    expect(formatFixedPython(4_848_250 / 100, 2)).toBe('48482.50');
    expect(formatFixedPython(-0.125, 2)).toBe('-0.12');
  });
  it('repr: .0 on integers, exponent below 1e-4', () => {
    expect(pythonFloatRepr(0.5)).toBe('0.5');
    expect(pythonFloatRepr(1)).toBe('1.0');
    expect(pythonFloatRepr(0.00001)).toBe('1e-05');
    expect(pythonFloatRepr(1.5e-7)).toBe('1.5e-07');
    expect(pythonFloatRepr(1e16)).toBe('1e+16');
  });
});

/**
 * Python's `'%.{d}f' % x`, computed exactly: the double's binary value as a BigInt fraction, rounded
 * half to even at `d` decimals (the reference the fast formatter is checked against).
 */
function exactPythonFixed(x: number, d: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const e2 = (exp === 0 ? 1 : exp) - 1075; // x = mant * 2^e2
  // x * 10^d = num / den exactly.
  let num = mant * 10n ** BigInt(d);
  let den = 1n;
  if (e2 >= 0) num <<= BigInt(e2);
  else den <<= BigInt(-e2);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(d + 1, '0');
  const body = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
  return (negative ? '-' : '') + body;
}

describe('finding 7: PoC message amounts round half to even like Python for every safe integer', () => {
  it('an offer of about 2^46 cents ending in .625 rounds to .62, as Python prints it', () => {
    // Above 2^46 a double's step is 1/128, so .625 is an exact tie; Python keeps the even .62.
    const cents = 2 ** 46 * 100 + 7_862;
    const x = cents / 100;
    expect(formatFixedPython(x, 2)).toBe(exactPythonFixed(x, 2));
    expect(formatFixedPython(70_368_744_177_678.625, 2)).toBe('70368744177678.62');
    expect(formatFixedPython(70_368_744_177_678.375, 2)).toBe('70368744177678.38');
  });

  it('agrees with an exact decimal reference on offer/100 for random safe-integer offers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const x = cents / 100;
        expect(formatFixedPython(x, 2)).toBe(exactPythonFixed(x, 2));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on exact binary ties (k + 1/8) across the whole safe range and at 0..3 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 49 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (k, eighths, d, neg) => {
          const x = (neg ? -1 : 1) * (k + eighths / 8);
          expect(formatFixedPython(x, d)).toBe(exactPythonFixed(x, d));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees on trust levels and discounts at three decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => {
        expect(formatFixedPython(t, 3)).toBe(exactPythonFixed(t, 3));
        expect(formatFixedPython(t * 100, 2)).toBe(exactPythonFixed(t * 100, 2));
      }),
      { numRuns: 20_000 },
    );
  });

  it('prints integer cents exactly as Python prints cents / 100 with %.2f, at every size', () => {
    expect(formatCentsPython(4_848_250)).toBe('48482.50');
    expect(formatCentsPython(7)).toBe('0.07');
    expect(formatCentsPython(0)).toBe('0.00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (c) => {
        expect(formatCentsPython(c)).toBe(formatFixedPython(c / 100, 2));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 42, max: 2 ** 44 }), (c) => {
        expect(formatCentsPython(c)).toBe(formatFixedPython(c / 100, 2));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('the scaled-integer fast path at 0..3 decimals', () => {
  /** The next double above (`up`) or below a positive finite x. */
  function step(x: number, up: boolean): number {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    view.setBigUint64(0, view.getBigUint64(0) + (up ? 1n : -1n));
    return view.getFloat64(0);
  }

  it('gives the integer Python prints, or -1 where only the exact path can tell', () => {
    expect(scaledPython(0.765, 3)).toBe(765);
    expect(scaledPython(1, 3)).toBe(1_000);
    expect(scaledPython(0.9996, 3)).toBe(1_000);
    // 0.0005 is a little above the half in binary but scales to exactly 0.5: the exact path says 0.001.
    expect(scaledPython(0.0005, 3)).toBe(-1);
    expect(scaledPython(0.125, 2)).toBe(-1); // an exact tie
    expect(scaledPython(-0, 3)).toBe(-1); // Python prints '-0.000'
    expect(scaledPython(-0.5, 3)).toBe(-1);
    expect(scaledPython(Number.NaN, 3)).toBe(-1);
    expect(scaledPython(2 ** 30 / 1_000, 3)).toBe(-1);
    expect(formatFixedPython(-0, 3)).toBe('-0.000');
  });

  it('agrees with the exact reference next to every half, where a scaled product is closest to a tie', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 29 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -3, max: 3 }),
        (k, d, ulps) => {
          let x = (k + 0.5) / 10 ** d;
          for (let i = 0; i < Math.abs(ulps) && x > 0; i++) x = step(x, ulps > 0);
          expect(formatFixedPython(x, d)).toBe(exactPythonFixed(x, d));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the exact reference on doubles of every size around its 2^30 limit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 ** 31, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        (x, d) => {
          expect(formatFixedPython(x, d)).toBe(exactPythonFixed(x, d));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
