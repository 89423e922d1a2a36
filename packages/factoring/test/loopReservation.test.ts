// Deciding invoices one by one over one PortfolioState (adversarial review): the documented loop
// approved five invoices of 4.5M each against a 5M buyer limit and bought one receivable twice,
// because a decision only reads the state. reserveApproval makes each approval count.
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  createPortfolioState,
  evaluateInvoice,
  type FactoringDecision,
  isFactoringError,
  type PortfolioState,
  reserveApproval,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const TRUST: Record<string, TrustReading> = {
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
};
const policy = compilePolicy(standardPolicy());
const LIMIT = 10_000_000;

const decideIn = (state: PortfolioState, d: Deal): FactoringDecision =>
  evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord(TRUST),
    policy,
    asOf: AS_OF,
    portfolio: state,
  });

/** Five different invoices to one buyer, each for 5,000,000. */
const book = (): Deal[] =>
  Array.from({ length: 5 }, (_, k) =>
    deal(
      { invoiceId: `inv-${k}`, invoiceNumber: `INV-${1000 + 7 * k}`, issuedAt: NOW - k * 3 * DAY },
      { ids: `x${k}` },
    ),
  );

describe('a loop of evaluateInvoice over one PortfolioState', () => {
  it('reserving each approval keeps the advances within the buyer limit', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: LIMIT } });
    let advanced = 0;
    for (const d of book()) {
      const decision = decideIn(state, d);
      if (reserveApproval(state, d.invoice, decision)) advanced += decision.offer?.advanceMinor ?? 0;
    }
    expect(advanced).toBeGreaterThan(0);
    expect(advanced).toBeLessThanOrEqual(LIMIT);
    expect(state.buyerExposure(BUYER)).toBe(advanced);
  });

  it('the same receivable decided again after its approval was reserved is refused', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 50_000_000 } });
    const d = deal();
    const first = decideIn(state, d);
    expect(first.outcome).toBe('approve');
    expect(reserveApproval(state, d.invoice, first)).toBe(true);
    const again = decideIn(state, d);
    expect(again.outcome).toBe('reject');
    expect(again.reasons.map((r) => r.code)).toContain('DUPLICATE_OF_FINANCED');
  });

  it("a second invoice reusing a reserved invoice's bill of lading is held, as in a batch", () => {
    // reserveApproval indexed the invoice without its shipping documents: the loop approved what
    // evaluateBatch holds.
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 100_000_000 } });
    const first = deal();
    reserveApproval(state, first.invoice, decideIn(state, first));
    // Another decision in between: the reservation must not depend on being the last one decided.
    const other = deal({ invoiceId: 'inv-9', invoiceNumber: 'QQ-9', amountMinor: 1_234_567 }, { ids: 'q9' });
    const decided = [decideIn(state, other)];
    const reuse = deal(
      { invoiceId: 'inv-200', invoiceNumber: 'INV-2026-0777', amountMinor: 3_000_000 },
      { ids: 'inv-100', ackAmount: 3_000_000 },
    );
    const d = decideIn(state, reuse);
    expect(decided[0]?.outcome).toBe('approve');
    expect(d.outcome).toBe('review');
    const match = d.duplicates.find((m) => m.invoiceId === 'inv-100');
    expect(match?.rules).toContain('shared-document');
  });

  it('reserving an approval decided earlier than the last decision still indexes its documents', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 100_000_000 } });
    const first = deal();
    const firstDecision = decideIn(state, first);
    const other = deal({ invoiceId: 'inv-9', invoiceNumber: 'QQ-9', amountMinor: 1_234_567 }, { ids: 'q9' });
    decideIn(state, other);
    reserveApproval(state, first.invoice, firstDecision);
    const reuse = deal(
      { invoiceId: 'inv-200', invoiceNumber: 'INV-2026-0777', amountMinor: 3_000_000 },
      { ids: 'inv-100', ackAmount: 3_000_000 },
    );
    const d = decideIn(state, reuse);
    expect(d.outcome).toBe('review');
    expect(d.duplicates.find((m) => m.invoiceId === 'inv-100')?.rules).toContain('shared-document');
  });

  it('a decision that is not an approval reserves nothing', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 50_000_000 } });
    const d = deal();
    const held = { ...decideIn(state, d), outcome: 'review' as const };
    expect(reserveApproval(state, d.invoice, held)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBe(0);
    expect(decideIn(state, d).outcome).toBe('approve');
  });

  it("a decision made for another invoice is refused, not reserved against this one's parties", () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 50_000_000 } });
    const d = deal();
    const other = deal({ invoiceId: 'inv-other' }, { ids: 'o' });
    const decision = decideIn(state, d);
    let thrown: unknown;
    try {
      reserveApproval(state, other.invoice, decision);
    } catch (e) {
      thrown = e;
    }
    expect(isFactoringError(thrown) && thrown.code).toBe('INVALID_INPUT');
    expect(state.buyerExposure(BUYER)).toBe(0);
  });
});
