import type { BankTransaction, OpenInvoice } from '../../src/index.js';

let counter = 0;

/** An open EUR invoice with sensible defaults. */
export function invoice(
  over: Partial<OpenInvoice> & { invoiceNumber: string; amountMinor: number },
): OpenInvoice {
  return {
    invoiceId: `id-${over.invoiceNumber}`,
    payerId: 'buyer-acme',
    payerName: 'ACME Trading GmbH',
    payerAccounts: ['DE02120300000000202051'],
    currency: 'EUR',
    openAmountMinor: over.amountMinor,
    issuedAt: '2026-02-01',
    dueAt: '2026-03-03',
    ...over,
  };
}

/** A booked EUR credit line with sensible defaults. */
export function credit(over: Partial<BankTransaction> & { amountMinor: number }): BankTransaction {
  counter++;
  return {
    id: `T:${counter}`,
    format: 'camt.053',
    statementId: 'T',
    direction: 'credit',
    currency: 'EUR',
    bookingDate: '2026-02-20',
    valueDate: '2026-02-20',
    status: 'BOOK',
    reversal: false,
    bankReference: `BR-${counter}`,
    otherReferences: [],
    creditorReferences: [],
    referredDocuments: [],
    remittanceText: [],
    additionalInfo: [],
    source: { path: 'test' },
    ...over,
  };
}
