// Reads a CSV date in the caller's layout, refusing days that do not exist.
import { StatementParseError } from '../errors/StatementParseError.js';
import { calendarDate } from './calendarDate.js';

/**
 * `YYYY-MM-DD` from a cell in `format` (`DD.MM.YYYY`, `MM/DD/YYYY`, ...); a two-digit year is
 * 20YY. A day that does not exist or a cell in another layout is a located error.
 *
 * @example
 * ```ts
 * csvDate('02.03.2026', 'DD.MM.YYYY', { path: 'date', line: 2 }); // '2026-03-02'
 * ```
 */
export function csvDate(
  v: string | undefined,
  format: string,
  where: { path: string; line: number; column?: number },
): string | undefined {
  if (v === undefined) return undefined;
  const fast = fixedWidthDate(v, format);
  if (fast !== undefined) {
    try {
      return calendarDate(fast.slice(0, 4), fast.slice(4, 6), fast.slice(6, 8), 'csv', where);
    } catch {
      throw new StatementParseError(
        'INVALID_DATE',
        'csv',
        where,
        `date "${v}" does not match ${format}: that day does not exist on the calendar`,
      );
    }
  }
  const parts = v.split(/[-./]/);
  const [a = '', b = '', c = ''] = parts;
  let y: string;
  let mo: string;
  let d: string;
  if (format === 'YYYY-MM-DD') [y, mo, d] = [a, b, c];
  else if (format === 'MM/DD/YYYY') [y, mo, d] = [c, a, b];
  else [y, mo, d] = [c, b, a];
  if (y.length === 2) y = `20${y}`;
  mo = mo.padStart(2, '0');
  d = d.padStart(2, '0');
  if (parts.length !== 3 || !/^\d{4}$/.test(y) || !/^\d{2}$/.test(mo) || !/^\d{2}$/.test(d)) {
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'csv',
      where,
      `date "${v}" does not match ${format}`,
    );
  }
  try {
    return calendarDate(y, mo, d, 'csv', where);
  } catch {
    throw new StatementParseError(
      'INVALID_DATE',
      'csv',
      where,
      `date "${v}" does not match ${format}: that day does not exist on the calendar`,
    );
  }
}

const isSep = (c: number): boolean => c === 45 || c === 46 || c === 47;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The common case, read without splitting: ten characters, digits with a `-`, `.` or `/` where
 * `format` puts its separators. Returns `YYYYMMDD`, or `undefined` for anything else (which the
 * general path reads as before).
 */
function fixedWidthDate(v: string, format: string): string | undefined {
  if (v.length !== 10) return undefined;
  const iso = format === 'YYYY-MM-DD';
  const s1 = iso ? 4 : 2;
  const s2 = iso ? 7 : 5;
  for (let i = 0; i < 10; i++) {
    const c = v.charCodeAt(i);
    if (i === s1 || i === s2 ? !isSep(c) : !isDigit(c)) return undefined;
  }
  if (iso) return v.slice(0, 4) + v.slice(5, 7) + v.slice(8, 10);
  if (format === 'MM/DD/YYYY') return v.slice(6, 10) + v.slice(0, 2) + v.slice(3, 5);
  return v.slice(6, 10) + v.slice(3, 5) + v.slice(0, 2);
}
