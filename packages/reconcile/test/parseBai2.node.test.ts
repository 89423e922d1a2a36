import { describe, expect, it } from 'vitest';
import { parseBai2, parseStatement } from '../src/index.js';
import { fixture, fixtureText } from './support/fixtures.js';
import { parseError } from './support/parseError.js';

describe('parseBai2 on public moov-io/bai2 fixtures (Apache-2.0)', () => {
  it('sample1: two accounts, type codes, funds type V value dates, CAD', () => {
    const { statements, warnings } = parseBai2(fixture('bai2/sample1.txt'));
    expect(warnings).toEqual([]);
    expect(statements.map((s) => s.transactions.length)).toEqual([11, 6]);
    const t = statements[0]?.transactions[0];
    expect(t).toMatchObject({
      amountMinor: 2500,
      currency: 'CAD',
      direction: 'debit',
      transactionCode: '409',
      valueDate: '2006-03-16',
      bookingDate: '2006-03-17',
      remittanceText: ['RETURNED CHEQUE'],
    });
    expect(statements[0]?.transactions[3]).toMatchObject({
      direction: 'credit',
      transactionCode: '108',
      amountMinor: 203500,
    });
  });

  // sample4 and sample5 are synthetic: their 49/98/99 trailers do not match their records (an
  // account control total of -1260161341762), so they are read in warn mode here; the corpus test
  // checks that they are refused by default.
  it('sample4: newline-delimited 88 continuations with KEY: value lines (EREF, DBNM, REMI)', () => {
    const { statements } = parseBai2(fixture('bai2/sample4-continuations-newline-delimited.txt'), {
      integrity: 'warn',
    });
    const txs = statements.flatMap((s) => s.transactions);
    expect(txs).toHaveLength(17);
    expect(txs[1]).toMatchObject({
      direction: 'credit',
      bankReference: 'SB2322600000404',
      endToEndId: 'GSQ4FBGFDGWGKY',
      counterpartyName: 'SAMPLE INC',
      counterpartyAccount: '101152046',
    });
    expect(txs[1]?.remittanceText[0]).toBe('ACH- Test - Addenda Record');
    // The text field runs to the end of the record, commas included.
    expect(txs[0]?.remittanceText[0]).toMatch(/^ACH Credit Payment,Entry Description: EXP; -, SEC: CCD/);
  });

  it('sample3: several records on one physical line, separated by "/ "', () => {
    const { statements } = parseBai2(fixture('bai2/sample3.txt'));
    const txs = statements.flatMap((s) => s.transactions);
    expect(txs[0]?.remittanceText).toEqual(['TRANSFER   PAYPAL             PPD']);
    expect(txs[1]?.remittanceText).toEqual(['TRANSFER   MSPBNA BANK        PPD']);
    expect(txs.every((t) => !t.remittanceText.join(' ').includes('16,'))).toBe(true);
  });

  it('sample2 and sample5 parse; parseStatement detects BAI2', () => {
    expect(parseBai2(fixture('bai2/sample2.txt')).statements.flatMap((s) => s.transactions)).toHaveLength(4);
    expect(
      parseStatement(fixture('bai2/sample5-issue113.txt'), { integrity: 'warn' }).statements.flatMap(
        (s) => s.transactions,
      ).length,
    ).toBe(20);
  });

  it('errors/sample-parseError: a file not starting with 01 is a located error', () => {
    const e = parseError(() => parseBai2(fixture('bai2/error-sample-parseError.txt')));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location).toEqual({ path: '00', line: 1 });
  });
});

describe('parseBai2 on hand-written and hostile input', () => {
  it('funds types S (three amounts) and D (distributed) shift the reference fields correctly', () => {
    const txs = parseBai2(fixture('handwritten/bai2-funds-types.txt')).statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.bankReference, t.otherReferences[0], t.direction])).toEqual([
      ['FW123', 'INV-2026-00017', 'credit'],
      ['DEP88', undefined, 'credit'],
      ['CHK1001', undefined, 'debit'],
    ]);
    expect(txs[1]?.remittanceText).toEqual(['LOCKBOX DEPOSIT', 'INV-2026-00018 PARTIAL']);
  });

  const good = fixtureText('bai2/sample1.txt');
  it.each([
    ['16,409,000000000002500,V', '16,409,00000000000X500,V', /amount/],
    ['16,409,000000000002500,V', '16,409,25X0,V', /amount "25X0" is not an unsigned integer/],
    ['16,409,000000000002500,V', '16,409,,V', /amount "" is not an unsigned integer/],
    ['16,409,000000000002500,V', '16,409,99999999999999999,V', /amount too large/],
    ['16,409,000000000002500,V', '16,409,000000000002500,Q', /unknown funds type/],
    ['03,10200123456,CAD', '03,,CAD', /without an account number/],
    ['02,12345,0004,1,060317', '02,12345,0004,1,06-03-17', /is not YYMMDD/],
  ])('bad field %#: located error', (from, to, message) => {
    const e = parseError(() => parseBai2(good.replace(from, to)));
    expect(e.message).toMatch(message);
    expect(e.location.line).toBeGreaterThan(0);
  });

  it('a 16 record before any 03 account is refused', () => {
    const e = parseError(() =>
      parseBai2('01,A,B,260302,1200,1,,,2/\n02,A,B,1,260302,,USD,2/\n16,195,100,,R1,,TEXT\n'),
    );
    expect(e.location).toEqual({ path: '16', line: 3 });
  });

  it('a truncated file (no 49/98/99 trailers) is refused; in warn mode it keeps what it has and lists each missing trailer', () => {
    const cut = good.slice(0, good.indexOf('49,+00000000000446000'));
    expect(parseError(() => parseBai2(cut)).code).toBe('INTEGRITY_MISMATCH');
    const r = parseBai2(cut, { integrity: 'warn' });
    expect(r.statements.flatMap((s) => s.transactions)).toHaveLength(17);
    expect(r.warnings.map((w) => [w.code, w.location.path])).toEqual([
      ['TRAILER_MISSING', '49'],
      ['TRAILER_MISSING', '98'],
      ['TRAILER_MISSING', '99'],
    ]);
  });

  it('UTF-16 with BOM is decoded', () => {
    const bytes = new Uint8Array(2 + good.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < good.length; i++) bytes[2 + i * 2] = good.charCodeAt(i);
    expect(parseBai2(bytes).statements).toHaveLength(2);
  });
});
