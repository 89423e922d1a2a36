// Fee, discount and APR arithmetic in integer money, and the PoC's blended offer.

import { FactoringInputError } from '../errors/FactoringInputError.js';
import { type CompiledPolicy, isCompiledPolicy } from '../inputs/compilePolicy.js';
import { mulDivCeil, mulDivFloor } from '../math/money.js';
import type { RiskFigures } from '../outputs/decision.js';

/**
 * Inputs of {@link priceInvoice}, all integers.
 *
 * @example
 * ```ts
 * const i: PricingInput = { eligibleMinor: 5_000_000, advanceMinor: 4_250_000, expectedDays: 60, stressedDays: 90,
 *   grade: 'B', pdAnnualBps: 60, dilutionBps: 200 };
 * ```
 */
export interface PricingInput {
  readonly eligibleMinor: number;
  readonly advanceMinor: number;
  readonly expectedDays: number;
  readonly stressedDays: number;
  readonly grade: string;
  /** Effective annual PD (after recourse and staleness). */
  readonly pdAnnualBps: number;
  readonly dilutionBps: number;
}

/**
 * A fee, its APR equivalent on the cash advanced and, for risk-based pricing, the loss figures.
 *
 * @example
 * ```ts
 * const p: PricingResult = { feeMinor: 60_000, aprBps: 859, risk: null };
 * ```
 */
export interface PricingResult {
  readonly feeMinor: number;
  readonly aprBps: number;
  readonly risk: RiskFigures | null;
}

/**
 * Annual percentage rate on the cash advanced, bps, floored: `fee / advance x 365 / days`; 0 when
 * nothing is advanced or over no days. Exact for any safe-integer figures, and capped at
 * `Number.MAX_SAFE_INTEGER` (an APR at least that: a huge fee on a one-unit advance). Throws
 * `FactoringInputError('INVALID_INPUT')`, at each argument's name, for a figure that is not a
 * whole number >= 0: a negative fee is no APR, and NaN failed as a raw RangeError.
 *
 * @example
 * ```ts
 * aprBps(50, 10_000, 20); // 912 (0.5 % for 20 days = 9.12 % APR, the C2FO worked example)
 * ```
 */
export function aprBps(feeMinor: number, advanceMinor: number, days: number): number {
  if (!(isWhole(feeMinor) && isWhole(advanceMinor) && isWhole(days))) aprIssues(feeMinor, advanceMinor, days);
  if (advanceMinor === 0 || days === 0) return 0;
  const span = advanceMinor * days;
  // Past 2^53 the product is rounded: divide by the exact one.
  const apr =
    span <= Number.MAX_SAFE_INTEGER
      ? mulDivFloor(feeMinor, 3_650_000, span)
      : Number((BigInt(feeMinor) * 3_650_000n) / (BigInt(advanceMinor) * BigInt(days)));
  // A huge fee on a tiny advance: no APR past 2^53 - 1 is output (it would be a rounded float).
  return Math.min(apr, Number.MAX_SAFE_INTEGER);
}

function isWhole(v: number): boolean {
  return Number.isSafeInteger(v) && v >= 0;
}

/** Throws the INVALID_INPUT of an {@link aprBps} call, every bad argument at once. */
function aprIssues(feeMinor: unknown, advanceMinor: unknown, days: unknown): never {
  const issues: { path: string; message: string }[] = [];
  for (const [path, v] of [
    ['feeMinor', feeMinor],
    ['advanceMinor', advanceMinor],
    ['days', days],
  ] as const) {
    if (!isWhole(v as number))
      issues.push({ path, message: `must be a whole number >= 0 (got ${JSON.stringify(v) ?? String(v)})` });
  }
  throw new FactoringInputError('INVALID_INPUT', issues);
}

/** The issues of a {@link priceInvoice} call: each one a figure that would price it cheaper or throw. */
function pricingIssues(compiled: CompiledPolicy, input: PricingInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!isCompiledPolicy(compiled)) {
    issues.push({ path: 'compiled', message: 'expected a compiled policy: pass compilePolicy(policy)' });
  } else if (compiled.fee.kind === 'poc-blend') {
    // The blend prices from trust levels inside the engine, not from these figures.
    issues.push({
      path: 'compiled.fee',
      message: "the proof of concept's 'poc-blend' is not priced here: use pocOffer",
    });
  }
  const whole = (k: keyof PricingInput, min: number, max: number, what: string): boolean => {
    const v = input?.[k];
    if (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max) return true;
    issues.push({ path: `input.${k}`, message: `must be ${what} (got ${JSON.stringify(v) ?? String(v)})` });
    return false;
  };
  const eligible = whole('eligibleMinor', 0, Number.MAX_SAFE_INTEGER, 'a whole amount >= 0');
  if (whole('advanceMinor', 0, Number.MAX_SAFE_INTEGER, 'a whole amount >= 0') && eligible) {
    if (input.advanceMinor > input.eligibleMinor)
      issues.push({
        path: 'input.advanceMinor',
        message: `must not exceed eligibleMinor ${input.eligibleMinor} (got ${input.advanceMinor})`,
      });
  }
  // At least a day, as the engine's own prediction (a negative span priced the fee at 0).
  const expected = whole('expectedDays', 1, Number.MAX_SAFE_INTEGER, 'whole days >= 1');
  // The stressed horizon is the later date: a shorter one prices the risk over fewer days.
  if (whole('stressedDays', 1, Number.MAX_SAFE_INTEGER, 'whole days >= 1') && expected) {
    if (input.stressedDays < input.expectedDays)
      issues.push({
        path: 'input.stressedDays',
        message: `must not be before expectedDays ${input.expectedDays} (got ${input.stressedDays})`,
      });
  }
  whole('pdAnnualBps', 0, 10_000, 'whole bps from 0 to 10000');
  whole('dilutionBps', 0, 10_000, 'whole bps from 0 to 10000');
  if (typeof input?.grade !== 'string') issues.push({ path: 'input.grade', message: 'must be a string' });
  return issues;
}

/**
 * Prices an invoice under the policy's fee structure (every structure except `poc-blend`). Money is
 * rounded up to the minor unit in the financier's favour, once per component; the fee is at least
 * the policy minimum and never more than the eligible amount. Throws `FactoringInputError`
 * (`INVALID_INPUT`, every issue with its path) for a policy that is not compiled, amounts that are
 * not whole and >= 0, an advance above the eligible amount, days below 1, a stressed horizon
 * before the expected one, a PD or dilution outside 0..10000 bps (each would quote a cheaper
 * fee: a negative span, a fee of 0), and the proof of concept's blend (priced by `pocOffer`).
 *
 * @example
 * ```ts
 * const price = priceInvoice(compilePolicy(standardPolicy()), { eligibleMinor: 1_000_000, advanceMinor: 850_000,
 *   expectedDays: 45, stressedDays: 75, grade: 'B', pdAnnualBps: 60, dilutionBps: 100 });
 * ```
 */
export function priceInvoice(compiled: CompiledPolicy, input: PricingInput): PricingResult {
  const issues = pricingIssues(compiled, input);
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
  return priceFee(
    compiled,
    input.eligibleMinor,
    input.advanceMinor,
    input.expectedDays,
    input.stressedDays,
    input.grade,
    input.pdAnnualBps,
    input.dilutionBps,
  );
}

/**
 * {@link priceInvoice} on its inputs one by one (standard pricing calls it for every invoice it
 * prices, without building a {@link PricingInput} first).
 *
 * @example
 * ```ts
 * priceFee(compilePolicy(standardPolicy()), 1_000_000, 850_000, 45, 75, 'B', 60, 100);
 * ```
 */
export function priceFee(
  compiled: CompiledPolicy,
  eligible: number,
  advance: number,
  days: number,
  stressedDays: number,
  grade: string,
  pdAnnualBps: number,
  dilutionBps: number,
): PricingResult {
  const policy = compiled.policy;
  const fee = compiled.fee;
  let total = 0;
  let risk: RiskFigures | null = null;
  switch (fee.kind) {
    case 'flat':
      total = mulDivCeil(eligible, fee.rateBps, 10_000);
      break;
    case 'periodic': {
      const periods = Math.max(fee.minPeriods, Math.ceil(days / fee.periodDays));
      total = mulDivCeil(eligible, fee.ratePerPeriodBps * periods, 10_000);
      break;
    }
    case 'funds-in-use':
      total =
        mulDivCeil(advance, fee.annualRateBps * days, fee.dayCount * 10_000) +
        mulDivCeil(eligible, fee.serviceFeeBps, 10_000);
      break;
    case 'risk-based': {
      const annual = fee.costOfFundsBps + fee.opexBps + fee.capitalChargeBps;
      const funding = mulDivCeil(advance, annual * days, 3_650_000);
      // PD over the stressed horizon, pro rata (exact rational, rounded up to ppm).
      const pdTenorPpm = Math.min(1_000_000, mulDivCeil(pdAnnualBps * 100, stressedDays, 365));
      const el = mulDivCeil(advance, pdTenorPpm * policy.lgdBps, 10_000_000_000);
      // Expected dilution (PD = dilution, LGD = 100 %) first eats the reserve held for it; only
      // the part beyond the reserve is a loss to the financier.
      const dilutionLoss = Math.max(0, mulDivCeil(eligible, dilutionBps, 10_000) - (eligible - advance));
      total = funding + el + dilutionLoss;
      risk = {
        grade,
        pdAnnualBps,
        pdTenorPpm,
        lgdBps: policy.lgdBps,
        eadMinor: advance,
        expectedLossMinor: el,
        dilutionBps,
        dilutionLossMinor: dilutionLoss,
      };
      break;
    }
    case 'poc-blend':
      // Priced by pocOffer; never reached from the engine.
      break;
  }
  if (!policy.recourse) total += mulDivCeil(eligible, policy.nonRecoursePremiumBps, 10_000);
  total = Math.min(eligible, Math.max(policy.minFeeMinor, total));
  return { feeMinor: total, aprBps: aprBps(total, advance, days), risk };
}

/**
 * The proof of concept's price, float for float: `risk = 1 - (bw x buyer + sw x supplier)`,
 * `discount = min(base + premium x risk, base + premium)`, `offer = trunc(amount x (1 - discount))`.
 * The one place money passes through floats, on purpose, to reproduce it exactly.
 *
 * @example
 * ```ts
 * pocOffer(5_000_000, 0.765, 0.81, 0.7, 0.3, 0.01, 0.1); // { risk: 0.2035.., discount: 0.03035.., offerMinor: 4_848_250 }
 * ```
 */
export function pocOffer(
  amountMinor: number,
  supplierTrust: number,
  buyerTrust: number,
  buyerWeight: number,
  supplierWeight: number,
  base: number,
  maxPremium: number,
): { risk: number; discount: number; offerMinor: number } {
  const risk = 1.0 - (buyerWeight * buyerTrust + supplierWeight * supplierTrust);
  let discount = base + maxPremium * risk;
  discount = Math.min(discount, base + maxPremium);
  const offerMinor = Math.trunc(amountMinor * (1.0 - discount));
  return { risk, discount, offerMinor };
}
