/**
 * Converts a decimal amount string to integer minor units without floating point. Accepts `.`
 * or `,` as the decimal separator (`decimalSeparator`), optional sign, no thousands separators.
 * Extra fraction digits are allowed only when they are zeros (`18.150` EUR is 1815). Returns a
 * string describing the problem instead of throwing, so each parser can raise its own located
 * error.
 *
 * @example
 * ```ts
 * parseDecimalMinor('1234,5', 2, ','); // 123450
 * parseDecimalMinor('1.005', 2, '.');  // 'has more than 2 fraction digits'
 * ```
 */
export function parseDecimalMinor(
  text: string,
  exponent: number,
  decimalSeparator: '.' | ',' = '.',
): number | string {
  const s = text.trim();
  // Literal patterns, compiled once: this runs for every amount of every statement line.
  const m = (decimalSeparator === '.' ? /^([+-]?)(\d*)(?:\.(\d*))?$/ : /^([+-]?)(\d*)(?:,(\d*))?$/).exec(s);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === ''))
    return `is not a decimal amount: "${s.slice(0, 40)}"`;
  const sign = m[1] === '-' ? -1 : 1;
  const whole = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  let frac = m[3] ?? '';
  if (frac.length > exponent) {
    if (!/^0*$/.test(frac.slice(exponent))) return `has more than ${exponent} fraction digits: "${s}"`;
    frac = frac.slice(0, exponent);
  }
  const digits = whole + frac.padEnd(exponent, '0');
  if (digits.length > 15) return `is too large: "${s}"`;
  const value = Number.parseInt(digits, 10);
  if (!Number.isSafeInteger(value)) return `is too large: "${s}"`;
  return sign * value === 0 ? 0 : sign * value;
}
