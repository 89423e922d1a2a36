// An invoice as the duplicate index knows it before its stream is read.

import type { InvoiceInput } from '../inputs/invoice.js';
import type { InvoiceFingerprintRecord } from '../math/fingerprint.js';

/**
 * What the duplicate index knows of an invoice: number, parties, amount, currency, date and PO,
 * and the shipping documents its stream names when they are given (last, as records are stored).
 *
 * @example
 * ```ts
 * state.duplicates.add(invoiceRecord(invoice));
 * ```
 */
export function invoiceRecord(inv: InvoiceInput, documentRefs?: readonly string[]): InvoiceFingerprintRecord {
  return {
    invoiceId: inv.invoiceId,
    invoiceNumber: inv.invoiceNumber ?? '',
    supplierQuid: inv.supplierQuid,
    buyerQuid: inv.buyerQuid,
    amountMinor: inv.amountMinor,
    issuedAt: inv.issuedAt,
    currency: inv.currency,
    ...(inv.poReference !== undefined ? { poReference: inv.poReference } : {}),
    ...(documentRefs !== undefined ? { documentRefs } : {}),
  };
}
