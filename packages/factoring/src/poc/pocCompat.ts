// The proof of concept's view of a decision: its offer, first reason and messages.

import type { StreamFacts } from '../facts/streamFacts.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import { mulDivCeil } from '../math/money.js';
import { f3, formatCentsPython, formatFixedPython, scaledPython } from '../math/pythonFormat.js';
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

// `supplier trust = 0.765` by the thousandths Python prints (0..1000 for a level in 0..1): the
// text is a function of that integer, so a slot can never hold another value's line. Python-exact
// formatting is the costly part of a PoC decision, and a book has far fewer levels than invoices.
const LEVELS = 1_001;
const supplierLines = new Array<string>(LEVELS).fill('');
const buyerLines = new Array<string>(LEVELS).fill('');

function trustLine(prefix: 'supplier' | 'buyer', level: number): string {
  const n = scaledPython(level, 3);
  if (n < 0 || n >= LEVELS) return `${prefix} trust = ${f3(level)}`;
  const lines = prefix === 'supplier' ? supplierLines : buyerLines;
  let line = lines[n] as string;
  if (line === '') {
    line = `${prefix} trust = ${f3(level)}`;
    lines[n] = line;
  }
  return line;
}

// `blended risk = 0.154; discount = 2.54%; offer = $` by the printed thousandths of the risk and
// hundredths of the discount (one small integer key; the text is a function of both). Bounded.
const DISCOUNT_KEYS = 2 ** 20;
const blendLines = new Map<number, string>();
function blendLine(risk: number, discount: number): string {
  const percent = discount * 100;
  const r = scaledPython(risk, 3);
  const d = scaledPython(percent, 2);
  const keyed = r >= 0 && r < LEVELS && d >= 0 && d < DISCOUNT_KEYS;
  const key = r * DISCOUNT_KEYS + d;
  if (keyed) {
    const hit = blendLines.get(key);
    if (hit !== undefined) return hit;
  }
  const text = `blended risk = ${f3(risk)}; discount = ${formatFixedPython(percent, 2)}%; offer = $`;
  if (keyed) {
    if (blendLines.size >= 65_536) blendLines.clear();
    blendLines.set(key, text);
  }
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
  // The proof of concept has no review: a hold for a person is 'pending' there (as a review added
  // by applyRecentKeyEvents or applyLedgerFindings is), never a final 'reject' that no
  // reject-severity reason stands behind.
  const verdict = outcome === 'approve' ? 'approve' : outcome === 'reject' ? 'reject' : 'pending';
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
