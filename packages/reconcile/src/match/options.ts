import { ReconcileInputError } from '../errors/ReconcileInputError.js';

/**
 * An FX rate: `rate` units of `to` per unit of `from`, as a decimal string (no floats). With a
 * `date` it applies from that day until the next rate of the pair; the opposite pair is derived
 * exactly when only one direction is given.
 *
 * @example
 * ```ts
 * const rates: FxRate[] = [
 *   { from: 'USD', to: 'EUR', rate: '0.9250', date: '2026-02-01' },
 *   { from: 'USD', to: 'EUR', rate: '0.9190', date: '2026-02-15' },
 * ];
 * ```
 */
export interface FxRate {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
  /** `YYYY-MM-DD` the rate applies from; undated rates apply before every dated one. */
  readonly date?: string;
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
    referencedFeeToleranceMinor: o.referencedFeeToleranceMinor ?? 5000,
    referencedFeeToleranceBps: o.referencedFeeToleranceBps ?? 100,
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
    'referencedFeeToleranceMinor',
    'referencedFeeToleranceBps',
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
  const seen = new Map<string, string>();
  r.fxRates.forEach((f, i) => {
    if (!/^\d+(\.\d+)?$/.test(f.rate) || /^0+(\.0+)?$/.test(f.rate))
      throw new ReconcileInputError(`options.fxRates[${i}].rate`, 'must be a positive decimal string');
    if (!/^[A-Z]{3}$/.test(f.from) || !/^[A-Z]{3}$/.test(f.to) || f.from === f.to)
      throw new ReconcileInputError(
        `options.fxRates[${i}]`,
        'from and to must be two different ISO 4217 codes',
      );
    if (f.date !== undefined && !isIsoDate(f.date))
      throw new ReconcileInputError(`options.fxRates[${i}].date`, 'must be a real YYYY-MM-DD date');
    const key = `${f.from}/${f.to}@${f.date ?? ''}`;
    const prev = seen.get(key);
    if (prev !== undefined && prev !== f.rate)
      throw new ReconcileInputError(`options.fxRates[${i}]`, `a second, different rate for ${key}`);
    seen.set(key, f.rate);
  });
  return r;
}

function isIsoDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}
