import type { InvoiceCreditedPayload, PaymentReceivedPayload } from '@quidfin/core';

/**
 * One `payment.received` event to post back to the ledger on the invoice's TITLE stream
 * (signer: the supplier or the title's current financier owner). The payload is core's
 * `PaymentReceivedPayload`: integer minor units, `receivedAt` in Unix seconds, `reconciled: true`.
 *
 * @example
 * ```ts
 * for (const e of result.events) await buildEvent({ signer, trustDomain, subjectId: e.invoiceId, subjectType: 'TITLE', sequence, eventType: e.eventType, payload: { ...e.payload } });
 * ```
 */
export interface PaymentReceivedEvent {
  readonly invoiceId: string;
  readonly eventType: 'payment.received';
  readonly payload: PaymentReceivedPayload;
}

/**
 * A proposed `invoice.credited` event (signer: the supplier): a short payment written off (bank
 * fee, rounding, early-payment discount, FX difference, remittance deduction) or a credit note
 * netted in a payment. Proposals, never posted silently: the supplier reviews and signs them.
 *
 * @example
 * ```ts
 * for (const a of result.adjustments) console.log(a.invoiceId, a.basis, a.payload.amountMinor, a.payload.reason);
 * ```
 */
export interface InvoiceCreditedEvent {
  readonly invoiceId: string;
  readonly eventType: 'invoice.credited';
  readonly payload: InvoiceCreditedPayload;
  /** `WRITE_OFF`: short payment accepted; `CREDIT_NOTE_NETTED`: an open credit note used in the payment. */
  readonly basis: 'WRITE_OFF' | 'CREDIT_NOTE_NETTED';
  readonly transactionId: string;
}
