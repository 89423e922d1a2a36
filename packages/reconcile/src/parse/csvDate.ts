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
