// Buyer histories that make a buyer look better than it is: records of nothing paid, flags of the
// wrong type, holes in the list. A history is read as evidence only when it says what it seems to.

import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  evaluateBatch,
  evaluateInvoice,
  isFactoringError,
  profileBuyer,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW } from './fixtures.js';

const trust = trustSourceFromRecord(DEAL_TRUST);
// A debtor with no limit of its own, funded within the policy default: NEW_DEBTOR is what holds it.
const policy = standardPolicy({ defaultBuyerLimitMinor: 100_000_000 });

function decide(buyerHistory: BuyerHistory | undefined) {
  const d = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust,
    policy,
    asOf: AS_OF,
    portfolio: {},
    ...(buyerHistory === undefined ? {} : { buyerHistory }),
  });
}

function inputIssues(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (isFactoringError(e) && e.code === 'INVALID_INPUT') return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
}

describe('a history of invoices for nothing is no payment history', () => {
  const paidNothing = { dueAt: NOW - 30 * DAY, paidAt: NOW - 30 * DAY, amountMinor: 0 };

  it('a new debtor with one "paid" record of amount 0 is still held as new (NEW_DEBTOR), not approved', () => {
    expect(decide(undefined).reasons.map((r) => r.code)).toContain('NEW_DEBTOR');
    const d = decide({ records: [paidNothing] });
    expect(d.outcome).toBe('review');
    expect(d.reasons.map((r) => r.code)).toContain('NEW_DEBTOR');
  });

  it('thirty zero-amount records paid on the day do not outvote the prior: the profile is the no-history one', () => {
    const none = profileBuyer(undefined, [0, 5, 30], 5, 500, AS_OF);
    const padded = profileBuyer(
      { records: Array.from({ length: 30 }, () => paidNothing) },
      [0, 5, 30],
      5,
      500,
      AS_OF,
    );
    expect(padded.daysLate).toEqual(none.daysLate);
    expect(padded.sampleSize).toBe(0);
  });

  it("zero-amount records next to real ones change nothing in the real ones' profile", () => {
    const real = Array.from({ length: 4 }, (_, k) => ({
      dueAt: NOW - (40 + k) * DAY,
      paidAt: NOW - (40 + k) * DAY + 20 * DAY,
      amountMinor: 1_000_000,
    }));
    const alone = profileBuyer({ records: real }, [0, 5, 30], 5, 500, AS_OF);
    const padded = profileBuyer(
      { records: [...real, ...Array.from({ length: 40 }, () => paidNothing)] },
      [0, 5, 30],
      5,
      500,
      AS_OF,
    );
    expect(padded).toEqual(alone);
  });
});

describe('history records of the wrong shape are refused with their path', () => {
  it('a record that is null is INVALID_INPUT at its index, not a raw TypeError (evaluateInvoice and evaluateBatch)', () => {
    expect(inputIssues(() => decide({ records: [null as never] }))).toEqual(['buyerHistory.records[0]']);
    const d = deal();
    expect(
      inputIssues(() =>
        evaluateBatch({
          items: [d],
          trust,
          policy: standardPolicy(),
          asOf: AS_OF,
          portfolio: BOOK,
          buyerHistories: { b0b0b0b0b0b0b0b0: { records: [null as never] } },
        }),
      ),
      // In a batch the path names whose history it is.
    ).toEqual(['buyerHistories.b0b0b0b0b0b0b0b0.records[0]']);
  });

  it('records that are not a list (a string, an object) are refused, not read character by character', () => {
    expect(inputIssues(() => decide({ records: 'abc' as never }))).toEqual(['buyerHistory.records']);
    expect(inputIssues(() => decide({ records: { 0: {} } as never }))).toEqual(['buyerHistory.records']);
  });

  it('records: null, or a history that is not an object, is refused, not read as a buyer with no history (red-team round 7)', () => {
    // A history read from storage as { records: null } (or NaN in place of the history) was read as
    // none: a buyer whose history would hold the invoice was decided on the prior alone.
    expect(inputIssues(() => decide({ records: null as never }))).toEqual(['buyerHistory.records']);
    expect(inputIssues(() => decide(Number.NaN as never))).toEqual(['buyerHistory']);
    expect(inputIssues(() => decide(null as never))).toEqual(['buyerHistory']);
    expect(inputIssues(() => decide('history' as never))).toEqual(['buyerHistory']);
  });

  it("disputed: 'yes' (or 1) is refused, not read as undisputed", () => {
    const record = { dueAt: NOW - 40 * DAY, paidAt: NOW - 30 * DAY, amountMinor: 100_000 };
    expect(inputIssues(() => decide({ records: [{ ...record, disputed: 'yes' as never }] }))).toEqual([
      'buyerHistory.records[0].disputed',
    ]);
    expect(inputIssues(() => decide({ records: [{ ...record, disputed: 1 as never }] }))).toEqual([
      'buyerHistory.records[0].disputed',
    ]);
    expect(inputIssues(() => decide({ records: [{ ...record, disputed: true }] }))).toEqual([]);
  });
});
