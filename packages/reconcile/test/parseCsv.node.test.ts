import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/index.js';
import { fixture } from './support/fixtures.js';
import { parseError } from './support/parseError.js';

const DE = {
  decimalSeparator: ',' as const,
  dateFormat: 'DD.MM.YYYY' as const,
  columns: {
    date: 'Buchungstag',
    valueDate: 'Valuta',
    amount: 'Betrag',
    currency: 'W\u00e4hrung',
    description: 'Verwendungszweck',
    counterpartyName: 'Auftraggeber',
    counterpartyAccount: 'IBAN',
  },
};

describe('parseCsv', () => {
  it('German Windows-1252 export: decimal comma, thousands dot, quoted ; and line break, signed amounts', () => {
    const { statements } = parseCsv(fixture('handwritten/bank-de-windows1252.csv'), {
      ...DE,
      encoding: 'windows-1252',
    });
    const [a, b] = statements[0]?.transactions ?? [];
    expect(a).toMatchObject({
      amountMinor: 116620,
      direction: 'credit',
      bookingDate: '2026-03-02',
      counterpartyName: 'M\u00fcller & S\u00f6hne GmbH',
      remittanceText: ['Rechnung INV-2026-00017; Skonto 2%'],
    });
    expect(b).toMatchObject({
      amountMinor: 4500,
      direction: 'debit',
      counterpartyName: 'Gr\u00f6\u00dfer, Hans',
      remittanceText: ['Teil 1 von 2\nINV-2026-00018'],
      source: { path: 'row', line: 3 },
    });
  });

  it('the same file without the encoding is an ENCODING_ERROR at the first bad byte', () => {
    const e = parseError(() => parseCsv(fixture('handwritten/bank-de-windows1252.csv'), DE));
    expect(e.code).toBe('ENCODING_ERROR');
    expect(e.location.line).toBe(1);
  });

  it('US export: separate debit/credit columns, MM/DD/YYYY, thousands comma, reference column', () => {
    const { statements } = parseCsv(fixture('handwritten/bank-us.csv'), {
      currency: 'USD',
      dateFormat: 'MM/DD/YYYY',
      columns: {
        date: 'Date',
        credit: 'Credit',
        debit: 'Debit',
        description: 'Description',
        reference: 'Reference',
      },
    });
    const [a, b] = statements[0]?.transactions ?? [];
    expect(a).toMatchObject({
      amountMinor: 119000,
      direction: 'credit',
      bookingDate: '2026-03-02',
      creditorReferences: ['RF18539007547034'],
    });
    expect(b).toMatchObject({ amountMinor: 1500, direction: 'debit' });
  });

  it('columns by index without a header', () => {
    const r = parseCsv('2026-01-02,10.5,EUR,hello\n', {
      header: false,
      columns: { date: 0, amount: 1, currency: 2, description: 3 },
    });
    expect(r.statements[0]?.transactions[0]).toMatchObject({ amountMinor: 1050, currency: 'EUR' });
  });

  it.each([
    ['Date,Amount\n2026-02-30,1.00\n', /does not match/, 2],
    ['Date,Amount\n2026-02-03,1.005\n', /fraction digits/, 2],
    ['Date,Amount\n2026-02-03,"1.00\n', /unterminated/, 2],
    ['Date,Amount\n2026-02-03\n', /only 1 columns/, 2],
  ])('bad CSV %#: located error', (text, message, line) => {
    const e = parseError(() =>
      parseCsv(text, { currency: 'EUR', columns: { date: 'Date', amount: 'Amount' } }),
    );
    expect(e.message).toMatch(message);
    expect(e.location.line).toBe(line);
  });

  it('a mapping naming a missing column is refused', () => {
    expect(
      parseError(() => parseCsv('A,B\n', { currency: 'EUR', columns: { date: 'Date', amount: 'B' } }))
        .message,
    ).toMatch(/no column "Date"/);
  });
});
