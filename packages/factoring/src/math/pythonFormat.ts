// Python's float formatting, for the proof-of-concept messages. `%.Nf` rounds the exact binary
// value and breaks exact ties half-to-even; JS `toFixed` breaks them upward.

/**
 * Python `'%.{digits}f' % x` (digits 0..20) for every finite double below 1e21. Python rounds the
 * exact binary value and breaks exact ties half to even; JS `toFixed` rounds the exact value too
 * but breaks ties upward, so only exact ties need care. `x` is a tie at `d` decimals exactly when
 * `x * 2^(d+1)` is an odd integer (a tie is `j / (2 * 10^d)` with `j` odd, and a double is a dyadic
 * rational, so `5^d` must divide `j`); multiplying by a power of two is exact, so the test is too.
 *
 * @example
 * ```ts
 * formatFixedPython(0.125, 2); // '0.12' (toFixed gives '0.13')
 * formatFixedPython(70_368_744_177_678.625, 2); // '70368744177678.62'
 * ```
 */
export function formatFixedPython(x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x.toFixed(digits);
  const a = Math.abs(x);
  const t = a * 2 ** (digits + 1);
  if (!Number.isInteger(t) || t % 2 !== 1) {
    const s = x.toFixed(digits);
    // Python keeps the sign of a negative zero ('-0.00'); toFixed drops it.
    return Object.is(x, -0) ? `-${s}` : s;
  }
  // Exact tie: a * 10^d = t * 5^d / 2 = n + 1/2 with n = (t * 5^d - 1) / 2; keep the even one of
  // n and n + 1. BigInt, because t * 5^d can pass 2^53 (this path is rare).
  const n = (BigInt(t) * 5n ** BigInt(digits) - 1n) / 2n;
  const kept = (n % 2n === 0n ? n : n + 1n).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? kept : `${kept.slice(0, -digits)}.${kept.slice(-digits)}`;
  return x < 0 ? `-${body}` : body;
}

/**
 * Python `str(float)` (`repr`): shortest round-trip digits, `.0` on integers, exponent form
 * below 1e-4 or from 1e16.
 *
 * @example
 * ```ts
 * pythonFloatRepr(0.5); // '0.5'
 * pythonFloatRepr(1); // '1.0'
 * ```
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    const [mant, exp] = x.toExponential().split('e') as [string, string];
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
}

/**
 * Python `'%.3f' % x`: how the engine's messages print trust levels and fraud scores.
 *
 * @example
 * ```ts
 * f3(0.765); // '0.765'
 * ```
 */
export function f3(x: number): string {
  return formatFixedPython(x, 3);
}
