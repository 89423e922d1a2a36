import { describe, expect, it } from 'vitest';
import { type EInvoiceIssue, parseEInvoice, readXml } from '../src/index.js';
import { validationError } from './support/expectIssues.js';
import { fixture } from './support/fixtures.js';

const base = fixture('peppol-base-example.xml');
const cii = fixture('en16931-CII_example3.xml');
const rules = (e: { issues: readonly unknown[] }) =>
  (e.issues as EInvoiceIssue[]).map((i) => [i.rule, i.path]);

describe('broken invoices give typed, located errors', () => {
  it('wrong payable amount: BR-CO-16 at LegalMonetaryTotal/PayableAmount', () => {
    const xml = base.replace(
      '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>',
      '<cbc:PayableAmount currencyID="EUR">1656.26</cbc:PayableAmount>',
    );
    const err = validationError(() => parseEInvoice(xml), 'EINVOICE_RULES');
    expect(rules(err)).toEqual([['BR-CO-16', '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount']]);
    expect(err.message).toContain('is 1656.26 but total with VAT - prepaid + rounding is 1656.25');
  });

  it('line amounts that do not add up to the line total: BR-CO-10 (and the Peppol line check R120)', () => {
    const xml = base.replace(
      '<cbc:LineExtensionAmount currencyID= "EUR">2800</cbc:LineExtensionAmount>',
      '<cbc:LineExtensionAmount currencyID="EUR">2801</cbc:LineExtensionAmount>',
    );
    const err = validationError(() => parseEInvoice(xml), 'EINVOICE_RULES');
    expect(rules(err)).toContainEqual([
      'BR-CO-10',
      '/Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount',
    ]);
    expect(rules(err)).toContainEqual([
      'PEPPOL-EN16931-R120',
      '/Invoice/cac:InvoiceLine[1]/cbc:LineExtensionAmount',
    ]);
  });

  it('VAT amount not taxable x rate: BR-CO-17 on the breakdown row and BR-CO-14/15 on the totals', () => {
    const xml = base
      .replaceAll('331.25', '331.20')
      .replace('1656.25</cbc:TaxInclusiveAmount>', '1656.20</cbc:TaxInclusiveAmount>')
      .replace('1656.25</cbc:PayableAmount>', '1656.20</cbc:PayableAmount>');
    const err = validationError(() => parseEInvoice(xml), 'EINVOICE_RULES');
    expect(rules(err)).toEqual([['BR-CO-17', '/Invoice/cac:TaxTotal/cac:TaxSubtotal[1]/cbc:TaxAmount']]);
  });

  it('VAT breakdown taxable amount that is not the net of its category: BR-S-08', () => {
    const xml = cii
      .replace('<ram:BasisAmount>900</ram:BasisAmount>', '<ram:BasisAmount>800</ram:BasisAmount>')
      .replace(
        '<ram:CalculatedAmount>225</ram:CalculatedAmount>',
        '<ram:CalculatedAmount>200</ram:CalculatedAmount>',
      )
      .replace('>225</ram:TaxTotalAmount>', '>200</ram:TaxTotalAmount>')
      .replaceAll('1125', '1100');
    const err = validationError(() => parseEInvoice(xml), 'EINVOICE_RULES');
    expect(rules(err)).toEqual([
      [
        'BR-S-08',
        '/CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[1]/ram:BasisAmount',
      ],
    ]);
  });

  it('a line in a VAT category with no breakdown row: BR-Z-01', () => {
    const xml = base.replace(
      '<cbc:ID>S</cbc:ID>\n                <cbc:Percent>25.0</cbc:Percent>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>\n            </cac:ClassifiedTaxCategory>',
      '<cbc:ID>Z</cbc:ID>\n                <cbc:Percent>0</cbc:Percent>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>\n            </cac:ClassifiedTaxCategory>',
    );
    expect(xml).not.toBe(base);
    const err = validationError(() => parseEInvoice(xml), 'EINVOICE_RULES');
    expect(rules(err).map((r) => r[0])).toEqual(expect.arrayContaining(['BR-Z-01', 'BR-S-08']));
  });

  it('amounts that are not plain decimals or have more than 2 decimals: BR-DEC', () => {
    const xml = base.replace(
      '<cbc:Amount currencyID="EUR">25</cbc:Amount>',
      '<cbc:Amount currencyID="EUR">2.5e1</cbc:Amount>',
    );
    const err = validationError(() => parseEInvoice(xml), 'EINVOICE_RULES');
    expect(rules(err)).toContainEqual(['BR-DEC', '/Invoice/cac:AllowanceCharge[1]/cbc:Amount']);
  });

  it('unknown currency code: BR-CL-04', () => {
    const xml = base.replaceAll('EUR', 'EUX');
    expect(rules(validationError(() => parseEInvoice(xml), 'EINVOICE_RULES'))).toEqual([
      ['BR-CL-04', '/Invoice/cbc:DocumentCurrencyCode'],
    ]);
  });

  it('an amount in another currency than the invoice is refused where it is (PEPPOL-EN16931-R051)', () => {
    const xml = base.replace(
      '<cbc:Amount currencyID="EUR">25</cbc:Amount>',
      '<cbc:Amount currencyID="USD">25</cbc:Amount>',
    );
    const err = validationError(() => parseEInvoice(xml), 'INVALID_EINVOICE');
    expect(err.issues).toEqual([
      {
        path: '/Invoice/cac:AllowanceCharge[1]/cbc:Amount[1]',
        message: 'PEPPOL-EN16931-R051: amount in USD, but the invoice currency is EUR',
      },
    ]);
  });

  it('a VAT total in the tax currency (BT-111) is allowed only for the declared tax currency', () => {
    const allowance = fixture('peppol-Allowance-example.xml');
    expect(parseEInvoice(allowance).totals.vatTotalInTaxCurrency).toBeDefined();
    const wrong = allowance.replace(
      '<cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>',
      '<cbc:TaxCurrencyCode>NOK</cbc:TaxCurrencyCode>',
    );
    const err = validationError(() => parseEInvoice(wrong), 'INVALID_EINVOICE');
    expect(err.issues.map((i) => i.message)).toContain(
      'BR-CO-14: more than one VAT total in the invoice currency',
    );
  });

  it('a prefixed root in the right namespace reads the same as the default namespace (prefixes do not matter, namespaces do)', () => {
    const prefixed = base
      .replace('<Invoice xmlns:cac=', '<ubl:Invoice xmlns:cac=')
      .replace(
        'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
        'xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
      )
      .replace('</Invoice>', '</ubl:Invoice>')
      .replaceAll('cbc:', 'b:')
      .replace('xmlns:cbc=', 'xmlns:b=');
    expect(prefixed).toContain('<b:ID>Snippet1</b:ID>');
    expect(parseEInvoice(prefixed)).toEqual(parseEInvoice(base));
  });

  it('missing invoice number and missing seller legal name: every missing term listed with its location', () => {
    const xml = base
      .replace('<cbc:ID>Snippet1</cbc:ID>', '')
      .replace('<cbc:RegistrationName>SupplierOfficialName Ltd</cbc:RegistrationName>', '');
    const err = validationError(() => parseEInvoice(xml), 'INVALID_EINVOICE');
    expect(err.issues).toEqual([
      { path: '/Invoice/cbc:ID', message: 'BR-02: invoice number is missing' },
      {
        path: '/Invoice/cac:AccountingSupplierParty[1]/cac:Party[1]/cac:PartyLegalEntity[1]/cbc:RegistrationName',
        message: 'BR-06: legal name is missing',
      },
    ]);
  });

  it('missing lines and totals in CII: BR-16 and BR-12', () => {
    const xml = cii
      .replace(/<ram:IncludedSupplyChainTradeLineItem>[\s\S]*<\/ram:IncludedSupplyChainTradeLineItem>/, '')
      .replace(
        /<ram:SpecifiedTradeSettlementHeaderMonetarySummation>[\s\S]*<\/ram:SpecifiedTradeSettlementHeaderMonetarySummation>/,
        '',
      );
    const err = validationError(() => parseEInvoice(xml), 'INVALID_EINVOICE');
    expect(err.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['BR-12: document totals are missing', 'BR-16: at least one line is required']),
    );
  });

  it('wrong namespace: a UBL Invoice element in the CreditNote namespace is refused', () => {
    const xml = base.replace(
      'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
      'xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"',
    );
    const err = validationError(() => parseEInvoice(xml), 'INVALID_EINVOICE');
    expect(err.path).toBe('/Invoice');
  });

  it('wrong namespace: cbc elements in a misspelt namespace are not read as UBL (mandatory terms missing)', () => {
    const xml = base.replace('CommonBasicComponents-2"', 'CommonBasicComponents-3"');
    const err = validationError(() => parseEInvoice(xml), 'INVALID_EINVOICE');
    expect(err.issues.map((i) => i.message)).toContain('BR-02: invoice number is missing');
  });

  it('a document that is neither UBL nor CII is refused at its root', () => {
    const err = validationError(
      () => parseEInvoice('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>'),
      'INVALID_EINVOICE',
    );
    expect(err.path).toBe('/Document');
  });
});

describe('hostile XML is refused before anything is read', () => {
  const xxe = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice>&xxe;</Invoice>`;
  const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>`;

  it('XXE: a DOCTYPE with an external entity is refused', () => {
    const err = validationError(() => parseEInvoice(xxe), 'INVALID_XML');
    expect(err.message).toContain('DOCTYPE');
  });

  it('billion laughs: entity declarations are refused, nothing is expanded', () => {
    validationError(() => readXml(laughs), 'INVALID_XML');
  });

  it('a DOCTYPE hidden after the root start tag is refused too', () => {
    validationError(() => readXml('<a><!DOCTYPE a><b/></a>'), 'INVALID_XML');
  });

  it('undeclared entity references are refused, not passed through', () => {
    const err = validationError(() => readXml('<a>&nbsp;</a>'), 'INVALID_XML');
    expect(err.path).toBe('/a (line 1)');
  });

  it.each([['&#0;'], ['&#xD800;'], ['&#x110000;'], ['&#1;'], ['&#xFFFE;'], ['&#x;'], ['&#12a;']])(
    'numeric character reference %s that is not an XML character is refused',
    (ref) => {
      validationError(() => readXml(`<a>${ref}</a>`), 'INVALID_XML');
    },
  );

  it('valid numeric character references decode exactly', () => {
    expect(readXml('<a>&#x20AC;&#8364;&lt;&amp;&#128512;</a>').children).toEqual(['€€<&😀']);
  });

  it('deep nesting beyond the limit is refused with the depth in the message', () => {
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    const err = validationError(() => readXml(deep), 'INVALID_XML');
    expect(err.message).toContain('deeper than 64');
  });

  it('an oversized document is refused before parsing', () => {
    validationError(() => readXml(`<a>${'x'.repeat(200)}</a>`, { maxBytes: 100 }), 'INVALID_XML');
  });

  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['unclosed root', '<a><b/>'],
    ['undeclared prefix', '<x:a/>'],
    ['two roots', '<a/><b/>'],
    ['text after root', '<a/>junk'],
    ['repeated attribute', '<a x="1" x="2"/>'],
    ['bare ampersand', '<a>fish & chips</a>'],
    ['control character', '<a>\u0001</a>'],
    ['< in an attribute value', '<a x="<"/>'],
    ['a processing instruction that never ends', '<a><?pi </a>'],
    ['an unterminated comment', '<a><!-- </a>'],
  ])('%s is refused', (_what, xml) => {
    validationError(() => readXml(xml), 'INVALID_XML');
  });
});
