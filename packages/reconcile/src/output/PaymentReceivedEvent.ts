/**
 * Payload of a `payment.received` event (the shared invoice contract), ready for
 * `buildEvent({ eventType: 'payment.received', payload, ... })` on the invoice's TITLE stream.
 * `receivedAt` is Unix seconds; money is integer minor units.
 *
 * @example
 * ```ts
 * const p: PaymentReceivedPayload = { paymentId: 'S1:1', allocationId: 'S1:1#1', amountMinor: 100000, currency: 'EUR',
 *   receivedAt: 1767312000, method: 'bank-transfer', statementId: 'S1', matchConfidence: 0.9933, reconciled: true };
 * ```
 */
export interface PaymentReceivedPayload {
  readonly paymentId: string;
  readonly allocationId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedAt: number;
  readonly method?: string;
  readonly payerName?: string;
  readonly bankReference?: string;
  readonly statementId?: string;
  readonly matchConfidence?: number;
  readonly reconciled?: boolean;
}

/**
 * One event to post back to the ledger: which invoice's stream, which type, which payload.
 *
 * @example
 * ```ts
 * for (const e of result.events) await client.postEvent(e.invoiceId, e.eventType, e.payload);
 * ```
 */
export interface PaymentReceivedEvent {
  readonly invoiceId: string;
  readonly eventType: 'payment.received';
  readonly payload: PaymentReceivedPayload;
}
