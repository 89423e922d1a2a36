import { checkInvoiceDocument } from '@quidfin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EInvoice, parseEInvoice, toInvoiceDocument } from '../src/index.js';
import { invoiceArb } from './support/arbitraries.js';
import { validationError } from './support/expectIssues.js';
import { fixture } from './support/fixtures.js';

const parties = { supplierQuid: 'aaaaaaaaaaaaaaaa', buyerQuid: 'bbbbbbbbbbbbbbbb' };
const cii = () => parseEInvoice(fixture('en16931-CII_example3.xml'));
const withIban = (inv: EInvoice): EInvoice => ({
  ...inv,
  paymentMeans: inv.paymentMeans.map((p) => ({ ...p, iban: 'DE89370400440532013000' })),
});

describe('toInvoiceDocument', () => {
  it('maps the CII sample: lines, a document charge as a line, VAT, totals, IBAN, references', () => {
    const { document, en16931 } = toInvoiceDocument(withIban(cii()), parties);
    expect(document).toMatchObject({
      invoiceNumber: 'TOSL108',
      issueDate: '2013-04-10',
      dueDate: '2013-05-10',
      currency: 'DKK',
      supplier: {
        quid: parties.supplierQuid,
        name: 'SubscriptionSeller',
        taxId: 'DK16356706',
        iban: 'DE89370400440532013000',
      },
      buyer: { quid: parties.buyerQuid, name: 'Buyercompany ltd' },
      lineItems: [
        {
          description: 'Paper subscription: Subscription fee 1st quarter',
          quantity: '1',
          unitPriceMinor: '80000',
          taxRateBps: 2500,
          amountMinor: '80000',
        },
        {
          description: 'Charge: Freight charge',
          quantity: '1',
          unitPriceMinor: '10000',
          taxRateBps: 2500,
          amountMinor: '10000',
        },
      ],
      subtotalMinor: '90000',
      taxMinor: '22500',
      totalMinor: '112500',
      paymentReference: 'Payref1',
    });
    expect(en16931.contractReference).toBe('SUBSCR571');
    expect(checkInvoiceDocument(document).ok).toBe(true);
  });

  it('the sample IBAN that fails mod-97 is refused at supplier.iban, not carried', () => {
    const err = validationError(() => toInvoiceDocument(cii(), parties), 'EINVOICE_NOT_REPRESENTABLE');
    expect(err.path).toBe('supplier.iban');
  });

  it('a credit note and negative lines are refused with a reason each', () => {
    const err = validationError(
      () => toInvoiceDocument(parseEInvoice(fixture('peppol-base-creditnote-correction.xml')), parties),
      'EINVOICE_NOT_REPRESENTABLE',
    );
    expect(err.issues.map((i) => i.path)).toContain('kind');
    const inv = parseEInvoice(fixture('peppol-base-example.xml'));
    const neg = validationError(() => toInvoiceDocument(inv, parties), 'EINVOICE_NOT_REPRESENTABLE');
    expect(neg.issues).toContainEqual({
      path: 'lines[1]',
      message: 'a negative line cannot be carried; record a credit note instead',
    });
  });

  it('a document-level allowance, a prepaid amount and a missing due date are each refused', () => {
    const { dueDate: _omit, ...inv } = withIban(cii());
    const broken: EInvoice = {
      ...inv,
      allowancesCharges: [
        ...inv.allowancesCharges,
        { charge: false, amount: '10', vat: { category: 'S', rate: '25' } },
      ],
      totals: { ...inv.totals, prepaid: '5' },
    };
    const err = validationError(() => toInvoiceDocument(broken, parties), 'EINVOICE_NOT_REPRESENTABLE');
    expect(err.issues.map((i) => i.path)).toEqual(['dueDate', 'totals.prepaid', 'allowancesCharges[1]']);
  });

  it('never approximates: a mapped document has exactly the e-invoice totals, otherwise it is refused', () => {
    let mappedCount = 0;
    fc.assert(
      fc.property(invoiceArb, (inv) => {
        const withoutPrepaid = {
          ...inv,
          totals: { ...inv.totals, payable: inv.totals.taxInclusive, prepaid: '0' },
        };
        let mapped: ReturnType<typeof toInvoiceDocument> | undefined;
        try {
          mapped = toInvoiceDocument(withoutPrepaid, parties);
        } catch (e) {
          expect((e as { code?: string }).code).toBe('EINVOICE_NOT_REPRESENTABLE');
          return;
        }
        const cents = (s: string) => s.replace('.', '').replace(/^0+(?=\d)/, '');
        expect(mapped.document.totalMinor).toBe(cents(withoutPrepaid.totals.payable));
        expect(mapped.document.taxMinor).toBe(cents(withoutPrepaid.totals.vatTotal ?? '0'));
        expect(checkInvoiceDocument(mapped.document).ok).toBe(true);
        mappedCount++;
      }),
      { numRuns: 150 },
    );
    // The property must not hold only because everything was refused.
    expect(mappedCount).toBeGreaterThan(10);
  });
});
