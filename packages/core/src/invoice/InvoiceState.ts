/**
 * Lifecycle states of an invoice, as derived by {@link deriveInvoiceLifecycle}.
 *
 * @example
 * ```ts
 * const s: InvoiceState = 'PartiallyPaid';
 * ```
 */
export type InvoiceState =
  | 'Draft'
  | 'Issued'
  | 'Sent'
  | 'Shipped'
  | 'Delivered'
  | 'Acknowledged'
  | 'PoMatched'
  | 'Factored'
  | 'Disputed'
  | 'PartiallyPaid'
  | 'Paid'
  | 'Reconciled'
  | 'Credited';

/**
 * All lifecycle states in their natural order.
 *
 * @example
 * ```ts
 * INVOICE_STATES.includes('Paid'); // true
 * ```
 */
export const INVOICE_STATES: readonly InvoiceState[] = [
  'Draft',
  'Issued',
  'Sent',
  'Shipped',
  'Delivered',
  'Acknowledged',
  'PoMatched',
  'Factored',
  'Disputed',
  'PartiallyPaid',
  'Paid',
  'Reconciled',
  'Credited',
];
