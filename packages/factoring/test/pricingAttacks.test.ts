// Pricing at the extremes of a buyer's history (red-team round 4): the advance rate falls 1 pp per
// pp of dilution only down to its floor (50 %), so past it the reserve no longer absorbs what the
// buyer is expected to take off the invoice, and the advance was wired on money the financier does
// not expect to collect.
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  evaluateInvoice,
  type FactoringDecision,
  type FeeStructure,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal } from './fixtures.js';

const trust = trustSourceFromRecord(DEAL_TRUST);
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

/** Twenty invoices paid on their due date, each diluted by `share` (credit notes, short-pays). */
function dilutedHistory(shareBps: number): BuyerHistory {
  return {
    records: Array.from({ length: 20 }, (_, i) => ({
      dueAt: AS_OF - (100 + i) * DAY,
      paidAt: AS_OF - (100 + i) * DAY,
      amountMinor: 1_000_000,
      dilutedMinor: (1_000_000 * shareBps) / 10_000,
    })),
  };
}

const decide = (history: BuyerHistory | undefined, fee?: FeeStructure): FactoringDecision =>
  evaluateInvoice({
    ...deal(),
    trust,
    policy: standardPolicy(fee === undefined ? {} : { fee }),
    asOf: AS_OF,
    portfolio: BOOK,
    ...(history === undefined ? {} : { buyerHistory: history }),
  });

describe('a buyer that dilutes more than the reserve holds', () => {
  it('every past invoice credited in full: not approved (DILUTION_ABOVE_RESERVE), under risk-based pricing too', () => {
    // Approved before: 2,439,539 advanced at a 709 % APR on an invoice the buyer is expected to pay nothing of.
    const x = decide(dilutedHistory(10_000));
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('DILUTION_ABOVE_RESERVE');
  });

  it('60 % dilution under a flat fee: the 50 % floor advance is more than the buyer is expected to pay', () => {
    const x = decide(dilutedHistory(6_000), { kind: 'flat', rateBps: 200 });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('DILUTION_ABOVE_RESERVE');
  });

  it('dilution the graded advance absorbs (no history, 3 %; 20 %) is still approved', () => {
    for (const history of [undefined, dilutedHistory(2_000)]) {
      const x = decide(history, { kind: 'flat', rateBps: 200 });
      expect(x.outcome).toBe('approve');
      expect(codes(x)).not.toContain('DILUTION_ABOVE_RESERVE');
    }
  });
});
