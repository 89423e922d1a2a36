// The financier's policy: fees, grades, thresholds and which checks run; the two presets.

/**
 * How the fee is charged. All rates are integer basis points (1 bp = 0.01 %).
 * - `poc-blend`: the proof of concept's float discount on face, offer truncated (compatibility only).
 * - `flat`: `rateBps` of the eligible amount per invoice (P1).
 * - `periodic`: `ratePerPeriodBps` of the eligible amount per started period of `periodDays`,
 *   at least `minPeriods` (P2/P5).
 * - `funds-in-use`: `annualRateBps` on the advance for the expected days outstanding (day count
 *   360 or 365), plus `serviceFeeBps` of the eligible amount (P3).
 * - `risk-based`: cost of funds + opex + capital charge on the advance for the expected tenor,
 *   plus expected loss (PD x LGD x EAD) and dilution loss (P6).
 *
 * @example
 * ```ts
 * const fee: FeeStructure = { kind: 'periodic', periodDays: 30, ratePerPeriodBps: 150, minPeriods: 1 };
 * ```
 */
export type FeeStructure =
  | { readonly kind: 'poc-blend' }
  | { readonly kind: 'flat'; readonly rateBps: number }
  | {
      readonly kind: 'periodic';
      readonly periodDays: number;
      readonly ratePerPeriodBps: number;
      readonly minPeriods: number;
    }
  | {
      readonly kind: 'funds-in-use';
      readonly annualRateBps: number;
      readonly serviceFeeBps: number;
      readonly dayCount: 360 | 365;
    }
  | {
      readonly kind: 'risk-based';
      readonly costOfFundsBps: number;
      readonly opexBps: number;
      readonly capitalChargeBps: number;
    };

/**
 * A buyer grade: trust at or above `minTrust` gets this annual PD and advance-rate adjustment.
 *
 * @example
 * ```ts
 * const band: GradeBand = { grade: 'A', minTrust: 0.9, pdAnnualBps: 20, advanceAdjBps: 500 };
 * ```
 */
export interface GradeBand {
  readonly grade: string;
  readonly minTrust: number;
  readonly pdAnnualBps: number;
  readonly advanceAdjBps: number;
}

/**
 * Which checks run. The proof-of-concept preset turns every one off to reproduce it exactly.
 *
 * @example
 * ```ts
 * const checks: Partial<PolicyChecks> = { duplicates: false };
 * ```
 */
export interface PolicyChecks {
  /** Events signed by the wrong party do not count and are reported. */
  readonly signerRoles: boolean;
  readonly duplicates: boolean;
  /** Acknowledged amount versus invoice amount. */
  readonly ackAmount: boolean;
  /** Shipment, delivery and acknowledgement times. */
  readonly logistics: boolean;
  /** Buyer and carrier must have a trust path. */
  readonly trustPaths: boolean;
  readonly trustFreshness: boolean;
  readonly titleOwnership: boolean;
  readonly disputeRate: boolean;
  /** Ageing, past due, cross-aging, disputes, credits, payments, self-dealing, future dating. */
  readonly eligibility: boolean;
  /** Concentration, buyer/supplier/facility limits. */
  readonly limits: boolean;
  /**
   * Every event payload must pass `@quidfin/core`'s schema; an invalid event never counts (no
   * amount, no attestation) and holds the invoice for review (`INVALID_EVENT_PAYLOAD`).
   */
  readonly payloads: boolean;
  /**
   * Every event must name the invoice as its `subjectId`: another invoice's event is refused
   * (`EVENT_SUBJECT_MISMATCH`), an event naming none is not counted (`EVENT_SUBJECT_MISSING`).
   */
  readonly eventSubject: boolean;
  /** Two different events at one sequence reject (`DOUBLE_FACTORING_RACE`, `SEQUENCE_CONFLICT`). */
  readonly sequenceConflicts: boolean;
}

/**
 * A financier's policy. Use {@link standardPolicy} or {@link pocPolicy} and override fields.
 * Every number that prices money is an integer (bps, days, minor units); trust levels are 0..1.
 *
 * @example
 * ```ts
 * const policy: FactoringPolicy = standardPolicy({ minBuyerTrust: 0.7, recourse: false });
 * ```
 */
export interface FactoringPolicy {
  readonly name: string;
  readonly version: string;
  readonly checks: PolicyChecks;
  /**
   * Skip the rules that can no longer change the outcome. Under the proof-of-concept preset
   * (`compat: 'poc'`) the first rule that decides (reject, review or pending) is the outcome, as
   * the proof of concept does. Under any other policy the run stops at the first reject only: a
   * review or pending runs on, so it never hides a later reject, and the outcome is the one the
   * full run gives (the rules after a reject are traced as skipped and their reasons are missing).
   */
  readonly stopAtFirstDecisive: boolean;
  /** 'poc' adds the proof of concept's decision (messages, flags) as `compat`. */
  readonly compat: 'none' | 'poc';
  readonly minSupplierTrust: number;
  readonly minBuyerTrust: number;
  /** Carrier trust below this (or no path) sends the decision to review. */
  readonly minCarrierTrust: number;
  readonly requireDelivery: boolean;
  readonly requireBuyerAck: boolean;
  /**
   * Require the buyer's PO match: with no accepted `po.matched` on the invoice's PO the decision is
   * pending (`PO_MATCH_MISSING`); when the buyer's latest verdict is a `po.mismatch` it is review
   * (`PO_MISMATCH`) until a later `po.matched` supersedes it. Default false.
   */
  readonly requirePoMatch?: boolean;
  /**
   * Hold (`BUYER_LIMIT_MISSING`, pending) an invoice whose buyer has no credit limit in the
   * portfolio when the policy has no `defaultBuyerLimitMinor`: a debtor without a limit on file is
   * not an approved debtor. No portfolio at all is an empty book: held the same way. True in
   * `standardPolicy`; default false.
   */
  readonly requireBuyerLimit?: boolean;
  /**
   * A buyer the financier has never underwritten (no credit limit of its own in the portfolio) and
   * with no track record of paying (see `newDebtorMinPaidShareBps`; money funded on it and not yet
   * collected is none): `'review'` (the default, also when omitted) holds its invoices for
   * verification (`NEW_DEBTOR`) until one of those is on file, the
   * trigger real factors use against a fictitious debtor; `'accept'` funds it within
   * `defaultBuyerLimitMinor`, for a caller that verified the debtor itself. Only with
   * `checks.limits` and standard pricing (not the proof of concept's blend).
   */
  readonly newDebtor?: 'review' | 'accept';
  /**
   * How much paid history makes a debtor known to `newDebtor`: the buyer's paid invoices must add
   * up to at least this share of the invoice's face, in bps (standard 1,000: a tenth). A penny
   * paid, or a history of small invoices ahead of a large one, is not a track record. 0: any paid
   * invoice counts.
   */
  readonly newDebtorMinPaidShareBps?: number;
  /**
   * A buyer or carrier reading that reaches its party through others (`pathLength` 2 or more, or
   * not given) but names no `path`: who vouches for the party cannot be told, so the supplier's
   * own word for its debtor or witness would pass. `'pending'` (the default, also when omitted)
   * waits for a reading with its path (`TRUST_PATH_UNKNOWN`); `'accept'` takes the caller's word
   * that the route does not run through the supplier. Direct readings (`pathLength: 1`) need no
   * path. Only with `checks.trustPaths`.
   */
  readonly pathlessTrust?: 'pending' | 'accept';
  /**
   * The financier's own quid: whose trust the readings are. Set, every supplier, buyer or carrier
   * reading that names a `path` must start there, as a node's trust query starts its path at the
   * observer; one that starts elsewhere is that quid's view, not the financier's, and holds the
   * invoice (`TRUST_PATH_UNKNOWN`, pending); a fraud reporter's so read holds it too
   * (`REPORTER_TRUST_MISSING`). Unset, the starts of one decision's readings are only compared with each other, so a
   * single reading that names a path (the supplier and carrier read with none) is not checked.
   * Only with `checks.trustPaths`.
   */
  readonly financierQuid?: string;
  /** Proof-of-concept blend (only `poc-blend` pricing uses these). */
  readonly buyerWeight: number;
  readonly supplierWeight: number;
  readonly baseDiscountFraction: number;
  readonly maxRiskPremiumFraction: number;
  /** `fraud.signal.<kind>` kinds that count; `'*'` for every kind. */
  readonly fraudSignalKinds: readonly string[] | '*';
  /** Trust-weighted fraud score at or above which the invoice is rejected (0 = any signal). */
  readonly fraudVetoScore: number;
  /** Score at or above which it goes to review. */
  readonly fraudReviewScore: number;
  /** When false every signal weighs 1 whatever the reporter (proof of concept). */
  readonly fraudWeightByReporterTrust: boolean;
  /** Weight of each signal kind in the score (kinds not listed weigh `fraudDefaultKindWeight`). */
  readonly fraudKindWeights: Readonly<Record<string, number>>;
  readonly fraudDefaultKindWeight: number;
  /**
   * Kinds that reject on their own when reported by a reporter the financier trusts at least
   * `fraudDecisiveReporterTrust`, whatever the stated severity (forgery, double financing).
   */
  readonly decisiveFraudKinds: readonly string[];
  /**
   * Trust a reporter needs for its signals to reject. Below it, signals (however many) can send the
   * invoice to review but never reject it: an untrusted co-owner cannot veto a purchase.
   */
  readonly fraudDecisiveReporterTrust: number;
  /** How a signal that states no severity is weighed (said in the reason's message). */
  readonly fraudMissingSeverity: 'low' | 'medium' | 'high';
  /**
   * An open buyer dispute: `'hold'` (single-invoice purchase) sends the invoice to pending until the
   * dispute is resolved; `'haircut'` (asset-based lending) funds the undisputed part.
   */
  readonly openDisputes: 'hold' | 'haircut';
  /** One buyer's share of the facility limit, in bps (applies when a facility limit is set). */
  readonly maxBuyerShareOfFacilityBps: number;
  /** One buyer group's share of the facility limit, in bps (groups from `portfolio.buyerGroup`). */
  readonly maxGroupShareOfFacilityBps: number;
  /** A trust reading older than this many seconds is stale (PD inflated, advance cut). */
  readonly trustFreshSeconds: number;
  /**
   * A supplier or buyer reading with no `observedAt` (its age cannot be told): `'pending'` (the
   * default, also when omitted) waits for a dated reading (`TRUST_UNDATED`); `'fresh'` takes it as
   * read at the decision date, for a caller that vouches for its readings' age. Only with
   * `checks.trustFreshness`.
   */
  readonly undatedTrust?: 'pending' | 'fresh';
  /**
   * A supplier or buyer reading older than this many seconds is not priced at all: the invoice
   * waits for a new one (`TRUST_TOO_OLD`, pending). Between `trustFreshSeconds` and this it is
   * priced as stale. A carrier read longer ago does not attest delivery (`TRUST_TOO_OLD`), and a
   * fraud reporter read longer ago cannot veto (review at most). 365 days in `standardPolicy`;
   * none when omitted. Only with `checks.trustFreshness`.
   */
  readonly maxTrustAgeSeconds?: number;
  /** PD inflation per `trustFreshSeconds` of extra age, in bps of PD (10_000 = +100 %). */
  readonly stalenessPdLambdaBps: number;
  /** Advance cut when any reading is stale. */
  readonly staleAdvanceCutBps: number;
  /** Tolerated clock skew between events, seconds. */
  readonly clockSkewSeconds: number;
  /** Acknowledged shortfall up to this share of face is a haircut; more goes to review. */
  readonly ackShortfallToleranceBps: number;
  readonly maxDaysSinceIssue: number;
  readonly maxDaysPastDue: number;
  /**
   * Longest tenor the financier funds: an invoice due more than this many days after the decision
   * date is rejected (`TENOR_TOO_LONG`), whatever the fee would be. Omit for no limit (the
   * proof-of-concept preset). Standard: 180.
   */
  readonly maxTenorDays?: number;
  /**
   * Longest time goods may have been shipped (or delivered) before the invoice was issued: more
   * is the re-dating pattern, an old sale invoiced anew, and goes to review
   * (`SHIPPED_LONG_BEFORE_ISSUE`). Omit for no bound (the proof-of-concept preset). Standard: 90.
   */
  readonly maxShipmentLeadDays?: number;
  /**
   * Largest share of the title, in bps, that owners other than the invoice's supplier and buyer may
   * hold together: more (a financier holding 49 % beside a 51 % supplier) means part of what the
   * buyer pays may already be sold, and goes to review (`TITLE_SHARED`). Omit for no bound (the
   * proof-of-concept preset). Standard: 1000 (the protocol's usual carrier and financier stakes of
   * 2 % each stay under it).
   */
  readonly maxThirdPartyTitleShareBps?: number;
  readonly crossAgeThresholdBps: number;
  readonly maxConcentrationBps: number;
  /** 'reduce': fund up to the remaining room; 'reject': refuse anything that does not fit. */
  readonly limitMode: 'reduce' | 'reject';
  /**
   * Buyer limit when the portfolio has none for the buyer (0 = no default limit: the buyer is then
   * held when `requireBuyerLimit` is on, and unlimited otherwise).
   */
  readonly defaultBuyerLimitMinor: number;
  readonly baseAdvanceRateBps: number;
  readonly minAdvanceRateBps: number;
  readonly maxAdvanceRateBps: number;
  /** Buyer grades, any order; the best band whose `minTrust` the buyer meets applies. */
  readonly grades: readonly GradeBand[];
  /** Dilution above this cuts the advance 1 pp per pp (and is charged as dilution loss). */
  readonly dilutionFreeBps: number;
  /** Dilution assumed for a buyer with no history. */
  readonly noHistoryDilutionBps: number;
  /** Buyer dispute rate at or above this goes to review. */
  readonly maxDisputeRateBps: number;
  /** Minimum history size before the dispute rate is judged. */
  readonly minDisputeSample: number;
  readonly recourse: boolean;
  readonly lgdBps: number;
  readonly pdFloorBps: number;
  /** Correlation add-on for recourse joint default, bps of the smaller PD. */
  readonly recourseCorrelationBps: number;
  /** Extra fee for non-recourse, bps of the eligible amount. */
  readonly nonRecoursePremiumBps: number;
  readonly fee: FeeStructure;
  readonly minFeeMinor: number;
  readonly duplicateWindowDays: number;
  readonly duplicateReviewScore: number;
  readonly duplicateSoftScore: number;
  readonly duplicateSoftAdvanceCutBps: number;
  /** Prior days-late quantiles (P10, P50, P90) for buyers with little history. */
  readonly paymentPriorDaysLate: readonly [number, number, number];
  /** Shrinkage: the prior weighs like this many invoices. */
  readonly paymentPriorWeight: number;
}

/**
 * Overrides accepted by the presets: any field, with `checks` merged field by field.
 *
 * @example
 * ```ts
 * const o: PolicyOverrides = { checks: { duplicates: false }, minBuyerTrust: 0.7 };
 * ```
 */
export type PolicyOverrides = Partial<Omit<FactoringPolicy, 'checks'>> & {
  readonly checks?: Partial<PolicyChecks>;
};

/**
 * Every flag of {@link PolicyChecks}, once: the presets and `compilePolicy`'s check of a policy's
 * `checks` read it. The Record type makes the compiler list them all.
 */
export const CHECK_FLAGS: Readonly<Record<keyof PolicyChecks, true>> = {
  signerRoles: true,
  duplicates: true,
  ackAmount: true,
  logistics: true,
  trustPaths: true,
  trustFreshness: true,
  titleOwnership: true,
  disputeRate: true,
  eligibility: true,
  limits: true,
  payloads: true,
  eventSubject: true,
  sequenceConflicts: true,
};

/** Every check set to `on`. */
function everyCheck(on: boolean): PolicyChecks {
  const checks: Record<string, boolean> = {};
  for (const flag of Object.keys(CHECK_FLAGS)) checks[flag] = on;
  return checks as unknown as PolicyChecks;
}

/** `o` without the keys whose value is `undefined`: an override left unset keeps the preset's value. */
function defined<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o === undefined) return out;
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function merge(base: FactoringPolicy, o: PolicyOverrides | undefined): FactoringPolicy {
  if (!o) return base;
  // `{ maxTenorDays: cfg.maxTenorDays }` with the setting unset passes undefined: dropping the
  // key keeps the preset's bound instead of removing it.
  const { checks, ...rest } = o;
  return { ...base, ...defined(rest), checks: { ...base.checks, ...defined(checks) } } as FactoringPolicy;
}

/**
 * The underwriting policy this package recommends: every check on, risk-based pricing on an
 * 80 % base advance (adjusted by buyer grade and dilution), non-recourse, 90-day age cut-off,
 * 180-day maximum tenor, 25 % concentration cap.
 *
 * @example
 * ```ts
 * const policy = standardPolicy({ fee: { kind: 'flat', rateBps: 250 } });
 * ```
 */
export function standardPolicy(overrides?: PolicyOverrides): FactoringPolicy {
  return merge(
    {
      name: 'quidfin-standard',
      version: '1',
      checks: everyCheck(true),
      stopAtFirstDecisive: false,
      compat: 'none',
      minSupplierTrust: 0.5,
      minBuyerTrust: 0.6,
      minCarrierTrust: 0.3,
      requireDelivery: true,
      requireBuyerAck: true,
      buyerWeight: 0.7,
      supplierWeight: 0.3,
      baseDiscountFraction: 0.01,
      maxRiskPremiumFraction: 0.1,
      fraudSignalKinds: '*',
      fraudVetoScore: 0.6,
      fraudReviewScore: 0.2,
      fraudWeightByReporterTrust: true,
      fraudKindWeights: {
        'invoice-forged': 1,
        'double-financing': 1,
        'duplicate-financing': 1,
        'document-forged': 1,
        'goods-not-delivered': 1,
        'identity-mismatch': 1,
      },
      fraudDefaultKindWeight: 0.5,
      decisiveFraudKinds: [
        'invoice-forged',
        'double-financing',
        'duplicate-financing',
        'document-forged',
        'goods-not-delivered',
      ],
      fraudDecisiveReporterTrust: 0.5,
      fraudMissingSeverity: 'high',
      openDisputes: 'hold',
      maxBuyerShareOfFacilityBps: 2_000,
      maxGroupShareOfFacilityBps: 3_000,
      trustFreshSeconds: 90 * 86_400,
      undatedTrust: 'pending',
      maxTrustAgeSeconds: 365 * 86_400,
      stalenessPdLambdaBps: 5_000,
      staleAdvanceCutBps: 500,
      clockSkewSeconds: 3_600,
      ackShortfallToleranceBps: 200,
      maxDaysSinceIssue: 90,
      maxDaysPastDue: 60,
      maxTenorDays: 180,
      maxShipmentLeadDays: 90,
      maxThirdPartyTitleShareBps: 1_000,
      crossAgeThresholdBps: 5_000,
      maxConcentrationBps: 2_500,
      limitMode: 'reduce',
      defaultBuyerLimitMinor: 0,
      requireBuyerLimit: true,
      newDebtor: 'review',
      newDebtorMinPaidShareBps: 1_000,
      pathlessTrust: 'pending',
      baseAdvanceRateBps: 8_000,
      minAdvanceRateBps: 5_000,
      maxAdvanceRateBps: 9_500,
      grades: [
        { grade: 'A', minTrust: 0.9, pdAnnualBps: 20, advanceAdjBps: 1_000 },
        { grade: 'B', minTrust: 0.8, pdAnnualBps: 60, advanceAdjBps: 500 },
        { grade: 'C', minTrust: 0.7, pdAnnualBps: 200, advanceAdjBps: 0 },
        { grade: 'D', minTrust: 0.6, pdAnnualBps: 500, advanceAdjBps: -500 },
        { grade: 'E', minTrust: 0, pdAnnualBps: 1_500, advanceAdjBps: -1_000 },
      ],
      dilutionFreeBps: 500,
      noHistoryDilutionBps: 300,
      maxDisputeRateBps: 1_500,
      minDisputeSample: 5,
      recourse: false,
      lgdBps: 4_000,
      pdFloorBps: 5,
      recourseCorrelationBps: 1_000,
      nonRecoursePremiumBps: 50,
      fee: { kind: 'risk-based', costOfFundsBps: 600, opexBps: 200, capitalChargeBps: 150 },
      minFeeMinor: 0,
      duplicateWindowDays: 90,
      duplicateReviewScore: 5,
      duplicateSoftScore: 4,
      duplicateSoftAdvanceCutBps: 1_000,
      paymentPriorDaysLate: [0, 5, 30],
      paymentPriorWeight: 5,
    },
    overrides,
  );
}

/**
 * The proof of concept (`invoice_factor.py`) exactly: its default policy (supplier >= 0.5,
 * buyer >= 0.6, delivery and acknowledgement required, discount 0.01 + 0.10 x risk with a
 * 0.7/0.3 blend), any `fraud.signal.invoice-forged` vetoes, no other check, offer truncated.
 *
 * @example
 * ```ts
 * const relaxed = pocPolicy({ requireDelivery: false, requireBuyerAck: false });
 * ```
 */
export function pocPolicy(overrides?: PolicyOverrides): FactoringPolicy {
  // The proof of concept has no tenor limit, no buyer-limit requirement, no shipment or title-share
  // bound and no rule on undated readings, new debtors or readings without their path:
  // the keys are left out (not undefined), so the preset and its policyId stay what they were.
  const {
    maxTenorDays: _noTenorLimit,
    requireBuyerLimit: _noBuyerLimitRequired,
    maxShipmentLeadDays: _noShipmentLead,
    maxThirdPartyTitleShareBps: _noTitleShareBound,
    undatedTrust: _noUndatedTrustRule,
    newDebtor: _noNewDebtorRule,
    newDebtorMinPaidShareBps: _noNewDebtorShare,
    pathlessTrust: _noPathlessTrustRule,
    maxTrustAgeSeconds: _noTrustAgeBound,
    ...base
  } = standardPolicy({
    name: 'poc-invoice-factor-py',
    version: '1',
    checks: everyCheck(false),
    stopAtFirstDecisive: true,
    compat: 'poc',
    fraudSignalKinds: ['invoice-forged'],
    fraudVetoScore: 0,
    fraudReviewScore: 0,
    fraudWeightByReporterTrust: false,
    fee: { kind: 'poc-blend' },
  });
  return merge(base, overrides);
}
