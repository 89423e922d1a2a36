// Standard-policy pricing: grade, advance, fee, concentration and limits.

import { createPortfolioState, type PortfolioState } from '../facts/portfolioState.js';
import type { BuyerProfile, PaymentPrediction } from '../facts/predictPayment.js';
import type { CompiledPolicy } from '../inputs/compilePolicy.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { GradeBand } from '../inputs/policy.js';
import { clampInt, mulDivCeil, mulDivFloor } from '../math/money.js';
import type { LimitUse, Offer } from '../outputs/decision.js';
import { internPrediction, internTrace } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { cutAmount, type Funding } from '../rules/funding.js';
import type { Run } from '../rules/run.js';
import { applyLimit, LIMIT_FAILED } from './applyLimit.js';
import { aprBps, priceFee } from './pricing.js';

/** What standard pricing reads from a decision in progress. */
export interface PricingContext {
  readonly run: Run;
  readonly compiled: CompiledPolicy;
  readonly invoice: InvoiceInput;
  readonly asOf: number;
  readonly face: number;
  readonly f: Funding;
  readonly profile: BuyerProfile;
  readonly state: PortfolioState | undefined;
  /**
   * The invoice is not in the book's currency (held for review): the book's limits are not applied.
   * Otherwise a missing `state` is an empty book: no limit is on file for anyone.
   */
  readonly foreign: boolean;
  /** The due date, or the later date the buyer's acknowledgement says it pays: priced to it. */
  readonly collectBy: number;
  readonly buyerTrust: number;
  readonly supplierTrust: number;
  readonly staleAgeSeconds: number;
  readonly softDuplicate: boolean;
  payment: PaymentPrediction | null;
  limits: LimitUse | null;
}

// The book of a caller that passed none; read-only here (only a batch books approvals).
let EMPTY_BOOK: PortfolioState | undefined;
function emptyBook(): PortfolioState {
  EMPTY_BOOK ??= createPortfolioState(undefined);
  return EMPTY_BOOK;
}

/** The first band whose minimum the trust level reaches; the last band below every minimum. */
function gradeFor(grades: readonly GradeBand[], level: number): GradeBand | undefined {
  for (const g of grades) if (level >= g.minTrust) return g;
  return grades[grades.length - 1];
}

/**
 * Advance rate, concentration, limits, PD and fee for the non-PoC fee structures. Sets
 * `c.payment` and `c.limits`; returns null when a limit or the concentration cap refuses it.
 */
export function priceStandard(c: PricingContext): Offer | null {
  const { run, compiled, invoice, asOf, face, f, buyerTrust, supplierTrust, staleAgeSeconds, softDuplicate } =
    c;
  // No book at all is an empty one: no limit on file (the buyer is then held under
  // requireBuyerLimit), never "no limit applies".
  const state = c.state ?? (c.foreign ? undefined : emptyBook());
  const policy = compiled.policy;
  const checks = policy.checks;
  const p = c.profile;
  const pay = internPrediction(run.cache, p, c.collectBy, asOf);
  c.payment = pay;
  // Advance rate: grade, dilution (-1 pp per pp above the free level), staleness, soft duplicate.
  const grade = gradeFor(compiled.grades, buyerTrust);
  const gradeName = grade?.grade ?? '-';
  const dilutionCut = Math.max(0, p.dilutionBps - policy.dilutionFreeBps);
  const staleCut = staleAgeSeconds > 0 ? policy.staleAdvanceCutBps : 0;
  const dupCut = softDuplicate ? policy.duplicateSoftAdvanceCutBps : 0;
  const advanceRate = clampInt(
    policy.baseAdvanceRateBps + (grade?.advanceAdjBps ?? 0) - dilutionCut - staleCut - dupCut,
    policy.minAdvanceRateBps,
    policy.maxAdvanceRateBps,
  );
  if (dilutionCut > 0) {
    run.reason(
      'DILUTION_ADVANCE_CUT',
      `buyer dilution ${p.dilutionBps / 100}% cuts the advance by ${dilutionCut / 100} pp`,
    );
  }
  // Fixed by the grade and the cuts: one entry per combination in a batch.
  run.trace?.push(
    internTrace(
      run.cache,
      `advance-rate|${gradeName}|${dilutionCut}|${staleCut}|${dupCut}|${advanceRate}`,
      () =>
        traceEntry(
          'advance-rate',
          'pass',
          {
            grade: gradeName,
            baseBps: policy.baseAdvanceRateBps,
            gradeAdjBps: grade?.advanceAdjBps ?? 0,
            dilutionCutBps: dilutionCut,
            staleCutBps: staleCut,
            duplicateCutBps: dupCut,
            advanceRateBps: advanceRate,
          },
          policy.maxAdvanceRateBps,
          0,
        ),
    ),
  );

  // Concentration against the supplier's ledger.
  if (checks.limits && state !== undefined) {
    const ledger = state.ledger(invoice.supplierQuid);
    if (ledger !== undefined) {
      const base = ledger.totalOpenMinor + face;
      const buyerOpen = ledger.buyerOpenMinor(invoice.buyerQuid);
      const allowed = mulDivFloor(base, policy.maxConcentrationBps, 10_000) - buyerOpen;
      if (allowed <= 0) {
        run.reason(
          'CONCENTRATION_EXCEEDED',
          `buyer already holds its ${policy.maxConcentrationBps / 100}% share of the supplier's ledger`,
        );
      } else if (f.eligible > allowed) {
        const before = f.eligible;
        cutAmount(f, 'CONCENTRATION_HAIRCUT', f.eligible - allowed);
        run.reason(
          'CONCENTRATION_HAIRCUT',
          `concentration cap ${policy.maxConcentrationBps / 100}% makes ${before - f.eligible} ineligible`,
        );
      }
      run.trace?.push(
        traceEntry(
          'concentration',
          allowed <= 0 ? 'fail' : 'pass',
          { ledgerMinor: base, buyerOpenMinor: buyerOpen, allowedMinor: allowed },
          policy.maxConcentrationBps,
          0,
        ),
      );
      if (allowed <= 0) return null;
    }
  }

  let advance = mulDivFloor(f.eligible, advanceRate, 10_000);
  // Limits in order: buyer (across all suppliers), supplier, facility.
  let buyerLimit: number | undefined;
  let supplierLimit: number | undefined;
  let facilityLimit: number | undefined;
  let buyerBefore = 0;
  let supplierBefore = 0;
  let facilityBefore = 0;
  if (state !== undefined) {
    buyerLimit =
      state.buyerLimit(invoice.buyerQuid) ??
      (policy.defaultBuyerLimitMinor > 0 ? policy.defaultBuyerLimitMinor : undefined);
    supplierLimit = state.supplierLimit(invoice.supplierQuid);
    facilityLimit = state.facilityLimit();
    buyerBefore = state.buyerExposure(invoice.buyerQuid);
    supplierBefore = state.supplierExposure(invoice.supplierQuid);
    facilityBefore = state.totalExposure();
    if (checks.limits && buyerLimit === undefined && policy.requireBuyerLimit === true) {
      run.reason(
        'BUYER_LIMIT_MISSING',
        c.state === undefined
          ? `no portfolio was passed, so no credit limit is on file for buyer ${invoice.buyerQuid}: pass portfolio.buyerLimitMinor (or a policy defaultBuyerLimitMinor); not funded without bound`
          : `no credit limit on file for buyer ${invoice.buyerQuid} (portfolio.buyerLimitMinor) and no policy defaultBuyerLimitMinor: not funded without bound`,
      );
      run.trace?.push(traceEntry('buyer-limit', 'fail', { exposureMinor: buyerBefore }, null, 0));
      return null;
    }
    // A debtor never underwritten (no limit of its own) with no track record of paying: the
    // fictitious-debtor pattern. Money funded on it is no track record (a small invoice funded
    // first must not make a large one look known), nor are unpaid records.
    if (
      checks.limits &&
      policy.newDebtor !== 'accept' &&
      !hasTrackRecord(c.profile, c.face, policy.newDebtorMinPaidShareBps ?? 0) &&
      state.buyerLimit(invoice.buyerQuid) === undefined
    ) {
      const p = c.profile;
      const funded =
        buyerBefore > 0 ? `, ${buyerBefore} funded on it and not yet collected` : ', nothing funded on it';
      run.reason(
        'NEW_DEBTOR',
        p.sampleSize === 0
          ? `buyer ${invoice.buyerQuid} is new to the financier: no credit limit of its own, no payment history${funded}; verify the debtor through an independently sourced contact before ${buyerBefore > 0 ? 'buying more' : 'the first purchase'}`
          : `buyer ${invoice.buyerQuid} is new to the financier: no credit limit of its own${funded}, and its ${p.sampleSize} paid invoice(s) add up to ${p.paidMinor}, less than ${policy.newDebtorMinPaidShareBps} bps of this invoice's ${c.face}; verify the debtor through an independently sourced contact`,
      );
      run.trace?.push(
        traceEntry(
          'new-debtor',
          'flag',
          { exposureMinor: buyerBefore, historyInvoices: p.sampleSize, paidMinor: p.paidMinor ?? null },
          null,
          0,
        ),
      );
    }
    if (checks.limits) {
      // Limits in order: buyer (across all suppliers), supplier (client), facility.
      const rate = advanceRate;
      advance = applyLimit(
        run,
        policy,
        f,
        advance,
        rate,
        'buyer',
        buyerLimit,
        buyerBefore,
        'BUYER_LIMIT_EXCEEDED',
      );
      if (advance === LIMIT_FAILED) return null;
      advance = applyLimit(
        run,
        policy,
        f,
        advance,
        rate,
        'supplier',
        supplierLimit,
        supplierBefore,
        'SUPPLIER_LIMIT_EXCEEDED',
      );
      if (advance === LIMIT_FAILED) return null;
      advance = applyLimit(
        run,
        policy,
        f,
        advance,
        rate,
        'facility',
        facilityLimit,
        facilityBefore,
        'FACILITY_LIMIT_EXCEEDED',
      );
      if (advance === LIMIT_FAILED) return null;
      // A buyer group is one credit risk: its own limit, or the default buyer limit, covers all of it.
      const inGroup = state.groupOf(invoice.buyerQuid);
      if (inGroup !== undefined) {
        const defaultLimit = policy.defaultBuyerLimitMinor > 0 ? policy.defaultBuyerLimitMinor : undefined;
        const groupLimit = state.groupLimit?.(inGroup) ?? defaultLimit;
        const groupBefore = state.groupExposure(inGroup);
        advance = applyLimit(
          run,
          policy,
          f,
          advance,
          rate,
          'group',
          groupLimit,
          groupBefore,
          'GROUP_LIMIT_EXCEEDED',
        );
        if (advance === LIMIT_FAILED) return null;
      }
      // The financier's own concentration: one buyer, and one buyer group, as a share of the facility.
      if (facilityLimit !== undefined) {
        const buyerCap = mulDivFloor(facilityLimit, policy.maxBuyerShareOfFacilityBps, 10_000);
        advance = applyLimit(
          run,
          policy,
          f,
          advance,
          rate,
          'buyer-concentration',
          buyerCap,
          buyerBefore,
          'BUYER_CONCENTRATION_EXCEEDED',
        );
        if (advance === LIMIT_FAILED) return null;
        const group = state.groupOf(invoice.buyerQuid);
        if (group !== undefined) {
          const groupCap = mulDivFloor(facilityLimit, policy.maxGroupShareOfFacilityBps, 10_000);
          const groupBefore = state.groupExposure(group);
          advance = applyLimit(
            run,
            policy,
            f,
            advance,
            rate,
            'group-concentration',
            groupCap,
            groupBefore,
            'GROUP_CONCENTRATION_EXCEEDED',
          );
          if (advance === LIMIT_FAILED) return null;
        }
      }
    }
  }

  // PD: buyer grade; under recourse a loss needs buyer and supplier to fail; staleness inflates it.
  let pd = grade?.pdAnnualBps ?? 10_000;
  if (policy.recourse) {
    const sGrade = gradeFor(compiled.grades, supplierTrust);
    const pdS = sGrade?.pdAnnualBps ?? 10_000;
    pd = Math.min(
      pd,
      mulDivCeil(pd, pdS, 10_000) + mulDivCeil(Math.min(pd, pdS), policy.recourseCorrelationBps, 10_000),
    );
  }
  if (staleAgeSeconds > policy.trustFreshSeconds && policy.trustFreshSeconds > 0) {
    const extra = staleAgeSeconds - policy.trustFreshSeconds;
    pd = mulDivCeil(
      pd,
      10_000 * policy.trustFreshSeconds + policy.stalenessPdLambdaBps * extra,
      10_000 * policy.trustFreshSeconds,
    );
  }
  pd = clampInt(pd, policy.pdFloorBps, 10_000);
  const price = priceFee(
    compiled,
    f.eligible,
    advance,
    pay.expectedDays,
    pay.stressedDays,
    gradeName,
    pd,
    p.dilutionBps,
  );
  const fee = price.feeMinor;
  const pricedAdvance = advance;
  // A fee that reaches the eligible amount leaves nothing to pay for the invoice: never approved.
  let pricePositive = f.eligible - fee > 0;
  if (!pricePositive) {
    run.reason(
      'PRICE_NOT_POSITIVE',
      `fee ${fee} takes the whole eligible amount ${f.eligible}: the purchase price would be ${f.eligible - fee}`,
    );
  } else if (fee > f.eligible - advance) {
    // The fee is taken from the reserve: an advance above the purchase price would pay the
    // supplier more than the invoice was bought for (the fee, computed on the larger advance, is
    // kept: the financier's side).
    const capped = f.eligible - fee;
    run.reason(
      'FEE_ABOVE_RESERVE',
      `fee ${fee} is more than the reserve ${f.eligible - advance}: the advance is cut from ${advance} to the purchase price ${capped}`,
    );
    advance = capped;
  }
  if (pricePositive && advance <= 0) {
    // A limit that left no room, or a fee as large as the price: nothing would be paid now.
    run.reason('PRICE_NOT_POSITIVE', `nothing left to advance on an eligible ${f.eligible}`);
    pricePositive = false;
  }
  const reserve = f.eligible - advance;
  // Past the advance-rate floor the reserve no longer absorbs the buyer's expected dilution: the
  // buyer is expected to pay less than the advance.
  const expectedDilution = mulDivCeil(f.eligible, p.dilutionBps, 10_000);
  if (pricePositive && expectedDilution > reserve) {
    run.reason(
      'DILUTION_ABOVE_RESERVE',
      `buyer dilution ${p.dilutionBps / 100}% is expected to take ${expectedDilution} off ${f.eligible}, more than the reserve ${reserve}: the advance ${advance} is not expected to be collected`,
    );
  }
  // Over the cash advanced: an advance cut to the purchase price makes the fee dearer. The trace
  // states this figure too, so an auditor reading it sees the APR the offer quotes.
  const quotedApr = advance === pricedAdvance ? price.aprBps : aprBps(fee, advance, pay.expectedDays);
  const o: Offer = {
    currency: invoice.currency,
    faceMinor: face,
    eligibleMinor: f.eligible,
    haircuts: f.haircuts,
    advanceRateBps: advanceRate,
    advanceMinor: advance,
    reserveMinor: reserve,
    feeKind: policy.fee.kind,
    feeMinor: fee,
    purchasePriceMinor: f.eligible - fee,
    expectedRebateMinor: Math.max(0, reserve - fee),
    discountBps: face > 0 ? mulDivCeil(fee, 10_000, face) : 0,
    discountFraction: null,
    aprBps: quotedApr,
    tenorDays: pay.expectedDays,
    recourse: policy.recourse,
    risk: price.risk,
  };
  run.trace?.push(
    traceEntry(
      'pricing',
      pricePositive ? 'pass' : 'fail',
      {
        feeKind: policy.fee.kind,
        pdAnnualBps: pd,
        expectedDays: pay.expectedDays,
        stressedDays: pay.stressedDays,
        feeMinor: fee,
        aprBps: quotedApr,
      },
      null,
      f.eligible - face,
    ),
  );
  c.limits = {
    buyer: { limitMinor: buyerLimit ?? null, beforeMinor: buyerBefore, afterMinor: buyerBefore + advance },
    supplier: {
      limitMinor: supplierLimit ?? null,
      beforeMinor: supplierBefore,
      afterMinor: supplierBefore + advance,
    },
    facility: {
      limitMinor: facilityLimit ?? null,
      beforeMinor: facilityBefore,
      afterMinor: facilityBefore + advance,
    },
  };
  return o;
}

/**
 * A buyer with a track record: paid invoices adding up to at least `minShareBps` of this face (any
 * paid invoice when the share is 0; a precomputed profile without `paidMinor` shows none).
 */
function hasTrackRecord(
  profile: { readonly sampleSize: number; readonly paidMinor?: number | undefined },
  face: number,
  minShareBps: number,
): boolean {
  if (profile.sampleSize === 0) return false;
  return minShareBps === 0 || (profile.paidMinor ?? 0) >= mulDivCeil(face, minShareBps, 10_000);
}
