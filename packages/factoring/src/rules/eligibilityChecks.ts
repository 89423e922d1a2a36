// Rules on what part of the invoice is still eligible: payments, credits, disputes, ageing.

import type { PortfolioState } from '../facts/portfolioState.js';
import type { BuyerProfile } from '../facts/predictPayment.js';
import type { StreamFacts } from '../facts/streamFacts.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import { daysStarted } from '../math/daysStarted.js';
import { mulDivFloor } from '../math/money.js';
import { wilsonLowerBps } from '../math/wilsonLowerBps.js';
import type { TraceEntry } from '../outputs/decision.js';
import { internTrace, numberedMessage } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { cutAmount, type Funding } from './funding.js';
import type { Run } from './run.js';

/** Why a dispute the supplier calls resolved still counts (empty when none is). */
function supplierOnly(n: number): string {
  return n === 0
    ? ''
    : ` (${n} resolved by the supplier only: only the buyer's resolution closes its dispute)`;
}

/** Why a dispute the buyer resolved 'credited' still counts (empty when none does). */
function promised(facts: StreamFacts): string {
  const list = facts.promisedCredits;
  if (list.length === 0) return '';
  const each = list.map((p) =>
    p.creditNoteId === undefined
      ? `dispute ${p.disputeId} resolved 'credited' by the buyer: a credit promised but no credit note of at least ${p.disputedMinor} is on the stream, ${p.openMinor} still open`
      : p.creditedMinor === 0
        ? `dispute ${p.disputeId} resolved 'credited' by the buyer: credit note ${p.creditNoteId} promised but not on the stream, ${p.openMinor} still open`
        : `dispute ${p.disputeId} resolved 'credited' by the buyer: credit note ${p.creditNoteId} credits ${p.creditedMinor} of ${p.disputedMinor}, ${p.openMinor} still open`,
  );
  return ` (${each.join('; ')})`;
}

// Every invoice with a credit note carries this reason: its message is made once per amount.
const creditNoteMessage = (credited: number): string =>
  `credit notes of ${credited} reduce the f.eligible amount`;

/**
 * What the supplier owes the buyer in currencies other than the invoice's, each once (the larger
 * of the book's and the batch's figure: the batch's funded faces are in the book too), as
 * `1000000 JPY in the book, ...`; empty when there is none.
 */
function contraElsewhere(
  currency: string,
  bookCurrency: string,
  bookOpen: number,
  batchOpen: ReadonlyMap<string, number> | undefined,
): string {
  const owed = new Map<string, { minor: number; where: string }>();
  if (bookCurrency !== currency && bookOpen > 0)
    owed.set(bookCurrency, { minor: bookOpen, where: 'in the book' });
  for (const [c, v] of batchOpen ?? []) {
    if (c === currency || v <= 0 || (owed.get(c)?.minor ?? 0) >= v) continue;
    owed.set(c, { minor: v, where: "on the batch's invoices" });
  }
  return [...owed.keys()]
    .sort()
    .map((c) => {
      const o = owed.get(c) as { minor: number; where: string };
      return `${o.minor} ${c} ${o.where}`;
    })
    .join(', ');
}

/**
 * 15. Buyer dispute rate: judged on its share once the buyer has `minDisputeSample` invoices; a
 * thinner history only when the low end of its 99 % interval already reaches the limit (all four
 * invoices disputed is no sample too small to read; one dispute in two, or in one, is).
 */
export function checkDisputeRate(run: Run, policy: FactoringPolicy, profile: BuyerProfile): void {
  const n = profile.invoiceCount;
  const rate = profile.disputeRateBps;
  const thin = n < policy.minDisputeSample;
  const high = thin
    ? n > 0 && wilsonLowerBps(rate, n) >= policy.maxDisputeRateBps
    : rate >= policy.maxDisputeRateBps;
  if (high) {
    run.reason(
      'BUYER_DISPUTE_RATE_HIGH',
      thin
        ? `buyer disputed ${rate / 100}% of ${n} invoices: too few to measure a rate, too many disputed to pass`
        : `buyer disputed ${rate / 100}% of ${n} invoices`,
    );
  }
  run.trace?.push(
    internTrace(run.cache, `dispute-rate|${profile.disputeRateBps}|${profile.invoiceCount}`, () =>
      traceEntry(
        'dispute-rate',
        high ? 'flag' : 'pass',
        { disputeRateBps: profile.disputeRateBps, invoices: profile.invoiceCount },
        policy.maxDisputeRateBps,
        0,
      ),
    ),
  );
}

/**
 * 16. Eligibility: payments, credits, disputes, ageing, cross-aging. Cuts what is not eligible
 * from `f`.
 */
export function checkEligibility(
  run: Run,
  policy: FactoringPolicy,
  invoice: InvoiceInput,
  asOf: number,
  face: number,
  f: Funding,
  facts: StreamFacts,
  ackAmount: number | undefined,
  state: PortfolioState | undefined,
  profile?: BuyerProfile,
): void {
  const checks = policy.checks;
  let outcome: TraceEntry['outcome'] = 'pass';
  if (facts.creditedMinor >= face && face > 0) {
    run.reason('FULLY_CREDITED', `credit notes of ${facts.creditedMinor} cover the invoice`);
    outcome = 'fail';
  } else if (facts.creditedMinor > 0) {
    cutAmount(f, 'CREDIT_NOTE_APPLIED', facts.creditedMinor);
    run.reason('CREDIT_NOTE_APPLIED', numberedMessage(run.cache, creditNoteMessage, facts.creditedMinor));
  }
  if (outcome === 'pass' && facts.paidMinor > 0) {
    if (facts.paidMinor >= f.eligible) {
      run.reason('ALREADY_PAID', `payments of ${facts.paidMinor} already settle the invoice`);
      outcome = 'fail';
    } else {
      cutAmount(f, 'PARTIALLY_PAID', facts.paidMinor);
      run.reason('PARTIALLY_PAID', `payments of ${facts.paidMinor} already received`);
    }
  }
  if (outcome === 'pass' && facts.openDisputedMinor > 0) {
    const only = supplierOnly(facts.supplierResolvedDisputeCount) + promised(facts);
    if (facts.openDisputedMinor < f.eligible && policy.openDisputes === 'hold') {
      // A single-invoice purchase waits for the dispute: the buyer may pay nothing until it ends.
      run.reason(
        'DISPUTE_OPEN',
        `${facts.openDisputeCount} open dispute(s) over ${facts.openDisputedMinor}${only}; held until resolved`,
      );
      outcome = 'flag';
    } else if (facts.openDisputedMinor >= f.eligible) {
      run.reason(
        'FULLY_DISPUTED',
        `open disputes of ${facts.openDisputedMinor} cover the outstanding amount${only}`,
      );
      outcome = 'fail';
    } else {
      cutAmount(f, 'DISPUTED_AMOUNT_INELIGIBLE', facts.openDisputedMinor);
      run.reason('DISPUTED_AMOUNT_INELIGIBLE', `disputed ${facts.openDisputedMinor} is ineligible${only}`);
    }
  }
  // Contra: the buyer also sells to the supplier, in the book (a client's ledger names the supplier
  // as its buyer) or in the batch being decided; what the supplier owes it can be set off against
  // this invoice (FACTORING.md §5). Both count, added (a batch invoice funded is in the book's
  // running figure too, so the book's figure as stated is what is added to the batch's).
  // A group of the book is one party: what the supplier (or its group) owes any company of the
  // buyer's group is set off the same way.
  // Only what is owed in the invoice's currency is set off: the book's ledgers are in its
  // currency (the invoice's when it states none), the batch's invoices each in their own.
  const bookOpen =
    state?.bookOpenMinor?.(invoice.buyerQuid, invoice.supplierQuid) ??
    state?.ledger(invoice.buyerQuid)?.buyerOpenMinor(invoice.supplierQuid) ??
    0;
  const bookCurrency = state?.currency ?? invoice.currency;
  const inBook = bookCurrency === invoice.currency ? bookOpen : 0;
  const batchOpen = state?.batchOpenByCurrency?.(invoice.buyerQuid, invoice.supplierQuid);
  const inBatch = batchOpen?.get(invoice.currency) ?? 0;
  // In a batch, the book's figure as stated plus every batch invoice the other way (funded or
  // not: the funded ones are in the book's running figure too, so that one is not added again).
  const stated =
    batchOpen === undefined || bookCurrency !== invoice.currency
      ? inBook
      : (state?.bookLedgerMinor?.(invoice.buyerQuid, invoice.supplierQuid) ?? inBook);
  const owed = batchOpen === undefined ? inBook : stated + inBatch;
  if (outcome === 'pass' && owed > 0) {
    cutAmount(f, 'CONTRA_HAIRCUT', owed);
    const where =
      inBatch === 0
        ? 'in the book'
        : stated === 0
          ? "on the batch's invoices"
          : "in the book and on the batch's invoices";
    run.reason('CONTRA_HAIRCUT', `the supplier owes the buyer ${owed} ${where} (contra): ineligible`);
  }
  if (outcome !== 'fail' && ((bookOpen > 0 && inBook === 0) || batchOpen !== undefined)) {
    const foreign = contraElsewhere(invoice.currency, bookCurrency, bookOpen, batchOpen);
    if (foreign !== '') {
      run.reason(
        'CONTRA_CURRENCY_MISMATCH',
        `the supplier owes the buyer ${foreign} (contra), in another currency than the invoice's ${invoice.currency}: what the buyer may set off is not known without an exchange rate; held for review`,
      );
      outcome = 'flag';
    }
  }
  // A short acknowledgement is what the buyer owes in all: payments and credit notes since come
  // off it too (a credit for the very shortfall is then cut twice, the financier's side: which
  // one a credit covers cannot be told).
  if (checks.ackAmount && ackAmount !== undefined && ackAmount >= 0 && ackAmount < face) {
    const ackOwed = Math.max(0, ackAmount - facts.paidMinor - facts.creditedMinor);
    if (ackOwed < f.eligible) cutAmount(f, 'ACK_SHORTFALL', f.eligible - ackOwed);
  }
  // A started day counts: an invoice an hour past a cut-off is past it.
  const ageDays = daysStarted(invoice.issuedAt, asOf);
  const pastDueDays = daysStarted(invoice.dueAt, asOf);
  if (ageDays > policy.maxDaysSinceIssue) {
    run.reason('AGED_OVER_CUTOFF', `invoice is ${ageDays} days old (cut-off ${policy.maxDaysSinceIssue})`);
    outcome = 'fail';
  }
  if (pastDueDays > policy.maxDaysPastDue) {
    run.reason(
      'PAST_DUE_CUTOFF',
      `invoice is ${pastDueDays} days past due (cut-off ${policy.maxDaysPastDue})`,
    );
    outcome = 'fail';
  }
  const aging = state?.aging(invoice.buyerQuid);
  if (
    aging !== undefined &&
    aging.openMinor > 0 &&
    aging.over90Minor * 10_000 > policy.crossAgeThresholdBps * aging.openMinor
  ) {
    run.reason(
      'CROSS_AGED_DEBTOR',
      `${mulDivFloor(aging.over90Minor, 10_000, aging.openMinor) / 100}% of the buyer's balance is over 90 days`,
    );
    outcome = 'fail';
  }
  // The buyer's history tells its ageing too (its invoices unpaid at the decision date, with other
  // creditors as well): judged as the book's is, when the book's did not already refuse it.
  const openHistory = profile?.openMinor ?? 0;
  const over90History = profile?.over90Minor ?? 0;
  const historyAged = openHistory > 0 && over90History * 10_000 > policy.crossAgeThresholdBps * openHistory;
  if (historyAged && !run.reasons.some((r) => r.code === 'CROSS_AGED_DEBTOR')) {
    run.reason(
      'CROSS_AGED_DEBTOR',
      `${mulDivFloor(over90History, 10_000, openHistory) / 100}% of what the buyer's payment history shows unpaid (${over90History} of ${openHistory}) is over 90 days past due`,
    );
    outcome = 'fail';
  }
  const bookAgedBps =
    aging && aging.openMinor > 0 ? mulDivFloor(aging.over90Minor, 10_000, aging.openMinor) : null;
  const crossAgedBps =
    openHistory > 0
      ? Math.max(bookAgedBps ?? 0, mulDivFloor(over90History, 10_000, openHistory))
      : bookAgedBps;
  const effect = f.eligible - face;
  const { creditedMinor, paidMinor, openDisputedMinor } = facts;
  // Invoices of one age with the same cuts share one entry in a batch.
  run.trace?.push(
    internTrace(
      run.cache,
      `eligibility|${outcome}|${creditedMinor}|${paidMinor}|${openDisputedMinor}|${ageDays}|${pastDueDays}|${crossAgedBps}|${effect}`,
      () =>
        traceEntry(
          'eligibility',
          outcome,
          { creditedMinor, paidMinor, openDisputedMinor, ageDays, pastDueDays, crossAgedBps },
          policy.maxDaysSinceIssue,
          effect,
        ),
    ),
  );
}
