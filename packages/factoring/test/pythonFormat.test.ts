import { describe, expect, it } from 'vitest';
import { formatFixedPython, pythonFloatRepr } from '../src/index.js';

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
