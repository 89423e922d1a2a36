// The parsers keep the last date they accepted (statement lines come many per day): a date read
// again must give the same day, and a bad date right after good ones must still be refused.
import { describe, expect, it } from 'vitest';
import { parseCamt, parseCsv } from '../../src/index.js';
import { calendarDate, isoCalendarDate } from '../../src/parse/calendarDate.js';
import { parseError } from '../support/parseError.js';
import { camt053, camtBalance, camtEntry } from '../support/statementText.js';

const where = { path: 'x', line: 1 };

describe('repeated dates', () => {
  it('an empty or garbage date is refused even as the very first date read', () => {
    expect(() => isoCalendarDate('', 'camt', where)).toThrow(/is not an ISO date/);
    expect(() => calendarDate('', '', '', 'mt940', where)).toThrow(/does not exist/);
  });

  it('the same text gives the same day; an impossible day after it is still refused', () => {
    expect(isoCalendarDate('2026-03-02', 'camt', where)).toBe('2026-03-02');
    expect(isoCalendarDate('2026-03-02', 'camt', where)).toBe('2026-03-02');
    expect(() => isoCalendarDate('2026-02-30', 'camt', where)).toThrow(/does not exist/);
    expect(() => isoCalendarDate('2026-02-30', 'camt', where)).toThrow(/does not exist/);
    expect(calendarDate('2026', '02', '28', 'mt940', where)).toBe('2026-02-28');
    expect(calendarDate('2026', '02', '28', 'mt940', where)).toBe('2026-02-28');
    expect(() => calendarDate('2026', '02', '29', 'mt940', where)).toThrow(/does not exist/);
    expect(calendarDate('2024', '02', '29', 'mt940', where)).toBe('2024-02-29');
  });

  it('camt: entries on one day, then one on Feb 30, fail at that entry', () => {
    const entries = [camtEntry({ booked: '2026-03-02' }), camtEntry({ booked: '2026-03-02' })];
    const balances = `${camtBalance('OPBD', '1000.00')}${camtBalance('CLBD', '1200.00')}`;
    expect(
      parseCamt(camt053({ entries, balances })).statements[0]?.transactions.map((t) => t.bookingDate),
    ).toEqual(['2026-03-02', '2026-03-02']);
    const e = parseError(() =>
      parseCamt(camt053({ entries: [...entries, camtEntry({ booked: '2026-02-30' })], balances })),
    );
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location.path).toMatch(/Ntry\[2\]\/BookgDt\/Dt$/);
  });

  it('CSV: rows on one day, a value date equal to it, then Feb 30 in the next row, located there', () => {
    const options = { currency: 'EUR', columns: { date: 'D', valueDate: 'V', amount: 'A' } };
    const ok = 'D,V,A\n2026-03-02,2026-03-02,1.00\n2026-03-02,2026-03-03,2.00\n';
    const rows = parseCsv(ok, options).statements[0]?.transactions ?? [];
    expect(rows.map((t) => [t.bookingDate, t.valueDate])).toEqual([
      ['2026-03-02', '2026-03-02'],
      ['2026-03-02', '2026-03-03'],
    ]);
    const e = parseError(() => parseCsv(`${ok}2026-02-30,2026-03-02,3.00\n`, options));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location).toMatchObject({ path: 'date', line: 4 });
  });
});
