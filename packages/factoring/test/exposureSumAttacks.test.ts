// Sums past 2^53: every amount in the book was checked to be a safe integer, but not what the
// engine adds them up to (the facility's exposure, a group's, a supplier's ledger, the exposure
// after an advance, a batch's summary). A double past 2^53 - 1 is rounded silently, so a decision
// or a summary carried figures that were not the book's. Such inputs are refused with their path.
import { describe, expect, it } from 'vitest';
import {
  createPortfolioState,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type FactoringInputError,
  type Portfolio,
  reserveApproval,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DEAL_TRUST, type Deal, deal, refused } from './fixtures.js';

const MAX = Number.MAX_SAFE_INTEGER;
const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const trust = trustSourceFromRecord(DEAL_TRUST);

const decide = (d: Deal, portfolio: Portfolio): FactoringDecision =>
  evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust,
    policy: standardPolicy(),
    asOf: AS_OF,
    portfolio,
  });

const paths = (e: FactoringInputError): string[] => e.issues.map((i) => i.path);

describe('a book whose amounts add up past 2^53', () => {
  it('buyer exposures that are each safe but sum past 2^53 are refused at portfolio.buyerExposureMinor', () => {
    const e = refused(() =>
      decide(deal(), {
        ...BOOK,
        buyerExposureMinor: { e1e1e1e1e1e1e1e1: MAX - 10, e2e2e2e2e2e2e2e2: MAX - 10 },
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['portfolio.buyerExposureMinor']);
  });

  it('group exposures that sum past 2^53 are refused at portfolio.groupExposureMinor', () => {
    const e = refused(() => decide(deal(), { ...BOOK, groupExposureMinor: { G1: MAX, G2: 2 } }));
    expect(paths(e)).toEqual(['portfolio.groupExposureMinor']);
  });

  it("a supplier ledger's open invoices per buyer that sum past 2^53 are refused at that ledger", () => {
    const e = refused(() =>
      decide(deal(), {
        ...BOOK,
        supplierLedger: {
          [SUPPLIER]: { totalOpenMinor: MAX, byBuyerOpenMinor: { [BUYER]: MAX, e1e1e1e1e1e1e1e1: MAX } },
        },
      }),
    );
    expect(paths(e)).toEqual([`portfolio.supplierLedger.${SUPPLIER}.byBuyerOpenMinor`]);
  });
});

describe('an invoice whose face takes a running total past 2^53', () => {
  it('a supplier exposure 1,000 short of 2^53 and no supplier limit: the 5,000,000 invoice is refused, not approved with a rounded exposure', () => {
    const e = refused(() => decide(deal(), { ...BOOK, supplierExposureMinor: { [SUPPLIER]: MAX - 1_000 } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['invoice.amountMinor']);
  });

  it('a supplier ledger 1,000 short of 2^53: the concentration base is not rounded, the invoice is refused', () => {
    const e = refused(() =>
      decide(deal(), {
        ...BOOK,
        supplierLedger: { [SUPPLIER]: { totalOpenMinor: MAX - 1_000, byBuyerOpenMinor: {} } },
      }),
    );
    expect(paths(e)).toEqual(['invoice.amountMinor']);
  });

  it('one by one over a PortfolioState: once the reserved approvals bring the book near 2^53, the next invoice is refused', () => {
    // 8,000,000 short: the first 5,000,000 invoice fits; its advance (over 3,000,000) leaves no
    // room for a second.
    const state = createPortfolioState({
      buyerLimitMinor: { [BUYER]: MAX },
      supplierExposureMinor: { [SUPPLIER]: MAX - 8_000_000 },
    });
    const first = deal();
    const d1 = evaluateInvoice({
      invoice: first.invoice,
      events: first.events,
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: state,
    });
    expect(d1.outcome).toBe('approve');
    expect(reserveApproval(state, first.invoice, d1)).toBe(true);
    expect(d1.offer?.advanceMinor).toBeGreaterThan(3_000_000);
    const next = deal({ invoiceId: 'inv-101', invoiceNumber: 'INV-2026-0101' }, { ids: 'n' });
    const e = refused(() =>
      evaluateInvoice({
        invoice: next.invoice,
        events: next.events,
        trust,
        policy: standardPolicy(),
        asOf: AS_OF,
        portfolio: state,
      }),
    );
    expect(paths(e)).toEqual(['invoice.amountMinor']);
  });

  it('a face of 2^53 - 1 on an empty book is still decided (its own sums are exact)', () => {
    const d = deal({ amountMinor: MAX }, { ackAmount: MAX });
    const x = decide(d, { buyerLimitMinor: { [BUYER]: MAX } });
    expect(x.outcome).toBe('approve');
    expect(Number.isSafeInteger(x.limits?.facility.afterMinor)).toBe(true);
  });
});

describe('a batch whose faces add up past 2^53', () => {
  it('three invoices of 4e15 are refused before anything is decided (the summary would round)', () => {
    const items = [0, 1, 2].map((k) =>
      deal(
        { invoiceId: `inv-${k}`, invoiceNumber: `INV-B-${k}`, amountMinor: 4e15 },
        { ids: `b${k}`, ackAmount: 4e15 },
      ),
    );
    let seen = 0;
    const e = refused(() =>
      evaluateBatch({
        items,
        trust,
        policy: standardPolicy(),
        asOf: AS_OF,
        portfolio: { buyerLimitMinor: { [BUYER]: MAX } },
        onDecision: () => {
          seen++;
        },
      }),
    );
    expect(paths(e)).toEqual(['items']);
    expect(seen).toBe(0);
  });

  it('a batch that fits is decided with exact summary figures', () => {
    const r = evaluateBatch({
      items: [deal()],
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: { ...BOOK, supplierExposureMinor: { [SUPPLIER]: MAX - 10_000_000 } },
    });
    expect(r.decisions[0]?.outcome).toBe('approve');
    expect(Number.isSafeInteger(r.summary.facility.afterMinor)).toBe(true);
  });
});
