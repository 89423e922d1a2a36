import { describe, expect, it } from 'vitest';
import { checkEInvoice, parseEInvoice, writeEInvoice } from '../src/index.js';
import { fixture, SAMPLES } from './support/fixtures.js';

describe('public sample files (Peppol BIS 3.0, EN 16931 CII, XRechnung)', () => {
  for (const name of SAMPLES) {
    it(`${name} parses with no rule issue and round-trips through its own syntax`, () => {
      const inv = parseEInvoice(fixture(name));
      expect(checkEInvoice(inv)).toEqual([]);
      expect(inv.lines.length).toBeGreaterThan(0);
      const again = parseEInvoice(writeEInvoice(inv));
      expect(again).toEqual(inv);
    });

    it(`${name} converts to the other syntax and back without losing a mapped term`, () => {
      const inv = parseEInvoice(fixture(name));
      const other = inv.syntax === 'UBL' ? 'CII' : 'UBL';
      const converted = parseEInvoice(writeEInvoice(inv, other));
      expect(converted.syntax).toBe(other);
      expect({ ...converted, syntax: inv.syntax, extensions: [] }).toEqual({ ...inv, extensions: [] });
    });
  }

  it('Peppol base example: seller, buyer, payment, references, delivery and totals are read as written', () => {
    const inv = parseEInvoice(fixture('peppol-base-example.xml'));
    expect(inv).toMatchObject({
      syntax: 'UBL',
      kind: 'invoice',
      number: 'Snippet1',
      issueDate: '2017-11-13',
      dueDate: '2017-12-01',
      currency: 'EUR',
      buyerReference: '0150abc',
      seller: {
        name: 'SupplierOfficialName Ltd',
        tradingName: 'SupplierTradingName Ltd.',
        vatId: 'GB1232434',
        endpoint: { value: '9482348239847239874', scheme: '0088' },
        address: { line1: 'Main street 1', city: 'London', postalCode: 'GB 123 EW', country: 'GB' },
      },
      buyer: { name: 'Buyer Official Name', vatId: 'SE4598375937', contactEmail: 'lj@buyer.se' },
      delivery: {
        date: '2017-11-01',
        partyName: 'Delivery party Name',
        locationId: { value: '9483759475923478', scheme: '0088' },
      },
      paymentMeans: [{ code: '30', remittance: 'Snippet1', iban: 'IBAN32423940', bic: 'BIC324098' }],
      paymentTerms: 'Payment within 10 days, 2% discount',
      allowancesCharges: [
        { charge: true, amount: '25', reason: 'Insurance', vat: { category: 'S', rate: '25.0' } },
      ],
      vatBreakdown: [{ category: 'S', rate: '25.0', taxableAmount: '1325', taxAmount: '331.25' }],
      totals: {
        lineNet: '1300',
        chargeTotal: '25',
        taxExclusive: '1325',
        vatTotal: '331.25',
        taxInclusive: '1656.25',
        payable: '1656.25',
      },
    });
    expect(inv.lines[1]).toMatchObject({
      id: '2',
      quantity: '-3',
      unitCode: 'DAY',
      netAmount: '-1500',
      orderLineRef: '123',
      price: { net: '500' },
    });
  });

  it('Peppol credit note: CreditNote root, type 381, credited quantities and the corrected invoice reference', () => {
    const inv = parseEInvoice(fixture('peppol-base-creditnote-correction.xml'));
    expect(inv.kind).toBe('creditNote');
    expect(inv.typeCode).toBe('381');
    expect(inv.precedingInvoice).toBeDefined();
    expect(writeEInvoice(inv)).toContain('<cac:CreditNoteLine>');
  });

  it('CII example 3: dates in format 102, the creditor IBAN, payment reference and contract reference', () => {
    const inv = parseEInvoice(fixture('en16931-CII_example3.xml'));
    expect(inv).toMatchObject({
      syntax: 'CII',
      number: 'TOSL108',
      issueDate: '2013-04-10',
      dueDate: '2013-05-10',
      currency: 'DKK',
      contractReference: 'SUBSCR571',
      paymentMeans: [{ code: '30', remittance: 'Payref1', iban: 'DK1212341234123412' }],
      seller: { vatId: 'DK16356706', legalId: { value: 'DK16356706' } },
      totals: { payable: '1125', vatTotal: '225' },
    });
  });

  it('unknown elements are kept as extensions and written back in place (billing period, classification)', () => {
    const inv = parseEInvoice(fixture('en16931-CII_example3.xml'));
    const period = inv.extensions.find((x) => x.element.local === 'BillingSpecifiedPeriod');
    expect(period?.parent).toBe(
      '/CrossIndustryInvoice/SupplyChainTradeTransaction[1]/ApplicableHeaderTradeSettlement[1]',
    );
    const xml = writeEInvoice(inv);
    expect(xml).toMatch(
      /<ram:ApplicableTradeTax>[\s\S]*<ram:BillingSpecifiedPeriod>[\s\S]*20130101[\s\S]*<ram:SpecifiedTradeAllowanceCharge>/,
    );
    const ubl = parseEInvoice(fixture('peppol-base-example.xml'));
    expect(ubl.extensions.map((x) => x.element.local)).toContain('CommodityClassification');
    expect(writeEInvoice(ubl)).toContain(
      '<cbc:ItemClassificationCode listID="SRV">09348023</cbc:ItemClassificationCode>',
    );
  });

  it('Peppol allowance example: tax currency (BT-6) and the VAT total in it (BT-111) are kept and written back', () => {
    const inv = parseEInvoice(fixture('peppol-Allowance-example.xml'));
    expect(inv.taxCurrency).toBe('SEK');
    const xml = writeEInvoice(inv);
    expect(xml).toContain('<cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>');
    expect(xml).toContain(
      `<cbc:TaxAmount currencyID="SEK">${inv.totals.vatTotalInTaxCurrency}</cbc:TaxAmount>`,
    );
    expect(writeEInvoice(inv, 'CII')).toContain(
      `<ram:TaxTotalAmount currencyID="SEK">${inv.totals.vatTotalInTaxCurrency}</ram:TaxTotalAmount>`,
    );
  });

  it('XRechnung sample whose line net is not quantity x price passes EN 16931 (R120 is Peppol-only) but fails as Peppol BIS', () => {
    const inv = parseEInvoice(fixture('en16931-XRechnung-O.xml'));
    expect(checkEInvoice(inv)).toEqual([]);
    const asPeppol = {
      ...inv,
      customizationId: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
    };
    expect(checkEInvoice(asPeppol).map((i) => i.rule)).toContain('PEPPOL-EN16931-R120');
  });
});
