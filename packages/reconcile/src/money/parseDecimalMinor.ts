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
  const fast = decimalMinorIn(text, 0, text.length, exponent, decimalSeparator === '.' ? 46 : 44);
  if (fast !== undefined) return fast;
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

/**
 * The common shape (`[+-]digits[sep digits]`, no blanks, at most 15 significant digits, surplus
 * fraction digits all zero) read from `s` between `start` and `end` with integer arithmetic in one
 * pass, `sep` being the separator's character code; `undefined` for anything else, which
 * {@link parseDecimalMinor} then reads (and words the error for). Parsers that have already found
 * where an amount is call it on that range, so the amount is never cut out as a string of its own.
 *
 * @example
 * ```ts
 * decimalMinorIn('C100,50NTRF', 1, 7, 2, 44); // 10050
 * ```
 */
export function decimalMinorIn(
  s: string,
  start: number,
  end: number,
  exponent: number,
  sep: number,
): number | undefined {
  const n = end;
  let i = start;
  let sign = 1;
  const c0 = start < end ? s.charCodeAt(start) : -1;
  if (c0 === 45 || c0 === 43) {
    if (c0 === 45) sign = -1;
    i = start + 1;
  }
  let value = 0;
  let significant = 0;
  let wholeDigits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === sep) break;
    if (c < 48 || c > 57) return undefined;
    wholeDigits++;
    if (significant > 0 || c !== 48) {
      significant++;
      value = value * 10 + (c - 48);
    }
  }
  if ((significant === 0 ? 1 : significant) + exponent > 15) return undefined;
  let fracDigits = 0;
  if (i < n) {
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      if (fracDigits < exponent) value = value * 10 + (c - 48);
      else if (c !== 48) return undefined;
      fracDigits++;
    }
  }
  if (wholeDigits === 0 && fracDigits === 0) return undefined;
  for (let k = fracDigits; k < exponent; k++) value *= 10;
  return sign * value === 0 ? 0 : sign * value;
}
