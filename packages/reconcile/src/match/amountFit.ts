import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { convertMinor } from '../money/convertMinor.js';
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
 * Fits the payment to one open item: exact, bank charges, early-payment discount, tolerance, FX,
 * partial or over-payment. `undefined` when it cannot apply at all (other currency, no rate, not
 * referenced).
 *
 * @example
 * ```ts
 * const fit = amountFit(tx, inv, open.get(i), options, refHits.has(i));
 * ```
 */
export function amountFit(
  tx: BankTransaction,
  inv: OpenInvoice,
  o: number,
  options: ResolvedOptions,
  referenced: boolean,
): AmountFit | undefined {
  const pay = tx.amountMinor;
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
    if (tx.instructedAmount?.currency === inv.currency) {
      converted = tx.instructedAmount.amountMinor;
      code = 'FX_INSTRUCTED_AMOUNT';
    } else {
      const rate = options.fxRates.find((r) => r.from === tx.currency && r.to === inv.currency);
      if (rate) converted = convertMinor(pay, tx.currency, inv.currency, rate.rate);
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
    const detail = `${pay} ${tx.currency} = ${converted} ${inv.currency}, open ${o}`;
    if (Math.abs(diff) * 10000 <= o * options.fxToleranceBps) {
      const cash = Math.min(converted, o);
      return {
        kind: 'fx',
        evidence: [evidence('amount', code, 'amountMinor', detail)],
        unapplied: 0,
        plan: (i) => alloc(i, 'full', cash, pay, o - cash, o - cash > 0 ? 'FX_DIFFERENCE' : undefined, diff),
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
  if (tx.chargesMinor !== undefined && tx.chargesMinor === short) {
    return {
      kind: 'tolerance',
      evidence: [
        evidence('amount', 'BANK_CHARGES', 'chargesMinor', `charges ${short} explain the difference`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, 'BANK_FEE'),
    };
  }
  const epd = inv.earlyPaymentDiscount;
  if (epd && o === inv.amountMinor) {
    const discount = Math.floor((inv.amountMinor * epd.rateBps + 5000) / 10000);
    if (Math.abs(short - discount) <= options.roundingMinor) {
      const d = tx.valueDate ?? tx.bookingDate;
      const inTime =
        d === undefined ||
        inv.issuedAt === undefined ||
        daysBetween(inv.issuedAt, d) <= epd.withinDays + options.discountGraceDays;
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
  if (short <= tolerance(o, options)) {
    const reason: WriteOffReason = short <= options.roundingMinor ? 'ROUNDING' : 'BANK_FEE';
    return {
      kind: 'tolerance',
      evidence: [
        evidence('amount', 'SHORT_WITHIN_TOLERANCE', 'amountMinor', `${detail}, short ${short} (${reason})`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, reason),
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
