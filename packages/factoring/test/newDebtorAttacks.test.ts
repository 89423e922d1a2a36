// A fictitious debtor (FACTORING.md F6, F13): a buyer quid the financier has never dealt with,
// with a trust path that passes the threshold and an acknowledgement signed with its own key (the
// fraudster holds that key). A policy default buyer limit funded it like an approved debtor. The
// first invoice to a debtor with no limit of its own, no payment history and nothing funded on it
// is the verification trigger real factors use (FACTORING.md §4: first invoice for the pair,
// independently sourced debtor contact).
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  compilePolicy,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type PolicyOverrides,
  type Portfolio,
  profileBuyer,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, DEAL_TRUST, deal, NOW } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const TRUST = DEAL_TRUST;
const DEFAULT_LIMIT: PolicyOverrides = { defaultBuyerLimitMinor: 50_000_000 };
const PAID: BuyerHistory = {
  records: [{ dueAt: NOW - 60 * DAY, paidAt: NOW - 55 * DAY, amountMinor: 1_000_000 }],
};

function decide(
  portfolio: Portfolio,
  extra: { policy?: PolicyOverrides; buyerHistory?: BuyerHistory } = {},
): FactoringDecision {
  const d = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord(TRUST),
    policy: standardPolicy({ ...DEFAULT_LIMIT, ...extra.policy }),
    asOf: AS_OF,
    portfolio,
    ...(extra.buyerHistory !== undefined ? { buyerHistory: extra.buyerHistory } : {}),
  });
}
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

describe('a debtor the financier has never dealt with (fictitious debtor)', () => {
  it('no limit of its own, no history, nothing funded: held for verification (NEW_DEBTOR), not funded on the default limit', () => {
    const x = decide({ facilityLimitMinor: 1_000_000_000 });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('NEW_DEBTOR');
    expect(x.reasons.find((r) => r.code === 'NEW_DEBTOR')?.message).toContain(BUYER);
  });

  it('a buyer with its own credit limit on file was underwritten: approved', () => {
    const x = decide({ buyerLimitMinor: { [BUYER]: 50_000_000 } });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('NEW_DEBTOR');
  });

  it('a buyer with a payment history is known: approved on the default limit', () => {
    const x = decide({ facilityLimitMinor: 1_000_000_000 }, { buyerHistory: PAID });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('NEW_DEBTOR');
  });

  it('a history of unpaid invoices only is no payment history: still a new debtor', () => {
    const unpaid: BuyerHistory = { records: [{ dueAt: NOW - 30 * DAY, amountMinor: 1_000_000 }] };
    const x = decide({ facilityLimitMinor: 1_000_000_000 }, { buyerHistory: unpaid });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('NEW_DEBTOR');
  });

  it('one paid record of 1 minor unit is no payment history: still a new debtor', () => {
    const penny: BuyerHistory = {
      records: [{ dueAt: NOW - 60 * DAY, paidAt: NOW - 55 * DAY, amountMinor: 1 }],
    };
    const x = decide({ facilityLimitMinor: 1_000_000_000 }, { buyerHistory: penny });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('NEW_DEBTOR');
  });

  it("paid invoices worth less than a tenth of this one's face (thirty of 10,000 against 5,000,000): still a new debtor", () => {
    const small: BuyerHistory = {
      records: Array.from({ length: 30 }, (_, k) => ({
        dueAt: NOW - (90 - k) * DAY,
        paidAt: NOW - (88 - k) * DAY,
        amountMinor: 10_000,
      })),
    };
    const x = decide({ facilityLimitMinor: 1_000_000_000 }, { buyerHistory: small });
    expect(codes(x)).toContain('NEW_DEBTOR');
    expect(x.reasons.find((r) => r.code === 'NEW_DEBTOR')?.message).toContain('300000');
  });

  it('newDebtorMinPaidShareBps sets how much paid history makes a debtor known', () => {
    const small: BuyerHistory = {
      records: [{ dueAt: NOW - 60 * DAY, paidAt: NOW - 55 * DAY, amountMinor: 300_000 }],
    };
    const strict = decide({ facilityLimitMinor: 1_000_000_000 }, { buyerHistory: small });
    expect(codes(strict)).toContain('NEW_DEBTOR');
    const lenient = decide(
      { facilityLimitMinor: 1_000_000_000 },
      { buyerHistory: small, policy: { newDebtorMinPaidShareBps: 500 } },
    );
    expect(codes(lenient)).not.toContain('NEW_DEBTOR');
  });

  it("newDebtor: 'accept' funds a new debtor within the default limit (the caller verified it)", () => {
    const x = decide({ facilityLimitMinor: 1_000_000_000 }, { policy: { newDebtor: 'accept' } });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('NEW_DEBTOR');
  });

  it('in a batch, every invoice to the new debtor is held: the first is not funded, so the next is no better known', () => {
    const items = [0, 1, 2].map((k) => {
      const d = deal({
        invoiceId: `inv-new-${k}`,
        invoiceNumber: `N-${k}`,
        amountMinor: (k + 1) * 1_000_000,
      });
      return { invoice: d.invoice, events: d.events };
    });
    const r = evaluateBatch({
      items,
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy(DEFAULT_LIMIT),
      asOf: AS_OF,
      portfolio: { facilityLimitMinor: 1_000_000_000 },
    });
    expect(r.decisions.map((d) => d.outcome)).toEqual(['review', 'review', 'review']);
    expect(r.summary.byReason.NEW_DEBTOR).toBe(3);
  });

  it('compilePolicy refuses a newDebtorMinPaidShareBps outside 0..10000 bps', () => {
    for (const bad of [-1, 10_001, 1.5, Number.NaN])
      expect(() => compilePolicy(standardPolicy({ newDebtorMinPaidShareBps: bad }))).toThrow(
        /newDebtorMinPaidShareBps/,
      );
  });

  it('compilePolicy refuses a newDebtor that is neither review nor accept', () => {
    expect(() => standardPolicy({ newDebtor: 'hold' as 'review' })).not.toThrow();
    expect(() =>
      evaluateInvoice({
        invoice: deal().invoice,
        events: deal().events,
        trust: trustSourceFromRecord(TRUST),
        policy: standardPolicy({ newDebtor: 'hold' as 'review' }),
        asOf: AS_OF,
      }),
    ).toThrow(/newDebtor/);
  });
});

describe('a small funded invoice does not make a fictitious debtor known (second review)', () => {
  // A $1,000 invoice backed by a $100 paid record passes the paid-share test; once it is funded,
  // "something funded on the buyer" used to lift NEW_DEBTOR for a $50,000 invoice to the same
  // debtor, and the outcome depended on which invoice was issued first.
  const B = 'b0b0b0b0b0b0b0b0';
  const history: BuyerHistory = {
    records: [{ dueAt: NOW - 60 * DAY, paidAt: NOW - 55 * DAY, amountMinor: 10_000 }],
  };
  const small = deal({
    invoiceId: 'inv-s',
    invoiceNumber: 'INV-2026-0001',
    poReference: 'PO-1',
    amountMinor: 100_000,
    issuedAt: NOW - DAY,
    dueAt: NOW - DAY + 60 * DAY,
  });
  const big = deal({
    invoiceId: 'inv-b',
    invoiceNumber: 'INV-2026-0002',
    poReference: 'PO-2',
    amountMinor: 5_000_000,
  });

  it('in a batch, the large invoice after a funded small one is still held (NEW_DEBTOR)', () => {
    const r = evaluateBatch({
      items: [small, big],
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy(DEFAULT_LIMIT),
      asOf: AS_OF,
      portfolio: { facilityLimitMinor: 1_000_000_000 },
      buyerHistories: { [B]: history },
    });
    const large = r.decisions.find((d) => d.invoiceId === 'inv-b');
    expect(large?.outcome).toBe('review');
    expect(large ? codes(large) : []).toContain('NEW_DEBTOR');
  });

  it('a book already funding the buyer is no track record either: paid money is', () => {
    const x = decide({ facilityLimitMinor: 1_000_000_000, buyerExposureMinor: { [B]: 90_000 } });
    expect(codes(x)).toContain('NEW_DEBTOR');
  });
});

describe('copies of an adverse record all count (review of the merge)', () => {
  // Collapsing every copy made a history look better: two identical disputed invoices counted as
  // one lowered the dispute rate below the review line, and two unpaid invoices with the same due
  // date and amount counted as one overdue. Only copies that could flatter the buyer count once.
  const clean = Array.from({ length: 10 }, (_, i) => ({
    dueAt: NOW - 200 * DAY + i * 10 * DAY,
    paidAt: NOW - 200 * DAY + i * 10 * DAY,
    amountMinor: 1_000_000,
  }));

  it('two identical disputed invoices are two disputes: the dispute rate is 2 in 12, as before the copies rule', () => {
    const disputed = {
      dueAt: NOW - 50 * DAY,
      paidAt: NOW - 45 * DAY,
      amountMinor: 1_000_000,
      disputed: true,
    };
    const p = profileBuyer({ records: [...clean, disputed, { ...disputed }] }, [0, 5, 30], 5, 500, AS_OF);
    expect(p.disputeRateBps).toBe(Math.floor((2 * 10_000) / 12));
  });

  it('identical late payments all weigh in the days-late quantiles', () => {
    const late = { dueAt: NOW - 50 * DAY, paidAt: NOW - 10 * DAY, amountMinor: 1_000_000 };
    const once = profileBuyer({ records: [...clean, late] }, [0, 5, 30], 0, 500, AS_OF);
    const thrice = profileBuyer(
      { records: [...clean, late, { ...late }, { ...late }] },
      [0, 5, 30],
      0,
      500,
      AS_OF,
    );
    expect(thrice.daysLate[2]).toBeGreaterThan(once.daysLate[2]);
  });

  it('two unpaid invoices with the same due date and amount are two overdue invoices', () => {
    // One paid on time and one unpaid: the median is on time; with the unpaid one twice, it is late.
    const unpaid = { dueAt: NOW - 30 * DAY, amountMinor: 1_000_000 };
    const one = profileBuyer({ records: [clean[0] as (typeof clean)[0], unpaid] }, [0, 5, 30], 0, 500, AS_OF);
    const two = profileBuyer(
      { records: [clean[0] as (typeof clean)[0], unpaid, { ...unpaid }] },
      [0, 5, 30],
      0,
      500,
      AS_OF,
    );
    expect(one.daysLate[1]).toBe(0);
    expect(two.daysLate[1]).toBeGreaterThan(0);
  });

  it('copies of a late payment still add no money to the track record (NEW_DEBTOR)', () => {
    const late = { dueAt: NOW - 50 * DAY, paidAt: NOW - 40 * DAY, amountMinor: 200_000 };
    const p = profileBuyer(
      { records: Array.from({ length: 30 }, () => ({ ...late })) },
      [0, 5, 30],
      5,
      500,
      AS_OF,
    );
    expect(p.paidMinor).toBe(200_000);
  });
});

describe('a buyer history padded with copies of one good record', () => {
  // History records carry no id, so thirty copies of one paid record counted as thirty invoices
  // paid: an unknown debtor paid once (200,000) looked like one paid 6,000,000, above the tenth of
  // the 5,000,000 invoice that makes a track record. Identical records (same due date, paid date,
  // amount, dispute and dilution) count once.
  const ONE = { dueAt: NOW - 60 * DAY, paidAt: NOW - 55 * DAY, amountMinor: 200_000 };
  const padded: BuyerHistory = { records: Array.from({ length: 30 }, () => ({ ...ONE })) };

  it('thirty copies of a 200,000 record are one record: still a new debtor (NEW_DEBTOR), not approved', () => {
    const x = decide({ facilityLimitMinor: 1_000_000_000 }, { buyerHistory: padded });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('NEW_DEBTOR');
  });

  it('the copies add no track record and no punctuality: the sample and money paid are the one record, no quantile earlier', () => {
    const one = profileBuyer({ records: [ONE] }, [0, 5, 30], 5, 500, AS_OF);
    const many = profileBuyer(padded, [0, 5, 30], 5, 500, AS_OF);
    expect(many.paidMinor).toBe(200_000);
    expect(many.sampleSize).toBe(1);
    expect(many.invoiceCount).toBe(one.invoiceCount);
    // ONE was paid 5 days late: its copies may be real late invoices, so they weigh as late ones.
    for (const k of [0, 1, 2] as const) expect(many.daysLate[k]).toBeGreaterThanOrEqual(one.daysLate[k]);
  });

  it('copies of a record paid on time are exactly the one record', () => {
    const onTime = { dueAt: NOW - 60 * DAY, paidAt: NOW - 60 * DAY, amountMinor: 200_000 };
    const one = profileBuyer({ records: [onTime] }, [0, 5, 30], 5, 500, AS_OF);
    const many = profileBuyer(
      { records: Array.from({ length: 30 }, () => ({ ...onTime })) },
      [0, 5, 30],
      5,
      500,
      AS_OF,
    );
    expect(many).toEqual(one);
  });

  it('copies cannot dilute the dispute rate: one disputed invoice among copies of an undisputed one is half the records', () => {
    const disputed = { dueAt: NOW - 90 * DAY, paidAt: NOW - 80 * DAY, amountMinor: 200_000, disputed: true };
    const p = profileBuyer({ records: [disputed, ...padded.records] }, [0, 5, 30], 5, 500, AS_OF);
    expect(p.disputeRateBps).toBe(5_000);
  });

  it('records that differ in any field are distinct invoices and all count', () => {
    const records = [
      ONE,
      { ...ONE, dueAt: ONE.dueAt + DAY },
      { ...ONE, paidAt: ONE.paidAt + DAY },
      { ...ONE, amountMinor: 200_001 },
      { ...ONE, disputed: true },
      { ...ONE, dilutedMinor: 1 },
    ];
    const p = profileBuyer({ records }, [0, 5, 30], 5, 500, AS_OF);
    expect(p.invoiceCount).toBe(6);
    expect(p.sampleSize).toBe(6);
  });

  it('copies of an unpaid overdue record add no track record, and never make the buyer look more punctual', () => {
    // Each copy may be a real unpaid invoice: it weighs with the overdue ones (review of the merge).
    const open = { dueAt: NOW - 40 * DAY, amountMinor: 200_000 };
    const one = profileBuyer({ records: [ONE, open] }, [0, 5, 30], 5, 500, AS_OF);
    const many = profileBuyer({ records: [ONE, ONE, open, open, open] }, [0, 5, 30], 5, 500, AS_OF);
    expect(many.paidMinor).toBe(one.paidMinor);
    expect(many.sampleSize).toBe(one.sampleSize);
    for (const k of [0, 1, 2] as const) expect(many.daysLate[k]).toBeGreaterThanOrEqual(one.daysLate[k]);
  });
});
