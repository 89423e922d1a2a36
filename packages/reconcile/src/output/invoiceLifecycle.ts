/** Lifecycle states reconciliation can move an invoice to (a subset of the shared contract's). */
export type ReconciledLifecycleState = 'PartiallyPaid' | 'Paid' | 'Reconciled' | 'Credited';

/**
 * What reconciliation did to one open item and the lifecycle state that results.
 *
 * @example
 * ```ts
 * const o: InvoiceOutcome = { invoiceId: 'inv-1', openBeforeMinor: 1000, cashMinor: 400, creditMinor: 0,
 *   writeOffMinor: 0, openAfterMinor: 600, state: 'PartiallyPaid' };
 * ```
 */
export interface InvoiceOutcome {
  readonly invoiceId: string;
  readonly openBeforeMinor: number;
  readonly cashMinor: number;
  readonly creditMinor: number;
  readonly writeOffMinor: number;
  readonly openAfterMinor: number;
  readonly state: ReconciledLifecycleState;
}

/**
 * Lifecycle state after reconciliation. Minimal own mapping (core's `deriveInvoiceLifecycle` had
 * not landed): a credit note used up is `Credited`; an invoice with money still open is
 * `PartiallyPaid`; one settled entirely by matched bank money (and credit notes) is
 * `Reconciled`; one settled only with a write-off or FX difference still to be booked is `Paid`.
 *
 * @example
 * ```ts
 * invoiceLifecycle({ kind: 'invoice', openAfterMinor: 0, writeOffMinor: 0, fxDifferenceMinor: 0 }); // 'Reconciled'
 * ```
 */
export function invoiceLifecycle(o: {
  readonly kind: 'invoice' | 'credit-note';
  readonly openAfterMinor: number;
  readonly writeOffMinor: number;
  readonly fxDifferenceMinor: number;
}): ReconciledLifecycleState {
  if (o.kind === 'credit-note') return o.openAfterMinor === 0 ? 'Credited' : 'PartiallyPaid';
  if (o.openAfterMinor > 0) return 'PartiallyPaid';
  return o.writeOffMinor > 0 || o.fxDifferenceMinor !== 0 ? 'Paid' : 'Reconciled';
}
