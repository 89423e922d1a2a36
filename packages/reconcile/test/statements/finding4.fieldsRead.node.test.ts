// Issue 13, finding 4: fields we rely on were left in free text or mangled: MT940 /OCMT/ and
// /CHGS/, the German KURS subfield, camt numeric character references, and :86: lines starting
// with '-'.
import { describe, expect, it } from 'vitest';
import { parseCamt, parseMt940 } from '../../src/index.js';
import { parseError } from '../support/parseError.js';
import { camt053, camtDetail, camtEntry, mt940 } from '../support/statementText.js';

describe('finding 4: MT940 :61: supplementary /OCMT/ and /CHGS/', () => {
  const text = mt940({
    lines: [':61:2603020302C100,00NTRFNONREF//BR-1\n/OCMT/CHF107,89//CHGS/EUR1,50/', ':86:INV-2026-1'],
  });

  it('fills instructedAmount and chargesMinor and keeps them out of free text', () => {
    const tx = parseMt940(text).statements[0]?.transactions[0];
    expect(tx?.instructedAmount).toEqual({ amountMinor: 10789, currency: 'CHF' });
    expect(tx?.chargesMinor).toBe(150);
    expect(tx?.additionalInfo.join(' ')).not.toMatch(/OCMT|CHGS/);
  });

  it('an unreadable /OCMT/ amount is a located error, not free text', () => {
    const e = parseError(() => parseMt940(text.replace('CHF107,89', 'CHF10x,89')));
    expect(e.location).toMatchObject({ path: ':61:', line: 5 });
  });

  it('/OCMT/ with three fraction digits for a 2-digit currency is refused', () => {
    expect(parseError(() => parseMt940(text.replace('CHF107,89', 'CHF107,891'))).message).toMatch(/fraction/);
  });
});

describe('finding 4: German :86: KURS exchange-rate subfield', () => {
  const line = (kurs: string) =>
    mt940({
      lines: [
        ':61:2603020302C100,00NTRFNONREF//BR-1\n/OCMT/CHF107,89/',
        `:86:166?00AUSLANDSUEBERWEISUNG?20EREF+E2E-1?21SVWZ+INV 2026-1?22${kurs}?32HELVETIA AG`,
      ],
    });

  it('"KURS 1,078930 CHF/EUR" becomes exchangeRate and leaves the purpose text', () => {
    const tx = parseMt940(line('KURS 1,078930 CHF/EUR')).statements[0]?.transactions[0];
    // "CHF/EUR" is read as a unit (CHF per EUR): one EUR buys 1.078930 CHF, and it agrees with
    // the amounts: 100.00 EUR x 1.078930 = 107.89 CHF (the /OCMT/ original amount).
    expect(tx?.exchangeRate).toEqual({ sourceCurrency: 'EUR', targetCurrency: 'CHF', rate: '1.078930' });
    expect(tx?.remittanceText).toEqual(['INV 2026-1']);
    expect(tx?.remittanceText.join(' ')).not.toMatch(/KURS/);
  });

  it('a KURS sub-field after a purpose sub-field ending in a letter is still read ("RECHNUNG" + "KURS ...")', () => {
    const text = mt940({
      lines: [
        ':61:2603020302C100,00NTRFNONREF//BR-1\n/OCMT/CHF107,89/',
        ':86:166?00AUSLANDSUEBERWEISUNG?20SVWZ+ZAHLUNG RECHNUNG?21KURS 1,078930 CHF/EUR?32HELVETIA AG',
      ],
    });
    const tx = parseMt940(text).statements[0]?.transactions[0];
    expect(tx?.exchangeRate).toEqual({ sourceCurrency: 'EUR', targetCurrency: 'CHF', rate: '1.078930' });
    expect(tx?.remittanceText.join(' ')).not.toMatch(/KURS/);
  });

  it('a KURS that contradicts the original amount is not trusted: no exchangeRate, and a warning', () => {
    const r = parseMt940(line('KURS 0,926844 CHF/EUR'));
    expect(r.statements[0]?.transactions[0]?.exchangeRate).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(['EXCHANGE_RATE_UNVERIFIED']);
  });

  it('a KURS whose currencies do not include the account currency is not trusted', () => {
    const r = parseMt940(line('KURS 1,078930 CHF/USD'));
    expect(r.statements[0]?.transactions[0]?.exchangeRate).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(['EXCHANGE_RATE_UNVERIFIED']);
  });
});

describe('finding 4: MT940 :86: continuation lines starting with "-"', () => {
  it('a line "-5% Skonto" inside :86: continues the field; only a line that is exactly "-" ends the message', () => {
    const text = mt940({
      lines: [':61:2603020302C100,00NTRFNONREF', ':86:INV-2026-1 abzgl.\n-5% Skonto\n-EOF'],
    });
    const r = parseMt940(text);
    expect(r.statements).toHaveLength(1);
    expect(r.statements[0]?.transactions[0]?.remittanceText[0]).toBe('INV-2026-1 abzgl. -5% Skonto -EOF');
    expect(r.warnings).toEqual([]);
  });

  it('"-}" ends a SWIFT block and a bare "-" ends a message', () => {
    const two = `${mt940()}\n${mt940().replace('STMT-1', 'STMT-2')}`;
    expect(parseMt940(two).statements.map((s) => s.id)).toEqual([
      'STMT-1/1/1@2026-03-01',
      'STMT-2/1/1@2026-03-01',
    ]);
    const block = `{1:F01X}{2:O940X}{4:\n${mt940().replace(/\n-$/, '\n-}')}`;
    expect(parseMt940(block).statements).toHaveLength(1);
  });
});

describe('finding 4: camt numeric character references', () => {
  const withText = (t: string) =>
    camt053({ entries: [camtEntry({ details: camtDetail('100.00', 'EUR', undefined, t) })] });

  it('&#45; and &#252; (and hex &#xFC;) are decoded', () => {
    const tx = parseCamt(withText('INV&#45;2026 M&#252;ller M&#xFC;ller')).statements[0]?.transactions[0];
    expect(tx?.remittanceText).toEqual(['INV-2026 M\u00fcller M\u00fcller']);
  });

  it.each(['&#0;', '&#xD800;', '&#x1B;', '&#1;', '&#x7;', '&#xFFFE;', '&#x110000;'])(
    'forbidden reference %s is refused with a location, not silently deleted',
    (ref) => {
      const e = parseError(() => parseCamt(withText(`INV${ref}1`)));
      expect(e.code).toBe('MALFORMED_STATEMENT');
      expect(e.location.line).toBeGreaterThan(1);
    },
  );

  it('tab, CR and LF references are allowed', () => {
    const tx = parseCamt(withText('A&#9;B&#10;C&#13;D')).statements[0]?.transactions[0];
    expect(tx?.remittanceText).toEqual(['A\tB\nC\rD']);
  });

  it('a raw C0 control character in text is refused', () => {
    expect(parseError(() => parseCamt(withText('INV\u00011'))).code).toBe('MALFORMED_STATEMENT');
  });
});

describe('finding 4 (neighbours): camt CcyXchg and Chrgs', () => {
  it('CcyXchg fills exchangeRate with SrcCcy, TrgtCcy and the rate as printed', () => {
    const d = camtDetail('100.00').replace(
      '</Amt>',
      '</Amt><AmtDtls><InstdAmt><Amt Ccy="CHF">107.89</Amt><CcyXchg><SrcCcy>CHF</SrcCcy><TrgtCcy>EUR</TrgtCcy><XchgRate>0.926844</XchgRate></CcyXchg></InstdAmt></AmtDtls>',
    );
    const tx = parseCamt(camt053({ entries: [camtEntry({ details: d })] })).statements[0]?.transactions[0];
    expect(tx?.exchangeRate).toEqual({ sourceCurrency: 'CHF', targetCurrency: 'EUR', rate: '0.926844' });
    expect(tx?.instructedAmount).toEqual({ amountMinor: 10789, currency: 'CHF' });
  });

  it('a malformed XchgRate is refused', () => {
    const d = camtDetail('100.00').replace(
      '</Amt>',
      '</Amt><AmtDtls><InstdAmt><Amt Ccy="CHF">107.89</Amt><CcyXchg><SrcCcy>CHF</SrcCcy><TrgtCcy>EUR</TrgtCcy><XchgRate>0,92</XchgRate></CcyXchg></InstdAmt></AmtDtls>',
    );
    expect(
      parseError(() => parseCamt(camt053({ entries: [camtEntry({ details: d })] }))).location.path,
    ).toMatch(/XchgRate$/);
  });

  it('charges in another currency than the entry are never added to chargesMinor: kept as text, with a warning', () => {
    const d = camtDetail('100.00').replace(
      '<RmtInf>',
      '<Chrgs><Rcrd><Amt Ccy="USD">1.50</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd><Rcrd><Amt Ccy="EUR">0.25</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs><RmtInf>',
    );
    const r = parseCamt(camt053({ entries: [camtEntry({ details: d })] }));
    const tx = r.statements[0]?.transactions[0];
    expect(tx?.chargesMinor).toBe(25);
    expect(tx?.additionalInfo).toContain('Charges USD 1.50');
    expect(r.warnings.map((w) => w.code)).toEqual(['CHARGES_OTHER_CURRENCY']);
  });
});
