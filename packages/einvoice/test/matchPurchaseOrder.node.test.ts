import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GoodsReceipt, matchPurchaseOrder, type PoMismatchCode } from '../src/index.js';
import { invLine, invoiceFor, PO } from './support/poInvoice.js';

const gr = (id: string, lines: GoodsReceipt['lines'], poNumber = 'PO-4711'): GoodsReceipt => ({
  id,
  source: 'goods-receipt',
  poNumber,
  lines,
});
const codes = (r: { reasons: readonly { code: PoMismatchCode }[] }) => r.reasons.map((m) => m.code);

describe('two-way match (PO and invoice)', () => {
  it('an invoice at PO price for part of the order matches and leaves the rest open', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '60', '4.25', '10')]),
    });
    expect(r).toMatchObject({ mode: 'two-way', status: 'matched', reasons: [] });
    expect(r.poLines[0]).toEqual({ poLineId: '10', ordered: '100', invoiced: '60', openQuantity: '40' });
  });

  it('price above the PO beyond tolerance is PRICE_OVER_PO with both prices', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '10', '4.40', '10')]),
      tolerance: { price: { percentBps: 200 } },
    });
    expect(r.status).toBe('mismatch');
    expect(r.reasons).toEqual([
      expect.objectContaining({
        code: 'PRICE_OVER_PO',
        invoiceLineId: '1',
        poLineId: '10',
        expected: '4.25',
        actual: '4.4',
      }),
    ]);
  });

  it('price above the PO within a 2% tolerance is accepted as within-tolerance, with a note', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '10', '4.33', '10')]),
      tolerance: { price: { percentBps: 200 } },
    });
    expect(r.status).toBe('matched');
    expect(r.lines[0]?.status).toBe('within-tolerance');
  });

  it('a per-line tolerance replaces the default for that PO line only', () => {
    const invoice = invoiceFor('PO-4711', [
      invLine('1', '10', '4.33', '10'),
      invLine('2', '1', '12.20', '20'),
    ]);
    const r = matchPurchaseOrder({
      po: PO,
      invoice,
      lineTolerances: { '10': { price: { absolute: '0.10' } } },
    });
    expect(r.reasons.map((m) => [m.code, m.invoiceLineId])).toEqual([['PRICE_OVER_PO', '2']]);
  });

  it('a price below the PO is accepted and noted, not flagged', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '10', '4.00', '10')]),
    });
    expect(r.status).toBe('matched');
    expect(r.lines[0]?.notes[0]).toContain('below the PO price');
  });

  it('price per base quantity is compared per unit (100 per 25 units = 4 per unit)', () => {
    const line = { ...invLine('1', '25', '100', '10'), price: { net: '100', baseQuantity: '25' } };
    expect(matchPurchaseOrder({ po: PO, invoice: invoiceFor('PO-4711', [line]) }).status).toBe('matched');
  });

  it('double billing: earlier invoices plus this one beyond the ordered quantity is QTY_OVER_ORDERED', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '60', '4.25', '10')]),
      previouslyInvoiced: [{ poLineId: '10', quantity: '60' }],
    });
    expect(r.reasons).toEqual([
      expect.objectContaining({ code: 'QTY_OVER_ORDERED', expected: '100', actual: '120' }),
    ]);
  });

  it('no order line reference: tied by a unique item id, otherwise NO_PO_LINE; two PO lines with the item are PO_LINE_AMBIGUOUS', () => {
    const byItem = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '5', '12', undefined, 'GAD')]),
    });
    expect(byItem.lines[0]).toMatchObject({ poLineId: '20', status: 'matched' });
    const none = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '5', '12', undefined, 'XYZ')]),
    });
    expect(codes(none)).toEqual(['NO_PO_LINE']);
    const twice = {
      ...PO,
      lines: [...PO.lines, { ...PO.lines[1], lineId: '30' } as (typeof PO.lines)[number]],
    };
    const amb = matchPurchaseOrder({
      po: twice,
      invoice: invoiceFor('PO-4711', [invLine('1', '5', '12', undefined, 'GAD')]),
    });
    expect(codes(amb)).toEqual(['PO_LINE_AMBIGUOUS']);
    const wrongRef = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '5', '12', '99', 'GAD')]),
    });
    expect(codes(wrongRef)).toEqual(['NO_PO_LINE']);
  });

  it('a different unit is UNIT_MISMATCH and no conversion is assumed', () => {
    const line = { ...invLine('1', '1', '425', '10'), unitCode: 'HUN' };
    expect(codes(matchPurchaseOrder({ po: PO, invoice: invoiceFor('PO-4711', [line]) }))).toEqual([
      'UNIT_MISMATCH',
    ]);
  });

  it('header problems: no PO reference, another PO, another currency, a credit note', () => {
    const { orderReference: _no, ...noRef } = invoiceFor('PO-4711', [invLine('1', '1', '4.25', '10')]);
    expect(codes(matchPurchaseOrder({ po: PO, invoice: noRef }))).toEqual(['NO_PO_REFERENCE']);
    expect(
      codes(matchPurchaseOrder({ po: PO, invoice: invoiceFor('PO-9', [invLine('1', '1', '4.25', '10')]) })),
    ).toEqual(['PO_REFERENCE_MISMATCH']);
    const usd = invoiceFor('PO-4711', [invLine('1', '1', '4.25', '10')], { currency: 'USD' });
    expect(codes(matchPurchaseOrder({ po: PO, invoice: usd }))).toEqual(['CURRENCY_MISMATCH']);
    const cn = invoiceFor('PO-4711', [invLine('1', '1', '4.25', '10')], {
      kind: 'creditNote',
      typeCode: '381',
    });
    expect(codes(matchPurchaseOrder({ po: PO, invoice: cn }))).toEqual(['NOT_AN_INVOICE']);
  });

  it('a negative invoice quantity is NEGATIVE_QUANTITY', () => {
    expect(
      codes(
        matchPurchaseOrder({ po: PO, invoice: invoiceFor('PO-4711', [invLine('1', '-3', '4.25', '10')]) }),
      ),
    ).toEqual(['NEGATIVE_QUANTITY']);
  });
});

describe('three-way match (PO, receipts, invoice)', () => {
  it('partial deliveries add up: two receipts of 40 and 20 cover an invoice for 60', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '60', '4.25', '10')]),
      receipts: [
        gr('GR-1', [{ poLineId: '10', quantity: '40' }]),
        { ...gr('CD-7', [{ poLineId: '10', quantity: '20' }]), source: 'carrier-delivery' },
      ],
    });
    expect(r).toMatchObject({ mode: 'three-way', status: 'matched' });
    expect(r.poLines[0]).toEqual({
      poLineId: '10',
      ordered: '100',
      received: '60',
      invoiced: '60',
      openQuantity: '40',
    });
  });

  it('short delivery: invoicing the full order when 90 arrived is QTY_OVER_RECEIVED on that line only', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '100', '4.25', '10'), invLine('2', '10', '12', '20')]),
      receipts: [
        gr('GR-1', [
          { poLineId: '10', quantity: '90' },
          { poLineId: '20', quantity: '10' },
        ]),
      ],
    });
    expect(r.reasons).toEqual([
      expect.objectContaining({
        code: 'QTY_OVER_RECEIVED',
        invoiceLineId: '1',
        poLineId: '10',
        expected: '90',
        actual: '100',
      }),
    ]);
    expect(r.lines.map((l) => l.status)).toEqual(['mismatch', 'matched']);
  });

  it("short delivery credited: the supplier's credit note for the 10 missing units (BT-25 = the invoice) makes the invoice match again", () => {
    const invoice = invoiceFor('PO-4711', [
      invLine('1', '100', '4.25', '10'),
      invLine('2', '10', '12', '20'),
    ]);
    const receipts = [
      gr('GR-1', [
        { poLineId: '10', quantity: '90' },
        { poLineId: '20', quantity: '10' },
      ]),
    ];
    const creditNote = invoiceFor('PO-4711', [invLine('1', '10', '4.25', '10')], {
      kind: 'creditNote',
      typeCode: '381',
      number: 'CN-1',
      precedingInvoice: 'INV-1',
    });
    const r = matchPurchaseOrder({ po: PO, invoice, receipts, creditNotes: [creditNote] });
    expect(r.status).toBe('matched');
    expect(r.poLines.find((l) => l.poLineId === '10')).toMatchObject({ invoiced: '90', received: '90' });
    // Crediting only 5 of the 10 still bills 5 more than arrived.
    const half = { ...creditNote, lines: [invLine('1', '5', '4.25', '10')] };
    expect(codes(matchPurchaseOrder({ po: PO, invoice, receipts, creditNotes: [half] }))).toEqual([
      'QTY_OVER_RECEIVED',
    ]);
  });

  it('a credit note for another invoice, or an invoice passed as a credit note, is CREDIT_NOTE_FOR_OTHER_INVOICE and takes nothing off', () => {
    const invoice = invoiceFor('PO-4711', [invLine('1', '100', '4.25', '10')]);
    const receipts = [gr('GR-1', [{ poLineId: '10', quantity: '90' }])];
    const other = invoiceFor('PO-4711', [invLine('1', '10', '4.25', '10')], {
      kind: 'creditNote',
      typeCode: '381',
      number: 'CN-2',
      precedingInvoice: 'INV-OTHER',
    });
    const notACredit = { ...other, kind: 'invoice' as const, typeCode: '380', precedingInvoice: 'INV-1' };
    const r = matchPurchaseOrder({ po: PO, invoice, receipts, creditNotes: [other, notACredit] });
    expect(codes(r)).toEqual([
      'CREDIT_NOTE_FOR_OTHER_INVOICE',
      'CREDIT_NOTE_FOR_OTHER_INVOICE',
      'QTY_OVER_RECEIVED',
    ]);
  });

  it('rejected goods are not payable: 100 received with 15 rejected covers 85', () => {
    const receipts = [gr('GR-1', [{ poLineId: '10', quantity: '100', rejected: '15' }])];
    const ok = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '85', '4.25', '10')]),
      receipts,
    });
    expect(ok.status).toBe('matched');
    const over = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '86', '4.25', '10')]),
      receipts,
    });
    expect(codes(over)).toEqual(['QTY_OVER_RECEIVED']);
  });

  it('nothing received is NOT_RECEIVED; a receipt for another PO is reported and ignored', () => {
    const r = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '10', '4.25', '10')]),
      receipts: [gr('GR-X', [{ poLineId: '10', quantity: '10' }], 'PO-9')],
    });
    expect(codes(r)).toEqual(['RECEIPT_FOR_OTHER_PO', 'NOT_RECEIVED']);
  });

  it('a quantity tolerance lets 101 invoiced against 100 received pass, 103 not', () => {
    const receipts = [gr('GR-1', [{ poLineId: '10', quantity: '100' }])];
    const tolerance = { quantity: { percentBps: 100 } };
    const ok = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '101', '4.25', '10')]),
      receipts,
      tolerance,
    });
    expect(ok.lines[0]?.status).toBe('within-tolerance');
    const bad = matchPurchaseOrder({
      po: PO,
      invoice: invoiceFor('PO-4711', [invLine('1', '103', '4.25', '10')]),
      receipts,
      tolerance,
    });
    expect(codes(bad)).toEqual(['QTY_OVER_ORDERED', 'QTY_OVER_RECEIVED']);
  });

  it('property: invoicing at most what was received (and ordered) at the PO price matches; more than received does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 150 }), (got, billed) => {
        const r = matchPurchaseOrder({
          po: PO,
          invoice: invoiceFor('PO-4711', [invLine('1', String(billed), '4.25', '10')]),
          receipts: [gr('GR-1', [{ poLineId: '10', quantity: String(got) }])],
        });
        if (billed <= got) expect(r.status).toBe('matched');
        else expect(codes(r)).toContain('QTY_OVER_RECEIVED');
      }),
    );
  });
});
