import { OptionsChecker } from '@quidfin/core';
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { FxRate } from '../money/FxRate.js';

export type { FxRate } from '../money/FxRate.js';

/**
 * Tuning of {@link reconcile}. Every field has a default.
 *
 * @example
 * ```ts
 * const options: ReconcileOptions = { autoThreshold: 0.95, feeToleranceMinor: 1500, fxRates: [{ from: 'USD', to: 'EUR', rate: '0.92' }] };
 * ```
 */
export interface ReconcileOptions {
  /** Confidence at or above which a line is applied automatically. Default 0.9. */
  readonly autoThreshold?: number;
  /** Confidence at or above which a proposal is shown as a suggestion. Default 0.3. */
  readonly suggestThreshold?: number;
  /** Minimum confidence gap between the best and second proposal for auto-matching. Default 0.05. */
  readonly ambiguityMargin?: number;
  /** Suggestions listed per line. Default 3. */
  readonly topK?: number;
  /** Absolute short-payment tolerance (bank fees), minor units. Default 2500. */
  readonly feeToleranceMinor?: number;
  /** Relative short-payment tolerance, basis points of the open amount (the larger tolerance applies). Default 0: a wide relative tolerance lets payer-and-amount guesses through on large invoices. */
  readonly feeToleranceBps?: number;
  /**
   * With a certain reference (RF, structured reference, the exact invoice number), a short payment
   * up to this many minor units is an unreported bank fee (SWIFT intermediaries often take 30-50
   * EUR). Default 5000. Also bounded by `referencedFeeToleranceBps`.
   */
  readonly referencedFeeToleranceMinor?: number;
  /** Cap of the referenced fee tolerance in basis points of the open amount. Default 100 (1 %). */
  readonly referencedFeeToleranceBps?: number;
  /** Differences up to this many minor units are called rounding. Default 5. */
  readonly roundingMinor?: number;
  /** Rates for payments in another currency than the invoice. */
  readonly fxRates?: readonly FxRate[];
  /** A dated FX rate older than this many days before the payment is not used (undated rates are). Default 31. */
  readonly maxFxRateAgeDays?: number;
  /** Accepted relative FX difference, basis points. Default 300 (3 %). */
  readonly fxToleranceBps?: number;
  /** Days after the discount deadline a discounted payment is still accepted. Default 3. */
  readonly discountGraceDays?: number;
  /** Date window, start: a payment this many days before the invoice date counts against it. Default 3. */
  readonly daysBeforeIssue?: number;
  /** Date window, end: a payment this many days after the due date counts against it. Default 365. */
  readonly daysAfterDue?: number;
  /** Largest group of open items one payment may settle by subset search. Default 5. */
  readonly maxGroupSize?: number;
  /** Open items of one payer the subset search covers; a payer with more gets no subset proposals, since uniqueness could not be proven over all of them. Default 24. */
  readonly maxSubsetItems?: number;
  /** Search steps allowed per subset search before it abstains. Default 200000. */
  readonly maxSubsetSteps?: number;
  /** Equal-amount open items beyond which an amount alone is not used as a candidate. Default 20. */
  readonly maxAmountCandidates?: number;
}

/**
 * Options with defaults filled in.
 *
 * @example
 * ```ts
 * const o: ResolvedOptions = resolveOptions({ topK: 5 });
 * ```
 */
export type ResolvedOptions = Required<Omit<ReconcileOptions, 'fxRates'>> & {
  readonly fxRates: readonly FxRate[];
};

/**
 * Fills in defaults and checks every option, reporting all problems at once in one
 * {@link ReconcileInputError} (`issues`, each with its `options.*` path).
 *
 * @example
 * ```ts
 * resolveOptions({}).autoThreshold; // 0.9
 * ```
 */
export function resolveOptions(o: ReconcileOptions = {}): ResolvedOptions {
  const r: ResolvedOptions = {
    autoThreshold: o.autoThreshold ?? 0.9,
    suggestThreshold: o.suggestThreshold ?? 0.3,
    ambiguityMargin: o.ambiguityMargin ?? 0.05,
    topK: o.topK ?? 3,
    feeToleranceMinor: o.feeToleranceMinor ?? 2500,
    feeToleranceBps: o.feeToleranceBps ?? 0,
    referencedFeeToleranceMinor: o.referencedFeeToleranceMinor ?? 5000,
    referencedFeeToleranceBps: o.referencedFeeToleranceBps ?? 100,
    roundingMinor: o.roundingMinor ?? 5,
    fxRates: o.fxRates ?? [],
    fxToleranceBps: o.fxToleranceBps ?? 300,
    maxFxRateAgeDays: o.maxFxRateAgeDays ?? 31,
    discountGraceDays: o.discountGraceDays ?? 3,
    daysBeforeIssue: o.daysBeforeIssue ?? 3,
    daysAfterDue: o.daysAfterDue ?? 365,
    maxGroupSize: o.maxGroupSize ?? 5,
    maxSubsetItems: o.maxSubsetItems ?? 24,
    maxSubsetSteps: o.maxSubsetSteps ?? 200_000,
    maxAmountCandidates: o.maxAmountCandidates ?? 20,
  };
  // Every problem at once, each at its own path, rather than the first one only.
  const check = new OptionsChecker();
  for (const k of ['autoThreshold', 'suggestThreshold', 'ambiguityMargin'] as const)
    check.number(`options.${k}`, r[k], { min: 0, max: 1 });
  for (const k of INTEGER_OPTIONS) {
    const max = k === 'maxSubsetItems' ? 40 : undefined;
    check.integer(`options.${k}`, r[k], max === undefined ? { min: 0 } : { min: 0, max });
  }
  if (check.array('options.fxRates', r.fxRates)) checkFxRates(check, r.fxRates);
  check.throwIfInvalid((issues) => new ReconcileInputError(issues));
  return r;
}

const INTEGER_OPTIONS = [
  'topK',
  'feeToleranceMinor',
  'feeToleranceBps',
  'referencedFeeToleranceMinor',
  'referencedFeeToleranceBps',
  'roundingMinor',
  'fxToleranceBps',
  'maxFxRateAgeDays',
  'discountGraceDays',
  'daysBeforeIssue',
  'daysAfterDue',
  'maxGroupSize',
  'maxSubsetItems',
  'maxSubsetSteps',
  'maxAmountCandidates',
] as const;

function checkFxRates(check: OptionsChecker, rates: readonly FxRate[]): void {
  const seen = new Map<string, string>();
  rates.forEach((f, i) => {
    const at = `options.fxRates[${i}]`;
    if (!check.object(at, f)) return;
    const rateOk = check.string(`${at}.rate`, f.rate, { pattern: /^\d+(\.\d+)?$/ });
    if (rateOk && /^0+(\.0+)?$/.test(f.rate)) check.add(`${at}.rate`, 'must be a positive decimal string');
    const codesOk =
      check.string(`${at}.from`, f.from, { pattern: /^[A-Z]{3}$/ }) &&
      check.string(`${at}.to`, f.to, { pattern: /^[A-Z]{3}$/ });
    if (codesOk) check.require(at, f.from !== f.to, 'from and to must be two different ISO 4217 codes');
    if (check.string(`${at}.date`, f.date, { optional: true }) && f.date !== undefined)
      check.require(`${at}.date`, isIsoDate(f.date), 'must be a real YYYY-MM-DD date');
    if (!rateOk || !codesOk) return;
    const key = `${f.from}/${f.to}@${f.date ?? ''}`;
    const prev = seen.get(key);
    if (prev !== undefined && prev !== f.rate) check.add(at, `a second, different rate for ${key}`);
    seen.set(key, f.rate);
  });
}

function isIsoDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}
