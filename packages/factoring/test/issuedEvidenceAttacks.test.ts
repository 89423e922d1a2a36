// Attacks on what the engine takes on the caller's word instead of the signed stream: a dispute
// the buyer calls "credited" with no credit note behind it, an invoice input that contradicts (or
// has no) supplier-signed `invoice.issued`, an early-payment discount the buyer may take, and
// goods shipped long before the invoice was issued (re-dating). One test per attack, named after
// it; 'approve' means money is wired, so when the evidence is not conclusive the invoice is held.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluateInvoice,
  type FactoringDecision,
  FactoringInputError,
  invoiceFromIssuedPayload,
  type PolicyOverrides,
  pocPolicy,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { netTermsDays, termsDiscount } from '../src/rules/termsChecks.js';
import { AS_OF, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
};

function run(
  d: Deal,
  extra: { events?: VerifiedEvent[]; policy?: PolicyOverrides; poc?: boolean } = {},
): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events: extra.events ?? d.events,
    trust: trustSourceFromRecord(TRUST),
    policy: extra.poc === true ? pocPolicy(extra.policy) : standardPolicy(extra.policy),
    asOf: AS_OF,
    portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 } },
  });
}

/** An event on `d`'s invoice at `sequence`, stamped a quarter day per sequence after issue. */
function event(
  d: Deal,
  id: string,
  eventType: string,
  signerQuid: string,
  sequence: number,
  payload: Record<string, unknown>,
): VerifiedEvent {
  return {
    subjectId: d.invoice.invoiceId,
    id,
    eventType,
    signerQuid,
    sequence,
    timestamp: NOW + (sequence * DAY) / 4,
    payload: payload as VerifiedEvent['payload'],
  };
}

const codes = (x: FactoringDecision): string[] => x.reasons.map((r) => r.code);
const message = (x: FactoringDecision, code: string): string =>
  x.reasons.find((r) => r.code === code)?.message ?? '';

const dispute = (d: Deal, sequence: number, amountMinor: number) =>
  event(d, `x${sequence}`, 'buyer.disputed', BUYER, sequence, {
    buyerQuid: BUYER,
    disputeId: 'd-1',
    disputedAmountMinor: amountMinor,
    reason: 'short shipment',
    disputedAt: NOW + (sequence * DAY) / 4,
  });
const credited = (d: Deal, sequence: number, creditNoteId?: string) =>
  event(d, `x${sequence}`, 'dispute.resolved', BUYER, sequence, {
    disputeId: 'd-1',
    outcome: 'credited',
    resolvedAt: NOW + (sequence * DAY) / 4,
    ...(creditNoteId !== undefined ? { creditNoteId } : {}),
  });
const creditNote = (d: Deal, sequence: number, creditNoteId: string, amountMinor: number) =>
  event(d, `x${sequence}`, 'invoice.credited', SUPPLIER, sequence, {
    creditNoteId,
    amountMinor,
    reason: 'short shipment',
    creditedAt: NOW + (sequence * DAY) / 4,
  });

describe("finding 1: a dispute the buyer resolves 'credited' closes only with the credit note on the stream", () => {
  it("buyer resolves its 2,000,000 dispute 'credited' naming cn-1, no invoice.credited posted: held, DISPUTE_OPEN says no credit note", () => {
    const d = deal();
    const x = run(d, { events: [...d.events, dispute(d, 5, 2_000_000), credited(d, 6, 'cn-1')] });
    expect(x.outcome).toBe('pending');
    expect(x.offer).toBeNull();
    expect(codes(x)).toContain('DISPUTE_OPEN');
    expect(message(x, 'DISPUTE_OPEN')).toContain('credit note cn-1 promised');
    expect(message(x, 'DISPUTE_OPEN')).toContain('not on the stream');
  });

  it("buyer resolves its dispute 'credited' naming no credit note, none posted: held", () => {
    const d = deal();
    const x = run(d, { events: [...d.events, dispute(d, 5, 2_000_000), credited(d, 6)] });
    expect(x.outcome).toBe('pending');
    expect(message(x, 'DISPUTE_OPEN')).toContain('credit promised');
  });

  it("buyer resolves 'credited' naming no note, only a smaller unrelated credit note on the stream: held", () => {
    const d = deal();
    const x = run(d, {
      events: [...d.events, dispute(d, 5, 2_000_000), credited(d, 6), creditNote(d, 7, 'cn-9', 5_000)],
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it("buyer resolves 'credited' naming cn-1, cn-1 posted for less than the dispute: the uncovered rest stays open", () => {
    const d = deal();
    const events = [
      ...d.events,
      dispute(d, 5, 2_000_000),
      credited(d, 6, 'cn-1'),
      creditNote(d, 7, 'cn-1', 500_000),
    ];
    const held = run(d, { events });
    expect(held.outcome).toBe('pending');
    expect(message(held, 'DISPUTE_OPEN')).toContain('1500000');
    // Funding the undisputed part: the credit and the uncovered rest both come off face.
    const cut = run(d, { events, policy: { openDisputes: 'haircut' } });
    expect(cut.outcome).toBe('approve');
    expect(cut.offer?.eligibleMinor).toBe(3_000_000);
  });

  it("buyer resolves 'credited' naming cn-1 and the supplier posts cn-1 for the disputed amount: approved on face less the credit", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 5, 2_000_000),
        credited(d, 6, 'cn-1'),
        creditNote(d, 7, 'cn-1', 2_000_000),
      ],
    });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('DISPUTE_OPEN');
    expect(x.offer?.eligibleMinor).toBe(3_000_000);
  });

  it("buyer resolves 'credited' naming no note, a credit note of the disputed amount posted: approved on face less the credit", () => {
    const d = deal();
    const x = run(d, {
      events: [...d.events, dispute(d, 5, 2_000_000), credited(d, 6), creditNote(d, 7, 'cn-2', 2_000_000)],
    });
    expect(x.outcome).toBe('approve');
    expect(x.offer?.eligibleMinor).toBe(3_000_000);
  });
});

/** The fixture deal with its signed `invoice.issued` payload changed by `mut`. */
function withIssued(mut: (p: Record<string, unknown>) => void): Deal {
  return withIssuedOf(deal(), mut);
}

describe('finding 2: the invoice priced is the invoice the supplier signed on the ledger', () => {
  it('no invoice.issued on the stream at all: pending, ISSUED_EVENT_MISSING', () => {
    const d = deal();
    const x = run(d, { events: d.events.filter((e) => e.eventType !== 'invoice.issued') });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('ISSUED_EVENT_MISSING');
  });

  it('invoice.issued signed by the buyer only (no counted issue): pending, ISSUED_EVENT_MISSING', () => {
    const d = deal();
    const events = d.events.map((e) => (e.eventType === 'invoice.issued' ? { ...e, signerQuid: BUYER } : e));
    const x = run(d, { events });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('ISSUED_EVENT_MISSING');
  });

  it('input re-dated: signed issuedAt 120 days earlier than the input says: review, ISSUED_PAYLOAD_MISMATCH names issuedAt and both values', () => {
    const d = withIssued((p) => {
      p['issuedAt'] = NOW - 120 * DAY;
      p['dueAt'] = NOW - 60 * DAY;
    });
    const x = run(d);
    expect(x.outcome).toBe('review');
    const m = message(x, 'ISSUED_PAYLOAD_MISMATCH');
    expect(m).toContain(`issuedAt: input ${NOW}, signed ${NOW - 120 * DAY}`);
    expect(m).toContain(`dueAt: input ${NOW + 60 * DAY}, signed ${NOW - 60 * DAY}`);
  });

  it('signed invoice is NET-170, input claims NET-60: review, names dueAt and terms', () => {
    const d = withIssued((p) => {
      p['dueAt'] = NOW + 170 * DAY;
      p['terms'] = 'NET-170';
    });
    const x = run(d);
    expect(x.outcome).toBe('review');
    expect(message(x, 'ISSUED_PAYLOAD_MISMATCH')).toContain(
      `dueAt: input ${NOW + 60 * DAY}, signed ${NOW + 170 * DAY}`,
    );
    expect(message(x, 'ISSUED_PAYLOAD_MISMATCH')).toContain('terms: input NET-60, signed NET-170');
  });

  it('signed invoice is EUR 1,000,000, input USD 5,000,000: review, names amountMinor and currency', () => {
    const d = withIssued((p) => {
      p['currency'] = 'EUR';
      p['amountMinor'] = 1_000_000;
    });
    const x = run(d);
    expect(x.outcome).toBe('review');
    const m = message(x, 'ISSUED_PAYLOAD_MISMATCH');
    expect(m).toContain('amountMinor: input 5000000, signed 1000000');
    expect(m).toContain('currency: input USD, signed EUR');
  });

  it('signed invoice bills another buyer: review, names buyerQuid', () => {
    const x = run(withIssued((p) => (p['buyerQuid'] = 'e0e0e0e0e0e0e0e0')));
    expect(x.outcome).toBe('review');
    expect(message(x, 'ISSUED_PAYLOAD_MISMATCH')).toContain(
      `buyerQuid: input ${BUYER}, signed e0e0e0e0e0e0e0e0`,
    );
  });

  it('signed invoice has another number, id, supplier, PO and carrier: review, names each field', () => {
    const x = run(
      withIssued((p) => {
        p['invoiceNumber'] = 'INV-2026-0999';
        p['invoiceId'] = 'inv-999';
        p['poReference'] = 'PO-999';
        p['carrierQuid'] = 'c1c1c1c1c1c1c1c1';
      }),
    );
    expect(x.outcome).toBe('review');
    const m = message(x, 'ISSUED_PAYLOAD_MISMATCH');
    for (const field of ['invoiceNumber', 'invoiceId', 'poReference', 'carrierQuid'])
      expect(m).toContain(`${field}:`);
    expect(m).not.toContain('supplierQuid');
  });

  it('a second invoice.issued re-issues it at 9,000,000 NET-170: review, INVOICE_REISSUED', () => {
    const d = deal();
    const first = d.events[0] as VerifiedEvent;
    const second: VerifiedEvent = {
      ...first,
      id: 'inv-100-e9',
      sequence: 9,
      timestamp: NOW + 5 * DAY,
      payload: { ...first.payload, amountMinor: 9_000_000, dueAt: NOW + 170 * DAY },
    };
    const x = run(d, { events: [...d.events, second] });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('INVOICE_REISSUED');
    expect(message(x, 'INVOICE_REISSUED')).toContain('amountMinor');
  });

  it('the same invoice.issued delivered twice under another event id is not a re-issue: approved', () => {
    const d = deal();
    const first = d.events[0] as VerifiedEvent;
    const again: VerifiedEvent = { ...first, id: 'inv-100-e9', sequence: 9, timestamp: NOW + 5 * DAY };
    const x = run(d, { events: [...d.events, again] });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('INVOICE_REISSUED');
  });

  it('signed earlyPaymentDiscount 50% within 30 days: eligible cut by half, EARLY_PAYMENT_DISCOUNT', () => {
    const x = run(withIssued((p) => (p['earlyPaymentDiscount'] = { rateBps: 5_000, withinDays: 30 })));
    expect(codes(x)).toContain('EARLY_PAYMENT_DISCOUNT');
    expect(x.offer?.eligibleMinor).toBe(2_500_000);
    expect(x.offer?.haircuts).toContainEqual({ code: 'EARLY_PAYMENT_DISCOUNT', amountMinor: 2_500_000 });
  });

  it("signed earlyPaymentDiscount 2/10 on an odd face: the cut rounds up (the financier's favour)", () => {
    const d = deal({ amountMinor: 5_000_001 });
    const x = run(withIssuedOf(d, (p) => (p['earlyPaymentDiscount'] = { rateBps: 200, withinDays: 10 })));
    // 5,000,001 x 2 % = 100,000.02: the buyer may withhold up to 100,001.
    expect(x.offer?.eligibleMinor).toBe(5_000_001 - 100_001);
  });

  it('invoiceFromIssuedPayload carries the signed early-payment discount', () => {
    const inv = invoiceFromIssuedPayload({
      invoiceId: 'inv-1',
      supplierQuid: 's',
      buyerQuid: 'b',
      amountMinor: 100,
      currency: 'USD',
      issuedAt: 1,
      dueAt: 2,
      earlyPaymentDiscount: { rateBps: 200, withinDays: 10 },
    });
    expect(inv?.earlyPaymentDiscount).toEqual({ rateBps: 200, withinDays: 10 });
  });

  it('an input early-payment discount the signed payload does not carry still cuts eligible', () => {
    const d = deal({ earlyPaymentDiscount: { rateBps: 300, withinDays: 10 } });
    const x = run(d);
    expect(x.offer?.eligibleMinor).toBe(4_850_000);
  });

  it('the proof-of-concept preset keeps its behaviour with no invoice.issued and a contradicting input', () => {
    const d = withIssued((p) => (p['amountMinor'] = 1));
    const base = deal();
    const same = (x: FactoringDecision) => ({ outcome: x.outcome, codes: codes(x), offer: x.offer });
    expect(same(run(d, { poc: true }))).toEqual(same(run(base, { poc: true })));
    const none = base.events.filter((e) => e.eventType !== 'invoice.issued');
    expect(same(run(base, { poc: true, events: none }))).toEqual(same(run(base, { poc: true })));
  });
});

/** `d` with its signed `invoice.issued` payload changed by `mut`. */
function withIssuedOf(d: Deal, mut: (p: Record<string, unknown>) => void): Deal {
  const events = d.events.map((e) => {
    if (e.eventType !== 'invoice.issued') return e;
    const payload = { ...(e.payload as Record<string, unknown>) };
    mut(payload);
    return { ...e, payload: payload as VerifiedEvent['payload'] };
  });
  return { invoice: d.invoice, events };
}

describe('finding 3: goods shipped long before the invoice was issued (re-dating, F10)', () => {
  it('shipped 700 days before issue, delivered 698 days before: review, SHIPPED_LONG_BEFORE_ISSUE', () => {
    const d = deal({}, { shippedAt: NOW - 700 * DAY, deliveredAt: NOW - 698 * DAY });
    const x = run(d);
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('SHIPPED_LONG_BEFORE_ISSUE');
    expect(message(x, 'SHIPPED_LONG_BEFORE_ISSUE')).toContain('700 days');
  });

  it('delivered 200 days before issue (shipment date missing): review', () => {
    const d = deal({}, { deliveredAt: NOW - 200 * DAY });
    const events = d.events.map((e) =>
      e.eventType === 'carrier.shipped'
        ? { ...e, payload: { carrierQuid: CARRIER, billOfLading: 'BOL-inv-100' } }
        : e,
    );
    const x = run(d, { events, policy: { checks: { payloads: false } } });
    expect(codes(x)).toContain('SHIPPED_LONG_BEFORE_ISSUE');
  });

  it('shipped 90 days before issue (the default bound): approved; 91 days: review', () => {
    const at90 = run(deal({}, { shippedAt: NOW - 90 * DAY, deliveredAt: NOW - 88 * DAY }));
    expect(codes(at90)).not.toContain('SHIPPED_LONG_BEFORE_ISSUE');
    expect(at90.outcome).toBe('approve');
    const at91 = run(deal({}, { shippedAt: NOW - 91 * DAY, deliveredAt: NOW - 88 * DAY }));
    expect(at91.outcome).toBe('review');
  });

  it('the bound is a policy field (maxShipmentLeadDays), validated like the others', () => {
    const d = deal({}, { shippedAt: NOW - 700 * DAY, deliveredAt: NOW - 698 * DAY });
    expect(run(d, { policy: { maxShipmentLeadDays: 1_000 } }).outcome).toBe('approve');
    expect(() => compilePolicy(standardPolicy({ maxShipmentLeadDays: -1 }))).toThrow(FactoringInputError);
    expect(() => compilePolicy(standardPolicy({ maxShipmentLeadDays: 1.5 }))).toThrow(FactoringInputError);
    expect(pocPolicy()).not.toHaveProperty('maxShipmentLeadDays');
  });
});

describe('a due date earlier than the payment terms the invoice states (FACTORING.md F5)', () => {
  // The supplier signs terms NET-60 but a due date 20 days after issue: the buyer pays on its terms,
  // so the invoice was priced (and judged overdue) 40 days too early.
  const early = deal({ dueAt: NOW + 20 * DAY, terms: 'NET-60' });

  it('due 20 days after issue under NET-60 terms is held for review (DUE_DATE_BEFORE_TERMS), a fraud flag', () => {
    const x = run(early);
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('DUE_DATE_BEFORE_TERMS');
    expect(x.fraudFlags).toContain('DUE_DATE_BEFORE_TERMS');
    expect(x.reasons.find((r) => r.code === 'DUE_DATE_BEFORE_TERMS')?.message).toContain('NET-60');
  });

  it('it is priced to the date the terms give, not to the earlier due date', () => {
    const x = run(early);
    expect(x.payment?.expectedCollectionAt).toBeGreaterThanOrEqual(NOW + 60 * DAY);
    const honest = run(deal({ dueAt: NOW + 60 * DAY, terms: 'NET-60' }));
    expect(x.offer?.feeMinor).toBe(honest.offer?.feeMinor);
  });

  it('terms with an early-payment discount ("2/10 net 45") are read for their net days', () => {
    expect(codes(run(deal({ dueAt: NOW + 45 * DAY, terms: '2/10 net 45' })))).not.toContain(
      'DUE_DATE_BEFORE_TERMS',
    );
    expect(codes(run(deal({ dueAt: NOW + 30 * DAY, terms: '2/10 net 45' })))).toContain(
      'DUE_DATE_BEFORE_TERMS',
    );
  });

  it('a due date later than the terms is priced to the due date and not flagged', () => {
    const x = run(deal({ dueAt: NOW + 90 * DAY, terms: 'Net 30' }));
    expect(codes(x)).not.toContain('DUE_DATE_BEFORE_TERMS');
    expect(x.payment?.expectedCollectionAt).toBeGreaterThanOrEqual(NOW + 90 * DAY);
  });

  it('terms with no net days ("due on receipt") are not guessed at; end-of-month terms run from the end of the month', () => {
    expect(codes(run(deal({ dueAt: NOW + 20 * DAY, terms: 'due on receipt' })))).not.toContain(
      'DUE_DATE_BEFORE_TERMS',
    );
    expect(codes(run(deal({ dueAt: NOW + 20 * DAY, terms: 'NET 30 EOM' })))).toContain(
      'DUE_DATE_BEFORE_TERMS',
    );
    expect(codes(run(deal({ dueAt: NOW + 47 * DAY, terms: 'NET 30 EOM' })))).not.toContain(
      'DUE_DATE_BEFORE_TERMS',
    );
  });

  it('the terms the supplier signed count when the input states none', () => {
    const d = deal({ dueAt: NOW + 20 * DAY, terms: 'NET-60' });
    const { terms: _omitted, ...input } = d.invoice;
    const x = evaluateInvoice({
      invoice: input,
      events: d.events,
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy(),
      asOf: AS_OF,
    });
    expect(codes(x)).toContain('DUE_DATE_BEFORE_TERMS');
  });

  it('the proof-of-concept preset, which never read the terms, decides as before', () => {
    expect(codes(run(early, { poc: true }))).not.toContain('DUE_DATE_BEFORE_TERMS');
  });
});

describe('net terms are read as the days they state', () => {
  it('NET-n, Net n, netn, "n days" and a discount in front all give n; other wording gives nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999 }),
        fc.constantFrom('NET-{n}', 'Net {n}', 'net{n}', 'NET {n} days', '2/10 net {n}', '1.5% 10, Net {n}'),
        (n, shape) => netTermsDays(shape.replace('{n}', String(n))) === n,
      ),
    );
    for (const t of ['due on receipt', '', 'NET-', 'CIA', 'net amount'])
      expect(netTermsDays(t)).toBeUndefined();
    expect(netTermsDays(undefined)).toBeUndefined();
  });

  it('other wordings of net days are read too, as the days the buyer has at least (end of month adds to them)', () => {
    // Read as nothing, these let a due date 60 days out stand under 120-day terms: priced at 58
    // days instead of 118, judged overdue two months early, DUE_DATE_BEFORE_TERMS sidestepped.
    for (const t of [
      'Net 120 days.',
      'NET\u2011120',
      'net \u2013 120',
      '120 days net',
      'Net 120 days from invoice date',
      'NET 120 EOM',
      'n/120',
      'Payment within 120 days',
      '2/10 n/120',
    ]) {
      expect([t, netTermsDays(t)]).toEqual([t, 120]);
      const x = run(deal({ terms: t }));
      expect([t, x.outcome]).toEqual([t, 'review']);
      expect(codes(x)).toContain('DUE_DATE_BEFORE_TERMS');
    }
  });
});

describe('end-of-month terms are priced to the date they give', () => {
  // "NET 30 EOM" gives the buyer until 30 days after the end of the month of issue; read as 30
  // days from issue, an invoice due then was priced 16 days short and not flagged.
  it('a due date 30 days after issue under NET 30 EOM is before the terms (held, priced to the terms)', () => {
    // NOW is 2023-11-14: end of November, plus 30 days, is 2023-12-30; 30 days from issue, then to
    // the end of that month (EOM read the other way), is 2023-12-31, the later.
    const x = run(deal({ terms: 'NET 30 EOM', dueAt: NOW + 30 * DAY }));
    expect(codes(x)).toContain('DUE_DATE_BEFORE_TERMS');
    expect(x.reasons.find((r) => r.code === 'DUE_DATE_BEFORE_TERMS')?.message).toContain(
      String(Date.UTC(2024, 0, 1) / 1000 - 1),
    );
  });

  it('a due date at or after the end of the month plus the net days is not flagged', () => {
    const due = Date.UTC(2023, 11, 1) / 1000 + 30 * DAY;
    expect(codes(run(deal({ terms: 'Net 30 EOM', dueAt: due })))).not.toContain('DUE_DATE_BEFORE_TERMS');
    expect(codes(run(deal({ terms: 'net 30 end of month', dueAt: due })))).not.toContain(
      'DUE_DATE_BEFORE_TERMS',
    );
  });
});

describe('an early-payment discount written in the terms', () => {
  // "2/10 NET 60" lets the buyer pay 2 % less within 10 days; the engine read only the net days,
  // so the whole face was eligible, where the same discount as earlyPaymentDiscount was cut.
  it('"2/10 NET 60" and "10% 10, Net 60" are cut like earlyPaymentDiscount (EARLY_PAYMENT_DISCOUNT)', () => {
    for (const [terms, bps] of [
      ['2/10 NET 60', 200],
      ['10% 10, Net 60', 1_000],
      ['1.5/10 net 60', 150],
    ] as const) {
      const x = run(deal({ terms }));
      expect([terms, codes(x)]).toEqual([terms, expect.arrayContaining(['EARLY_PAYMENT_DISCOUNT'])]);
      expect(x.offer?.eligibleMinor).toBe(5_000_000 - (5_000_000 * bps) / 10_000);
    }
  });

  it('the rate is read in basis points, without floating point, in every written shape (random rates)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 999 }),
        fc.constantFrom('{r}/{d} net 60', '{r}% {d}, Net 60', '{r}%/{d} NET-60'),
        (whole, cents, days, shape) => {
          const rate = cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
          const terms = shape.replace('{r}', rate).replace('{d}', String(days));
          expect(termsDiscount(terms)).toEqual({ rateBps: whole * 100 + cents, withinDays: days });
          expect(netTermsDays(terms)).toBe(60);
        },
      ),
    );
    expect(termsDiscount('NET 60')).toBeUndefined();
    expect(termsDiscount('2/10')).toBeUndefined();
  });

  it('standard notations: "2/10 n/60", "Net 60, 2/10", and tiers ("1/20, 3/10 net 60": the largest rate)', () => {
    for (const [terms, bps] of [
      ['2/10 n/60', 200],
      ['Net 60, 2/10', 200],
      ['1/20, 3/10 net 60', 300],
    ] as const) {
      const x = run(deal({ terms }));
      expect([terms, x.offer?.eligibleMinor]).toEqual([terms, 5_000_000 - (5_000_000 * bps) / 10_000]);
    }
  });

  it('the larger of the terms rate and earlyPaymentDiscount counts', () => {
    const x = run(deal({ terms: '2/10 NET 60', earlyPaymentDiscount: { rateBps: 300, withinDays: 10 } }));
    expect(x.offer?.eligibleMinor).toBe(4_850_000);
  });
});

describe('the buyer acknowledged the invoice before it was issued (re-dated to look fresh)', () => {
  // The goods went out and the buyer acknowledged the invoice 40 days before the date the supplier
  // put on it: an old receivable re-dated so that its age and tenor pass. The buyer's own signed
  // date says the invoice existed long before its stated issue date.
  const redated = deal({}, { shippedAt: NOW - 45 * DAY, deliveredAt: NOW - 42 * DAY, ackAt: NOW - 40 * DAY });

  it('an acknowledgement dated 40 days before issue is held for review (ACK_BEFORE_ISSUE), a fraud flag', () => {
    const x = run(redated);
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('ACK_BEFORE_ISSUE');
    expect(x.fraudFlags).toContain('ACK_BEFORE_ISSUE');
  });

  it('an acknowledgement within the clock skew of the issue date is not flagged', () => {
    const sameDay = deal({}, { shippedAt: NOW - 2 * DAY, deliveredAt: NOW - DAY, ackAt: NOW - 1_800 });
    expect(codes(run(sameDay))).not.toContain('ACK_BEFORE_ISSUE');
  });

  it('the proof-of-concept preset, which never compared the dates, decides as before', () => {
    expect(codes(run(redated, { poc: true }))).not.toContain('ACK_BEFORE_ISSUE');
  });
});
