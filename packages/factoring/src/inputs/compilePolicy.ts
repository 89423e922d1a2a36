// Validates a policy once and precomputes what the hot path needs (CompiledPolicy).

import { OptionsChecker } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { CHECK_FLAGS, type FactoringPolicy, type FeeStructure, type GradeBand } from './policy.js';
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

// Money, bps and day figures: non-negative safe integers, each with its maximum: the bps that are
// shares of something (a rate, a cut, a cap) are at most 10_000 (100 %), the others have none.
const SHARE = 10_000;
/** The most a near copy can score (`scoreDuplicate`): id 3, number 4, amount 2, day 1, PO 1, document 3. */
const MAX_FUZZY_SCORE = 14;
const INT_FIELDS: Readonly<Partial<Record<keyof FactoringPolicy, number | null>>> = {
  trustFreshSeconds: null,
  stalenessPdLambdaBps: null,
  staleAdvanceCutBps: SHARE,
  // A day at most: an hour written in milliseconds (3,600,000) would let 41-day-old future dates count.
  clockSkewSeconds: 86_400,
  ackShortfallToleranceBps: SHARE,
  maxDaysSinceIssue: null,
  maxDaysPastDue: null,
  crossAgeThresholdBps: SHARE,
  maxConcentrationBps: SHARE,
  defaultBuyerLimitMinor: null,
  baseAdvanceRateBps: SHARE,
  minAdvanceRateBps: SHARE,
  maxAdvanceRateBps: SHARE,
  dilutionFreeBps: SHARE,
  noHistoryDilutionBps: SHARE,
  maxDisputeRateBps: SHARE,
  minDisputeSample: null,
  lgdBps: SHARE,
  pdFloorBps: SHARE,
  recourseCorrelationBps: SHARE,
  nonRecoursePremiumBps: SHARE,
  minFeeMinor: null,
  duplicateWindowDays: null,
  duplicateSoftAdvanceCutBps: SHARE,
  paymentPriorWeight: null,
  maxBuyerShareOfFacilityBps: SHARE,
  maxGroupShareOfFacilityBps: SHARE,
};

// Every field of the policy, so a misspelt one (from a JSON config) is refused instead of ignored
// while the default stays in force. The Record type makes the compiler list them all.
const POLICY_FIELDS: Readonly<Record<keyof FactoringPolicy, true>> = {
  name: true,
  version: true,
  checks: true,
  stopAtFirstDecisive: true,
  compat: true,
  minSupplierTrust: true,
  minBuyerTrust: true,
  minCarrierTrust: true,
  requireDelivery: true,
  requireBuyerAck: true,
  requirePoMatch: true,
  requireBuyerLimit: true,
  newDebtor: true,
  newDebtorMinPaidShareBps: true,
  pathlessTrust: true,
  financierQuid: true,
  buyerWeight: true,
  supplierWeight: true,
  baseDiscountFraction: true,
  maxRiskPremiumFraction: true,
  fraudSignalKinds: true,
  fraudVetoScore: true,
  fraudReviewScore: true,
  fraudWeightByReporterTrust: true,
  fraudKindWeights: true,
  fraudDefaultKindWeight: true,
  decisiveFraudKinds: true,
  fraudDecisiveReporterTrust: true,
  fraudMissingSeverity: true,
  openDisputes: true,
  undatedTrust: true,
  maxBuyerShareOfFacilityBps: true,
  maxGroupShareOfFacilityBps: true,
  trustFreshSeconds: true,
  stalenessPdLambdaBps: true,
  staleAdvanceCutBps: true,
  clockSkewSeconds: true,
  ackShortfallToleranceBps: true,
  maxDaysSinceIssue: true,
  maxDaysPastDue: true,
  maxTenorDays: true,
  maxShipmentLeadDays: true,
  maxTrustAgeSeconds: true,
  maxThirdPartyTitleShareBps: true,
  crossAgeThresholdBps: true,
  maxConcentrationBps: true,
  limitMode: true,
  defaultBuyerLimitMinor: true,
  baseAdvanceRateBps: true,
  minAdvanceRateBps: true,
  maxAdvanceRateBps: true,
  grades: true,
  dilutionFreeBps: true,
  noHistoryDilutionBps: true,
  maxDisputeRateBps: true,
  minDisputeSample: true,
  recourse: true,
  lgdBps: true,
  pdFloorBps: true,
  recourseCorrelationBps: true,
  nonRecoursePremiumBps: true,
  fee: true,
  minFeeMinor: true,
  duplicateWindowDays: true,
  duplicateReviewScore: true,
  duplicateSoftScore: true,
  duplicateSoftAdvanceCutBps: true,
  paymentPriorDaysLate: true,
  paymentPriorWeight: true,
};

/** The integer fields of each fee kind, with their minimum (`dayCount` is checked on its own). */
const FEE_FIELDS: Readonly<Record<FeeStructure['kind'], Readonly<Record<string, number>>>> = {
  'poc-blend': {},
  flat: { rateBps: 0 },
  periodic: { periodDays: 1, ratePerPeriodBps: 0, minPeriods: 0 },
  'funds-in-use': { annualRateBps: 0, serviceFeeBps: 0 },
  'risk-based': { costOfFundsBps: 0, opexBps: 0, capitalChargeBps: 0 },
};

/** A prior of more days late than this is a typo, not a buyer (ten years). */
const MAX_PRIOR_DAYS_LATE = 3_650;

function checkFee(check: OptionsChecker, fee: unknown): void {
  if (!check.object('fee', fee)) return;
  const f = fee as Record<string, unknown>;
  if (!check.oneOf('fee.kind', f['kind'], Object.keys(FEE_FIELDS))) return;
  const kind = f['kind'] as FeeStructure['kind'];
  const fields = FEE_FIELDS[kind];
  for (const [field, min] of Object.entries(fields)) check.integer(`fee.${field}`, f[field], { min });
  if (kind === 'funds-in-use') check.oneOf('fee.dayCount', f['dayCount'], [360, 365]);
  for (const key of Object.keys(f)) {
    const known =
      key === 'kind' || Object.hasOwn(fields, key) || (key === 'dayCount' && kind === 'funds-in-use');
    if (!known) check.add(`fee.${key}`, `is not a field of a '${kind}' fee`);
  }
}

/** A list of signal kinds: non-empty strings. */
function checkKinds(check: OptionsChecker, path: string, kinds: unknown): void {
  if (!check.array(path, kinds)) return;
  (kinds as unknown[]).forEach((k, i) => {
    check.string(`${path}[${i}]`, k, { nonEmpty: true });
  });
}

/** The heaviest score one signal can add: a high-severity signal from a reporter trusted at 1. */
function heaviestSignal(policy: FactoringPolicy): number {
  if (policy.fraudWeightByReporterTrust === false) return 1;
  let max = Number.isFinite(policy.fraudDefaultKindWeight) ? policy.fraudDefaultKindWeight : 0;
  const weights = policy.fraudKindWeights;
  if (typeof weights === 'object' && weights !== null) {
    for (const w of Object.values(weights)) if (Number.isFinite(w) && w > max) max = w;
  }
  return max;
}

/** Three whole day counts in 0..3650, ordered P10 <= P50 <= P90. */
function checkPrior(check: OptionsChecker, prior: unknown): void {
  if (!check.array('paymentPriorDaysLate', prior)) return;
  const days = prior as unknown[];
  let ok = check.require(
    'paymentPriorDaysLate',
    days.length === 3,
    'must list three day counts (P10, P50, P90)',
  );
  for (let i = 0; i < days.length; i++) {
    ok = check.integer(`paymentPriorDaysLate[${i}]`, days[i], { min: 0, max: MAX_PRIOR_DAYS_LATE }) && ok;
  }
  if (!ok) return;
  const [p10, p50, p90] = days as [number, number, number];
  check.require(
    'paymentPriorDaysLate',
    p10 <= p50 && p50 <= p90,
    `must be ordered P10 <= P50 <= P90, got ${p10}, ${p50}, ${p90}`,
  );
}

/** Freezes `value` and everything it holds (plain data only). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates a policy and precomputes it. Throws {@link FactoringInputError} (`INVALID_POLICY`)
 * listing every problem with its path: blend weights that do not sum to 1 (within 1e-6, as the
 * proof of concept) or leave 0..1, a trust threshold outside 0..1, a money/bps/day figure that is
 * not a non-negative safe integer (bps shares at most 10_000), a bad grade or fee field, a fee
 * kind, `compat`, `fraudMissingSeverity`, `openDisputes` or `limitMode` that is not one of its
 * values, a `checks` object missing a flag or holding a non-boolean, a flag that is not a boolean,
 * fraud thresholds that are not finite or that no single signal could reach, a payment prior that
 * is not three ordered day counts in 0..3650, a `maxTenorDays` below 1, a `maxShipmentLeadDays`
 * that is not a non-negative integer, a `clockSkewSeconds` over a day, duplicate scores above what
 * a near copy can score (14), or a field the policy does not have. The compiled policy holds a
 * frozen copy: editing the object afterwards changes nothing.
 *
 * @example
 * ```ts
 * const compiled = compilePolicy(pocPolicy());
 * ```
 */
export function compilePolicy(policy: FactoringPolicy): CompiledPolicy {
  if (typeof policy !== 'object' || policy === null) {
    throw new FactoringInputError('INVALID_POLICY', [{ path: 'policy', message: 'must be a policy object' }]);
  }
  // Every problem at once, in a fixed order (weights, trust thresholds, integers, grades, fee,
  // then names, checks, flags, choices, fractions, fraud scores, kind lists, duplicate scores,
  // payment prior and unknown fields).
  const check = new OptionsChecker();
  check.require(
    'buyerWeight',
    Math.abs(policy.buyerWeight + policy.supplierWeight - 1) <= 1e-6,
    `buyerWeight + supplierWeight must sum to 1.0 (got ${policy.buyerWeight} + ${policy.supplierWeight})`,
  );
  if (check.object('fraudKindWeights', policy.fraudKindWeights)) {
    for (const [kind, w] of Object.entries(policy.fraudKindWeights)) {
      check.number(`fraudKindWeights.${kind}`, w, { min: 0 });
    }
  }
  check.number('fraudDefaultKindWeight', policy.fraudDefaultKindWeight, { min: 0 });
  for (const k of [
    'minSupplierTrust',
    'minBuyerTrust',
    'minCarrierTrust',
    'fraudDecisiveReporterTrust',
  ] as const) {
    check.number(k, policy[k], { min: 0, max: 1 });
  }
  for (const [k, max] of Object.entries(INT_FIELDS)) {
    check.integer(k, policy[k as keyof FactoringPolicy], { min: 0, ...(max !== null ? { max } : {}) });
  }
  check.require(
    'maxAdvanceRateBps',
    policy.minAdvanceRateBps <= policy.maxAdvanceRateBps && policy.maxAdvanceRateBps <= 10_000,
    'need minAdvanceRateBps <= maxAdvanceRateBps <= 10000',
  );
  if (check.array('grades', policy.grades, { nonEmpty: true })) {
    policy.grades.forEach((g, i) => {
      if (!check.object(`grades[${i}]`, g)) return;
      check.string(`grades[${i}].grade`, g.grade, { nonEmpty: true });
      check.number(`grades[${i}].minTrust`, g.minTrust, { min: 0, max: 1 });
      check.integer(`grades[${i}].pdAnnualBps`, g.pdAnnualBps, { min: 0, max: 10_000 });
      check.integer(`grades[${i}].advanceAdjBps`, g.advanceAdjBps, { min: -10_000, max: 10_000 });
    });
  }
  checkFee(check, policy.fee);

  check.string('name', policy.name, { nonEmpty: true });
  check.string('version', policy.version, { nonEmpty: true });
  const checks = policy.checks as unknown;
  if (check.object('checks', checks)) {
    const flags = checks as Record<string, unknown>;
    for (const flag of Object.keys(CHECK_FLAGS)) check.boolean(`checks.${flag}`, flags[flag]);
    for (const key of Object.keys(flags)) {
      if (!Object.hasOwn(CHECK_FLAGS, key)) check.add(`checks.${key}`, 'is not a check (misspelt?)');
    }
  }
  for (const k of [
    'stopAtFirstDecisive',
    'requireDelivery',
    'requireBuyerAck',
    'requirePoMatch',
    'requireBuyerLimit',
    'fraudWeightByReporterTrust',
    'recourse',
  ] as const) {
    check.boolean(k, policy[k], { optional: k === 'requirePoMatch' || k === 'requireBuyerLimit' });
  }
  check.oneOf('compat', policy.compat, ['none', 'poc']);
  check.oneOf('fraudMissingSeverity', policy.fraudMissingSeverity, ['low', 'medium', 'high']);
  check.oneOf('openDisputes', policy.openDisputes, ['hold', 'haircut']);
  check.oneOf('undatedTrust', policy.undatedTrust, ['pending', 'fresh'], { optional: true });
  check.oneOf('newDebtor', policy.newDebtor, ['review', 'accept'], { optional: true });
  check.integer('newDebtorMinPaidShareBps', policy.newDebtorMinPaidShareBps, {
    min: 0,
    max: 10_000,
    optional: true,
  });
  check.oneOf('pathlessTrust', policy.pathlessTrust, ['pending', 'accept'], { optional: true });
  // A quid as the node writes it: an upper-case one would match no path's start and hold everything.
  const fin = policy.financierQuid;
  if (fin !== undefined)
    check.require(
      'financierQuid',
      typeof fin === 'string' && /^[0-9a-f]{16}$/.test(fin),
      `must be a quid (16 lower-case hex characters), got ${JSON.stringify(fin)}`,
    );
  check.oneOf('limitMode', policy.limitMode, ['reduce', 'reject']);
  for (const k of ['buyerWeight', 'supplierWeight'] as const) {
    // A weight that is not a number already fails the sum above.
    if (Number.isFinite(policy[k])) check.number(k, policy[k], { min: 0, max: 1 });
  }
  check.number('baseDiscountFraction', policy.baseDiscountFraction, { min: 0, max: 1 });
  check.number('maxRiskPremiumFraction', policy.maxRiskPremiumFraction, { min: 0, max: 1 });
  const heaviest = heaviestSignal(policy);
  for (const k of ['fraudVetoScore', 'fraudReviewScore'] as const) {
    if (check.number(k, policy[k], { min: 0 }) && policy[k] > heaviest) {
      check.add(
        k,
        `must be at most ${heaviest}, the score of one high-severity signal from a fully trusted reporter (no single signal could reach it), got ${policy[k]}`,
      );
    }
  }
  if (policy.fraudSignalKinds !== '*') checkKinds(check, 'fraudSignalKinds', policy.fraudSignalKinds);
  checkKinds(check, 'decisiveFraudKinds', policy.decisiveFraudKinds);
  // Above what any near copy can score, the fuzzy rules would never hold or cut anything.
  check.number('duplicateReviewScore', policy.duplicateReviewScore, { min: 0, max: MAX_FUZZY_SCORE });
  check.number('duplicateSoftScore', policy.duplicateSoftScore, { min: 0, max: MAX_FUZZY_SCORE });
  checkPrior(check, policy.paymentPriorDaysLate);
  check.integer('maxTenorDays', policy.maxTenorDays, { min: 1, optional: true });
  check.integer('maxShipmentLeadDays', policy.maxShipmentLeadDays, { min: 0, optional: true });
  check.integer('maxTrustAgeSeconds', policy.maxTrustAgeSeconds, { min: 1, optional: true });
  check.integer('maxThirdPartyTitleShareBps', policy.maxThirdPartyTitleShareBps, {
    min: 0,
    max: 10_000,
    optional: true,
  });
  for (const key of Object.keys(policy)) {
    if (key === 'policyId') {
      check.add(
        key,
        'is not a policy field: a compiled policy is one compilePolicy returned in this process (a copy, a JSON round trip or a tagged policy is checked as a policy)',
      );
    } else if (!Object.hasOwn(POLICY_FIELDS, key)) check.add(key, 'is not a policy field (misspelt?)');
  }
  check.throwIfInvalid((issues) => new FactoringInputError('INVALID_POLICY', issues));

  // The compiled policy is a frozen copy: editing the caller's object afterwards (a config reload
  // in place) cannot change what decides under this policyId.
  policy = deepFreeze(structuredClone(policy));
  // Best grade first; ties broken by grade name so the order never depends on the input order.
  const grades = [...policy.grades].sort((a, b) =>
    b.minTrust !== a.minTrust ? b.minTrust - a.minTrust : a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : 0,
  );
  const kinds = policy.fraudSignalKinds;
  const kindSet = kinds === '*' ? undefined : new Set(kinds);
  const weights = policy.fraudKindWeights;
  const decisive = new Set(policy.decisiveFraudKinds);
  const compiled: CompiledPolicy = {
    policy,
    policyId: `${policy.name}@${policy.version}#${fnv1a(stableJson(policy))}`,
    grades,
    fee: policy.fee,
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
  // Frozen, and known by identity: an edited or rebuilt one is not taken for what was checked.
  Object.freeze(compiled.grades);
  Object.freeze(compiled.streamOptions);
  compiledPolicies.add(Object.freeze(compiled));
  return compiled;
}

/** Every policy {@link compilePolicy} returned (a compiled one is used without checking it again). */
const compiledPolicies = new WeakSet<object>();

/**
 * True when `p` is a policy {@link compilePolicy} returned in this process. Anything else, however
 * it looks (a copy, a JSON round trip, a policy tagged with a `policyId`), is compiled (checked)
 * before use.
 *
 * @example
 * ```ts
 * const compiled = isCompiledPolicy(p) ? p : compilePolicy(p);
 * ```
 */
export function isCompiledPolicy(p: unknown): p is CompiledPolicy {
  return typeof p === 'object' && p !== null && compiledPolicies.has(p);
}
