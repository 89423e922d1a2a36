/**
 * An open receivable as the matcher sees it, from the Quidnug ledger (`invoice.issued` plus
 * later events) or an ERP export. A credit note is an `OpenInvoice` with `kind: 'credit-note'`
 * whose `openAmountMinor` is the credit still available (positive).
 *
 * @example
 * ```ts
 * const inv: OpenInvoice = {
 *   invoiceId: 'inv-1', invoiceNumber: 'INV-1001', payerId: 'buyer-quid', payerName: 'ACME GmbH',
 *   currency: 'EUR', amountMinor: 100000, openAmountMinor: 100000, issuedAt: '2026-01-02', dueAt: '2026-03-03',
 *   paymentReference: 'RF18539007547034',
 * };
 * ```
 */
export interface OpenInvoice {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  /** Default `'invoice'`. */
  readonly kind?: 'invoice' | 'credit-note';
  /** Stable id of the paying customer (buyer quid or ERP customer number). */
  readonly payerId: string;
  readonly payerName?: string;
  /** IBANs / account numbers the payer is known to pay from. */
  readonly payerAccounts?: readonly string[];
  readonly currency: string;
  /** Gross amount, minor units. */
  readonly amountMinor: number;
  /** Amount still open, minor units (0 < open <= gross for invoices). */
  readonly openAmountMinor: number;
  /** `YYYY-MM-DD`. */
  readonly issuedAt?: string;
  /** `YYYY-MM-DD`. */
  readonly dueAt?: string;
  /** Structured payment reference printed on the invoice (ISO 11649 `RF...` or a national one). */
  readonly paymentReference?: string;
  /** Purchase-order number the payer may quote instead of the invoice number. */
  readonly poNumber?: string;
  /** The payer's customer number at the supplier (payers quote it as "Kd-Nr."). */
  readonly customerNumber?: string;
  /** Supplier the receivable belongs to, on a collection account shared by several suppliers. */
  readonly supplierId?: string;
  /** Early-payment discount terms (`2/10 net 30` is `{ rateBps: 200, withinDays: 10 }`). */
  readonly earlyPaymentDiscount?: { readonly rateBps: number; readonly withinDays: number };
}

/**
 * One line of a remittance advice: which document, how much, and why it differs.
 *
 * @example
 * ```ts
 * const line: RemittanceLine = { invoiceNumber: 'INV-1001', amountMinor: 49000, deductionMinor: 1000, reason: 'DAMAGED_GOODS' };
 * ```
 */
export interface RemittanceLine {
  readonly invoiceNumber: string;
  /** Cash paid for this document, minor units of the payment currency. */
  readonly amountMinor: number;
  /** Discount or deduction taken, minor units. */
  readonly deductionMinor?: number;
  /** Payer's reason for a deduction (`EARLY_PAYMENT_DISCOUNT`, `DAMAGED_GOODS`, ...). */
  readonly reason?: string;
}

/**
 * A remittance advice sent apart from the payment (email, EDI 820, remt.001), linked to the
 * bank line by `paymentReference` (EndToEndId, bank reference or any reference on the line).
 *
 * @example
 * ```ts
 * const advice: RemittanceAdvice = { adviceId: 'ra-1', paymentReference: 'E2E-77',
 *   lines: [{ invoiceNumber: 'INV-1001', amountMinor: 50000 }, { invoiceNumber: 'INV-1002', amountMinor: 25000 }] };
 * ```
 */
export interface RemittanceAdvice {
  readonly adviceId: string;
  readonly paymentReference: string;
  readonly lines: readonly RemittanceLine[];
}
