// A batch's buyer histories are keyed by the invoice's buyer quid exactly. A history filed under the
// buyer's quid in upper case matched nobody, so a buyer that leaves its invoices unpaid was decided
// on the policy prior (an average payer) and approved: the history said what it seems to, under a
// key that looked the same.
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  evaluateBatch,
  FactoringInputError,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const trust = trustSourceFromRecord(DEAL_TRUST);
// Six invoices of 5,000,000 due months ago and never paid.
const defaulter: BuyerHistory = {
  records: Array.from({ length: 6 }, (_, k) => ({ dueAt: NOW - (120 + k) * DAY, amountMinor: 5_000_000 })),
};

function batch(histories: Record<string, BuyerHistory>) {
  const d = deal();
  return evaluateBatch({
    items: [{ invoice: d.invoice, events: d.events }],
    trust,
    policy: standardPolicy(),
    asOf: AS_OF,
    portfolio: BOOK,
    buyerHistories: histories,
  });
}

describe('a buyer history filed under the buyer quid in another case', () => {
  it('under its own quid the defaulter is not approved', () => {
    expect(batch({ [BUYER]: defaulter }).decisions[0]?.outcome).not.toBe('approve');
  });

  it('under the quid in upper case: refused at buyerHistories.<key>, not decided on the prior', () => {
    let err: unknown;
    try {
      batch({ [BUYER.toUpperCase()]: defaulter });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FactoringInputError);
    expect((err as FactoringInputError).issues.map((i) => i.path)).toEqual([
      `buyerHistories.${BUYER.toUpperCase()}`,
    ]);
    expect((err as FactoringInputError).issues[0]?.message).toContain(BUYER);
  });

  it('false-positive trap: a history of a buyer not in this batch is still allowed', () => {
    expect(batch({ d0d0d0d0d0d0d0d0: defaulter }).decisions[0]?.outcome).toBe('approve');
  });

  it('false-positive trap: the exact key beside a copy in another case is refused too (which one is meant?)', () => {
    expect(() => batch({ [BUYER]: defaulter, [BUYER.toUpperCase()]: { records: [] } })).toThrow(
      FactoringInputError,
    );
  });
});
