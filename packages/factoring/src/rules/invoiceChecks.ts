// Rules on the invoice itself: validity, title ownership, self-dealing and dating.

import { formatShare, TITLE_SHARE_TOLERANCE } from '../inputs/checkInvoiceInput.js';
import type { InvoiceInput, TitleOwnerShare } from '../inputs/invoice.js';
import { isCurrencyCode } from '../inputs/isCurrencyCode.js';
import { internTrace } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

// The rules read from the invoice itself.

// An ISO 4217 alphabetic code, as core's schemas require.

/**
 * 0. The invoice itself: a positive amount, due on or after issue, both parties named, and a
 * currency of three upper-case letters (ISO 4217).
 */
export function checkInvoiceValid(run: Run, invoice: InvoiceInput, face: number): void {
  const currencyOk = isCurrencyCode(invoice.currency);
  const ok =
    face > 0 &&
    invoice.dueAt >= invoice.issuedAt &&
    invoice.supplierQuid !== '' &&
    invoice.buyerQuid !== '' &&
    currencyOk;
  if (!ok)
    run.reason(
      'INVALID_INVOICE',
      currencyOk
        ? `invoice ${invoice.invoiceId} has a non-positive amount or is due before issue`
        : `invoice ${invoice.invoiceId} has currency ${JSON.stringify(invoice.currency)}, not an ISO 4217 code (three upper-case letters)`,
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

/** The owner's share of the title: every line naming it, added up (the node allows repeats). */
function shareOf(titleOwners: readonly TitleOwnerShare[], ownerId: string): number {
  let share = 0;
  for (const o of titleOwners) if (o.ownerId === ownerId) share += o.percentage;
  return share;
}

/**
 * The first title line whose role names a party other than the invoice's: a 'supplier' stake held
 * by anyone but the supplier, or a 'buyer' stake by anyone but the buyer.
 */
function roleMismatch(invoice: InvoiceInput, titleOwners: readonly TitleOwnerShare[]): string | undefined {
  for (let i = 0; i < titleOwners.length; i++) {
    const o = titleOwners[i] as TitleOwnerShare;
    const party =
      o.stakeType === 'supplier'
        ? invoice.supplierQuid
        : o.stakeType === 'buyer'
          ? invoice.buyerQuid
          : undefined;
    if (party !== undefined && o.ownerId !== party) {
      return `title line ${i} gives the ${o.stakeType} stake to ${o.ownerId}, but the invoice's ${o.stakeType} is ${party}`;
    }
  }
  return undefined;
}

/**
 * The owner holding the largest share of the title (all its lines added up; ties to the smaller
 * id) other than `skip` and `alsoSkip`, and that share; `{ id: '', share: 0 }` when there is none.
 */
function largestOwner(
  titleOwners: readonly TitleOwnerShare[],
  skip: string,
  alsoSkip?: string,
): { id: string; share: number } {
  let id = '';
  let best = 0;
  for (const o of titleOwners) {
    if (o.ownerId === skip || o.ownerId === alsoSkip) continue;
    const share = shareOf(titleOwners, o.ownerId);
    if (share > best || (share === best && o.ownerId < id)) {
      id = o.ownerId;
      best = share;
    }
  }
  return { id, share: best };
}

/** The share of the title held by owners other than the invoice's supplier and buyer. */
function thirdPartyShare(invoice: InvoiceInput, titleOwners: readonly TitleOwnerShare[]): number {
  let share = 0;
  for (const o of titleOwners)
    if (o.ownerId !== invoice.supplierQuid && o.ownerId !== invoice.buyerQuid) share += o.percentage;
  return share;
}

/**
 * 5. Title: the supplier must still hold a majority (more than half) of the title. Shares were
 * validated before any rule ran (fractions in (0, 1] summing to 1). With `roles`, a 'supplier' or
 * 'buyer' stake held by anyone but that party of the invoice holds it for review: the title then
 * describes another sale (or a forged one), whatever the shares say. With `maxThirdPartyBps`,
 * owners other than the supplier and the buyer holding more than that together hold it for review
 * (`TITLE_SHARED`): a supplier with 51 % keeps its majority, but the other 49 % of what the buyer
 * pays may already belong to another financier. The buyer's own stake counts toward the bound too
 * (what it holds of its own invoice it owes to itself).
 */
export function checkTitleOwnership(
  run: Run,
  invoice: InvoiceInput,
  titleOwners: readonly TitleOwnerShare[],
  roles = false,
  maxThirdPartyBps?: number,
): void {
  const supplierShare = shareOf(titleOwners, invoice.supplierQuid);
  const { id: maxOtherId, share: maxOther } = largestOwner(titleOwners, invoice.supplierQuid);
  const ok = supplierShare > 0.5;
  if (!ok) {
    const largest = maxOtherId === '' ? '' : `; ${maxOtherId} holds ${formatShare(maxOther)}`;
    run.reason(
      'TITLE_NOT_OWNED_BY_SUPPLIER',
      supplierShare <= 0
        ? `supplier no longer owns the invoice title (holds 0${largest})`
        : `supplier holds ${formatShare(supplierShare)} of the title, not a majority${largest}`,
    );
  }
  const mismatch = roles ? roleMismatch(invoice, titleOwners) : undefined;
  if (mismatch !== undefined) run.reason('TITLE_ROLE_MISMATCH', mismatch);
  let shared = false;
  if (maxThirdPartyBps !== undefined) {
    const others = thirdPartyShare(invoice, titleOwners);
    // Shares are fractions summing to 1 within TITLE_SHARE_TOLERANCE; bps compare with that slack.
    shared = others * 10_000 > maxThirdPartyBps + TITLE_SHARE_TOLERANCE * 10_000;
    if (shared) {
      const largest = largestOwner(titleOwners, invoice.supplierQuid, invoice.buyerQuid);
      run.reason(
        'TITLE_SHARED',
        `owners other than the supplier and the buyer hold ${formatShare(others)} of the title (${largest.id} holds ${formatShare(largest.share)}), more than ${maxThirdPartyBps / 100}%: part of what the buyer pays may already be sold`,
      );
    } else if (invoice.buyerQuid !== invoice.supplierQuid) {
      // The buyer's stake in its own invoice is a part it owes to itself, not the supplier's to
      // sell: with the others it is held to the same bound (a buyer's 45 % was funded in full).
      const buyer = shareOf(titleOwners, invoice.buyerQuid);
      const all = others + buyer;
      shared = buyer > 0 && all * 10_000 > maxThirdPartyBps + TITLE_SHARE_TOLERANCE * 10_000;
      if (shared) {
        run.reason(
          'TITLE_SHARED',
          `the buyer ${invoice.buyerQuid} holds ${formatShare(buyer)} of the title of its own invoice (owners other than the supplier ${formatShare(all)}), more than ${maxThirdPartyBps / 100}%: that part is owed to the buyer itself, not the supplier's to sell`,
        );
      }
    }
  }
  const pass = ok && mismatch === undefined && !shared;
  run.trace?.push(
    internTrace(run.cache, `title-ownership|${supplierShare}|${maxOther}|${pass}`, () =>
      traceEntry(
        'title-ownership',
        pass ? 'pass' : 'fail',
        { supplierShare, largestOther: maxOther },
        null,
        0,
      ),
    ),
  );
}

/**
 * 5. Title, when the caller passed none: the engine cannot tell whether the title was already sold
 * (transferred to another financier), so the invoice waits for it (`TITLE_UNKNOWN`).
 */
export function checkTitleMissing(run: Run): void {
  run.reason('TITLE_UNKNOWN', 'no title owners were passed: whether the title was already sold is unknown');
  run.trace?.push(
    internTrace(run.cache, 'title-ownership|unknown', () =>
      traceEntry('title-ownership', 'fail', { titleOwners: null }, null, 0),
    ),
  );
}

/**
 * 6. Self-dealing and future dating. `group` is the group the portfolio puts both supplier and
 * buyer in (if any): an intra-group sale is a related party, vetoed as self-dealing is.
 */
export function checkPartiesAndDates(
  run: Run,
  invoice: InvoiceInput,
  asOf: number,
  skew: number,
  group?: string,
): void {
  const same = invoice.supplierQuid === invoice.buyerQuid;
  const related = !same && group !== undefined;
  const self = same || related;
  const future = invoice.issuedAt > asOf + skew;
  if (same) run.reason('SUPPLIER_IS_BUYER', 'supplier and buyer are the same quid');
  if (related) {
    run.reason(
      'RELATED_PARTY',
      `supplier and buyer are in one group (${group}) in the portfolio's buyerGroup`,
    );
  }
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

const DAY = 86_400;

/**
 * 6b. Tenor: days from the decision date to the due date, or to the later date the buyer's
 * acknowledgement says it will pay (`payBy`), a started day counting as a day. Longer than
 * `maxTenorDays` rejects: the money would be out for longer than the financier funds, and a fee
 * for decades would eat the whole invoice. With `termsDue` (6e, traced as `terms-tenor`: the later
 * date the invoice's own terms give, which it is priced to) the days run to that date instead.
 * True when within the limit.
 */
export function checkTenor(
  run: Run,
  invoice: InvoiceInput,
  asOf: number,
  maxTenorDays: number,
  payBy?: number,
  termsDue?: number,
): boolean {
  const byTerms = termsDue !== undefined;
  const stated = !byTerms && payBy !== undefined && payBy > invoice.dueAt;
  const days = Math.ceil(((byTerms ? termsDue : stated ? payBy : invoice.dueAt) - asOf) / DAY);
  const ok = days <= maxTenorDays;
  if (!ok) {
    run.reason(
      'TENOR_TOO_LONG',
      byTerms
        ? `the invoice's own terms give the buyer until ${days} days after the decision date (later than the due date), beyond the ${maxTenorDays}-day maximum tenor`
        : stated
          ? `the buyer's acknowledgement says it pays ${days} days after the decision date (after the due date), beyond the ${maxTenorDays}-day maximum tenor`
          : `due ${days} days after the decision date, beyond the ${maxTenorDays}-day maximum tenor`,
    );
  }
  run.trace?.push(
    internTrace(run.cache, `${byTerms ? 'terms-tenor' : 'tenor'}|${days}|${maxTenorDays}`, () =>
      traceEntry(
        byTerms ? 'terms-tenor' : 'tenor',
        ok ? 'pass' : 'fail',
        { tenorDays: days },
        maxTenorDays,
        0,
      ),
    ),
  );
  return ok;
}

/**
 * 16b. The book's currency: limits and exposures are kept in `bookCurrency`, so an invoice in
 * another is not checked against them (cents would be compared with won); a person decides it.
 */
export function checkBookCurrency(run: Run, invoice: InvoiceInput, bookCurrency: string): void {
  run.reason(
    'CURRENCY_NOT_BOOK',
    `invoice in ${invoice.currency}, the portfolio's limits and exposures in ${bookCurrency}: not checked against them`,
  );
  run.trace?.push(
    internTrace(run.cache, `book-currency|${invoice.currency}|${bookCurrency}`, () =>
      traceEntry('book-currency', 'flag', { currency: invoice.currency, bookCurrency }, null, 0),
    ),
  );
}
