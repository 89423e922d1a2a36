// Issue 13, finding 2: statements that do not add up were accepted silently. Each check is a
// typed INTEGRITY_MISMATCH by default and a warning only with `integrity: 'warn'`.
import { describe, expect, it } from 'vitest';
import { parseBai2, parseCamt, parseMt940 } from '../../src/index.js';
import { parseError } from '../support/parseError.js';
import { bai2, camt053, camtBalance, camtEntry, mt940 } from '../support/statementText.js';

describe('finding 2: MT940 balances', () => {
  it('a consistent statement passes with no warnings', () => {
    const r = parseMt940(mt940());
    expect(r.warnings).toEqual([]);
    expect(r.statements[0]?.transactions).toHaveLength(1);
  });

  it('closing balance != opening + entries is refused at :62F:, and is a warning in warn mode', () => {
    const text = mt940({ closing: 'C260302EUR1100,01' });
    const e = parseError(() => parseMt940(text));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.location).toMatchObject({ path: ':62F:', line: 7 });
    expect(e.message).toMatch(/1100\.00.*1100\.01|1100\.01.*1100\.00/);
    const w = parseMt940(text, { integrity: 'warn' });
    expect(w.warnings.map((x) => x.code)).toEqual(['BALANCE_MISMATCH']);
    expect(w.statements[0]?.transactions).toHaveLength(1);
  });

  it('debits and reversals move the balance the right way', () => {
    const text = mt940({
      lines: [
        ':61:2603020302D40,00NTRFNONREF',
        ':61:2603020302RD10,00NTRFNONREF',
        ':61:2603020302RC5,00NTRFNONREF',
      ],
      closing: 'C260302EUR955,00',
    });
    // RD (reversal of a debit) is a credit to the account; RC a debit: 1000 - 40 + 10 - 5 = 965.
    expect(parseError(() => parseMt940(text)).code).toBe('INTEGRITY_MISMATCH');
    expect(parseMt940(text.replace('C260302EUR955,00', 'C260302EUR965,00')).warnings).toEqual([]);
  });

  it('a missing closing balance is refused', () => {
    const e = parseError(() => parseMt940(mt940({ closing: null })));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.message).toMatch(/closing balance/);
  });

  it('a missing opening balance is refused', () => {
    expect(
      parseError(() => parseMt940(mt940({ opening: null }), { defaultCurrency: 'EUR' })).message,
    ).toMatch(/opening balance/);
  });

  it('opening and closing in different currencies are refused', () => {
    const e = parseError(() => parseMt940(mt940({ closing: 'C260302USD1100,00' })));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.message).toMatch(/CURRENCY_MISMATCH/);
  });

  it('a balance that moves with no entries is refused', () => {
    const e = parseError(() => parseMt940(mt940({ lines: [], closing: 'C260302EUR1500,00' })));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
  });

  it('a debit (D) opening balance is negative', () => {
    expect(parseMt940(mt940({ opening: 'D260301EUR50,00', closing: 'C260302EUR50,00' })).warnings).toEqual(
      [],
    );
  });

  it('intermediate balances (60M/62M) of a multi-part statement are checked the same way', () => {
    const text = mt940({ opening: null, closing: null })
      .replace(':28C:1/1', ':28C:1/2\n:60M:C260301EUR1000,00')
      .replace('\n-', '\n:62M:C260302EUR1100,00\n-');
    expect(parseMt940(text).warnings).toEqual([]);
    expect(
      parseError(() => parseMt940(text.replace(':62M:C260302EUR1100,00', ':62M:C260302EUR1000,00'))).code,
    ).toBe('INTEGRITY_MISMATCH');
  });
});

describe('finding 2: BAI2 control totals and record counts', () => {
  const good = bai2(['16,195,150000,,BR1,,INV-1/', '88,MORE TEXT', '16,475,1000,,CHK1,,CHECK/']);

  it('a file whose trailers add up passes', () => {
    const r = parseBai2(good);
    expect(r.warnings).toEqual([]);
    expect(r.statements[0]?.transactions).toHaveLength(2);
  });

  it.each([
    ['49', /^49,(\d+),/m, (m: string) => m.replace(/^49,(\d+),/m, (_s, n) => `49,${Number(n) + 1},`)],
    [
      '49',
      /^49,\d+,(\d+)/m,
      (m: string) => m.replace(/^(49,\d+),(\d+)/m, (_s, a, n) => `${a},${Number(n) + 1}`),
    ],
    ['98', /^98/m, (m: string) => m.replace(/^98,(\d+),/m, (_s, n) => `98,${Number(n) + 1},`)],
    ['98', /^98/m, (m: string) => m.replace(/^98,(\d+),1,/m, '98,$1,2,')],
    ['98', /^98/m, (m: string) => m.replace(/^(98,\d+,1),(\d+)/m, (_s, a, n) => `${a},${Number(n) + 1}`)],
    ['99', /^99/m, (m: string) => m.replace(/^99,(\d+),/m, (_s, n) => `99,${Number(n) + 1},`)],
    ['99', /^99/m, (m: string) => m.replace(/^99,(\d+),1,/m, '99,$1,2,')],
    ['99', /^99/m, (m: string) => m.replace(/^(99,\d+,1),(\d+)/m, (_s, a, n) => `${a},${Number(n) + 1}`)],
  ])(
    'a wrong %s trailer (case %#) is refused at that record; warn mode lists it',
    (record, _probe, change) => {
      const bad = change(good);
      expect(bad).not.toBe(good);
      const e = parseError(() => parseBai2(bad));
      expect(e.code).toBe('INTEGRITY_MISMATCH');
      expect(e.location.path).toBe(record);
      const w = parseBai2(bad, { integrity: 'warn' });
      expect(w.warnings).toHaveLength(1);
      expect(w.statements[0]?.transactions).toHaveLength(2);
    },
  );

  it('a missing 49 account trailer is refused', () => {
    const bad = good.replace(/^49,.*\n/m, '');
    const e = parseError(() => parseBai2(bad));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.message).toMatch(/49/);
  });

  it('a truncated file (no 98/99) is refused by default and keeps what it has in warn mode', () => {
    const cut = good.slice(0, good.indexOf('98,'));
    expect(parseError(() => parseBai2(cut)).code).toBe('INTEGRITY_MISMATCH');
    const w = parseBai2(cut, { integrity: 'warn' });
    expect(w.statements[0]?.transactions).toHaveLength(2);
    expect(w.warnings.length).toBeGreaterThan(0);
  });

  it('a second 01 file header mid-file is refused', () => {
    const bad = good.replace('03,123456789', '01,QUIDFIN,BANKCO,260302,1200,2,80,,2/\n03,123456789');
    const e = parseError(() => parseBai2(bad));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location).toMatchObject({ path: '01', line: 3 });
  });

  it.each(['010', '015', '040', '099'])(
    'detail code %s (a balance, not a transaction) in a 16 record is refused',
    (code) => {
      const bad = bai2([`16,${code},150000,,BR1,,OPENING/`]);
      const e = parseError(() => parseBai2(bad));
      expect(e.code).toBe('MALFORMED_STATEMENT');
      expect(e.location).toMatchObject({ path: '16', line: 4 });
    },
  );

  it('a 16 outside any 03/49 pair or an 03 without 02 is refused', () => {
    expect(parseError(() => parseBai2(good.replace(/^02,.*\n/m, ''))).code).toBe('MALFORMED_STATEMENT');
  });
});

describe('finding 2: camt balances and TxsSummry', () => {
  it('a consistent statement passes', () => {
    expect(parseCamt(camt053()).warnings).toEqual([]);
  });

  it('CLBD != OPBD + booked entries is refused at the closing balance; warn mode lists it', () => {
    const xml = camt053({ balances: `${camtBalance('OPBD', '1000.00')}${camtBalance('CLBD', '1100.50')}` });
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.location.path).toMatch(/Stmt\[0\]\/Bal\[1\]$/);
    const w = parseCamt(xml, { integrity: 'warn' });
    expect(w.warnings.map((x) => x.code)).toEqual(['BALANCE_MISMATCH']);
    expect(w.statements[0]?.transactions).toHaveLength(1);
  });

  it('PRCD counts as the opening balance; a DBIT balance is negative', () => {
    const xml = camt053({
      balances: `${camtBalance('PRCD', '50.00', 'DBIT')}${camtBalance('CLBD', '50.00')}`,
    });
    expect(parseCamt(xml).warnings).toEqual([]);
  });

  it('a pending entry does not move the booked balance', () => {
    const pending = camtEntry({ amount: '30.00' }).replace('<Cd>BOOK</Cd>', '<Cd>PDNG</Cd>');
    expect(parseCamt(camt053({ entries: [camtEntry(), pending] })).warnings).toEqual([]);
  });

  it('an opening balance without a closing one is refused', () => {
    expect(
      parseError(() => parseCamt(camt053({ balances: camtBalance('OPBD', '1000.00') }))).message,
    ).toMatch(/closing/);
  });

  it('balances in another currency than the entries are refused', () => {
    const xml = camt053({
      balances: `${camtBalance('OPBD', '1000.00', 'CRDT', 'USD')}${camtBalance('CLBD', '1100.00', 'CRDT', 'USD')}`,
    });
    expect(parseError(() => parseCamt(xml)).message).toMatch(/CURRENCY_MISMATCH/);
  });

  it('an entry in another currency than the account (Acct/Ccy) is refused', () => {
    const xml = camt053({ ccy: 'EUR', entries: [camtEntry({ ccy: 'USD' })], balances: '' });
    expect(parseError(() => parseCamt(xml)).message).toMatch(/CURRENCY_MISMATCH/);
  });

  it('balances moving with no entries are refused', () => {
    expect(parseError(() => parseCamt(camt053({ entries: [] }))).code).toBe('INTEGRITY_MISMATCH');
  });

  const summary = (
    n: number,
    sum: string,
    credits: [number, string],
    debits: [number, string],
    net: [string, string],
  ) =>
    `<TxsSummry><TtlNtries><NbOfNtries>${n}</NbOfNtries><Sum>${sum}</Sum><TtlNetNtry><Amt>${net[0]}</Amt><CdtDbtInd>${net[1]}</CdtDbtInd></TtlNetNtry></TtlNtries><TtlCdtNtries><NbOfNtries>${credits[0]}</NbOfNtries><Sum>${credits[1]}</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>${debits[0]}</NbOfNtries><Sum>${debits[1]}</Sum></TtlDbtNtries></TxsSummry>`;
  const two = [camtEntry({ amount: '150.00' }), camtEntry({ amount: '50.00', cd: 'DBIT' })];

  it('a TxsSummry that agrees with the entries passes', () => {
    expect(
      parseCamt(
        camt053({
          entries: two,
          summary: summary(2, '200.00', [1, '150.00'], [1, '50.00'], ['100.00', 'CRDT']),
        }),
      ).warnings,
    ).toEqual([]);
  });

  it.each([
    ['entry count', summary(3, '200.00', [1, '150.00'], [1, '50.00'], ['100.00', 'CRDT'])],
    ['sum', summary(2, '250.00', [1, '150.00'], [1, '50.00'], ['100.00', 'CRDT'])],
    ['credit count', summary(2, '200.00', [2, '150.00'], [1, '50.00'], ['100.00', 'CRDT'])],
    ['credit sum', summary(2, '200.00', [1, '151.00'], [1, '50.00'], ['100.00', 'CRDT'])],
    ['debit sum', summary(2, '200.00', [1, '150.00'], [1, '5.00'], ['100.00', 'CRDT'])],
    ['net sign', summary(2, '200.00', [1, '150.00'], [1, '50.00'], ['100.00', 'DBIT'])],
  ])('a TxsSummry with a wrong %s is refused', (_what, s) => {
    const e = parseError(() => parseCamt(camt053({ entries: two, summary: s })));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.location.path).toMatch(/TxsSummry/);
  });
});
