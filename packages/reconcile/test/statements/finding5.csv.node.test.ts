// Issue 13, finding 5: the CSV parser did quadratic work on quotes inside an unquoted cell, read
// "1,50" as 150.00 and "1,2,3,4" as 1234.00, booked a negative Credit as a credit, netted a row
// with both Credit and Debit, and silently used the first of two "Amount" headers.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/index.js';
import { parseError } from '../support/parseError.js';

const opts = { currency: 'EUR', columns: { date: 'Date', amount: 'Amount', description: 'Text' } } as const;
const two = { currency: 'EUR', columns: { date: 'Date', credit: 'Credit', debit: 'Debit' } } as const;

describe('finding 5: CSV', () => {
  it('a 200,000-character cell of x"x"x"... is read in linear time (complexity check: 8x the size costs < 40x the time)', () => {
    // A complexity check, not a timing assertion: linear work grows 8x, the old quadratic work 64x.
    const cell = (n: number) => 'x"'.repeat(n / 2);
    const time = (n: number): number => {
      const text = `Date,Amount,Text\n2026-03-02,1.00,${cell(n)}\n`;
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) parseCsv(text, opts);
      return performance.now() - t0;
    };
    time(25_000);
    const small = Math.max(time(25_000), 1);
    const big = time(200_000);
    expect(big / small).toBeLessThan(40);
    const tx = parseCsv(`Date,Amount,Text\n2026-03-02,1.00,${cell(200_000)}\n`, opts).statements[0]
      ?.transactions[0];
    expect(tx?.remittanceText[0]).toHaveLength(200_000);
  });

  it('"1,50" with a "." decimal separator is refused, never 150.00', () => {
    const e = parseError(() => parseCsv('Date,Amount,Text\n2026-03-02,"1,50",x\n', opts));
    expect(e.location).toMatchObject({ path: 'amount', line: 2 });
    expect(e.message).toMatch(/ambiguous|separator/);
  });

  it('"1,2,3,4" is refused, never 1234.00; "1.2.3" with a "," decimal separator likewise', () => {
    expect(parseError(() => parseCsv('Date,Amount,Text\n2026-03-02,"1,2,3,4",x\n', opts)).location.path).toBe(
      'amount',
    );
    expect(
      parseError(() => parseCsv('Date;Amount;Text\n2026-03-02;1.2.3;x\n', { ...opts, decimalSeparator: ',' }))
        .location.path,
    ).toBe('amount');
  });

  it.each([
    ['1,234.50', '.', 123450],
    ['1,234,567.89', '.', 123456789],
    ['-1,234.50', '.', -123450],
    ['1234.5', '.', 123450],
    ['1.234,50', ',', 123450],
    ['1.234.567,89', ',', 123456789],
    ['1 234,50', ',', 123450],
    ["1'234.50", '.', 123450],
    ['(1,234.50)', '.', -123450],
  ] as const)('well-formed thousands grouping %s (decimal %s) is read exactly', (raw, dec, minor) => {
    const sep = dec === ',' ? ';' : ',';
    const text = `Date${sep}Amount${sep}Text\n2026-03-02${sep}"${raw}"${sep}x\n`;
    const tx = parseCsv(text, { ...opts, decimalSeparator: dec }).statements[0]?.transactions[0];
    expect((tx?.direction === 'debit' ? -1 : 1) * (tx?.amountMinor ?? 0)).toBe(minor);
  });

  it.each(['1,23.50', '12,3456.00', '1.234', ',50', '1,,234.00', '1,234.5.0'])(
    'misplaced grouping %s is refused with a "." decimal separator',
    (raw) => {
      expect(
        parseError(() => parseCsv(`Date,Amount,Text\n2026-03-02,"${raw}",x\n`, opts)).location.path,
      ).toBe('amount');
    },
  );

  it('a negative value in the Credit column is refused, not booked as a credit', () => {
    const e = parseError(() => parseCsv('Date,Credit,Debit\n2026-03-02,-10.00,\n', two));
    expect(e.location).toMatchObject({ path: 'credit', line: 2 });
  });

  it('a negative value in the Debit column is refused too', () => {
    expect(parseError(() => parseCsv('Date,Credit,Debit\n2026-03-02,,-10.00\n', two)).location.path).toBe(
      'debit',
    );
  });

  it('Credit and Debit both filled are refused, not netted', () => {
    const e = parseError(() => parseCsv('Date,Credit,Debit\n2026-03-02,10.00,4.00\n', two));
    expect(e.location).toMatchObject({ line: 2 });
    expect(e.message).toMatch(/both/);
  });

  it('a row with neither Credit nor Debit (nor Amount) is refused', () => {
    expect(parseError(() => parseCsv('Date,Credit,Debit\n2026-03-02,,\n', two)).location.line).toBe(2);
  });

  it('a duplicate header that a mapping names is refused (case and spaces ignored)', () => {
    const e = parseError(() => parseCsv('Date,Amount,Text, amount \n2026-03-02,1.00,x,2.00\n', opts));
    expect(e.location).toMatchObject({ path: 'amount', line: 1 });
    expect(e.message).toMatch(/more than once|duplicate/);
  });

  it('a duplicate header the mapping does not use is refused too (the file is ambiguous)', () => {
    expect(
      parseError(() => parseCsv('Date,Amount,Text,Memo,Memo\n2026-03-02,1.00,x,a,b\n', opts)).message,
    ).toMatch(/more than once|duplicate/);
  });
});
