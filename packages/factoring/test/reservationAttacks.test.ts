// reserveApproval fed a decision that was not made on the state it books into (red-team round 4):
// the staleness check compares exposures only, so a decision made on another book (other limits,
// another currency, the proof of concept's preset with no limits at all) or for another version of
// the invoice was booked as it came.
import { describe, expect, it } from 'vitest';
import {
  createPortfolioState,
  evaluateInvoice,
  type FactoringDecision,
  isFactoringError,
  type Portfolio,
  type PortfolioState,
  pocPolicy,
  reserveApproval,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DEAL_TRUST, deal, NOW, pocEvents, pocInvoice } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const trust = trustSourceFromRecord(DEAL_TRUST);
const decideOn = (portfolio: Portfolio | PortfolioState, d = deal()): FactoringDecision =>
  evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF, portfolio });

/** What `reserveApproval` throws for this reservation, or undefined when it returns. */
function refusal(
  state: PortfolioState,
  invoice: ReturnType<typeof deal>['invoice'],
  d: FactoringDecision,
): unknown {
  try {
    reserveApproval(state, invoice, d);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('reserveApproval books only decisions made on this book', () => {
  it('a decision made against a generous book is not booked into a state whose buyer limit it breaks', () => {
    const d = deal();
    const decided = decideOn(BOOK); // buyer limit 1,000,000,000
    expect(decided.outcome).toBe('approve');
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 1_000_000 } });
    expect(reserveApproval(state, d.invoice, decided)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBe(0);
  });

  it('a decision made on another book is not booked past the supplier, facility or group limit of this one', () => {
    const d = deal();
    const decided = decideOn(BOOK);
    const books: Portfolio[] = [
      { ...BOOK, supplierLimitMinor: { [SUPPLIER]: 1_000_000 } },
      { ...BOOK, facilityLimitMinor: 2_000_000 },
      { ...BOOK, buyerGroup: { [BUYER]: 'grp' }, groupLimitMinor: { grp: 3_000_000 } },
    ];
    for (const book of books) {
      const state = createPortfolioState(book);
      expect(reserveApproval(state, d.invoice, decided)).toBe(false);
      expect(state.totalExposure()).toBe(0);
    }
  });

  it('a decision made on a book with other limits is refused even where the advance would fit (decide it again)', () => {
    const d = deal();
    const decided = decideOn({ ...BOOK, supplierLimitMinor: { [SUPPLIER]: 900_000_000 } });
    const state = createPortfolioState({ ...BOOK, supplierLimitMinor: { [SUPPLIER]: 800_000_000 } });
    expect(reserveApproval(state, d.invoice, decided)).toBe(false);
    // Decided on this state, it books.
    expect(reserveApproval(state, d.invoice, decideOn(state))).toBe(true);
  });

  it("a proof-of-concept approval (no limits read) is not booked past the state's buyer limit", () => {
    const invoice = pocInvoice();
    const decided = evaluateInvoice({
      invoice,
      events: pocEvents(),
      trust: trustSourceFromRecord({ [SUPPLIER]: 0.765, [BUYER]: 0.81, c0c0c0c0c0c0c0c0: 0.7 }),
      policy: pocPolicy(),
      asOf: NOW,
    });
    expect(decided.outcome).toBe('approve');
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 1_000_000 } });
    expect(reserveApproval(state, invoice, decided)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBe(0);
    // Decided on a state within whose limit it fits, it books.
    const roomy = createPortfolioState({ buyerLimitMinor: { [BUYER]: 10_000_000 } });
    expect(reserveApproval(roomy, invoice, decided)).toBe(false);
    const onRoomy = evaluateInvoice({
      invoice,
      events: pocEvents(),
      trust: trustSourceFromRecord({ [SUPPLIER]: 0.765, [BUYER]: 0.81, c0c0c0c0c0c0c0c0: 0.7 }),
      policy: pocPolicy(),
      asOf: NOW,
      portfolio: roomy,
    });
    expect(reserveApproval(roomy, invoice, onRoomy)).toBe(true);
  });

  it('a dollar approval is not booked into a book kept in euros', () => {
    const d = deal();
    const decided = decideOn({ ...BOOK, currency: 'USD' });
    expect(decided.outcome).toBe('approve');
    const state = createPortfolioState({ ...BOOK, currency: 'EUR' });
    expect(reserveApproval(state, d.invoice, decided)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBe(0);
  });
});

describe('reserveApproval books only decisions made on this state, as it is now (third review)', () => {
  // A book with the same limits and exposures but another supplier ledger, known invoices or
  // ageing passed the figure checks: the buyer's full concentration share, an exact copy already
  // on the book, a cross-aged debtor were all booked from a decision made elsewhere.
  it('a decision made on another book with the same limits is not booked (a full concentration share, a known copy)', () => {
    const d = deal();
    const books: Portfolio[] = [
      {
        ...BOOK,
        supplierLedger: {
          [SUPPLIER]: { totalOpenMinor: 10_000_000, byBuyerOpenMinor: { [BUYER]: 10_000_000 } },
        },
      },
      {
        ...BOOK,
        knownInvoices: [
          {
            invoiceId: 'inv-old',
            invoiceNumber: d.invoice.invoiceNumber ?? '',
            supplierQuid: SUPPLIER,
            buyerQuid: BUYER,
            amountMinor: d.invoice.amountMinor,
            issuedAt: d.invoice.issuedAt,
          },
        ],
      },
    ];
    for (const book of books) {
      const state = createPortfolioState(book);
      expect(decideOn(state, d).outcome).not.toBe('approve');
      const elsewhere = decideOn(BOOK, d);
      expect(elsewhere.outcome).toBe('approve');
      expect(reserveApproval(state, d.invoice, elsewhere)).toBe(false);
      expect(state.buyerExposure(BUYER)).toBe(0);
    }
  });

  it('a decision made on this state is booked; once anything else is booked in it, it is decided again', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 1_000_000_000 } });
    const a = deal();
    const b = deal(
      { invoiceId: 'inv-200', invoiceNumber: 'INV-2026-0200', poReference: 'PO-2' },
      { ids: 'b' },
    );
    const da = decideOn(state, a);
    const db = decideOn(state, b);
    expect(reserveApproval(state, a.invoice, da)).toBe(true);
    expect(reserveApproval(state, b.invoice, db)).toBe(false);
    expect(reserveApproval(state, b.invoice, decideOn(state, b))).toBe(true);
  });

  it('a decision rebuilt from JSON (stored, then loaded) is decided again before it is booked', () => {
    const state = createPortfolioState(BOOK);
    const d = deal();
    const stored = JSON.parse(JSON.stringify(decideOn(state, d))) as FactoringDecision;
    expect(reserveApproval(state, d.invoice, stored)).toBe(false);
  });
});

describe('a loop over a book that states no currency', () => {
  it('after a dollar approval is booked, a yen approval is not added to the same exposures (as a batch refuses)', () => {
    // evaluateBatch refuses invoices in two currencies over limits in no stated currency; the loop
    // booked 4,500,000 cents and then 450,000,000 yen under one buyer limit.
    const state = createPortfolioState(BOOK);
    const usd = deal();
    expect(reserveApproval(state, usd.invoice, decideOn(state, usd))).toBe(true);
    const jpy = deal(
      { invoiceId: 'inv-jpy', invoiceNumber: 'JP-1', currency: 'JPY', amountMinor: 500_000_000 },
      { ids: 'jp' },
    );
    const decided = decideOn(state, jpy);
    expect(decided.outcome).toBe('approve');
    expect(reserveApproval(state, jpy.invoice, decided)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBe(4_500_000);
  });
});

describe('reserveApproval refuses a decision made for another version of the invoice', () => {
  it('the invoice amended to another amount after the decision: a typed error, nothing booked', () => {
    const d = deal();
    const state = createPortfolioState(BOOK);
    const decided = decideOn(state, d);
    expect(decided.outcome).toBe('approve');
    const amended = { ...d.invoice, amountMinor: 1 };
    const e = refusal(state, amended, decided);
    expect(isFactoringError(e) && e.code).toBe('INVALID_INPUT');
    expect(isFactoringError(e) && e.issues.map((i) => i.path)).toContain('decision.offer.faceMinor');
    expect(state.buyerExposure(BUYER)).toBe(0);
    // The receivable decided is still the one booked when reserved as decided.
    expect(reserveApproval(state, d.invoice, decided)).toBe(true);
    const again = decideOn(state, d);
    expect(again.reasons.map((r) => r.code)).toContain('DUPLICATE_OF_FINANCED');
  });

  it('a decision whose advance is negative or not a number (hand-built, or corrupted in storage): a typed error, exposures unchanged', () => {
    // A negative advance was booked and lowered the buyer's exposure by 4,000,000; a NaN one made
    // every exposure NaN, and no limit refused anything after it.
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 10_000_000 } });
    const d = deal();
    const decided = decideOn(state, d);
    expect(decided.outcome).toBe('approve');
    for (const advanceMinor of [-4_000_000, Number.NaN, 0.5, (decided.offer?.eligibleMinor ?? 0) + 1]) {
      const bad = {
        ...decided,
        offer: { ...(decided.offer as NonNullable<FactoringDecision['offer']>), advanceMinor },
      };
      const e = refusal(state, d.invoice, bad);
      expect(isFactoringError(e) && e.issues.map((i) => i.path)).toContain('decision.offer.advanceMinor');
      expect(state.buyerExposure(BUYER)).toBe(0);
    }
    expect(reserveApproval(state, d.invoice, decided)).toBe(true);
  });

  it('an offer edited upward (advance raised to the eligible amount, above the purchase price): a typed error, nothing booked (third review)', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 10_000_000 } });
    const d = deal();
    const decided = decideOn(state, d);
    const o = decided.offer as NonNullable<FactoringDecision['offer']>;
    expect(o.advanceMinor).toBeLessThan(o.eligibleMinor);
    const inflated = { ...decided, offer: { ...o, advanceMinor: o.eligibleMinor } };
    const e = refusal(state, d.invoice, inflated);
    expect(isFactoringError(e) && e.issues.map((i) => i.path)).toContain('decision.offer.advanceMinor');
    expect(state.buyerExposure(BUYER)).toBe(0);
    // The limits the decision shows must move by its advance: a raised advance with them left as
    // they were is refused too.
    const underPrice = Math.min(o.purchasePriceMinor, o.advanceMinor + 1);
    if (underPrice > o.advanceMinor) {
      const e2 = refusal(state, d.invoice, { ...decided, offer: { ...o, advanceMinor: underPrice } });
      expect(isFactoringError(e2) && e2.issues.map((i) => i.path)).toContain('decision.limits');
    }
    expect(reserveApproval(state, d.invoice, decided)).toBe(true);
  });

  it('the invoice re-denominated after the decision: a typed error', () => {
    const d = deal();
    const state = createPortfolioState(BOOK);
    const decided = decideOn(state, d);
    const e = refusal(state, { ...d.invoice, currency: 'EUR' }, decided);
    expect(isFactoringError(e) && e.issues.map((i) => i.path)).toContain('decision.offer.currency');
    expect(state.buyerExposure(BUYER)).toBe(0);
  });
});

describe('reserveApproval books the invoice that was decided, not another one under its id (integrator review)', () => {
  const OTHER_BUYER = 'b9b9b9b9b9b9b9b9';
  const twoBuyers = { buyerLimitMinor: { [BUYER]: 50_000_000, [OTHER_BUYER]: 50_000_000 } };
  /** The paths of the INVALID_INPUT `reserveApproval` throws (none when it does not throw). */
  const refusedAt = (...args: Parameters<typeof refusal>): string[] => {
    const e = refusal(...args);
    if (e === undefined) return [];
    return isFactoringError(e) && e.code === 'INVALID_INPUT' ? e.issues.map((i) => i.path) : ['not typed'];
  };

  it('an approval for one buyer reserved with the invoice re-addressed to another buyer: a typed error, neither buyer booked', () => {
    const d = deal();
    const state = createPortfolioState(twoBuyers);
    const decided = decideOn(state, d);
    expect(decided.outcome).toBe('approve');
    const paths = refusedAt(state, { ...d.invoice, buyerQuid: OTHER_BUYER }, decided);
    expect(paths).toContain('invoice.buyerQuid');
    expect(state.buyerExposure(BUYER)).toBe(0);
    expect(state.buyerExposure(OTHER_BUYER)).toBe(0);
    expect(reserveApproval(state, d.invoice, decided)).toBe(true);
  });

  it('the supplier, number, issue or due date changed after the decision: a typed error at that field, nothing booked', () => {
    const d = deal();
    const changes = {
      supplierQuid: 'a9a9a9a9a9a9a9a9',
      invoiceNumber: 'INV-OTHER-1',
      issuedAt: d.invoice.issuedAt - 86_400,
      dueAt: d.invoice.dueAt + 30 * 86_400,
    } as const;
    for (const [field, value] of Object.entries(changes)) {
      const state = createPortfolioState(twoBuyers);
      const decided = decideOn(state, d);
      expect(decided.outcome).toBe('approve');
      expect(refusedAt(state, { ...d.invoice, [field]: value }, decided)).toContain(`invoice.${field}`);
      expect(state.totalExposure()).toBe(0);
    }
  });

  it('the invoice object edited in place between the decision and the reservation is refused too', () => {
    const d = deal();
    const invoice = { ...d.invoice };
    const state = createPortfolioState(twoBuyers);
    const decided = decideOn(state, { ...d, invoice });
    expect(decided.outcome).toBe('approve');
    (invoice as { buyerQuid: string }).buyerQuid = OTHER_BUYER;
    expect(refusedAt(state, invoice, decided)).toContain('invoice.buyerQuid');
    expect(state.totalExposure()).toBe(0);
  });
});

describe('reserveApproval refuses an invoice changed in its parties or identity after the decision (red-team round 7)', () => {
  const OTHER_BUYER = 'b1b1b1b1b1b1b1b1';
  const LIMITS: Portfolio = { buyerLimitMinor: { [BUYER]: 5_000_000, [OTHER_BUYER]: 5_000_000 } };

  it("an approval for one buyer booked against another buyer: a typed error, and the first buyer's limit still counts it", () => {
    // Booked against the other buyer, the 4,500,000 advance left the decided buyer's exposure at 0:
    // a second 5,000,000 invoice to it was approved, 9,000,000 against a 5,000,000 limit.
    const state = createPortfolioState(LIMITS);
    const d = deal();
    const decided = decideOn(state, d);
    expect(decided.outcome).toBe('approve');
    const e = refusal(state, { ...d.invoice, buyerQuid: OTHER_BUYER }, decided);
    expect(isFactoringError(e) && e.issues.map((i) => i.path)).toContain('invoice.buyerQuid');
    expect(state.buyerExposure(OTHER_BUYER)).toBe(0);
    expect(reserveApproval(state, d.invoice, decided)).toBe(true);
    expect(state.buyerExposure(BUYER)).toBe(4_500_000);
  });

  it('the invoice object edited in place after the decision (buyer, supplier, number, issue or due date, PO): a typed error, nothing booked', () => {
    const edits: Record<string, string | number> = {
      buyerQuid: OTHER_BUYER,
      supplierQuid: 'a1a1a1a1a1a1a1a1',
      invoiceNumber: 'INV-2026-9999',
      issuedAt: NOW + 1,
      dueAt: NOW + 200 * 86_400,
      poReference: 'PO-999',
    };
    for (const [field, value] of Object.entries(edits)) {
      const state = createPortfolioState(LIMITS);
      const d = deal();
      const decided = decideOn(state, d);
      expect(decided.outcome).toBe('approve');
      (d.invoice as unknown as Record<string, unknown>)[field] = value;
      const e = refusal(state, d.invoice, decided);
      expect(isFactoringError(e) && e.issues.map((i) => i.path), field).toContain(`invoice.${field}`);
      expect(state.totalExposure(), field).toBe(0);
    }
  });
});

describe('PortfolioState.fund records only what can be funded', () => {
  it('a negative, fractional or NaN amount is a typed error and changes no exposure (a NaN disabled every limit after it)', () => {
    const state = createPortfolioState({
      buyerLimitMinor: { [BUYER]: 10_000_000 },
      supplierLedger: { [SUPPLIER]: { totalOpenMinor: 1_000_000, byBuyerOpenMinor: {} } },
    });
    state.fund(SUPPLIER, BUYER, 1_000, 2_000);
    for (const [advance, face] of [
      [-4_000_000, 5_000_000],
      [Number.NaN, 5_000_000],
      [0.5, 5_000_000],
      [4_000_000, -5_000_000],
      [4_000_000, Number.POSITIVE_INFINITY],
    ] as const) {
      let thrown: unknown;
      try {
        state.fund(SUPPLIER, BUYER, advance, face);
      } catch (e) {
        thrown = e;
      }
      expect(isFactoringError(thrown) && thrown.code).toBe('INVALID_INPUT');
      expect(state.buyerExposure(BUYER)).toBe(1_000);
      expect(state.totalExposure()).toBe(1_000);
      expect(state.ledger(SUPPLIER)?.totalOpenMinor).toBe(1_002_000);
    }
  });
});
