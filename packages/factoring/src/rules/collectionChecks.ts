// When the money is expected back: the buyer's own stated pay date, and an invoice already later
// than its buyer pays.

import type { BuyerProfile } from '../facts/predictPayment.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import { daysStarted } from '../math/daysStarted.js';
import { internTrace } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

const DAY = 86_400;

/**
 * 10b. The buyer's acknowledgement says it will pay after the due date: the invoice is priced (and
 * its tenor checked) to that date, and the decision says so. An earlier stated date moves nothing.
 */
export function checkAckPayDate(run: Run, invoice: InvoiceInput, payBy: number): void {
  const later = Math.ceil((payBy - invoice.dueAt) / DAY);
  run.reason(
    'ACK_PAY_DATE_AFTER_DUE',
    `the buyer's acknowledgement says it pays ${later} days after the due date: priced to that date`,
  );
  run.trace?.push(traceEntry('ack-pay-date', 'flag', { payBy, dueAt: invoice.dueAt }, null, 0));
}

/**
 * 16c. Overdue beyond the buyer's pattern: past the date by which the buyer pays 90 % of its
 * invoices (`collectBy` plus its P90 days late, shrunk toward the policy's prior), the invoice is
 * later than this buyer pays. Nothing in its history says when it will be collected, so a person
 * decides: held for review, never priced as collected tomorrow. Evaluated for an invoice past
 * `collectBy`, or past its P90 date before it when the buyer pays early (a negative P90).
 */
export function checkOverdue(run: Run, profile: BuyerProfile, collectBy: number, asOf: number): void {
  const p90 = profile.daysLate[2];
  // Counted as the buyer's history is (a started day is a day late), so the two compare.
  const lateDays = daysStarted(collectBy, asOf);
  const beyond = lateDays > p90;
  if (beyond) {
    run.reason(
      'OVERDUE_BEYOND_BUYER_PATTERN',
      lateDays >= 0
        ? `${lateDays} days past due, later than the ${p90} days late by which this buyer pays 90% of its invoices`
        : `unpaid ${-lateDays} days before the due date, later than the ${-p90} days before the due date by which this buyer pays 90% of its invoices`,
    );
  }
  run.trace?.push(
    internTrace(run.cache, `overdue|${lateDays}|${p90}`, () =>
      traceEntry('overdue', beyond ? 'flag' : 'pass', { daysPastDue: lateDays, p90DaysLate: p90 }, p90, 0),
    ),
  );
}
