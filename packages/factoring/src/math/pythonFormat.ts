// Python's float formatting, for the proof-of-concept messages. `%.Nf` rounds the exact binary
// value and breaks exact ties half-to-even; JS `toFixed` breaks them upward.

/**
 * Python `'%.{digits}f' % x` (digits 0..20) for every finite double below 1e21. Python rounds the
 * exact binary value and breaks exact ties half to even; JS `toFixed` rounds the exact value too
 * but breaks ties upward, so only exact ties need care. `x` is a tie at `d` decimals exactly when
 * `x * 2^(d+1)` is an odd integer (a tie is `j / (2 * 10^d)` with `j` odd, and a double is a dyadic
 * rational, so `5^d` must divide `j`); multiplying by a power of two is exact, so the test is too.
 * At 0..3 decimals most values (trust levels, discounts, cents) take {@link scaledPython}'s integer
 * instead, with no float formatting at all.
 *
 * @example
 * ```ts
 * formatFixedPython(0.125, 2); // '0.12' (toFixed gives '0.13')
 * formatFixedPython(70_368_744_177_678.625, 2); // '70368744177678.62'
 * ```
 */
export function formatFixedPython(x: number, digits: number): string {
  if (digits === 3 || digits === 2 || digits === 1 || digits === 0) {
    const n = scaledPython(x, digits);
    if (n >= 0) return fixedOf(n, digits);
  }
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

const POW10 = [1, 10, 100, 1_000] as const;
// Rounding to the nearest double is monotone and k + 1/2 is a double below 2^52, so a computed
// x * 10^d on one side of a half has its exact value on the same side (or on the half): only a
// product of exactly k + 1/2 is in doubt. 2^30 keeps the scaled integer small.
const SCALED_LIMIT = 2 ** 30;

/**
 * The integer Python's `'%.{digits}f' % x` prints, scaled by 10^digits (digits 0..3): for a
 * non-negative x (not -0) with x * 10^digits below 2^30 that does not scale to exactly a half;
 * -1 otherwise (then only {@link formatFixedPython}'s exact path can tell). The printed
 * text is a function of this integer, so it can key a memo of formatted messages.
 *
 * @example
 * ```ts
 * scaledPython(0.765, 3); // 765
 * scaledPython(0.125, 2); // -1 (an exact tie)
 * ```
 */
export function scaledPython(x: number, digits: 0 | 1 | 2 | 3): number {
  if (!(x >= 0) || Object.is(x, -0)) return -1;
  const p = x * POW10[digits];
  if (!(p < SCALED_LIMIT)) return -1;
  const whole = Math.floor(p);
  const frac = p - whole; // exact
  if (frac === 0.5) return -1;
  return frac > 0.5 ? whole + 1 : whole;
}

// '00'..'99' and '000'..'999': the decimals of a scaled integer, built once.
const DECIMALS: readonly (readonly string[])[] = [
  [],
  Array.from({ length: 10 }, (_, i) => String(i)),
  Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')),
  Array.from({ length: 1_000 }, (_, i) => String(i).padStart(3, '0')),
];

/** `n / 10^digits` printed with `digits` decimals (n a non-negative integer, digits 0..3). */
function fixedOf(n: number, digits: 0 | 1 | 2 | 3): string {
  if (digits === 0) return String(n);
  const scale = POW10[digits];
  const r = n % scale;
  return `${(n - r) / scale}.${(DECIMALS[digits] as readonly string[])[r]}`;
}

// Below 2^43 cents, cents / 100 is within 2^-17 of its two-decimal value, so '%.2f' prints exactly
// the integer's digits (no tie is that close); above, the double itself is printed.
const EXACT_CENTS = 2 ** 43;

/**
 * Python `'%.2f' % (cents / 100)` for an integer number of cents, without float formatting when
 * the result is exact (every amount below 2^43 cents); the general {@link formatFixedPython}
 * otherwise.
 *
 * @example
 * ```ts
 * formatCentsPython(4_848_250); // '48482.50'
 * ```
 */
export function formatCentsPython(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents >= EXACT_CENTS) {
    return formatFixedPython(cents / 100, 2);
  }
  return fixedOf(cents, 2);
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
