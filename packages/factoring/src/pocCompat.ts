import type { DecisionOutcome, Offer, PocCompatDecision, Reason } from './decision.js';
import type { Funding } from './funding.js';
import type { InvoiceInput } from './invoice.js';
import { mulDivCeil } from './money.js';
import type { FactoringPolicy } from './policy.js';
import { aprBps } from './pricing.js';
import { f3, formatFixedPython } from './pythonFormat.js';
import type { Run } from './run.js';
import type { StreamFacts } from './streamFacts.js';
import { traceEntry } from './traceEntry.js';

const DAY = 86_400;

/** The proof of concept's blended-risk figures, as `pocOffer` returns them. */
export interface PocFigures {
  risk: number;
  discount: number;
  offerMinor: number;
}

/**
 * The offer under the proof of concept's 'poc-blend' fee: the whole eligible amount is advanced at
 * the blended discount, with no reserve. Traces the 'pricing' rule.
 */
export function pocBlendOffer(
  run: Run,
  policy: FactoringPolicy,
  invoice: InvoiceInput,
  asOf: number,
  face: number,
  f: Funding,
  pocFigures: PocFigures,
): Offer {
  const price = Math.max(0, Math.min(f.eligible, pocFigures.offerMinor));
  const fee = f.eligible - price;
  const days = Math.max(1, Math.ceil((invoice.dueAt - asOf) / DAY));
  const offer: Offer = {
    currency: invoice.currency,
    faceMinor: face,
    eligibleMinor: f.eligible,
    haircuts: f.haircuts,
    advanceRateBps: 10_000,
    advanceMinor: price,
    reserveMinor: 0,
    feeKind: 'poc-blend',
    feeMinor: fee,
    purchasePriceMinor: price,
    expectedRebateMinor: 0,
    discountBps: face > 0 ? mulDivCeil(fee, 10_000, face) : 0,
    discountFraction: pocFigures.discount,
    aprBps: aprBps(fee, price, days),
    tenorDays: days,
    recourse: policy.recourse,
    risk: null,
  };
  run.trace?.push(
    traceEntry(
      'pricing',
      'pass',
      { risk: pocFigures?.risk ?? 0, discount: pocFigures?.discount ?? 0, offerMinor: price },
      'poc-blend',
      price - face,
    ),
  );
  return offer;
}

/** The decision as the proof of concept reported it: its first deciding rule, in its words. */
export function pocCompat(
  invoiceId: string,
  firstDecisive: Reason | undefined,
  outcome: DecisionOutcome,
  facts: StreamFacts,
  fraudKinds: string[],
  supplierTrust: number,
  buyerTrust: number,
  figures: PocFigures | undefined,
  offer: Offer | null,
): PocCompatDecision {
  const first = firstDecisive;
  const verdict = outcome === 'approve' ? 'approve' : outcome === 'pending' ? 'pending' : 'reject';
  const base = {
    verdict,
    invoiceId,
    discountFraction: 0,
    offerPriceCents: 0,
    supplierTrust: 0,
    buyerTrust: 0,
  } as const;
  const trustLines = [
    'delivery confirmed',
    'buyer acknowledged',
    `supplier trust = ${f3(supplierTrust)}`,
    `buyer trust = ${f3(buyerTrust)}`,
  ];
  switch (first?.code) {
    case 'DOUBLE_FACTORED':
      return { ...base, reasons: [first.message], fraudFlags: ['double-factoring'] };
    case 'FRAUD_SIGNAL':
      return { ...base, reasons: ['outstanding fraud signals on this invoice'], fraudFlags: fraudKinds };
    case 'DELIVERY_MISSING':
    case 'ACK_MISSING':
      return { ...base, reasons: [first.message], fraudFlags: [] };
    case 'SUPPLIER_TRUST_LOW':
    case 'BUYER_TRUST_LOW':
      return { ...base, supplierTrust, buyerTrust, reasons: [...trustLines, first.message], fraudFlags: [] };
    case undefined:
      if (figures !== undefined && offer !== null) {
        return {
          ...base,
          discountFraction: figures.discount,
          offerPriceCents: offer.purchasePriceMinor,
          supplierTrust,
          buyerTrust,
          reasons: [
            ...trustLines,
            `blended risk = ${f3(figures.risk)}; discount = ${formatFixedPython(figures.discount * 100, 2)}%; offer = $${formatFixedPython(offer.purchasePriceMinor / 100, 2)}`,
          ],
          fraudFlags: [],
        };
      }
      return { ...base, reasons: [], fraudFlags: [] };
    default:
      return {
        ...base,
        reasons: [first!.message],
        fraudFlags: facts.mismatches.length > 0 ? ['signer-mismatch'] : [],
      };
  }
}
