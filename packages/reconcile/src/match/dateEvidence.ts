import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { daysBetween } from './dates.js';
import { type Evidence, evidence } from './Evidence.js';
import type { ResolvedOptions } from './options.js';

/**
 * Whether the line's date is plausible for the invoice: paid before issue, long overdue, or
 * plausible.
 *
 * @example
 * ```ts
 * const ev = dateEvidence(tx, inv, options);
 * ```
 */
export function dateEvidence(tx: BankTransaction, inv: OpenInvoice, options: ResolvedOptions): Evidence[] {
  const d = tx.valueDate ?? tx.bookingDate;
  if (d === undefined) return [];
  if (inv.issuedAt && paidBeforeIssue(inv.issuedAt, d, options))
    return [
      evidence(
        'date',
        'PAID_BEFORE_ISSUE',
        'valueDate',
        `${d} < issued ${inv.issuedAt} - ${options.daysBeforeIssue}`,
      ),
    ];
  if (inv.dueAt && daysBetween(inv.dueAt, d) > options.daysAfterDue)
    return [
      evidence('date', 'LONG_OVERDUE', 'valueDate', `${d} > due ${inv.dueAt} + ${options.daysAfterDue}`),
    ];
  if (inv.issuedAt || inv.dueAt) return [evidence('date', 'DATE_PLAUSIBLE', 'valueDate', d)];
  return [];
}

/**
 * Is a payment on `paidOn` earlier than the item's issue day `issuedAt` by more than the
 * `daysBeforeIssue` allowed (both `YYYY-MM-DD`)?
 *
 * @example
 * ```ts
 * paidBeforeIssue('2026-03-10', '2026-03-01', options); // true with daysBeforeIssue 3
 * ```
 */
export function paidBeforeIssue(
  issuedAt: string,
  paidOn: string,
  options: Pick<ResolvedOptions, 'daysBeforeIssue'>,
): boolean {
  return daysBetween(issuedAt, paidOn) < -options.daysBeforeIssue;
}
