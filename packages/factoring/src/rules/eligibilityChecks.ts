// Rules on what part of the invoice is still eligible: payments, credits, disputes, ageing.

import type { PortfolioState } from '../facts/portfolioState.js';
import type { BuyerProfile } from '../facts/predictPayment.js';
import type { StreamFacts } from '../facts/streamFacts.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import { mulDivFloor } from '../math/money.js';
import type { TraceEntry } from '../outputs/decision.js';
import { internTrace, numberedMessage } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { cutAmount, type Funding } from './funding.js';
import type { Run } from './run.js';

const DAY = 86_400;

/** Why a dispute the supplier calls resolved still counts (empty when none is). */
function supplierOnly(n: number): string {
  return n === 0
    ? ''
    : ` (${n} resolved by the supplier only: only the buyer's resolution closes its dispute)`;
}

// Every invoice with a credit note carries this reason: its message is made once per amount.
const creditNoteMessage = (credited: number): string =>
  `credit notes of ${credited} reduce the f.eligible amount`;

/** 15. Buyer dispute rate, judged once the buyer has enough invoices. */
export function checkDisputeRate(run: Run, policy: FactoringPolicy, profile: BuyerProfile): void {
  const judged = profile.invoiceCount >= policy.minDisputeSample;
  const high = judged && profile.disputeRateBps >= policy.maxDisputeRateBps;
  if (high) {
    run.reason(
      'BUYER_DISPUTE_RATE_HIGH',
      `buyer disputed ${profile.disputeRateBps / 100}% of ${profile.invoiceCount} invoices`,
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
    const only = supplierOnly(facts.supplierResolvedDisputeCount);
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
  if (checks.ackAmount && ackAmount !== undefined && ackAmount >= 0 && ackAmount < f.eligible) {
    cutAmount(f, 'ACK_SHORTFALL', f.eligible - ackAmount);
  }
  const ageDays = Math.floor((asOf - invoice.issuedAt) / DAY);
  const pastDueDays = Math.floor((asOf - invoice.dueAt) / DAY);
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
  const crossAgedBps =
    aging && aging.openMinor > 0 ? mulDivFloor(aging.over90Minor, 10_000, aging.openMinor) : null;
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
