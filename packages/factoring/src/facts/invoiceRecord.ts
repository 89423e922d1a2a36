// An invoice as the duplicate index knows it before its stream is read.

import type { InvoiceInput } from '../inputs/invoice.js';
import type { InvoiceFingerprintRecord } from '../math/fingerprint.js';

/**
 * What the duplicate index knows of an invoice without its stream: number, parties, amount,
 * currency, date and PO (no shipping documents).
 *
 * @example
 * ```ts
 * state.duplicates.add(invoiceRecord(invoice));
 * ```
 */
export function invoiceRecord(inv: InvoiceInput): InvoiceFingerprintRecord {
  return {
    invoiceId: inv.invoiceId,
    invoiceNumber: inv.invoiceNumber ?? '',
    supplierQuid: inv.supplierQuid,
    buyerQuid: inv.buyerQuid,
    amountMinor: inv.amountMinor,
    issuedAt: inv.issuedAt,
    currency: inv.currency,
    ...(inv.poReference !== undefined ? { poReference: inv.poReference } : {}),
  };
}
