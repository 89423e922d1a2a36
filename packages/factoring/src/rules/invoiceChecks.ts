// Rules on the invoice itself: validity, title ownership, self-dealing and dating.

import type { InvoiceInput, TitleOwnerShare } from '../inputs/invoice.js';
import { internTrace } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

// The rules read from the invoice itself.

/** 0. The invoice itself: a positive amount, due on or after issue, both parties named. */
export function checkInvoiceValid(run: Run, invoice: InvoiceInput, face: number): void {
  const ok =
    face > 0 && invoice.dueAt >= invoice.issuedAt && invoice.supplierQuid !== '' && invoice.buyerQuid !== '';
  if (!ok)
    run.reason(
      'INVALID_INVOICE',
      `invoice ${invoice.invoiceId} has a non-positive amount or is due before issue`,
    );
  run.trace?.push(
    traceEntry(
      'invoice-valid',
      ok ? 'pass' : 'fail',
      {
        amountMinor: face,
        issuedAt: invoice.issuedAt,
        dueAt: invoice.dueAt,
      },
      null,
      0,
    ),
  );
}

/** 5. Title: the supplier must still hold the largest stake. */
export function checkTitleOwnership(
  run: Run,
  invoice: InvoiceInput,
  titleOwners: readonly TitleOwnerShare[],
): void {
  let supplierShare = -1;
  let maxOther = 0;
  let maxOtherId = '';
  for (const o of titleOwners) {
    if (o.ownerId === invoice.supplierQuid) supplierShare = Math.max(supplierShare, o.percentage);
    else if (o.percentage > maxOther || (o.percentage === maxOther && o.ownerId < maxOtherId)) {
      maxOther = o.percentage;
      maxOtherId = o.ownerId;
    }
  }
  const ok = supplierShare > 0 && supplierShare > maxOther;
  if (!ok) {
    run.reason(
      'TITLE_NOT_OWNED_BY_SUPPLIER',
      supplierShare <= 0
        ? 'supplier no longer owns the invoice title'
        : `supplier holds ${supplierShare} of the title but ${maxOtherId} holds ${maxOther}`,
    );
  }
  run.trace?.push(
    internTrace(run.cache, `title-ownership|${supplierShare}|${maxOther}`, () =>
      traceEntry('title-ownership', ok ? 'pass' : 'fail', { supplierShare, largestOther: maxOther }, null, 0),
    ),
  );
}

/** 6. Self-dealing and future dating. */
export function checkPartiesAndDates(run: Run, invoice: InvoiceInput, asOf: number, skew: number): void {
  const self = invoice.supplierQuid === invoice.buyerQuid;
  const future = invoice.issuedAt > asOf + skew;
  if (self) run.reason('SUPPLIER_IS_BUYER', 'supplier and buyer are the same quid');
  if (future)
    run.reason(
      'ISSUED_AFTER_DECISION_DATE',
      `issued at ${invoice.issuedAt}, after the decision date ${asOf}`,
    );
  // Invoices issued the same second share one entry (a batch is dated to the day, often).
  run.trace?.push(
    internTrace(run.cache, `parties-and-dates|${self}|${invoice.issuedAt}|${asOf}|${future}`, () =>
      traceEntry(
        'parties-and-dates',
        self || future ? 'fail' : 'pass',
        { selfDealing: self, issuedAt: invoice.issuedAt, asOf },
        null,
        0,
      ),
    ),
  );
}
