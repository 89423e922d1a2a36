// Event type names of the invoice domain contract. Fraud signals are an open family
// (`fraud.signal.<kind>`), so they have a prefix and a kind pattern instead of one name.

/**
 * The fixed invoice-domain event type names, keyed by a short constant name.
 *
 * @example
 * ```ts
 * INVOICE_EVENT_TYPES.PAYMENT_RECEIVED; // 'payment.received'
 * ```
 */
export const INVOICE_EVENT_TYPES = {
  INVOICE_ISSUED: 'invoice.issued',
  CARRIER_SHIPPED: 'carrier.shipped',
  CARRIER_DELIVERED: 'carrier.delivered',
  BUYER_ACKNOWLEDGED: 'buyer.acknowledged',
  BUYER_DISPUTED: 'buyer.disputed',
  DISPUTE_RESOLVED: 'dispute.resolved',
  INVOICE_CREDITED: 'invoice.credited',
  FACTOR_PURCHASED: 'factor.purchased',
  PAYMENT_RECEIVED: 'payment.received',
  INVOICE_SENT: 'invoice.sent',
  PO_MATCHED: 'po.matched',
  PO_MISMATCH: 'po.mismatch',
} as const;

/**
 * Prefix of every fraud-signal event type (`fraud.signal.invoice-forged`, ...).
 *
 * @example
 * ```ts
 * `${FRAUD_SIGNAL_PREFIX}double-financing`; // 'fraud.signal.double-financing'
 * ```
 */
export const FRAUD_SIGNAL_PREFIX = 'fraud.signal.';

/**
 * A fraud-signal event type: `fraud.signal.<kind>`.
 *
 * @example
 * ```ts
 * const t: FraudSignalEventType = 'fraud.signal.invoice-forged';
 * ```
 */
export type FraudSignalEventType = `fraud.signal.${string}`;

/**
 * One of the fixed invoice-domain event type names.
 *
 * @example
 * ```ts
 * const t: FixedInvoiceEventType = 'buyer.acknowledged';
 * ```
 */
export type FixedInvoiceEventType = (typeof INVOICE_EVENT_TYPES)[keyof typeof INVOICE_EVENT_TYPES];

/**
 * Any invoice-domain event type, fraud signals included.
 *
 * @example
 * ```ts
 * const t: InvoiceEventType = 'fraud.signal.double-financing';
 * ```
 */
export type InvoiceEventType = FixedInvoiceEventType | FraudSignalEventType;

// Kinds are lowercase words joined by '-'; the whole event type must fit the node's 64 bytes.
const FRAUD_KIND = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The `<kind>` of a well-formed `fraud.signal.<kind>` event type, or `undefined`.
 *
 * @example
 * ```ts
 * fraudSignalKind('fraud.signal.invoice-forged'); // 'invoice-forged'
 * fraudSignalKind('fraud.signal.'); // undefined
 * ```
 */
export function fraudSignalKind(eventType: string): string | undefined {
  if (!eventType.startsWith(FRAUD_SIGNAL_PREFIX) || eventType.length > 64) return undefined;
  const kind = eventType.slice(FRAUD_SIGNAL_PREFIX.length);
  return FRAUD_KIND.test(kind) ? kind : undefined;
}

/**
 * True for the fixed names and for well-formed `fraud.signal.<kind>` types.
 *
 * @example
 * ```ts
 * isInvoiceEventType('carrier.shipped'); // true
 * isInvoiceEventType('note.added');      // false
 * ```
 */
export function isInvoiceEventType(eventType: unknown): eventType is InvoiceEventType {
  if (typeof eventType !== 'string') return false;
  return (
    (Object.values(INVOICE_EVENT_TYPES) as string[]).includes(eventType) ||
    fraudSignalKind(eventType) !== undefined
  );
}
