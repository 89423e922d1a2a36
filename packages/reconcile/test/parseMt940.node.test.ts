import { describe, expect, it } from 'vitest';
import { parseMt940, parseMt940Details, parseStatement } from '../src/index.js';
import { fixture, fixtureText } from './support/fixtures.js';
import { parseError } from './support/parseError.js';

// These public sample files do not add up (anonymised or cut by their authors); the balance
// findings are checked in statements/corpus.node.test.ts, here they are read in warn mode.
const WARN = { integrity: 'warn' } as const;

describe('parseMt940 on public WoLpH/mt940 fixtures', () => {
  it('German SEPA :86: sub-fields (betterplace, Apache-2.0): EREF, SVWZ, IBAN, name, GVC', () => {
    const { statements, warnings } = parseMt940(fixture('mt940/betterplace-sepa_snippet.sta'), WARN);
    expect(warnings.map((w) => w.code)).toEqual(['BALANCE_MISMATCH']);
    expect(statements.map((s) => s.transactions.length)).toEqual([4, 7]);
    const tx = statements[0]?.transactions[0];
    expect(tx).toMatchObject({
      amountMinor: 5099005,
      currency: 'EUR',
      direction: 'credit',
      valueDate: '2007-09-07',
      bookingDate: '2007-09-04',
      bankReference: '0724710333343453',
      endToEndId: 'EndToEndId TFNR 22 004 00001',
      remittanceText: ['Verw CTSc-01 BC-PPP TFNr 22 004'],
      counterpartyName: 'KARL KAUFMANN',
      counterpartyAccount: 'DE14508800500194785000',
      transactionCode: 'NTRF/166',
    });
    // "15000," has no cents digits and still is 15000.00.
    expect(statements[1]?.transactions[2]?.amountMinor).toBe(1500000);
  });

  it('reads all 26 statements of sepa_mt9401 including reversals (RC, a debit entry); every statement adds up', () => {
    const { statements, warnings } = parseMt940(fixture('mt940/betterplace-sepa_mt9401.sta'));
    expect(warnings).toEqual([]);
    expect(statements).toHaveLength(26);
    const all = statements.flatMap((s) => s.transactions);
    expect(all).toHaveLength(97);
    const reversals = all.filter((t) => t.reversal);
    expect(reversals.map((t) => [t.amountMinor, t.direction])).toEqual([
      [20488, 'debit'],
      [20488, 'debit'],
    ]);
    expect(new Set(all.map((t) => t.id)).size).toBe(97);
  });

  it('ABN AMRO: envelope lines before :20: are reported as warnings, not dropped silently; :60M: gives the currency', () => {
    const { statements, warnings } = parseMt940(fixture('mt940/jejik-abnamro.sta'), WARN);
    expect(statements.map((s) => s.transactions.length)).toEqual([8, 2]);
    expect(statements[1]?.currency).toBe('EUR');
    expect(statements[0]?.transactions[0]).toMatchObject({
      amountMinor: 900,
      direction: 'debit',
      bookingDate: '2011-05-24',
    });
    expect(warnings.map((w) => [w.code, w.location.line])).toEqual([
      ['PREAMBLE_LINE', 1],
      ['PREAMBLE_LINE', 2],
      ['PREAMBLE_LINE', 3],
      ['BALANCE_MISMATCH', 27],
      ['PREAMBLE_LINE', 29],
      ['PREAMBLE_LINE', 30],
      ['PREAMBLE_LINE', 31],
      ['BALANCE_MISMATCH', 40],
    ]);
  });

  it('Rabobank /TAG/ dialect: EREF, NAME and the counterparty IBAN from the :61: supplementary line', () => {
    const { statements } = parseMt940(fixture('mt940/jejik-rabobank-iban.sta'));
    const [a, b] = statements[0]?.transactions ?? [];
    expect(a).toMatchObject({
      endToEndId: '01-01-2013 12:00 0030000987654321',
      counterpartyName: 'CONTRA ACCOUNT HOLDER',
      counterpartyAccount: 'NL70ABNA0987654321',
      amountMinor: 2500,
    });
    expect(b).toMatchObject({ counterpartyName: 'JOHN DOE', remittanceText: ['Reference 201301234'] });
  });

  it('Knab free text with REK:/NAAM: labels; ING; Triodos >NN; SNS; gv_codes', () => {
    const knab = parseMt940(fixture('mt940/jejik-knab.sta'), WARN).statements[1]?.transactions[0];
    expect(knab).toMatchObject({
      counterpartyName: 'PICQER',
      counterpartyAccount: 'NL65INGB0123456789',
      amountMinor: 726000,
    });
    expect(knab?.remittanceText[0]).toMatch(/^FACTUUR 201403110, 201403113/);
    expect(parseMt940(fixture('mt940/jejik-ing.sta'), WARN).statements[0]?.transactions).toHaveLength(7);
    const triodos = parseMt940(fixture('mt940/jejik-triodos.sta'), WARN).statements[0]?.transactions ?? [];
    expect(triodos.map((t) => t.remittanceText[0])).toEqual([
      'ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010',
      ' HUUR KANTOOR - FEB 2010'.trim(),
    ]);
    expect(parseMt940(fixture('mt940/jejik-sns.sta')).statements.map((s) => s.transactions.length)).toEqual([
      2, 0,
    ]);
    const gv =
      parseMt940(fixture('mt940/self-provided-gv_codes.sta'), WARN).statements[0]?.transactions ?? [];
    expect(gv.map((t) => t.amountMinor)).toEqual([23315, 2430]);
    expect(gv[0]?.endToEndId).toBe('1234567890123 PAYPAL');
  });

  it('parseStatement detects MT940 from content', () => {
    expect(parseStatement(fixture('mt940/jejik-triodos.sta'), WARN).statements[0]?.format).toBe('mt940');
  });
});

describe('parseMt940 on hand-written dialect edge cases', () => {
  const { statements, warnings } = parseMt940(fixture('handwritten/mt940-dialects.sta'));
  const txs = statements[0]?.transactions ?? [];

  it('unwraps the SWIFT block envelope and joins ?NN sub-fields split across lines', () => {
    expect(warnings).toEqual([]);
    expect(statements[0]?.id).toBe('QF-MT940-1/00042/001@2026-03-01');
    expect(txs[0]).toMatchObject({
      endToEndId: 'E2E-7788',
      remittanceText: ['RE INV-2026-00017 UND INV-2026-00018'],
      counterpartyName: 'NORDWIND LOGISTIK GMBH',
      counterpartyAccount: 'DE02120300000000202051',
    });
  });

  it('Dutch /REMI/USTD// prefix is removed; customer reference kept; D and RD (reversal of a debit: a credit entry) signs', () => {
    expect(txs[1]).toMatchObject({
      remittanceText: ['Factuur 2026-00019'],
      otherReferences: ['KD-4711'],
      counterpartyName: 'Holland Trading BV',
    });
    expect(txs.map((t) => [t.direction, t.reversal])).toEqual([
      ['credit', false],
      ['credit', false],
      ['debit', false],
      ['credit', true],
    ]);
  });

  it('parseMt940Details names the dialect', () => {
    expect(parseMt940Details('166?00X?20EREF+A1?21SVWZ+B2').dialect).toBe('german-subfields');
    expect(parseMt940Details('/EREF/X/REMI/Y').dialect).toBe('dutch-tags');
    expect(parseMt940Details('plain words').dialect).toBe('free-text');
  });
});

describe('parseMt940 on hostile input', () => {
  // The Triodos sample with its closing balance corrected (4975.09 - 15.70 - 700.00), so that only
  // the damage each test adds is wrong.
  const good = fixtureText('mt940/jejik-triodos.sta').replace(
    ':62F:C110201EUR4370,79',
    ':62F:C110201EUR4259,39',
  );

  it('an unreadable :61: line is a located error', () => {
    const e = parseError(() =>
      parseMt940(good.replace(':61:110125D700,00N000NONREF', ':61:11XX25D700,00N000NONREF')),
    );
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location).toEqual({ path: ':61:', line: 9 });
  });

  it('a truncated file keeps every complete line and fails on the cut one', () => {
    const cut = good.slice(0, good.indexOf(':61:110125') + 9);
    const e = parseError(() => parseMt940(cut));
    expect(e.location.line).toBe(9);
  });

  it('no currency anywhere is an error unless defaultCurrency is given', () => {
    const noBalance = ':20:X\n:25:123\n:28C:1\n:61:2603020302C10,00NTRFNONREF\n:86:INV-1\n-';
    expect(parseError(() => parseMt940(noBalance)).message).toMatch(/no currency/);
    expect(
      parseMt940(noBalance, { defaultCurrency: 'CHF', integrity: 'warn' }).statements[0]?.transactions[0]
        ?.currency,
    ).toBe('CHF');
  });

  it('text without any field is refused; unknown fields are warnings', () => {
    expect(parseError(() => parseMt940('hello\nworld')).code).toBe('MALFORMED_STATEMENT');
    const w = parseMt940(`${good.trim().replace(/\n-$/, '')}\n:99Z:odd\n-`).warnings;
    expect(w.map((x) => x.code)).toEqual(['UNKNOWN_FIELD']);
  });

  it('non-UTF-8 bytes are an ENCODING_ERROR unless the encoding is given', () => {
    const latin = Uint8Array.from(good.replace('HUUR', 'M\u00dcHLE'), (c) => c.charCodeAt(0));
    const e = parseError(() => parseMt940(latin));
    expect(e.code).toBe('ENCODING_ERROR');
    expect(e.location.line).toBe(11);
    expect(
      parseMt940(latin, { encoding: 'windows-1252' }).statements[0]?.transactions[1]?.remittanceText[0],
    ).toMatch(/M\u00dcHLE/);
  });

  it('an amount with too many fraction digits for the currency is refused', () => {
    const e = parseError(() => parseMt940(good.replace('D700,00N', 'D700,001N')));
    expect(e.message).toMatch(/fraction digits/);
  });
});
