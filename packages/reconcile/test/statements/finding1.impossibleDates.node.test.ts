// Issue 13, finding 1: impossible dates were accepted by camt, MT940 and BAI2 (Feb 30 became
// Mar 2, 'not-a-date' became NaN downstream). Every parser must refuse them with a located error.
import { describe, expect, it } from 'vitest';
import { parseBai2, parseCamt, parseCsv, parseMt940 } from '../../src/index.js';
import { parseError } from '../support/parseError.js';
import { bai2, camt053, camtBalance, camtEntry, mt940 } from '../support/statementText.js';

const BAD_ISO = ['2026-02-30', '2026-13-01', '2026-01-00', '2026-99-99', 'not-a-date', '2026-2-3'];

describe('finding 1: impossible dates are refused with a located INVALID_DATE', () => {
  it.each(BAD_ISO)('camt booking date %s is refused, located at the entry', (d) => {
    const e = parseError(() => parseCamt(camt053({ entries: [camtEntry({ booked: d })] })));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location.path).toMatch(/Ntry\[0\]\/BookgDt\/Dt$/);
    expect(e.location.line).toBeGreaterThan(0);
  });

  it('camt value date as a DtTm with an impossible day is refused', () => {
    const xml = camt053().replace(
      '<ValDt><Dt>2026-03-02</Dt></ValDt>',
      '<ValDt><DtTm>2026-02-29T10:00:00Z</DtTm></ValDt>',
    );
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location.path).toMatch(/ValDt\/DtTm$/);
  });

  it('camt balance date Feb 30 is refused', () => {
    const xml = camt053({
      balances: `${camtBalance('OPBD', '1000.00', 'CRDT', 'EUR', '2026-02-30')}${camtBalance('CLBD', '1100.00')}`,
    });
    expect(parseError(() => parseCamt(xml)).code).toBe('INVALID_DATE');
  });

  it('a leap day is accepted in a leap year only', () => {
    const ok = parseCamt(camt053({ entries: [camtEntry({ booked: '2028-02-29' })] }));
    expect(ok.statements[0]?.transactions[0]?.bookingDate).toBe('2028-02-29');
    expect(
      parseError(() => parseCamt(camt053({ entries: [camtEntry({ booked: '2100-02-29' })] }))).code,
    ).toBe('INVALID_DATE');
  });

  it.each([
    ['260230', 'Feb 30'],
    ['261301', 'month 13'],
    ['260100', 'day 00'],
    ['269999', '99-99'],
  ])('MT940 :61: value date %s (%s) is refused at its line', (yymmdd) => {
    const text = mt940({ lines: [`:61:${yymmdd}0302C100,00NTRFNONREF`, ':86:X'] });
    const e = parseError(() => parseMt940(text));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location).toMatchObject({ path: ':61:', line: 5 });
  });

  it('MT940 :61: entry date 0230 is refused; 0229 in a non-leap year too', () => {
    expect(parseError(() => parseMt940(mt940({ lines: [':61:2603020230C100,00NTRFNONREF'] }))).code).toBe(
      'INVALID_DATE',
    );
    expect(parseError(() => parseMt940(mt940({ lines: [':61:2603010229C100,00NTRFNONREF'] }))).code).toBe(
      'INVALID_DATE',
    );
  });

  it('MT940 entry date across a year end takes the right year (value 2026-12-31, entry 0101 is 2027-01-01)', () => {
    const text = mt940({
      opening: 'C261231EUR1000,00',
      lines: [':61:2612310101C100,00NTRFNONREF'],
      closing: 'C270101EUR1100,00',
    });
    expect(parseMt940(text).statements[0]?.transactions[0]?.bookingDate).toBe('2027-01-01');
  });

  it.each([':60F:C261301EUR1000,00', ':60F:CXXXXXXEUR1000,00'])(
    'MT940 balance date in %s is refused',
    (field) => {
      const text = mt940().replace(':60F:C260301EUR1000,00', field);
      const e = parseError(() => parseMt940(text));
      expect(['INVALID_DATE', 'MALFORMED_STATEMENT']).toContain(e.code);
      expect(e.location).toMatchObject({ path: ':60F:', line: 4 });
    },
  );

  it.each(['260230', '261301', '260100', '269999'])('BAI2 group as-of date %s is refused', (d) => {
    const e = parseError(() => parseBai2(bai2().replace('1,260302,1200,USD', `1,${d},1200,USD`)));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location).toEqual({ path: '02', line: 2 });
  });

  it('BAI2 value-dated funds (V) with Feb 30 are refused at the 16 record', () => {
    const e = parseError(() => parseBai2(bai2(['16,195,150000,V,260230,,BR1,,INV-1/'])));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location).toEqual({ path: '16', line: 4 });
  });

  it('BAI2 file creation date (01) must exist', () => {
    const e = parseError(() =>
      parseBai2(bai2().replace('BANKCO,260302,1200,1,80', 'BANKCO,260230,1200,1,80')),
    );
    expect(e.code).toBe('INVALID_DATE');
    expect(e.location).toEqual({ path: '01', line: 1 });
  });

  it('CSV (already right) still refuses Feb 30, now with the same INVALID_DATE code', () => {
    const e = parseError(() =>
      parseCsv('Date,Amount\n2026-02-30,1.00\n', {
        currency: 'EUR',
        columns: { date: 'Date', amount: 'Amount' },
      }),
    );
    expect(e.location).toMatchObject({ path: 'date', line: 2 });
    expect(e.code).toBe('INVALID_DATE');
  });
});
