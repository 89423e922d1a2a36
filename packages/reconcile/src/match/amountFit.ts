import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { convertAtRatio, rateRatio } from '../money/convertAtRatio.js';
import { type FoundFxRate, findFxRate } from '../money/findFxRate.js';
import { daysBetween } from './dates.js';
import { type Evidence, type EvidenceCode, evidence } from './Evidence.js';
import type { ResolvedOptions } from './options.js';
import type { PlannedAllocation } from './PlannedProposal.js';
import type { WriteOffReason } from './Proposal.js';

/**
 * How a payment fits one open item's amount, with the allocation to plan if it is chosen.
 *
 * @example
 * ```ts
 * const fit: AmountFit | undefined = amountFit(tx, inv, open, options, true);
 * ```
 */
export interface AmountFit {
  readonly kind: 'exact' | 'tolerance' | 'discount' | 'fx' | 'partial' | 'over';
  readonly evidence: Evidence[];
  readonly unapplied: number;
  readonly plan: (item: number) => PlannedAllocation;
  /** True when only a tolerance explains the amount: such a fit is auto-applied only with a reference. */
  readonly needsReference?: boolean;
}

/**
 * How firmly the line names the item: `certain` for a valid RF or structured reference, a
 * referred document, an exact invoice number or a remittance advice; `weak` for repaired,
 * digits-only or near references; `none` without one.
 *
 * @example
 * ```ts
 * const strength: ReferenceStrength = refStrength(refHits.get(i));
 * ```
 */
export type ReferenceStrength = 'none' | 'weak' | 'certain';

const CERTAIN = new Set<EvidenceCode>([
  'RF_REFERENCE',
  'RF_REFERENCE_IN_TEXT',
  'STRUCTURED_REFERENCE',
  'REFERRED_DOCUMENT',
  'INVOICE_NUMBER_IN_END_TO_END_ID',
  'INVOICE_NUMBER_IN_TEXT',
  'REMITTANCE_ADVICE',
]);

/**
 * The {@link ReferenceStrength} of a reference hit.
 *
 * @example
 * ```ts
 * refStrength(undefined); // 'none'
 * ```
 */
export function refStrength(e: Evidence | undefined): ReferenceStrength {
  return e === undefined ? 'none' : CERTAIN.has(e.code) ? 'certain' : 'weak';
}

/**
 * Tolerated shortfall on an open amount: the fixed fee tolerance or the basis-point tolerance,
 * whichever is larger.
 *
 * @example
 * ```ts
 * tolerance(100_00, options);
 * ```
 */
export function tolerance(openMinor: number, options: ResolvedOptions): number {
  return Math.max(
    options.feeToleranceMinor > 0 ? Math.min(options.feeToleranceMinor, openMinor) : 0,
    Math.floor((openMinor * options.feeToleranceBps) / 10000),
  );
}

/**
 * Fits the payment to one open item: exact, reported charges (camt `Chrgs`, MT940 `/CHGS/`, an
 * original amount `/OCMT/`), a conversion the bank made (instructed amount and rate on the entry:
 * the shortfall is an FX difference, never a fee or a partial), early-payment discount, fee
 * tolerance, an unreported fee behind a certain reference, FX at the caller's rates, partial or
 * over-payment. `undefined` when it cannot apply at all (other currency, no rate, not referenced).
 *
 * @example
 * ```ts
 * const fit = amountFit(tx, inv, open.get(i), options, refStrength(refHits.get(i)));
 * ```
 */
export function amountFit(
  tx: BankTransaction,
  inv: OpenInvoice,
  o: number,
  options: ResolvedOptions,
  ref: ReferenceStrength,
): AmountFit | undefined {
  const referenced = ref !== 'none';
  const pay = tx.amountMinor;
  const date = tx.valueDate ?? tx.bookingDate;
  const alloc = (
    item: number,
    kind: 'full' | 'partial',
    cash: number,
    paymentCash: number,
    writeOff: number,
    reason?: WriteOffReason,
    fx = 0,
  ): PlannedAllocation => ({
    item,
    kind,
    cashMinor: cash,
    paymentCashMinor: paymentCash,
    creditMinor: 0,
    writeOffMinor: writeOff,
    ...(reason === undefined ? {} : { writeOffReason: reason }),
    fxDifferenceMinor: fx,
  });
  if (tx.currency !== inv.currency) {
    let converted: number | undefined;
    let code: EvidenceCode = 'FX_WITHIN_TOLERANCE';
    let source = '';
    if (tx.instructedAmount?.currency === inv.currency) {
      converted = tx.instructedAmount.amountMinor;
      code = 'FX_INSTRUCTED_AMOUNT';
    } else {
      const rate =
        entryRate(tx, tx.currency, inv.currency) ??
        findFxRate(options.fxRates, tx.currency, inv.currency, date, options.maxFxRateAgeDays);
      if (rate) {
        converted = convertAtRatio(pay, tx.currency, inv.currency, rate.ratio);
        source = ` at ${rate.detail}`;
      }
    }
    if (converted === undefined) {
      return referenced
        ? {
            kind: 'partial',
            evidence: [
              evidence(
                'amount',
                'CURRENCY_MISMATCH',
                'currency',
                `${tx.currency} vs ${inv.currency}, no rate`,
              ),
            ],
            unapplied: pay,
            plan: (i) => alloc(i, 'partial', 0, 0, 0),
          }
        : undefined;
    }
    const diff = converted - o;
    const detail = `${pay} ${tx.currency} = ${converted} ${inv.currency}${source}, open ${o}`;
    if (Math.abs(diff) * 10000 <= o * options.fxToleranceBps) {
      const cash = Math.min(converted, o);
      return {
        kind: 'fx',
        evidence: [evidence('amount', code, 'amountMinor', detail)],
        unapplied: 0,
        plan: (i) => alloc(i, 'full', cash, pay, o - cash, o - cash > 0 ? 'FX_DIFFERENCE' : undefined, diff),
        needsReference: Math.abs(diff) > options.roundingMinor,
      };
    }
    if (converted < o)
      return {
        kind: 'partial',
        evidence: [
          evidence(
            'amount',
            referenced ? 'PARTIAL_PAYMENT' : 'PARTIAL_WITHOUT_REFERENCE',
            'amountMinor',
            detail,
          ),
        ],
        unapplied: 0,
        plan: (i) => alloc(i, 'partial', converted, pay, 0),
      };
    return {
      kind: 'over',
      evidence: [evidence('amount', 'OVERPAYMENT', 'amountMinor', detail)],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', o, pay, 0, undefined, diff),
    };
  }
  const detail = `paid ${pay}, open ${o} ${inv.currency}`;
  if (pay === o)
    return {
      kind: 'exact',
      evidence: [evidence('amount', 'AMOUNT_EXACT', 'amountMinor', detail)],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, 0),
    };
  if (pay > o) {
    return {
      kind: 'over',
      evidence: [evidence('amount', 'OVERPAYMENT', 'amountMinor', detail)],
      unapplied: pay - o,
      plan: (i) => alloc(i, 'full', o, o, 0),
    };
  }
  const short = o - pay;
  const charges = tx.chargesMinor ?? 0;
  const original =
    tx.instructedAmount?.currency === tx.currency ? tx.instructedAmount.amountMinor : undefined;
  if ((charges > 0 && charges === short) || (original !== undefined && original === o)) {
    const field = charges === short ? 'chargesMinor' : 'instructedAmount';
    return {
      kind: 'tolerance',
      evidence: [
        evidence('amount', 'BANK_CHARGES', field, `reported charges ${short} explain the difference`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, 'BANK_FEE'),
    };
  }
  // The bank converted the payer's money: what is missing is an FX difference, never a fee.
  const foreign = tx.instructedAmount !== undefined && tx.instructedAmount.currency !== tx.currency;
  if (foreign) {
    const confirmed = bankConversion(tx, options, date);
    const fxShort = short - charges;
    if (confirmed !== undefined && fxShort >= 0 && fxShort * 10000 <= o * options.fxToleranceBps) {
      return {
        kind: 'fx',
        evidence: [
          evidence(
            'amount',
            'FX_CONVERTED_BY_BANK',
            'instructedAmount',
            `${confirmed}; FX difference ${fxShort}`,
          ),
        ],
        unapplied: 0,
        plan: (i) => alloc(i, 'full', pay, pay, short, fxShort > 0 ? 'FX_DIFFERENCE' : 'BANK_FEE', -fxShort),
        needsReference: fxShort > options.roundingMinor,
      };
    }
  }
  const epd = inv.earlyPaymentDiscount;
  if (epd && o === inv.amountMinor) {
    const discount = Math.floor((inv.amountMinor * epd.rateBps + 5000) / 10000);
    if (Math.abs(short - discount) <= options.roundingMinor) {
      const inTime =
        date === undefined ||
        inv.issuedAt === undefined ||
        daysBetween(inv.issuedAt, date) <= epd.withinDays + options.discountGraceDays;
      if (inTime) {
        return {
          kind: 'discount',
          evidence: [
            evidence(
              'amount',
              'EARLY_PAYMENT_DISCOUNT',
              'amountMinor',
              `${epd.rateBps} bps discount ${discount} within ${epd.withinDays} days`,
            ),
          ],
          unapplied: 0,
          plan: (i) => alloc(i, 'full', pay, pay, short, 'EARLY_PAYMENT_DISCOUNT'),
        };
      }
      return {
        kind: 'partial',
        evidence: [
          evidence(
            'amount',
            'LATE_DISCOUNT',
            'amountMinor',
            `discount ${discount} taken after the ${epd.withinDays}-day deadline`,
          ),
        ],
        unapplied: 0,
        plan: (i) => alloc(i, 'partial', pay, pay, 0),
      };
    }
  }
  const remitted = tx.referredDocuments.find(
    (r) => r.discountMinor !== undefined && r.discountMinor === short,
  );
  if (remitted) {
    return {
      kind: 'discount',
      evidence: [
        evidence('amount', 'EARLY_PAYMENT_DISCOUNT', 'referredDocuments', `payer states discount ${short}`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, 'EARLY_PAYMENT_DISCOUNT'),
    };
  }
  if (!foreign && short <= tolerance(o, options)) {
    const reason: WriteOffReason = short <= options.roundingMinor ? 'ROUNDING' : 'BANK_FEE';
    return {
      kind: 'tolerance',
      evidence: [
        evidence('amount', 'SHORT_WITHIN_TOLERANCE', 'amountMinor', `${detail}, short ${short} (${reason})`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, reason),
      needsReference: reason === 'BANK_FEE',
    };
  }
  if (
    !foreign &&
    ref === 'certain' &&
    short <= options.referencedFeeToleranceMinor &&
    short * 10000 <= o * options.referencedFeeToleranceBps
  ) {
    return {
      kind: 'tolerance',
      evidence: [
        evidence(
          'amount',
          'UNREPORTED_FEE',
          'amountMinor',
          `${detail}, short ${short} behind a certain reference`,
        ),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, 'BANK_FEE'),
      needsReference: true,
    };
  }
  return {
    kind: 'partial',
    evidence: [
      evidence('amount', referenced ? 'PARTIAL_PAYMENT' : 'PARTIAL_WITHOUT_REFERENCE', 'amountMinor', detail),
    ],
    unapplied: 0,
    plan: (i) => alloc(i, 'partial', pay, pay, 0),
  };
}

/**
 * Cheap pre-check for an item the line does not name: false when {@link amountFit} could only
 * call the payment a part- or over-payment, which is never proposed for an unnamed item. Saves
 * building fits for most of an identified payer's open items.
 *
 * @example
 * ```ts
 * if (!refHits.has(i) && !canFitUnreferenced(tx, inv, o, options)) continue;
 * ```
 */
export function canFitUnreferenced(
  tx: BankTransaction,
  inv: OpenInvoice,
  o: number,
  options: ResolvedOptions,
): boolean {
  if (tx.currency !== inv.currency) return true;
  const pay = tx.amountMinor;
  if (pay > o) return false;
  const short = o - pay;
  if (short === 0 || short <= tolerance(o, options)) return true;
  if (tx.chargesMinor !== undefined || tx.instructedAmount !== undefined || tx.referredDocuments.length > 0)
    return true;
  const epd = inv.earlyPaymentDiscount;
  return (
    epd !== undefined &&
    Math.abs(short - Math.floor((inv.amountMinor * epd.rateBps + 5000) / 10000)) <= options.roundingMinor
  );
}

/** The entry's own printed rate between two currencies, either direction. */
function entryRate(tx: BankTransaction, from: string, to: string): FoundFxRate | undefined {
  const x = tx.exchangeRate;
  if (x === undefined) return undefined;
  const ratio = rateRatio(x.rate);
  if (ratio === undefined) return undefined;
  if (x.sourceCurrency === from && x.targetCurrency === to)
    return { ratio, detail: `${from}/${to} ${x.rate} (entry)` };
  if (x.sourceCurrency === to && x.targetCurrency === from)
    return { ratio: { num: ratio.den, den: ratio.num }, detail: `${to}/${from} ${x.rate} (entry), inverted` };
  return undefined;
}

/**
 * Checks that the instructed foreign amount, converted at the entry's rate (or the caller's rate
 * for the day), is what the bank booked plus its charges; returns a description, or `undefined`
 * when the conversion cannot be confirmed.
 */
function bankConversion(
  tx: BankTransaction,
  options: ResolvedOptions,
  date: string | undefined,
): string | undefined {
  const ins = tx.instructedAmount;
  if (ins === undefined) return undefined;
  const rate =
    entryRate(tx, ins.currency, tx.currency) ??
    findFxRate(options.fxRates, ins.currency, tx.currency, date, options.maxFxRateAgeDays);
  if (rate === undefined) return undefined;
  const converted = convertAtRatio(ins.amountMinor, ins.currency, tx.currency, rate.ratio);
  const booked = tx.amountMinor + (tx.chargesMinor ?? 0);
  // A printed rate is rounded to a few decimals: allow one basis point, or the rounding amount.
  const slack = Math.max(options.roundingMinor, Math.ceil(booked / 10000));
  const fromEntry = rate.detail.includes('(entry)');
  if (
    fromEntry
      ? Math.abs(converted - booked) > slack
      : Math.abs(converted - booked) * 10000 > booked * options.fxToleranceBps
  )
    return undefined;
  return `${ins.amountMinor} ${ins.currency} at ${rate.detail} = ${converted} ${tx.currency}`;
}
