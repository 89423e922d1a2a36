import { computeInvoiceTotals, type InvoiceDocument } from '@quidfin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEInvoice,
  fromInvoiceDocument,
  parseEInvoice,
  toInvoiceDocument,
  writeEInvoice,
} from '../src/index.js';
import { validationError } from './support/expectIssues.js';

const parties = { supplierQuid: 'aaaaaaaaaaaaaaaa', buyerQuid: 'bbbbbbbbbbbbbbbb' };
const extras = { sellerCountry: 'DE', buyerCountry: 'FR' };

const docArb: fc.Arbitrary<InvoiceDocument> = fc
  .record({
    currency: fc.constantFrom('EUR', 'JPY', 'BHD'),
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 500 }).map(String),
        unitPriceMinor: fc.integer({ min: 0, max: 2_000_000 }).map(String),
        taxRateBps: fc.constantFrom(0, 700, 1900, 2000, 550),
        description: fc.constantFrom('Widget', 'Gadget & co', 'Écrou <M6>'),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    po: fc.option(fc.constantFrom('PO-1', 'PO-4711'), { nil: undefined }),
  })
  .map(({ currency, lines, po }) => {
    const t = computeInvoiceTotals(lines);
    return {
      invoiceNumber: 'INV-9',
      issueDate: '2026-11-02',
      dueDate: '2026-12-02',
      currency: currency as InvoiceDocument['currency'],
      supplier: {
        quid: parties.supplierQuid,
        name: 'Acme GmbH',
        taxId: 'DE123456789',
        iban: 'DE89370400440532013000',
      },
      buyer: { quid: parties.buyerQuid, name: 'MegaCorp SA' },
      lineItems: lines.map((l, i) => ({ ...l, amountMinor: t.lineAmountsMinor[i] ?? '0' })),
      subtotalMinor: t.subtotalMinor,
      taxMinor: t.taxMinor,
      totalMinor: t.totalMinor,
      paymentReference: 'RF18539007547034',
      ...(po === undefined ? {} : { poReference: po }),
    };
  });

describe('fromInvoiceDocument', () => {
  it('property: document -> UBL/CII -> document is the identity, or the write is refused for per-line VAT rounding (BR-CO-17) and never altered', () => {
    let same = 0;
    let refused = 0;
    fc.assert(
      fc.property(docArb, fc.constantFrom('UBL' as const, 'CII' as const), (doc, syntax) => {
        if (doc.currency === 'BHD') {
          expect(
            validationError(() => fromInvoiceDocument(doc, extras), 'EINVOICE_NOT_REPRESENTABLE').path,
          ).toBe('currency');
          return;
        }
        const inv = fromInvoiceDocument(doc, extras);
        const issues = checkEInvoice(inv);
        if (issues.length > 0) {
          expect(issues.every((i) => i.rule === 'BR-CO-17')).toBe(true);
          validationError(() => writeEInvoice(inv, syntax), 'EINVOICE_RULES');
          refused++;
          return;
        }
        const back = toInvoiceDocument(parseEInvoice(writeEInvoice(inv, syntax)), parties);
        // The document has no address; the e-invoice's mandatory country comes back as one.
        const { address: sa, ...supplier } = back.document.supplier;
        const { address: ba, ...buyer } = back.document.buyer;
        expect([sa, ba]).toEqual(['DE', 'FR']);
        expect({ ...back.document, supplier, buyer }).toEqual(doc);
        same++;
      }),
      { numRuns: 200 },
    );
    expect(same).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(0);
  });

  it('per-line VAT that differs from per-rate rounding is refused, not rewritten: 3 lines of 0.05 at 10%', () => {
    const lines = [1, 2, 3].map(() => ({
      description: 'x',
      quantity: '1',
      unitPriceMinor: '5',
      taxRateBps: 1000,
    }));
    const t = computeInvoiceTotals(lines);
    const doc: InvoiceDocument = {
      invoiceNumber: 'A',
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      currency: 'EUR',
      supplier: { quid: parties.supplierQuid, name: 'S' },
      buyer: { quid: parties.buyerQuid, name: 'B' },
      lineItems: lines.map((l, i) => ({ ...l, amountMinor: t.lineAmountsMinor[i] ?? '0' })),
      subtotalMinor: t.subtotalMinor,
      taxMinor: t.taxMinor,
      totalMinor: t.totalMinor,
    };
    // Per line: 0.5 cent rounds up to 1 cent each, 3 cents in all; per rate: 15 cents x 10% = 2 cents.
    expect(doc.taxMinor).toBe('3');
    const inv = fromInvoiceDocument(doc, extras);
    expect(checkEInvoice(inv).map((i) => i.rule)).toEqual(['BR-CO-17']);
  });
});
