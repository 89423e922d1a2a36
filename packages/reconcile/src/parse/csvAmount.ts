// Reads a CSV amount exactly, refusing anything whose separators could mean two different sums.
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';

/**
 * Turns a CSV amount into signed minor units, or a string saying why not. The decimal separator
 * is the caller's; the other of `.`/`,` (and space, no-break space, `'`) may only group thousands
 * in well-formed groups of three (`1,234,567.89`), so `"1,50"` with a `.` decimal separator and
 * `"1,2,3,4"` are refused as ambiguous instead of becoming 150.00 and 1234.00. A leading `-`/`+`
 * or parentheses give the sign.
 *
 * @example
 * ```ts
 * csvAmount('1.234,50', ',', 2); // 123450
 * csvAmount('1,50', '.', 2);     // 'is ambiguous: ...'
 * ```
 */
export function csvAmount(raw: string, decimalSeparator: '.' | ',', exponent: number): number | string {
  let s = raw.trim();
  let negative = false;
  // Only a cell that starts with '(' can be parenthesised: skip the regex for all others.
  const paren = s.charCodeAt(0) === 40 ? /^\((.*)\)$/.exec(s) : null;
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    if (paren) return `is not a decimal amount: "${raw.slice(0, 40)}" (two signs)`;
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  const dec = decimalSeparator;
  const fast = plainAmount(s, dec === '.' ? 46 : 44, exponent);
  if (fast !== undefined) return negative && fast !== 0 ? -fast : fast;
  const parts = s.split(dec);
  if (parts.length > 2) return `is not a decimal amount: "${raw.slice(0, 40)}" (more than one "${dec}")`;
  const [whole = '', frac] = parts;
  if (frac !== undefined && !/^\d*$/.test(frac))
    return `is ambiguous: "${raw.slice(0, 40)}" has a separator after the decimal separator "${dec}"`;
  let digits = whole;
  if (!/^\d*$/.test(whole)) {
    // Grouped thousands: one grouping character, groups of exactly three after the first.
    const m = /^\d{1,3}(?:([,. '\u00a0])\d{3})(?:\1\d{3})*$/.exec(whole);
    if (!m || m[1] === dec) {
      return `is ambiguous: "${raw.slice(0, 40)}" with decimal separator "${dec}" (a "${dec === '.' ? ',' : '.'}" that is not thousands grouping); fix the file or the decimalSeparator option`;
    }
    digits = whole.split(m[1] ?? '').join('');
  }
  if (digits === '' && (frac === undefined || frac === ''))
    return `is not a decimal amount: "${raw.slice(0, 40)}"`;
  const v = parseDecimalMinor(frac === undefined ? digits : `${digits}.${frac}`, exponent, '.');
  if (typeof v === 'string') return v;
  return negative && v !== 0 ? -v : v;
}

/**
 * The common amounts (`1234,56`, `1.234,56`, `1 234.5`) read in one pass over the characters, with
 * the same rules as the general path below: one grouping character, groups of three after the
 * first, digits after the decimal separator. Anything else (or anything that might not fit)
 * gives `undefined` and takes the general path, which also words the errors.
 */
function plainAmount(s: string, dec: number, exponent: number): number | undefined {
  const n = s.length;
  let value = 0;
  let digits = 0;
  let group = -1;
  let run = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      run++;
      continue;
    }
    if (c === dec) break;
    // , . space ' no-break space: a grouping character, the same one throughout.
    if (c !== 44 && c !== 46 && c !== 32 && c !== 39 && c !== 160) return undefined;
    if (group === -1) {
      if (run < 1 || run > 3) return undefined;
      group = c;
    } else if (c !== group || run !== 3) return undefined;
    run = 0;
  }
  if (digits === 0 || (group !== -1 && run !== 3)) return undefined;
  let frac = 0;
  if (i < n) {
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57 || frac >= exponent) return undefined;
      value = value * 10 + (c - 48);
      frac++;
    }
    if (frac === 0) return undefined;
  }
  if (digits + exponent > 15) return undefined;
  for (; frac < exponent; frac++) value *= 10;
  return value;
}
