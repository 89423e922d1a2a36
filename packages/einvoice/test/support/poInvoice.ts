// Builds small invoices and POs for the PO-matching tests.
import type { EInvoice, ELine, PurchaseOrder } from '../../src/index.js';

/** An invoice line: quantity, net price per unit, optional PO line reference and item id. */
export function invLine(
  id: string,
  quantity: string,
  price: string,
  orderLineRef?: string,
  itemId?: string,
): ELine {
  return {
    id,
    quantity,
    unitCode: 'C62',
    netAmount: '0',
    ...(orderLineRef === undefined ? {} : { orderLineRef }),
    ...(itemId === undefined ? {} : { sellerItemId: itemId }),
    name: `item ${id}`,
    price: { net: price },
    vat: { category: 'S', rate: '25' },
    allowancesCharges: [],
  };
}

/** An invoice quoting `po` with the given lines (totals are not relevant to matching). */
export function invoiceFor(po: string, lines: ELine[], over: Partial<EInvoice> = {}): EInvoice {
  return {
    syntax: 'UBL',
    kind: 'invoice',
    customizationId: 'urn:cen.eu:en16931:2017',
    number: 'INV-1',
    issueDate: '2026-11-30',
    typeCode: '380',
    currency: 'EUR',
    notes: [],
    orderReference: po,
    seller: { name: 'Acme', ids: [] },
    buyer: { name: 'MegaCorp', ids: [] },
    paymentMeans: [],
    allowancesCharges: [],
    vatBreakdown: [],
    totals: { lineNet: '0', taxExclusive: '0', taxInclusive: '0', payable: '0' },
    lines,
    extensions: [],
    ...over,
  };
}

/** PO-4711: line 10 is 100 widgets at 4.25, line 20 is 10 gadgets at 12.00. */
export const PO: PurchaseOrder = {
  number: 'PO-4711',
  currency: 'EUR',
  lines: [
    { lineId: '10', itemId: 'WID', quantity: '100', unitCode: 'C62', unitPrice: '4.25' },
    { lineId: '20', itemId: 'GAD', quantity: '10', unitCode: 'C62', unitPrice: '12.00' },
  ],
};
