// Red-team round 8: the title's stakes as the supplier writes them. A buyer that owns a large part
// of the title of its own invoice owes that part to itself: only the rest is the supplier's to
// sell, yet the invoice was funded in full (TITLE_SHARED bounded only owners other than the
// supplier and the buyer). The buyer's stake counts toward the bound like any owner's but the
// supplier's.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  standardPolicy,
  type TitleOwnerShare,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DEAL_TRUST, deal } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';

function titled(supplier: number, buyer: number): FactoringDecision {
  const owners: TitleOwnerShare[] = [
    { ownerId: SUPPLIER, percentage: supplier, stakeType: 'supplier' },
    { ownerId: BUYER, percentage: buyer, stakeType: 'buyer' },
    { ownerId: CARRIER, percentage: 0.02, stakeType: 'carrier' },
  ];
  const d = deal({ titleOwners: owners });
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord(DEAL_TRUST),
    policy: standardPolicy(),
    asOf: AS_OF,
    portfolio: BOOK,
  });
}

describe('the buyer owning part of the title of its own invoice (red-team round 8)', () => {
  it('a buyer holding 45 % beside a 53 % supplier is held for review (TITLE_SHARED, naming the buyer), not funded in full', () => {
    const x = titled(0.53, 0.45);
    expect(x.outcome).toBe('review');
    const shared = x.reasons.find((r) => r.code === 'TITLE_SHARED');
    expect(shared?.message).toContain(BUYER);
  });

  it("the buyer's usual 2 % stake is not flagged (approved as before)", () => {
    const x = titled(0.96, 0.02);
    expect(x.outcome).toBe('approve');
    expect(x.reasons.map((r) => r.code)).not.toContain('TITLE_SHARED');
  });
});
