// Turns year/month/day text into an ISO date only when that day exists on the calendar.
import { type SourceLocation, StatementParseError } from '../errors/StatementParseError.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The last day each function accepted. Statement lines come in date order, many per day, so most
// calls repeat the previous one's date; only dates that passed the checks are kept.
let lastDay: { year?: string; month?: string; day?: string; iso: string } = { iso: '' };
let lastIso: { text?: string; iso: string } = { iso: '' };

/** Is there a day `d` in month `m` of year `y` (Gregorian leap years)? */
function dayExists(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = m === 2 && leap ? 29 : (DAYS[m - 1] ?? 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= last;
}

/** Is `s` exactly `n` ASCII digits (what `/^\d{n}$/` says, without a regex per date part)? */
function isDigits(s: string, n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * `YYYY-MM-DD` for a day that exists, or a typed `INVALID_DATE` error located at `where`. Feb 30,
 * month 13 and day 00 are refused instead of rolling over (Date would turn Feb 30 into Mar 2).
 *
 * @example
 * ```ts
 * calendarDate('2026', '02', '28', 'mt940', { path: ':61:', line: 4 }); // '2026-02-28'
 * calendarDate('2026', '02', '30', 'mt940', { path: ':61:', line: 4 }); // throws INVALID_DATE
 * ```
 */
export function calendarDate(
  year: string,
  month: string,
  day: string,
  format: string,
  where: SourceLocation,
): string {
  const last0 = lastDay;
  if (year === last0.year && month === last0.month && day === last0.day) return last0.iso;
  const ok = isDigits(year, 4) && isDigits(month, 2) && isDigits(day, 2);
  if (!ok || !dayExists(Number(year), Number(month), Number(day))) {
    throw new StatementParseError(
      'INVALID_DATE',
      format,
      where,
      `date ${year}-${month}-${day} does not exist on the calendar`,
    );
  }
  const iso = `${year}-${month}-${day}`;
  lastDay = { year, month, day, iso };
  return iso;
}

// The last day calendarDay accepted, as year * 10000 + month * 100 + day, and its ISO text.
let lastNumeric = { key: -1, iso: '' };

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * {@link calendarDate} for a date already read as numbers (a four-digit year, month and day from
 * fixed-width digits): the same checks and the same error, with no text cut out per date part.
 *
 * @example
 * ```ts
 * calendarDay(2026, 2, 28, 'mt940', { path: ':61:', line: 4 }); // '2026-02-28'
 * ```
 */
export function calendarDay(
  year: number,
  month: number,
  day: number,
  format: string,
  where: SourceLocation,
): string {
  const key = year * 10000 + month * 100 + day;
  if (key === lastNumeric.key) return lastNumeric.iso;
  if (!dayExists(year, month, day)) {
    throw new StatementParseError(
      'INVALID_DATE',
      format,
      where,
      `date ${year}-${pad2(month)}-${pad2(day)} does not exist on the calendar`,
    );
  }
  const iso = `${year}-${pad2(month)}-${pad2(day)}`;
  lastNumeric = { key, iso };
  return iso;
}

/**
 * Reads an ISO date or date-time (`2026-03-02`, `2026-03-02T10:00:00+01:00`) and returns its
 * calendar date, refusing impossible days and anything that is not a date.
 *
 * @example
 * ```ts
 * isoCalendarDate('2026-03-02T10:00:00Z', 'camt.053', { path: 'Ntry[0]/BookgDt/DtTm' }); // '2026-03-02'
 * ```
 */
export function isoCalendarDate(text: string, format: string, where: SourceLocation): string {
  if (text === lastIso.text) return lastIso.iso;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:$|T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$|[+-]\d{2}:\d{2}$|Z$)/.exec(
      text,
    );
  if (!m) {
    throw new StatementParseError('INVALID_DATE', format, where, `"${text.slice(0, 40)}" is not an ISO date`);
  }
  const iso = calendarDate(m[1] ?? '', m[2] ?? '', m[3] ?? '', format, where);
  lastIso = { text, iso };
  return iso;
}
