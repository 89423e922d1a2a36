// Validates a policy once and precomputes what the hot path needs (CompiledPolicy).

import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { FactoringPolicy, FeeStructure, GradeBand } from './policy.js';
import type { StreamOptions } from './streamOptions.js';

/**
 * A validated policy with everything precomputed for the hot path (sorted grades, trust cut-offs
 * in ppm, fraud-kind lookup) and a stable `policyId` hash for audit.
 *
 * @example
 * ```ts
 * const compiled: CompiledPolicy = compilePolicy(standardPolicy());
 * compiled.policyId; // e.g. 'quidfin-standard@1#3f2a9c1d'
 * ```
 */
export interface CompiledPolicy {
  readonly policy: FactoringPolicy;
  readonly policyId: string;
  /** Grades sorted best first (highest `minTrust`). */
  readonly grades: readonly GradeBand[];
  readonly fee: FeeStructure;
  /** Returns true when `fraud.signal.<kind>` counts under this policy. */
  readonly countsFraudKind: (kind: string) => boolean;
  /** How the stream is screened before it is read (from the policy's checks). */
  readonly streamOptions: StreamOptions;
  /** The weight of a signal kind in the fraud score. */
  readonly fraudKindWeight: (kind: string) => number;
  /** True when the kind rejects on its own from a trusted reporter. */
  readonly isDecisiveFraudKind: (kind: string) => boolean;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const INT_FIELDS = [
  'trustFreshSeconds',
  'stalenessPdLambdaBps',
  'staleAdvanceCutBps',
  'clockSkewSeconds',
  'ackShortfallToleranceBps',
  'maxDaysSinceIssue',
  'maxDaysPastDue',
  'crossAgeThresholdBps',
  'maxConcentrationBps',
  'defaultBuyerLimitMinor',
  'baseAdvanceRateBps',
  'minAdvanceRateBps',
  'maxAdvanceRateBps',
  'dilutionFreeBps',
  'noHistoryDilutionBps',
  'maxDisputeRateBps',
  'minDisputeSample',
  'lgdBps',
  'pdFloorBps',
  'recourseCorrelationBps',
  'nonRecoursePremiumBps',
  'minFeeMinor',
  'duplicateWindowDays',
  'duplicateSoftAdvanceCutBps',
  'paymentPriorWeight',
  'maxBuyerShareOfFacilityBps',
  'maxGroupShareOfFacilityBps',
] as const;

/**
 * Validates a policy and precomputes it. Throws {@link FactoringInputError} (`INVALID_POLICY`)
 * when the blend weights do not sum to 1 (within 1e-6, as the proof of concept), a trust
 * threshold is outside 0..1, or a money/bps/day figure is not a non-negative safe integer.
 *
 * @example
 * ```ts
 * const compiled = compilePolicy(pocPolicy());
 * ```
 */
export function compilePolicy(policy: FactoringPolicy): CompiledPolicy {
  const issues: { path: string; message: string }[] = [];
  if (Math.abs(policy.buyerWeight + policy.supplierWeight - 1) > 1e-6) {
    issues.push({
      path: 'buyerWeight',
      message: `buyerWeight + supplierWeight must sum to 1.0 (got ${policy.buyerWeight} + ${policy.supplierWeight})`,
    });
  }
  for (const [kind, w] of Object.entries(policy.fraudKindWeights)) {
    if (!(w >= 0 && Number.isFinite(w))) {
      issues.push({ path: `fraudKindWeights.${kind}`, message: `must be a finite weight >= 0 (got ${w})` });
    }
  }
  if (!(policy.fraudDefaultKindWeight >= 0 && Number.isFinite(policy.fraudDefaultKindWeight))) {
    issues.push({ path: 'fraudDefaultKindWeight', message: 'must be a finite weight >= 0' });
  }
  for (const k of [
    'minSupplierTrust',
    'minBuyerTrust',
    'minCarrierTrust',
    'fraudDecisiveReporterTrust',
  ] as const) {
    const v = policy[k];
    if (!(v >= 0 && v <= 1)) issues.push({ path: k, message: `must be within 0..1 (got ${v})` });
  }
  for (const k of INT_FIELDS) {
    const v = policy[k];
    if (!Number.isSafeInteger(v) || v < 0) {
      issues.push({ path: k, message: `must be a non-negative safe integer (got ${v})` });
    }
  }
  if (policy.minAdvanceRateBps > policy.maxAdvanceRateBps || policy.maxAdvanceRateBps > 10_000) {
    issues.push({
      path: 'maxAdvanceRateBps',
      message: 'need minAdvanceRateBps <= maxAdvanceRateBps <= 10000',
    });
  }
  if (policy.lgdBps > 10_000) issues.push({ path: 'lgdBps', message: 'must be at most 10000' });
  policy.grades.forEach((g, i) => {
    if (!(g.minTrust >= 0 && g.minTrust <= 1)) {
      issues.push({ path: `grades[${i}].minTrust`, message: 'must be within 0..1' });
    }
    if (!Number.isSafeInteger(g.pdAnnualBps) || g.pdAnnualBps < 0 || g.pdAnnualBps > 10_000) {
      issues.push({ path: `grades[${i}].pdAnnualBps`, message: 'must be an integer within 0..10000' });
    }
    if (!Number.isSafeInteger(g.advanceAdjBps)) {
      issues.push({ path: `grades[${i}].advanceAdjBps`, message: 'must be an integer' });
    }
  });
  const fee = policy.fee;
  const feeInts: number[] =
    fee.kind === 'flat'
      ? [fee.rateBps]
      : fee.kind === 'periodic'
        ? [fee.periodDays, fee.ratePerPeriodBps, fee.minPeriods]
        : fee.kind === 'funds-in-use'
          ? [fee.annualRateBps, fee.serviceFeeBps, fee.dayCount]
          : fee.kind === 'risk-based'
            ? [fee.costOfFundsBps, fee.opexBps, fee.capitalChargeBps]
            : [];
  if (
    feeInts.some((v) => !Number.isSafeInteger(v) || v < 0) ||
    (fee.kind === 'periodic' && fee.periodDays < 1)
  ) {
    issues.push({
      path: 'fee',
      message: 'fee rates and days must be non-negative safe integers (periodDays >= 1)',
    });
  }
  if (issues.length > 0) throw new FactoringInputError('INVALID_POLICY', issues);

  // Best grade first; ties broken by grade name so the order never depends on the input order.
  const grades = [...policy.grades].sort((a, b) =>
    b.minTrust !== a.minTrust ? b.minTrust - a.minTrust : a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : 0,
  );
  const kinds = policy.fraudSignalKinds;
  const kindSet = kinds === '*' ? undefined : new Set(kinds);
  const weights = policy.fraudKindWeights;
  const decisive = new Set(policy.decisiveFraudKinds);
  return {
    policy,
    policyId: `${policy.name}@${policy.version}#${fnv1a(stableJson(policy))}`,
    grades,
    fee,
    countsFraudKind: kindSet === undefined ? () => true : (kind: string) => kindSet.has(kind),
    streamOptions: {
      validatePayloads: policy.checks.payloads,
      requireSubject: policy.checks.eventSubject,
      detectConflicts: policy.checks.sequenceConflicts,
      // Signer checks still need the events read, to report who signed what.
      money: policy.checks.eligibility || policy.checks.signerRoles,
    },
    fraudKindWeight: (kind: string) =>
      Object.hasOwn(weights, kind) ? (weights[kind] as number) : policy.fraudDefaultKindWeight,
    isDecisiveFraudKind: (kind: string) => decisive.has(kind),
  };
}
