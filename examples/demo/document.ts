// The off-chain invoice document: the full invoice (parties, lines, tax, totals, payment
// reference) stays with the parties; only its SHA-256 goes on the stream in `invoice.issued`.
import type { InvoiceDocument } from '@quidfin/core';
import type { Cast } from './cast.js';

const DAY = 86_400;
const isoDate = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

export interface InvoiceTerms {
  readonly invoiceNumber: string;
  readonly issuedAt: number;
  readonly netDays: number;
  readonly paymentReference: string;
  /** Lines as [description, quantity, unit price in cents]; tax-exempt (resale). */
  readonly lines: readonly (readonly [string, number, number])[];
}

/** Builds a USD invoice document whose totals add up (the document schema checks they do). */
export function invoiceDocument(cast: Cast, terms: InvoiceTerms): InvoiceDocument {
  const lineItems = terms.lines.map(([description, quantity, unitPriceMinor]) => ({
    description,
    quantity: String(quantity),
    unitPriceMinor: String(unitPriceMinor),
    taxRateBps: 0,
    amountMinor: String(quantity * unitPriceMinor),
  }));
  const subtotal = terms.lines.reduce((sum, [, q, p]) => sum + q * p, 0);
  return {
    invoiceNumber: terms.invoiceNumber,
    issueDate: isoDate(terms.issuedAt),
    dueDate: isoDate(terms.issuedAt + terms.netDays * DAY),
    currency: 'USD',
    supplier: { quid: cast.supplier.signer.quidId, name: cast.supplier.name, taxId: 'US-EIN-12-3456789' },
    buyer: { quid: cast.buyer.signer.quidId, name: cast.buyer.name, taxId: 'US-EIN-98-7654321' },
    lineItems,
    subtotalMinor: String(subtotal),
    taxMinor: '0',
    totalMinor: String(subtotal),
    paymentReference: terms.paymentReference,
    poReference: `PO-${terms.invoiceNumber.replace(/\D/g, '')}`,
    notes: 'Sales tax exempt: resale certificate on file.',
  };
}
