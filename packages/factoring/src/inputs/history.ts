// A buyer's past invoices, the input to payment prediction and dispute rate.

/**
 * Days late beyond this either way are a typo (an unknown date written as 0), not a buyer: ten
 * years, as the policy prior. A history record or a precomputed profile beyond it is refused.
 *
 * @example
 * ```ts
 * Math.abs(daysLate) <= MAX_DAYS_LATE;
 * ```
 */
export const MAX_DAYS_LATE = 3_650;

/**
 * One past invoice of a buyer, used for payment-date prediction, dispute rate and dilution.
 * `paidAt` is omitted while the invoice is still open.
 *
 * @example
 * ```ts
 * const r: PaidInvoiceRecord = { dueAt: 1_700_000_000, paidAt: 1_700_864_000, amountMinor: 100_000 };
 * ```
 */
export interface PaidInvoiceRecord {
  /** Unix seconds. */
  readonly dueAt: number;
  /** Unix seconds; omit while unpaid. */
  readonly paidAt?: number;
  readonly amountMinor: number;
  /** True if the buyer disputed this invoice. */
  readonly disputed?: boolean;
  /** Non-cash reductions (credit notes, short-pays) in minor units. */
  readonly dilutedMinor?: number;
}

/**
 * A buyer's payment history as the financier knows it (its own ledger, a bureau, or both).
 *
 * @example
 * ```ts
 * const h: BuyerHistory = { records: [{ dueAt: 1_700_000_000, paidAt: 1_700_432_000, amountMinor: 50_000 }] };
 * ```
 */
export interface BuyerHistory {
  readonly records: readonly PaidInvoiceRecord[];
}
