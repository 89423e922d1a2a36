// The proof of concept's view of a decision: its offer, first reason and messages.

import type { StreamFacts } from '../facts/streamFacts.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import { mulDivCeil } from '../math/money.js';
import { f3, formatCentsPython, formatFixedPython } from '../math/pythonFormat.js';
import type { DecisionOutcome, Offer, PocCompatDecision, Reason } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { aprBps } from '../pricing/pricing.js';
import type { Funding } from '../rules/funding.js';
import type { Run } from '../rules/run.js';

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
  // A discount that takes the whole invoice is never approved. A zero face keeps the proof of
  // concept's offer of 0 (it approves it; parity).
  const pricePositive = price > 0 || face === 0;
  if (!pricePositive) {
    run.reason(
      'PRICE_NOT_POSITIVE',
      `discount ${pocFigures.discount} takes the whole eligible amount ${f.eligible}: the offer would be ${pocFigures.offerMinor}`,
    );
  }
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
      pricePositive ? 'pass' : 'fail',
      { risk: pocFigures?.risk ?? 0, discount: pocFigures?.discount ?? 0, offerMinor: price },
      'poc-blend',
      price - face,
    ),
  );
  return offer;
}

// Shared, never mutated: most PoC decisions carry one of these lists.
const NO_FLAGS: readonly string[] = [];
const DOUBLE_FACTORING: readonly string[] = ['double-factoring'];
const SIGNER_MISMATCH: readonly string[] = ['signer-mismatch'];
const NO_REASONS: readonly string[] = [];
const OUTSTANDING: readonly string[] = ['outstanding fraud signals on this invoice'];

// `supplier trust = 0.765` for each level seen: a book has far fewer parties than invoices, and
// Python-exact formatting is the costly part of a PoC decision. Bounded.
const trustLines = new Map<number, string>();
function trustLine(prefix: 'supplier' | 'buyer', level: number): string {
  const key = prefix === 'supplier' ? level : -1 - level;
  let line = trustLines.get(key);
  if (line === undefined) {
    line = `${prefix} trust = ${f3(level)}`;
    if (trustLines.size >= 65_536) trustLines.clear();
    trustLines.set(key, line);
  }
  return line;
}

// `blended risk = 0.154; discount = 2.54%; offer = $` per (risk, discount) seen: both follow from
// the parties' trust levels, so a book repeats them. Bounded.
const blendLines = new Map<number, { readonly discount: number; readonly text: string }>();
function blendLine(risk: number, discount: number): string {
  const hit = blendLines.get(risk);
  if (hit !== undefined && hit.discount === discount) return hit.text;
  const text = `blended risk = ${f3(risk)}; discount = ${formatFixedPython(discount * 100, 2)}%; offer = $`;
  if (blendLines.size >= 65_536) blendLines.clear();
  blendLines.set(risk, { discount, text });
  return text;
}

function compatOf(
  verdict: PocCompatDecision['verdict'],
  invoiceId: string,
  discountFraction: number,
  offerPriceCents: number,
  supplierTrust: number,
  buyerTrust: number,
  reasons: readonly string[],
  fraudFlags: readonly string[],
): PocCompatDecision {
  return {
    verdict,
    invoiceId,
    discountFraction,
    offerPriceCents,
    supplierTrust,
    buyerTrust,
    reasons,
    fraudFlags,
  };
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
  switch (first?.code) {
    case 'DOUBLE_FACTORED':
      return compatOf(verdict, invoiceId, 0, 0, 0, 0, [first.message], DOUBLE_FACTORING);
    case 'FRAUD_SIGNAL':
      return compatOf(verdict, invoiceId, 0, 0, 0, 0, OUTSTANDING, fraudKinds);
    case 'DELIVERY_MISSING':
    case 'ACK_MISSING':
      return compatOf(verdict, invoiceId, 0, 0, 0, 0, [first.message], NO_FLAGS);
    case 'SUPPLIER_TRUST_LOW':
    case 'BUYER_TRUST_LOW':
      return compatOf(
        verdict,
        invoiceId,
        0,
        0,
        supplierTrust,
        buyerTrust,
        [
          'delivery confirmed',
          'buyer acknowledged',
          trustLine('supplier', supplierTrust),
          trustLine('buyer', buyerTrust),
          first.message,
        ],
        NO_FLAGS,
      );
    case undefined:
      if (figures !== undefined && offer !== null) {
        return compatOf(
          verdict,
          invoiceId,
          figures.discount,
          offer.purchasePriceMinor,
          supplierTrust,
          buyerTrust,
          [
            'delivery confirmed',
            'buyer acknowledged',
            trustLine('supplier', supplierTrust),
            trustLine('buyer', buyerTrust),
            `${blendLine(figures.risk, figures.discount)}${formatCentsPython(offer.purchasePriceMinor)}`,
          ],
          NO_FLAGS,
        );
      }
      return compatOf(verdict, invoiceId, 0, 0, 0, 0, NO_REASONS, NO_FLAGS);
    default:
      return compatOf(
        verdict,
        invoiceId,
        0,
        0,
        0,
        0,
        [first!.message],
        facts.mismatches.length > 0 ? SIGNER_MISMATCH : NO_FLAGS,
      );
  }
}
