import { ReconcileInputError } from '../errors/ReconcileInputError.js';

/**
 * An FX rate: `rate` units of `to` per unit of `from`, as a decimal string (no floats).
 *
 * @example
 * ```ts
 * const rate: FxRate = { from: 'USD', to: 'EUR', rate: '0.9250' };
 * ```
 */
export interface FxRate {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
}

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
  /** Differences up to this many minor units are called rounding. Default 5. */
  readonly roundingMinor?: number;
  /** Rates for payments in another currency than the invoice. */
  readonly fxRates?: readonly FxRate[];
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
  /** Open items of one payer considered by the subset search. Default 24. */
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
 * Fills in defaults and checks ranges.
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
    roundingMinor: o.roundingMinor ?? 5,
    fxRates: o.fxRates ?? [],
    fxToleranceBps: o.fxToleranceBps ?? 300,
    discountGraceDays: o.discountGraceDays ?? 3,
    daysBeforeIssue: o.daysBeforeIssue ?? 3,
    daysAfterDue: o.daysAfterDue ?? 365,
    maxGroupSize: o.maxGroupSize ?? 5,
    maxSubsetItems: o.maxSubsetItems ?? 24,
    maxSubsetSteps: o.maxSubsetSteps ?? 200_000,
    maxAmountCandidates: o.maxAmountCandidates ?? 20,
  };
  const unit = (k: 'autoThreshold' | 'suggestThreshold' | 'ambiguityMargin'): void => {
    if (!(r[k] >= 0 && r[k] <= 1)) throw new ReconcileInputError(`options.${k}`, 'must be between 0 and 1');
  };
  unit('autoThreshold');
  unit('suggestThreshold');
  unit('ambiguityMargin');
  for (const k of [
    'topK',
    'feeToleranceMinor',
    'feeToleranceBps',
    'roundingMinor',
    'fxToleranceBps',
    'discountGraceDays',
    'daysBeforeIssue',
    'daysAfterDue',
    'maxGroupSize',
    'maxSubsetItems',
    'maxSubsetSteps',
    'maxAmountCandidates',
  ] as const) {
    if (!Number.isSafeInteger(r[k]) || r[k] < 0)
      throw new ReconcileInputError(`options.${k}`, 'must be a non-negative integer');
  }
  if (r.maxSubsetItems > 40) throw new ReconcileInputError('options.maxSubsetItems', 'must be at most 40');
  r.fxRates.forEach((f, i) => {
    if (!/^\d+(\.\d+)?$/.test(f.rate) || /^0+(\.0+)?$/.test(f.rate))
      throw new ReconcileInputError(`options.fxRates[${i}].rate`, 'must be a positive decimal string');
  });
  return r;
}
