// A buyer whose payment history shows its invoices unpaid months past due. The profile counted them
// as late (a longer tenor, a higher fee) but nothing judged them: a buyer that had paid none of its
// six invoices four months after their due dates was approved at grade A with a 90 % advance. The
// book's own ageing (`portfolio.buyerAging`) refuses such a buyer (CROSS_AGED_DEBTOR); its history
// says the same and is judged the same way now.
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  evaluateBatch,
  evaluateInvoice,
  type PaidInvoiceRecord,
  profileBuyer,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const trust = trustSourceFromRecord(DEAL_TRUST);
const policy = standardPolicy();

const unpaid = (daysPastDue: number, amountMinor = 5_000_000): PaidInvoiceRecord => ({
  dueAt: AS_OF - daysPastDue * DAY,
  amountMinor,
});
const paid = (k: number, amountMinor = 5_000_000): PaidInvoiceRecord => ({
  dueAt: NOW - (30 + k) * DAY,
  paidAt: NOW - (30 + k) * DAY,
  amountMinor,
});

function decide(records: PaidInvoiceRecord[]) {
  const d = deal();
  const buyerHistory: BuyerHistory = { records };
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust,
    policy,
    asOf: AS_OF,
    portfolio: BOOK,
    buyerHistory,
  });
}
const codes = (d: { reasons: readonly { code: string }[] }): string[] => d.reasons.map((r) => r.code);

describe("a buyer whose history shows its invoices unpaid months past due (the book's cross-aging, from the history)", () => {
  it('six invoices, all unpaid 120 days past due: refused (CROSS_AGED_DEBTOR), not approved at grade A', () => {
    const d = decide([120, 121, 122, 123, 124, 125].map((k) => unpaid(k)));
    expect(d.outcome).toBe('reject');
    expect(codes(d)).toContain('CROSS_AGED_DEBTOR');
    expect(d.reasons.find((r) => r.code === 'CROSS_AGED_DEBTOR')?.message).toMatch(/payment history/);
    expect(d.offer).toBeNull();
  });

  it('in a batch, the buyer history is judged the same way', () => {
    const d = deal();
    const r = evaluateBatch({
      items: [{ invoice: d.invoice, events: d.events }],
      trust,
      policy,
      asOf: AS_OF,
      portfolio: BOOK,
      buyerHistories: { [BUYER]: { records: [100, 130, 160].map((k) => unpaid(k)) } },
    });
    expect(r.decisions[0]?.outcome).toBe('reject');
    expect(codes(r.decisions[0] ?? { reasons: [] })).toContain('CROSS_AGED_DEBTOR');
  });

  it('the profile says what is open and how much of it is over 90 days past due', () => {
    const p = profileBuyer({ records: [unpaid(100), unpaid(10), paid(1)] }, [0, 5, 30], 5, 300, AS_OF);
    expect({ open: p.openMinor, over90: p.over90Minor }).toEqual({ open: 10_000_000, over90: 5_000_000 });
  });

  it('false-positive trap: half the open money over 90 days is not more than the 50 % bound', () => {
    const d = decide([unpaid(100), unpaid(10), paid(1), paid(2), paid(3)]);
    expect(codes(d)).not.toContain('CROSS_AGED_DEBTOR');
  });

  it('false-positive trap: a punctual history, and invoices open but not yet 90 days past due, change nothing', () => {
    expect(decide([paid(1), paid(2), paid(3)]).outcome).toBe('approve');
    const d = decide([paid(1), paid(2), paid(3), unpaid(30), unpaid(-20)]);
    expect(codes(d)).not.toContain('CROSS_AGED_DEBTOR');
  });
});
