// When the money comes back (adversarial review): the buyer's own acknowledgement says it will pay
// months after the due date, and an invoice already far later than its buyer ever pays was priced
// as if collected tomorrow. Each situation is a test named after it: the engine must price the date
// the evidence supports, or hold the invoice. Never approve on the due date alone.
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  evaluateInvoice,
  type FactoringDecision,
  type PaidInvoiceRecord,
  pocPolicy,
  profileBuyer,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const TRUST: Record<string, TrustReading> = {
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85, AS_OF),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9, AS_OF),
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: AS_OF, pathLength: 1 },
};
const trust = trustSourceFromRecord(TRUST);

function decide(
  d: Deal,
  events: readonly VerifiedEvent[] = d.events,
  opts: { poc?: boolean; history?: BuyerHistory; asOf?: number; crossAgeThresholdBps?: number } = {},
): FactoringDecision {
  const over =
    opts.crossAgeThresholdBps === undefined ? {} : { crossAgeThresholdBps: opts.crossAgeThresholdBps };
  return evaluateInvoice({
    invoice: d.invoice,
    events,
    trust,
    policy: opts.poc === true ? pocPolicy() : standardPolicy(over),
    asOf: opts.asOf ?? AS_OF,
    portfolio: BOOK,
    ...(opts.history !== undefined ? { buyerHistory: opts.history } : {}),
  });
}

const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

/** `d`'s events with the buyer's acknowledgement stating it will pay at `at`. */
function promising(d: Deal, at: number): VerifiedEvent[] {
  return d.events.map((e) =>
    e.eventType === 'buyer.acknowledged' ? { ...e, payload: { ...e.payload, expectedPayDate: at } } : e,
  );
}

describe("the buyer's acknowledgement says when it will pay", () => {
  const d = deal();

  it('a buyer promising payment 400 days out is a tenor beyond maxTenorDays (TENOR_TOO_LONG), not a 60-day invoice', () => {
    const x = decide(d, promising(d, AS_OF + 400 * DAY));
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('TENOR_TOO_LONG');
    expect(x.reasons.find((r) => r.code === 'TENOR_TOO_LONG')?.message).toContain('acknowledgement');
  });

  it("terms giving the buyer 240 days behind a 60-day due date: the terms' date is the tenor (TENOR_TOO_LONG), not a review offer", () => {
    // The engine prices to the terms' date (DUE_DATE_BEFORE_TERMS); its tenor limit must judge the
    // same date, or a reviewer is handed a priced offer the tenor rule would have refused.
    const net240 = deal({ terms: 'Net 240' });
    const x = decide(net240);
    expect(codes(x)).toContain('DUE_DATE_BEFORE_TERMS');
    expect(codes(x)).toContain('TENOR_TOO_LONG');
    expect(x.outcome).toBe('reject');
    expect(x.offer).toBeNull();
    expect(x.reasons.find((r) => r.code === 'TENOR_TOO_LONG')?.message).toContain('terms');
    // Terms inside the limit still go to review with an offer priced to the terms' date.
    const net150 = decide(deal({ terms: 'Net 150' }));
    expect(codes(net150)).toContain('DUE_DATE_BEFORE_TERMS');
    expect(codes(net150)).not.toContain('TENOR_TOO_LONG');
    expect(net150.outcome).toBe('review');
    expect(net150.offer?.tenorDays).toBeGreaterThanOrEqual(143);
  });

  it('a buyer promising payment in 170 days is priced to day 170 and beyond, not to the due date', () => {
    const plain = decide(d);
    const late = decide(d, promising(d, AS_OF + 170 * DAY));
    expect(plain.outcome).toBe('approve');
    expect(plain.offer?.tenorDays).toBeLessThan(70);
    expect(late.offer?.tenorDays).toBeGreaterThanOrEqual(170);
    expect(late.offer?.feeMinor).toBeGreaterThan(plain.offer?.feeMinor ?? Number.POSITIVE_INFINITY);
    expect(codes(late)).toContain('ACK_PAY_DATE_AFTER_DUE');
  });

  it('a buyer promising payment before the due date changes nothing (the due date is not moved earlier)', () => {
    const plain = decide(d);
    const early = decide(d, promising(d, AS_OF + 5 * DAY));
    expect(early.offer).toEqual(plain.offer);
    expect(codes(early)).toEqual(codes(plain));
  });

  it('two acknowledgements stating different dates: the later one counts', () => {
    const ack = d.events.find((e) => e.eventType === 'buyer.acknowledged') as VerifiedEvent;
    const events = [
      ...promising(d, AS_OF + 20 * DAY),
      {
        ...ack,
        id: `${ack.id}-again`,
        sequence: d.events.length + 1,
        payload: { ...ack.payload, expectedPayDate: AS_OF + 170 * DAY },
      },
    ];
    expect(decide(d, events).offer?.tenorDays).toBeGreaterThanOrEqual(170);
  });

  it('the proof-of-concept preset, which never read the date, decides as before', () => {
    expect(decide(d, promising(d, AS_OF + 400 * DAY), { poc: true })).toEqual(
      decide(d, d.events, { poc: true }),
    );
  });
});

describe('an invoice already later than its buyer pays', () => {
  // A buyer that pays 0 to 10 days late: P90 about 10 days.
  const prompt: BuyerHistory = {
    records: Array.from({ length: 20 }, (_, i) => ({
      dueAt: NOW - 400 * DAY + i * DAY,
      paidAt: NOW - 400 * DAY + i * DAY + (i % 11) * DAY,
      amountMinor: 1_000_000,
    })),
  };
  const overdue = (daysPastDue: number, tenor = 29): Deal =>
    deal({
      issuedAt: AS_OF - (daysPastDue + tenor) * DAY,
      dueAt: AS_OF - daysPastDue * DAY,
      terms: `NET-${tenor}`,
    });

  it('59 days past due from a buyer whose P90 is about 10 days late is held for review, not priced as collected tomorrow', () => {
    const x = decide(overdue(59), undefined, { history: prompt });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('OVERDUE_BEYOND_BUYER_PATTERN');
    expect(x.reasons.find((r) => r.code === 'OVERDUE_BEYOND_BUYER_PATTERN')?.severity).toBe('review');
  });

  it('past due beyond the prior P90 with no history is held for review too', () => {
    const x = decide(overdue(45));
    expect(codes(x)).toContain('OVERDUE_BEYOND_BUYER_PATTERN');
    expect(x.outcome).not.toBe('approve');
  });

  it('past its median but within the P90 it is priced to the P90 date, not to tomorrow', () => {
    const x = decide(overdue(6), undefined, { history: prompt });
    expect(codes(x)).not.toContain('OVERDUE_BEYOND_BUYER_PATTERN');
    const [, , p90] = x.payment?.daysLate ?? [0, 0, 0];
    expect(p90).toBeGreaterThan(6);
    expect(x.payment?.expectedDays).toBeGreaterThanOrEqual(p90 - 6);
    expect(x.offer?.tenorDays).toBeGreaterThan(1);
  });

  it('an invoice not yet due is priced as before (due date plus the median lateness)', () => {
    const x = decide(deal(), undefined, { history: prompt });
    const [, p50] = x.payment?.daysLate ?? [0, 0];
    expect(x.payment?.expectedCollectionAt).toBe(deal().invoice.dueAt + p50 * DAY);
  });

  it('the proof-of-concept preset, which has no buyer pattern, decides as before', () => {
    expect(codes(decide(overdue(45), undefined, { poc: true }))).not.toContain(
      'OVERDUE_BEYOND_BUYER_PATTERN',
    );
  });
});

describe('an invoice not yet due from a buyer that always pays early, and has not paid this one', () => {
  // A buyer that pays every invoice 20 to 29 days before its due date (P90 about 13 days early
  // once shrunk toward the prior). Eight days before due the invoice is later than the buyer pays:
  // it was priced as collected tomorrow (1 day, PD over 1 day), the fee a sixth of a 58-day one.
  const early: BuyerHistory = {
    records: Array.from({ length: 20 }, (_, i) => ({
      dueAt: NOW - 400 * DAY + i * DAY,
      paidAt: NOW - 400 * DAY + i * DAY - (20 + (i % 10)) * DAY,
      amountMinor: 1_000_000,
    })),
  };
  const d = deal({ issuedAt: NOW - 45 * DAY, dueAt: NOW + 15 * DAY });

  it('past the early date by which the buyer pays 90 % of its invoices it is held for review (OVERDUE_BEYOND_BUYER_PATTERN)', () => {
    const x = decide(d, undefined, { history: early });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('OVERDUE_BEYOND_BUYER_PATTERN');
    expect(x.reasons.find((r) => r.code === 'OVERDUE_BEYOND_BUYER_PATTERN')?.message).toContain(
      'before the due date',
    );
  });

  it('before that date it is priced to the early median, as before', () => {
    const x = decide(deal(), undefined, { history: early });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('OVERDUE_BEYOND_BUYER_PATTERN');
    const [, p50] = x.payment?.daysLate ?? [0, 0];
    expect(p50).toBeLessThan(0);
    expect(x.payment?.expectedCollectionAt).toBe(deal().invoice.dueAt + p50 * DAY);
  });
});

describe('a history padded with tiny invoices paid on time', () => {
  // The buyer's five real invoices (40,000.00 each) were all paid 60 days late; the padding is 200
  // invoices of one cent paid on their due date, cheap for a colluding buyer and supplier to put on
  // the ledger. By count the buyer pays 97.5 % of its invoices on time; by money it pays none.
  const real: PaidInvoiceRecord[] = Array.from({ length: 5 }, (_, i) => ({
    dueAt: NOW - 150 * DAY + i * DAY,
    paidAt: NOW - 90 * DAY + i * DAY,
    amountMinor: 4_000_000,
  }));
  const padding: PaidInvoiceRecord[] = Array.from({ length: 200 }, (_, i) => ({
    dueAt: NOW - 60 * DAY + (i % 50) * DAY,
    paidAt: NOW - 60 * DAY + (i % 50) * DAY,
    amountMinor: 1,
  }));
  const honest = profileBuyer({ records: real }, [0, 5, 30], 5, 300);
  const padded = profileBuyer({ records: [...real, ...padding] }, [0, 5, 30], 5, 300);

  it('does not make a buyer that pays 60 days late look punctual (days-late quantiles weigh money too)', () => {
    expect(padded.daysLate[1]).toBeGreaterThanOrEqual(honest.daysLate[1]);
    expect(padded.daysLate[2]).toBeGreaterThanOrEqual(honest.daysLate[2]);
  });

  it('does not raise the share paid within 30 days above what the money says', () => {
    expect(honest.paidWithinBps[0]).toBe(0);
    expect(padded.paidWithinBps[0]).toBeLessThan(100);
  });

  it('does not shorten the priced tenor or lower the fee of a new invoice from that buyer', () => {
    const d = deal();
    const a = decide(d, d.events, { history: { records: real } });
    const b = decide(d, d.events, { history: { records: [...real, ...padding] } });
    expect(b.payment?.expectedDays).toBeGreaterThanOrEqual(a.payment?.expectedDays ?? Infinity);
    expect(b.offer?.feeMinor).toBeGreaterThanOrEqual(a.offer?.feeMinor ?? Infinity);
  });

  it('a history of invoices of equal size is profiled as before (by count and by money agree)', () => {
    const even: PaidInvoiceRecord[] = Array.from({ length: 20 }, (_, i) => ({
      dueAt: NOW - 150 * DAY + i * DAY,
      paidAt: NOW - 150 * DAY + i * DAY + (i % 10) * DAY,
      amountMinor: 1_000_000,
    }));
    const p = profileBuyer({ records: even }, [0, 5, 30], 5, 300);
    // Nearest rank over 0..9 days late, twice each: P50 = 4, P90 = 8, shrunk toward the prior
    // [0, 5, 30] with weight 5 of 25: (4*20 + 5*5)/25 = 4.2 -> 4, (8*20 + 30*5)/25 = 12.4 -> 12.
    expect(p.daysLate).toEqual([0, 4, 12]);
    expect(p.paidWithinBps).toEqual([10_000, 10_000, 10_000]);
  });
});

describe('a buyer that pays on time what it pays, and leaves the rest unpaid', () => {
  // Ten invoices paid on their due date; twelve more due four months before the decision and never
  // paid. Profiled on paid invoices alone this buyer is punctual (every quantile 0 days late), and a
  // new invoice was priced to its due date plus a few days.
  const paid: PaidInvoiceRecord[] = Array.from({ length: 10 }, (_, i) => ({
    dueAt: AS_OF - 200 * DAY + i * DAY,
    paidAt: AS_OF - 200 * DAY + i * DAY,
    amountMinor: 1_000_000,
  }));
  const unpaid: PaidInvoiceRecord[] = Array.from({ length: 12 }, (_, i) => ({
    dueAt: AS_OF - 120 * DAY - i * DAY,
    amountMinor: 1_000_000,
  }));
  const history = { records: [...paid, ...unpaid] };

  it('its unpaid overdue invoices count at their days late so far: the median is months, not 0 days', () => {
    const alone = profileBuyer({ records: paid }, [0, 5, 30], 5, 300, AS_OF);
    const p = profileBuyer(history, [0, 5, 30], 5, 300, AS_OF);
    expect(p.daysLate[1]).toBeGreaterThan(90);
    expect(p.daysLate[2]).toBeGreaterThan(alone.daysLate[2]);
    // Over half of what it owes was not paid within 90 days.
    expect(p.paidWithinBps[2]).toBeLessThan(5_000);
  });

  it('a new invoice from it is refused: all it has left unpaid is over 90 days past due (CROSS_AGED_DEBTOR)', () => {
    const d = deal();
    const b = decide(d, d.events, { history });
    expect(b.outcome).toBe('reject');
    expect(codes(b)).toContain('CROSS_AGED_DEBTOR');
  });

  it('with ageing not judged (crossAgeThresholdBps 10000), it is priced to the later collection date, with a higher fee', () => {
    const d = deal();
    const all = { crossAgeThresholdBps: 10_000 };
    const a = decide(d, d.events, { history: { records: paid }, ...all });
    const b = decide(d, d.events, { history, ...all });
    expect(b.payment?.expectedDays).toBeGreaterThan((a.payment?.expectedDays ?? 0) + 60);
    expect(b.offer?.feeMinor ?? 0).toBeGreaterThan(a.offer?.feeMinor ?? Infinity);
  });

  it('an invoice paid after the decision date was unpaid at it: it counts as overdue, not as paid', () => {
    const later = unpaid.map((r) => ({ ...r, paidAt: AS_OF + 10 * DAY }));
    const p = profileBuyer({ records: [...paid, ...later] }, [0, 5, 30], 5, 300, AS_OF);
    expect(p.daysLate).toEqual(profileBuyer(history, [0, 5, 30], 5, 300, AS_OF).daysLate);
  });

  it('without a decision date the profile is of paid invoices alone (nothing says how late the rest are)', () => {
    expect(profileBuyer(history, [0, 5, 30], 5, 300).daysLate).toEqual(
      profileBuyer({ records: paid }, [0, 5, 30], 5, 300).daysLate,
    );
  });
});

describe('days late are counted from the due time, never rounded in the buyer’s favour', () => {
  const PRIOR: [number, number, number] = [0, 0, 0];
  /** Twenty records of 1,000,000, each paid `offset` seconds after its due time. */
  const paidAt = (offset: number): BuyerHistory => ({
    records: Array.from({ length: 20 }, (_, i) => {
      const dueAt = NOW - 400 * DAY + i * 10 * DAY;
      return { dueAt, paidAt: dueAt + offset, amountMinor: 1_000_000 };
    }),
  });

  it('a buyer that always pays an hour before the due time is on time, not a day early (the collection date is not moved earlier)', () => {
    const p = profileBuyer(paidAt(-3_600), PRIOR, 0, 500, NOW);
    expect(p.daysLate).toEqual([0, 0, 0]);
  });

  it('a buyer that always pays an hour after the due time is a day late, not on time', () => {
    const p = profileBuyer(paidAt(3_600), PRIOR, 0, 500, NOW);
    expect(p.daysLate).toEqual([1, 1, 1]);
  });

  it('an invoice an hour past due and unpaid counts as at least a day late, as it would if paid now', () => {
    const dueAt = NOW - 3_600;
    const p = profileBuyer({ records: [{ dueAt, amountMinor: 1_000_000 }] }, PRIOR, 0, 500, NOW);
    expect(p.daysLate[2]).toBe(1);
  });

  it('whole days late stay whole days (a payment exactly 5 days after the due time is 5 days late)', () => {
    expect(profileBuyer(paidAt(5 * DAY), PRIOR, 0, 500, NOW).daysLate).toEqual([5, 5, 5]);
    expect(profileBuyer(paidAt(-5 * DAY), PRIOR, 0, 500, NOW).daysLate).toEqual([-5, -5, -5]);
  });
});

describe('day cut-offs count a started day: an hour past the line is past it', () => {
  const HOUR = 3_600;
  const d = deal();
  const issuedAt = d.invoice.issuedAt;

  it('an invoice 90 days and an hour old is over the 90-day age cut-off (AGED_OVER_CUTOFF); at 90 days exactly it is not', () => {
    expect(codes(decide(d, d.events, { asOf: issuedAt + 90 * DAY + HOUR }))).toContain('AGED_OVER_CUTOFF');
    expect(codes(decide(d, d.events, { asOf: issuedAt + 90 * DAY }))).not.toContain('AGED_OVER_CUTOFF');
  });

  it('an invoice 60 days and an hour past due is over the 60-day past-due cut-off (PAST_DUE_CUTOFF); at 60 days exactly it is not', () => {
    const net10 = deal({ dueAt: NOW + 10 * DAY, terms: 'NET-10' });
    const due = net10.invoice.dueAt;
    expect(codes(decide(net10, net10.events, { asOf: due + 60 * DAY + HOUR }))).toContain('PAST_DUE_CUTOFF');
    expect(codes(decide(net10, net10.events, { asOf: due + 60 * DAY }))).not.toContain('PAST_DUE_CUTOFF');
  });

  it('unpaid an hour past the day by which the buyer pays 90 % of its invoices is beyond its pattern (OVERDUE_BEYOND_BUYER_PATTERN)', () => {
    const net10 = deal({ dueAt: NOW + 10 * DAY, terms: 'NET-10' });
    const due = net10.invoice.dueAt;
    const p90 = decide(net10, net10.events, { asOf: due }).payment?.daysLate[2] as number;
    expect(p90).toBeGreaterThan(0);
    const at = (t: number) => codes(decide(net10, net10.events, { asOf: t }));
    expect(at(due + p90 * DAY + HOUR)).toContain('OVERDUE_BEYOND_BUYER_PATTERN');
    expect(at(due + p90 * DAY)).not.toContain('OVERDUE_BEYOND_BUYER_PATTERN');
  });
});
