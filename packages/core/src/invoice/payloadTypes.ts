// Plain TypeScript shapes of the invoice event payloads (the contract in one place). The zod
// schemas in payloadSchemas.ts are checked against these at compile time, and zod types stay
// out of the public declarations.
import type { CurrencyCode } from '../money/currencies.js';

/**
 * Optional early-payment (skonto) discount offered on the invoice.
 *
 * @example
 * ```ts
 * const d: EarlyPaymentDiscount = { rateBps: 200, withinDays: 10 }; // 2/10 net 60
 * ```
 */
export interface EarlyPaymentDiscount {
  /** Discount in basis points (0..10000). */
  readonly rateBps: number;
  readonly withinDays: number;
}

/**
 * `invoice.issued` (signer: supplier). Amounts in minor units, times in Unix seconds.
 *
 * @example
 * ```ts
 * const p: InvoiceIssuedPayload = {
 *   invoiceId: 'inv-0001', invoiceNumber: 'INV-2026-0001', supplierQuid: 'aaaaaaaaaaaaaaaa',
 *   buyerQuid: 'bbbbbbbbbbbbbbbb', amountMinor: 5_000_000, currency: 'USD', issuedAt: 1_790_000_000,
 *   dueAt: 1_795_184_000, terms: 'NET-60', invoiceHash: 'ab'.repeat(32),
 * };
 * ```
 */
export interface InvoiceIssuedPayload {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly issuedAt: number;
  readonly dueAt: number;
  readonly terms: string;
  /** Lowercase hex SHA-256 of the RFC 8785 canonical invoice document. */
  readonly invoiceHash: string;
  readonly poReference?: string;
  /** E.g. an ISO 11649 creditor reference "RF18...". */
  readonly paymentReference?: string;
  readonly carrierQuid?: string;
  readonly taxMinor?: number;
  readonly earlyPaymentDiscount?: EarlyPaymentDiscount;
}

/**
 * `carrier.shipped` (signer: a carrier).
 *
 * @example
 * ```ts
 * const p: CarrierShippedPayload = { carrierQuid: 'cccccccccccccccc', billOfLading: 'BOL-1', shippedAt: 1_790_000_100 };
 * ```
 */
export interface CarrierShippedPayload {
  readonly carrierQuid: string;
  readonly billOfLading: string;
  readonly shippedAt: number;
}

/**
 * `carrier.delivered` (signer: the carrier named in `carrier.shipped`).
 *
 * @example
 * ```ts
 * const p: CarrierDeliveredPayload = { carrierQuid: 'cccccccccccccccc', deliveryProof: 'POD-1', deliveredAt: 1_790_100_000 };
 * ```
 */
export interface CarrierDeliveredPayload {
  readonly carrierQuid: string;
  readonly deliveryProof: string;
  readonly deliveredAt: number;
}

/**
 * `buyer.acknowledged` (signer: buyer).
 *
 * @example
 * ```ts
 * const p: BuyerAcknowledgedPayload = { buyerQuid: 'bbbbbbbbbbbbbbbb', acknowledgedAmountMinor: 5_000_000, acknowledgedAt: 1_790_200_000 };
 * ```
 */
export interface BuyerAcknowledgedPayload {
  readonly buyerQuid: string;
  readonly acknowledgedAmountMinor: number;
  readonly acknowledgedAt: number;
  readonly expectedPayDate?: number;
}

/**
 * `buyer.disputed` (signer: buyer).
 *
 * @example
 * ```ts
 * const p: BuyerDisputedPayload = { buyerQuid: 'bbbbbbbbbbbbbbbb', disputeId: 'd-1', disputedAmountMinor: 10_000, reason: 'damaged', disputedAt: 1_790_300_000 };
 * ```
 */
export interface BuyerDisputedPayload {
  readonly buyerQuid: string;
  readonly disputeId: string;
  readonly disputedAmountMinor: number;
  readonly reason: string;
  readonly disputedAt: number;
}

/**
 * How a dispute ended.
 *
 * @example
 * ```ts
 * const o: DisputeOutcome = 'credited';
 * ```
 */
export type DisputeOutcome = 'withdrawn' | 'credited' | 'rejected';

/**
 * `dispute.resolved` (signer: supplier or buyer).
 *
 * @example
 * ```ts
 * const p: DisputeResolvedPayload = { disputeId: 'd-1', outcome: 'credited', resolvedAt: 1_790_400_000, creditNoteId: 'cn-1' };
 * ```
 */
export interface DisputeResolvedPayload {
  readonly disputeId: string;
  readonly outcome: DisputeOutcome;
  readonly resolvedAt: number;
  readonly creditNoteId?: string;
}

/**
 * `invoice.credited` (signer: supplier): a credit note reducing the open amount.
 *
 * @example
 * ```ts
 * const p: InvoiceCreditedPayload = { creditNoteId: 'cn-1', amountMinor: 10_000, reason: 'damaged goods', creditedAt: 1_790_400_000, disputeId: 'd-1' };
 * ```
 */
export interface InvoiceCreditedPayload {
  readonly creditNoteId: string;
  readonly amountMinor: number;
  readonly reason: string;
  readonly creditedAt: number;
  readonly disputeId?: string;
}

/**
 * `factor.purchased` (signer: a financier co-owner; `financierQuid` must be the signer).
 *
 * @example
 * ```ts
 * const p: FactorPurchasedPayload = { financierQuid: 'ffffffffffffffff', purchasePriceMinor: 4_850_000, factoredAt: 1_790_250_000, discountBps: 300 };
 * ```
 */
export interface FactorPurchasedPayload {
  readonly financierQuid: string;
  readonly purchasePriceMinor: number;
  readonly advanceMinor?: number;
  readonly discountBps?: number;
  readonly factoredAt: number;
  readonly recourse?: boolean;
}

/**
 * `payment.received` (signer: the supplier or the financier that purchased the invoice).
 *
 * @example
 * ```ts
 * const p: PaymentReceivedPayload = { paymentId: 'pay-1', allocationId: 'alloc-1', amountMinor: 5_000_000, currency: 'USD', receivedAt: 1_795_000_000, reconciled: true };
 * ```
 */
export interface PaymentReceivedPayload {
  readonly paymentId: string;
  readonly allocationId: string;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly receivedAt: number;
  readonly method?: string;
  readonly payerName?: string;
  readonly bankReference?: string;
  readonly statementId?: string;
  /** 0..1 */
  readonly matchConfidence?: number;
  /** True when the payment was matched from a bank statement. */
  readonly reconciled?: boolean;
}

/**
 * Severity of a fraud signal.
 *
 * @example
 * ```ts
 * const s: FraudSeverity = 'high';
 * ```
 */
export type FraudSeverity = 'low' | 'medium' | 'high';

/**
 * `fraud.signal.<kind>` (signer: any co-owner; `reporterQuid` must be the signer).
 *
 * @example
 * ```ts
 * const p: FraudSignalPayload = { reporterQuid: 'ffffffffffffffff', evidence: 'PO number reused', reportedAt: 1_790_500_000, severity: 'high' };
 * ```
 */
export interface FraudSignalPayload {
  readonly reporterQuid: string;
  readonly evidence: string;
  readonly reportedAt: number;
  readonly severity?: FraudSeverity;
}

/**
 * `invoice.sent` (signer: supplier): the invoice was delivered to the buyer's channel (Peppol
 * access point, e-mail, portal, EDI). `documentHash` is the SHA-256 of the file sent (e.g. the
 * UBL XML), so the buyer can prove which file arrived. No personal data: the channel is named,
 * the recipient address is not.
 *
 * @example
 * ```ts
 * const p: InvoiceSentPayload = { supplierQuid: 'aaaaaaaaaaaaaaaa', channel: 'peppol', sentAt: 1_790_000_100, format: 'peppol-bis-3.0-ubl' };
 * ```
 */
export interface InvoiceSentPayload {
  readonly supplierQuid: string;
  readonly channel: string;
  readonly sentAt: number;
  readonly format?: string;
  /** Lowercase hex SHA-256 of the transmitted file. */
  readonly documentHash?: string;
  /** Transport message id (e.g. the AS4 message id), for tracing a delivery. */
  readonly messageId?: string;
}

/**
 * How the buyer matched: against the PO only, or against the PO and what was received.
 *
 * @example
 * ```ts
 * const m: PoMatchMode = 'three-way';
 * ```
 */
export type PoMatchMode = 'two-way' | 'three-way';

/**
 * `po.matched` (signer: buyer): the buyer matched the invoice to its purchase order (and, three
 * way, to the goods receipt or carrier delivery) and approves `matchedAmountMinor` for payment.
 *
 * @example
 * ```ts
 * const p: PoMatchedPayload = { buyerQuid: 'bbbbbbbbbbbbbbbb', poNumber: 'PO-4711', mode: 'three-way', matchedAmountMinor: 5_000_000, matchedAt: 1_790_000_500 };
 * ```
 */
export interface PoMatchedPayload {
  readonly buyerQuid: string;
  readonly poNumber: string;
  readonly mode: PoMatchMode;
  readonly matchedAmountMinor: number;
  readonly matchedAt: number;
  /** Goods receipts / delivery proofs used in a three-way match. */
  readonly receiptIds?: string[];
}

/**
 * One reason of a `po.mismatch`: a reason code (e.g. `QTY_OVER_RECEIVED`) and the invoice line
 * it concerns (absent for the header).
 *
 * @example
 * ```ts
 * const r: PoMismatchReason = { code: 'QTY_OVER_RECEIVED', lineId: '1' };
 * ```
 */
export interface PoMismatchReason {
  readonly code: string;
  readonly lineId?: string;
}

/**
 * `po.mismatch` (signer: buyer): the buyer could not match the invoice to its PO, with the
 * reasons. The invoice is not approved for payment until a later `po.matched`.
 *
 * @example
 * ```ts
 * const p: PoMismatchPayload = { buyerQuid: 'bbbbbbbbbbbbbbbb', poNumber: 'PO-4711', mode: 'three-way', reasons: [{ code: 'QTY_OVER_RECEIVED', lineId: '1' }], mismatchedAt: 1_790_000_500 };
 * ```
 */
export interface PoMismatchPayload {
  readonly buyerQuid: string;
  readonly poNumber: string;
  readonly mode: PoMatchMode;
  readonly reasons: PoMismatchReason[];
  readonly mismatchedAt: number;
}

/**
 * A parsed invoice event: the event type and its typed payload, discriminated on `eventType`
 * (fraud signals also carry their `kind`).
 *
 * @example
 * ```ts
 * function amount(e: InvoiceEventPayload): number {
 *   return e.eventType === 'payment.received' ? e.payload.amountMinor : 0;
 * }
 * ```
 */
export type InvoiceEventPayload =
  | { readonly eventType: 'invoice.issued'; readonly payload: InvoiceIssuedPayload }
  | { readonly eventType: 'carrier.shipped'; readonly payload: CarrierShippedPayload }
  | { readonly eventType: 'carrier.delivered'; readonly payload: CarrierDeliveredPayload }
  | { readonly eventType: 'buyer.acknowledged'; readonly payload: BuyerAcknowledgedPayload }
  | { readonly eventType: 'buyer.disputed'; readonly payload: BuyerDisputedPayload }
  | { readonly eventType: 'dispute.resolved'; readonly payload: DisputeResolvedPayload }
  | { readonly eventType: 'invoice.credited'; readonly payload: InvoiceCreditedPayload }
  | { readonly eventType: 'factor.purchased'; readonly payload: FactorPurchasedPayload }
  | { readonly eventType: 'payment.received'; readonly payload: PaymentReceivedPayload }
  | { readonly eventType: 'invoice.sent'; readonly payload: InvoiceSentPayload }
  | { readonly eventType: 'po.matched'; readonly payload: PoMatchedPayload }
  | { readonly eventType: 'po.mismatch'; readonly payload: PoMismatchPayload }
  | {
      readonly eventType: `fraud.signal.${string}`;
      readonly kind: string;
      readonly payload: FraudSignalPayload;
    };
