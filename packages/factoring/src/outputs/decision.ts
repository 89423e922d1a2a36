// The shape of a decision: outcome, reasons, offer, trust, limits, trace, PoC view.

import type { DuplicateMatch } from '../facts/duplicateIndex.js';
import type { PaymentPrediction } from '../facts/predictPayment.js';
import type { ReasonCodeValue, ReasonSeverity } from './reasonCodes.js';

/**
 * The engine's verdict. `review` means a human should look before any purchase.
 *
 * @example
 * ```ts
 * const o: DecisionOutcome = 'approve';
 * ```
 */
export type DecisionOutcome = 'approve' | 'review' | 'pending' | 'reject';

/**
 * One reason, from the closed {@link ReasonCode} list, with a human-readable message.
 *
 * @example
 * ```ts
 * const r: Reason = { code: 'BUYER_TRUST_LOW', severity: 'reject', message: 'buyer trust 0.300 below threshold 0.6' };
 * ```
 */
export interface Reason {
  readonly code: ReasonCodeValue;
  readonly severity: ReasonSeverity;
  readonly message: string;
}

/**
 * One rule as evaluated: its id, the inputs it read, the threshold, the result and its effect on
 * the amount (minor units, negative for a haircut).
 *
 * @example
 * ```ts
 * const t: TraceEntry = { rule: 'buyer-trust', outcome: 'pass', inputs: { buyerTrust: 0.81 }, threshold: 0.6, effectMinor: 0 };
 * ```
 */
export interface TraceEntry {
  readonly rule: string;
  readonly outcome: 'pass' | 'fail' | 'flag' | 'skip';
  readonly inputs: Readonly<Record<string, number | string | boolean | null>>;
  readonly threshold: number | string | null;
  readonly effectMinor: number;
}

/**
 * An amount removed from face before funding, one line per cause.
 *
 * @example
 * ```ts
 * const h: Haircut = { code: 'CREDIT_NOTE_APPLIED', amountMinor: 10_000 };
 * ```
 */
export interface Haircut {
  readonly code: ReasonCodeValue;
  readonly amountMinor: number;
}

/**
 * Expected-loss figures behind a risk-based price.
 *
 * @example
 * ```ts
 * const r: RiskFigures = { grade: 'B', pdAnnualBps: 60, pdTenorPpm: 164, lgdBps: 4000, eadMinor: 4_000_000,
 *   expectedLossMinor: 263, dilutionBps: 500, dilutionLossMinor: 0 };
 * ```
 */
export interface RiskFigures {
  readonly grade: string;
  /** Effective annual PD after recourse and staleness. */
  readonly pdAnnualBps: number;
  /** PD over the stressed (P90) horizon, parts per million. */
  readonly pdTenorPpm: number;
  readonly lgdBps: number;
  /** Exposure at default: the cash advanced. */
  readonly eadMinor: number;
  readonly expectedLossMinor: number;
  readonly dilutionBps: number;
  readonly dilutionLossMinor: number;
}

/**
 * The financier's offer. Every amount is integer minor units and
 * `advanceMinor <= eligibleMinor <= faceMinor`, `purchasePriceMinor <= eligibleMinor`.
 *
 * @example
 * ```ts
 * if (decision.offer) console.log(decision.offer.advanceMinor, decision.offer.aprBps / 100, '% APR');
 * ```
 */
export interface Offer {
  readonly currency: string;
  readonly faceMinor: number;
  readonly eligibleMinor: number;
  readonly haircuts: readonly Haircut[];
  readonly advanceRateBps: number;
  /** Cash paid at purchase. */
  readonly advanceMinor: number;
  /** Eligible minus advance, held until the buyer pays. */
  readonly reserveMinor: number;
  readonly feeKind: string;
  readonly feeMinor: number;
  /** What the financier pays in total (eligible minus fee): advance now plus rebate later. */
  readonly purchasePriceMinor: number;
  /** Reserve returned after collection, net of the fee. */
  readonly expectedRebateMinor: number;
  /** Fee as a share of face, bps rounded up. */
  readonly discountBps: number;
  /** The proof of concept's float discount (only with `poc-blend` pricing), else null. */
  readonly discountFraction: number | null;
  /** Fee over the cash advanced, annualised over the expected days: `fee / advance x 365 / days`. */
  readonly aprBps: number;
  readonly tenorDays: number;
  readonly recourse: boolean;
  readonly risk: RiskFigures | null;
}

/**
 * Limit use before this decision and after its offer's advance (`afterMinor = beforeMinor +
 * offer.advanceMinor` on every line): what an approval books, and what a review's offer would use
 * if a person approves it (a batch books only approvals). Null with no offer, and under the proof
 * of concept's blend pricing (which reads no limits).
 *
 * @example
 * ```ts
 * decision.limits?.buyer.afterMinor;
 * ```
 */
export interface LimitUse {
  readonly buyer: {
    readonly limitMinor: number | null;
    readonly beforeMinor: number;
    readonly afterMinor: number;
  };
  readonly supplier: {
    readonly limitMinor: number | null;
    readonly beforeMinor: number;
    readonly afterMinor: number;
  };
  readonly facility: {
    readonly limitMinor: number | null;
    readonly beforeMinor: number;
    readonly afterMinor: number;
  };
}

/**
 * The proof of concept's `FactoringDecision`, field for field (only with the PoC preset).
 *
 * @example
 * ```ts
 * decision.compat?.reasons; // ['delivery confirmed', 'buyer acknowledged', ...]
 * ```
 */
export interface PocCompatDecision {
  readonly verdict: 'approve' | 'pending' | 'reject';
  readonly invoiceId: string;
  readonly discountFraction: number;
  readonly offerPriceCents: number;
  readonly supplierTrust: number;
  readonly buyerTrust: number;
  readonly reasons: readonly string[];
  readonly fraudFlags: readonly string[];
}

/**
 * Everything the engine decided about one invoice. JSON-serialisable; the same inputs give a
 * byte-identical `JSON.stringify`.
 *
 * @example
 * ```ts
 * const d: FactoringDecision = evaluateInvoice(request);
 * console.log(d.outcome, d.reasons.map((r) => r.code));
 * ```
 */
export interface FactoringDecision {
  readonly invoiceId: string;
  readonly outcome: DecisionOutcome;
  readonly asOf: number;
  readonly policyId: string;
  /** Ranked: severity, then the stable code rank. */
  readonly reasons: readonly Reason[];
  /** Fraud-related codes among the reasons, in rank order. */
  readonly fraudFlags: readonly ReasonCodeValue[];
  readonly offer: Offer | null;
  readonly trust: { readonly supplier: number; readonly buyer: number; readonly carrier: number | null };
  readonly payment: PaymentPrediction | null;
  readonly limits: LimitUse | null;
  readonly duplicates: readonly DuplicateMatch[];
  /** Every rule evaluated, in evaluation order (empty when tracing is off). */
  readonly trace: readonly TraceEntry[];
  readonly compat: PocCompatDecision | null;
}
