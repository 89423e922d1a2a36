import type { Evidence } from './Evidence.js';

/**
 * Why part of an invoice was written off instead of paid.
 *
 * @example
 * ```ts
 * const reason: WriteOffReason = 'EARLY_PAYMENT_DISCOUNT';
 * ```
 */
export type WriteOffReason =
  | 'BANK_FEE'
  | 'ROUNDING'
  | 'EARLY_PAYMENT_DISCOUNT'
  | 'FX_DIFFERENCE'
  | 'REMITTANCE_DEDUCTION';

/**
 * Money from one bank line applied to one open item.
 *
 * @example
 * ```ts
 * const a: Allocation = { allocationId: 'S1:1#1', transactionId: 'S1:1', invoiceId: 'inv-1', invoiceNumber: 'INV-1001', kind: 'full',
 *   cashMinor: 99000, paymentCashMinor: 99000, creditMinor: 0, writeOffMinor: 1000, writeOffReason: 'BANK_FEE', fxDifferenceMinor: 0 };
 * ```
 */
export interface Allocation {
  readonly allocationId: string;
  readonly transactionId: string;
  readonly invoiceId: string;
  /** The open item's invoice (or credit-note) number, as the ledger has it. */
  readonly invoiceNumber: string;
  /** `full`: the item is settled; `partial`: it stays partly open; `credit-note`: a credit note netted. */
  readonly kind: 'full' | 'partial' | 'credit-note';
  /** Cash applied, minor units of the invoice currency. */
  readonly cashMinor: number;
  /** The same cash in minor units of the payment currency (differs only with FX). */
  readonly paymentCashMinor: number;
  /** On an invoice: credit-note money netted into it. On a credit note (`kind: 'credit-note'`): the credit used up. */
  readonly creditMinor: number;
  /** Short payment accepted and written off. */
  readonly writeOffMinor: number;
  readonly writeOffReason?: WriteOffReason;
  /** Converted payment minus what was applied (FX gain positive, loss negative), invoice currency; a proposal, never posted silently. */
  readonly fxDifferenceMinor: number;
}

/**
 * One way to apply a bank line: which open items, how, with what evidence and confidence.
 *
 * @example
 * ```ts
 * result.lines[0]!.suggestions[0]!.confidence; // 0.87
 * ```
 */
export interface Proposal {
  readonly invoiceIds: readonly string[];
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  readonly allocations: readonly Allocation[];
  /** Payment money left over (overpayment), minor units of the payment currency. */
  readonly unappliedMinor: number;
}
