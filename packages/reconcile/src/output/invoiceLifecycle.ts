import {
  deriveInvoiceLifecycle,
  type InvoiceLifecycle,
  type InvoiceState,
  type VerifiedInvoiceEvent,
} from '@quidfin/core';
import type { InvoiceCreditedEvent, PaymentReceivedEvent } from './PaymentReceivedEvent.js';

/**
 * What reconciliation did to one open item and the lifecycle state once its `events` and
 * `adjustments` are posted.
 *
 * @example
 * ```ts
 * const o: InvoiceOutcome = { invoiceId: 'inv-1', openBeforeMinor: 1000, cashMinor: 400, creditMinor: 0,
 *   writeOffMinor: 0, openAfterMinor: 600, state: 'PartiallyPaid', ledgerViolations: [] };
 * ```
 */
export interface InvoiceOutcome {
  readonly invoiceId: string;
  readonly openBeforeMinor: number;
  readonly cashMinor: number;
  readonly creditMinor: number;
  readonly writeOffMinor: number;
  readonly openAfterMinor: number;
  readonly state: InvoiceState;
  /** Problems core's lifecycle found when the new events were appended to the ledger events given (e.g. `PAYMENT_EXCEEDS_OPEN`). */
  readonly ledgerViolations: readonly string[];
}

/**
 * Lifecycle state when no ledger events are at hand, following core's rules: a credit note
 * used up is `Credited`; an invoice settled (cash, netted credit notes and proposed write-offs
 * cover its open amount) by bank-matched payments (`reconciled: true`) is `Reconciled`;
 * otherwise `PartiallyPaid`.
 *
 * @example
 * ```ts
 * lifecycleWithoutLedger({ kind: 'invoice', openAfterMinor: 0 }); // 'Reconciled'
 * ```
 */
export function lifecycleWithoutLedger(o: {
  readonly kind: 'invoice' | 'credit-note';
  readonly openAfterMinor: number;
}): InvoiceState {
  if (o.kind === 'credit-note') return o.openAfterMinor === 0 ? 'Credited' : 'Issued';
  return o.openAfterMinor === 0 ? 'Reconciled' : 'PartiallyPaid';
}

/**
 * Appends the reconciliation's events for one invoice to its verified ledger events and runs
 * core's `deriveInvoiceLifecycle`, so the state (and any violation) is exactly what the ledger
 * will derive once they are posted. The new events are signed, for this projection, by the
 * supplier named in `invoice.issued`.
 *
 * @example
 * ```ts
 * const result = reconcile({ transactions, invoices: open, ledgerEvents });
 * const posted = result.events.filter((e) => e.invoiceId === 'inv-1');
 * const life = projectLifecycle(ledgerEvents['inv-1'] ?? [], 'inv-1', posted);
 * console.log(life.state);
 * ```
 */
export function projectLifecycle(
  existing: readonly VerifiedInvoiceEvent[],
  invoiceId: string,
  additions: readonly (PaymentReceivedEvent | InvoiceCreditedEvent)[],
): InvoiceLifecycle {
  const issued = existing.find((e) => e.eventType === 'invoice.issued');
  const supplier = (issued?.payload as { readonly supplierQuid?: unknown } | undefined)?.supplierQuid;
  const signerQuid = typeof supplier === 'string' ? supplier : (issued?.signerQuid ?? '');
  let sequence = existing.reduce((m, e) => Math.max(m, e.sequence), 0);
  const appended: VerifiedInvoiceEvent[] = additions.map((a, k) => {
    sequence++;
    const p = a.payload;
    return {
      id: `reconcile:${invoiceId}:${k + 1}`,
      eventType: a.eventType,
      payload: { ...p },
      signerQuid,
      sequence,
      timestamp: 'receivedAt' in p ? p.receivedAt : p.creditedAt,
    };
  });
  return deriveInvoiceLifecycle([...existing, ...appended], { invoiceId });
}
