// Python's float formatting, for the proof-of-concept messages. `%.Nf` rounds the exact binary
// value and breaks exact ties half-to-even; JS `toFixed` breaks them upward.

/**
 * Python `'%.{digits}f' % x`.
 *
 * @example
 * ```ts
 * formatFixedPython(0.125, 2); // '0.12' (toFixed gives '0.13')
 * ```
 */
export function formatFixedPython(x: number, digits: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x.toFixed(digits);
  const rounded = x.toFixed(digits);
  // Only a value within a hair of a half-way point can be an exact tie; skip the costly check otherwise.
  const scaled = Math.abs(x) * 10 ** digits;
  if (scaled >= 1e12 || Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) return rounded;
  // toFixed(100) is the exact decimal value for every double in this package's range.
  const exact = Math.abs(x).toFixed(100);
  const dot = exact.indexOf('.');
  const cut = dot + 1 + digits;
  const tail = exact.slice(cut);
  if (tail[0] !== '5' || !/^50*$/.test(tail)) return rounded;
  const kept = digits === 0 ? exact.slice(0, dot) : exact.slice(0, cut);
  const last = kept.charCodeAt(kept.length - 1) - 48;
  if (last % 2 === 1) return rounded;
  const sign = x < 0 && /[1-9]/.test(kept) ? '-' : x < 0 ? '-' : '';
  return sign + kept;
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
