// Attacks on how the engine reads an invoice's event stream (the stream review): who may close a
// dispute, who may attest a delivery, evidence dated after the decision, and conflicting or
// malformed events. One test per attack, named after it; 'approve' means money is wired, so when
// the evidence is not conclusive the invoice must be held or rejected.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  extractStreamFacts,
  type FactoringDecision,
  type PolicyOverrides,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';
import { seededRandom } from './support/seededRandom.js';

/** The fixture deal without the invoice's carrier (and, with `owners: false`, without title owners). */
function noCarrier(opts: { owners?: boolean; carrierQuid?: string } = {}): Deal {
  const d = deal();
  const { carrierQuid: _c, titleOwners, ...rest } = d.invoice;
  const invoice = {
    ...rest,
    ...(opts.carrierQuid !== undefined ? { carrierQuid: opts.carrierQuid } : {}),
    ...(opts.owners !== false && titleOwners !== undefined ? { titleOwners } : {}),
  };
  return { invoice, events: d.events };
}

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const FIN_G = 'f1f1f1f1f1f1f1f1';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
  [FIN_G]: { level: 0.8, pathLength: 1 },
};

function run(
  d: Deal,
  extra: { events?: VerifiedEvent[]; policy?: PolicyOverrides; asOf?: number } = {},
): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events: extra.events ?? d.events,
    trust: trustSourceFromRecord(TRUST),
    policy: standardPolicy(extra.policy),
    asOf: extra.asOf ?? AS_OF,
    portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 } },
  });
}

/** An event on `d`'s invoice at `sequence`, stamped `sequence` days after issue unless told. */
function event(
  d: Deal,
  id: string,
  eventType: string,
  signerQuid: string,
  sequence: number,
  payload: Record<string, string | number>,
  timestamp = NOW + sequence * DAY,
): VerifiedEvent {
  return { subjectId: d.invoice.invoiceId, id, eventType, signerQuid, sequence, timestamp, payload };
}

const codes = (x: FactoringDecision): string[] => x.reasons.map((r) => r.code);
const message = (x: FactoringDecision, code: string): string =>
  x.reasons.find((r) => r.code === code)?.message ?? '';

const dispute = (d: Deal, id: string, sequence: number, disputeId: string, amountMinor: number) =>
  event(d, id, 'buyer.disputed', BUYER, sequence, {
    buyerQuid: BUYER,
    disputeId,
    disputedAmountMinor: amountMinor,
    reason: 'goods damaged',
    disputedAt: NOW + sequence * DAY,
  });
const resolution = (
  d: Deal,
  id: string,
  signer: string,
  sequence: number,
  disputeId: string,
  outcome: string,
) =>
  event(d, id, 'dispute.resolved', signer, sequence, {
    disputeId,
    outcome,
    resolvedAt: NOW + sequence * DAY,
  });

describe('finding 1: only the buyer closes its own dispute, and only after it was raised', () => {
  it("supplier clears the buyer's dispute by resolving it 'rejected': the invoice stays held", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 5_000_000),
        resolution(d, 'x6', SUPPLIER, 6, 'D1', 'rejected'),
      ],
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('FULLY_DISPUTED');
    expect(message(x, 'FULLY_DISPUTED')).toContain('resolved by the supplier only');
  });

  it("supplier clears the buyer's partial dispute by resolving it 'rejected': DISPUTE_OPEN says resolved by the supplier only", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 2_000_000),
        resolution(d, 'x6', SUPPLIER, 6, 'D1', 'rejected'),
      ],
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
    expect(message(x, 'DISPUTE_OPEN')).toContain('resolved by the supplier only');
  });

  it("supplier clears the buyer's dispute by resolving it 'credited' with no credit note: the invoice stays held", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 5_000_000),
        resolution(d, 'x6', SUPPLIER, 6, 'D1', 'credited'),
      ],
    });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('FULLY_DISPUTED');
  });

  it('supplier pre-resolves a guessable dispute id before the buyer raises it: the dispute is open', () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        resolution(d, 'x5', SUPPLIER, 5, 'D1', 'rejected'),
        dispute(d, 'x6', 6, 'D1', 2_000_000),
      ],
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it("buyer's withdrawal ordered before its dispute does not close it", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        resolution(d, 'x5', BUYER, 5, 'D1', 'withdrawn'),
        dispute(d, 'x6', 6, 'D1', 2_000_000),
      ],
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it('a resolution listed after the dispute in the array but earlier in the stream does not close it', () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 'x6', 6, 'D1', 2_000_000),
        resolution(d, 'x5', BUYER, 5, 'D1', 'withdrawn'),
      ],
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it('a dispute re-opened under the same id after a withdrawal is open again', () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 2_000_000),
        resolution(d, 'x6', BUYER, 6, 'D1', 'withdrawn'),
        dispute(d, 'x7', 7, 'D1', 2_000_000),
      ],
      asOf: NOW + 8 * DAY,
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it("the buyer's own resolution closes its dispute: approved", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 2_000_000),
        resolution(d, 'x6', BUYER, 6, 'D1', 'rejected'),
      ],
    });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('DISPUTE_OPEN');
  });
});

describe('finding 2: a party to the sale never attests its own delivery', () => {
  const shipped = (d: Deal, signer: string, carrier: string) =>
    event(d, 'x2', 'carrier.shipped', signer, 2, {
      carrierQuid: carrier,
      billOfLading: 'BOL-self',
      shippedAt: NOW + 2 * DAY,
    });
  const delivered = (d: Deal, signer: string, carrier: string) =>
    event(d, 'x3', 'carrier.delivered', signer, 3, {
      carrierQuid: carrier,
      deliveryProof: 'POD-self',
      deliveredAt: NOW + 3 * DAY,
    });
  const ack = (d: Deal) => d.events[3] as VerifiedEvent;
  const issued = (d: Deal) => d.events[0] as VerifiedEvent;

  it('supplier ships and delivers as its own carrier (no carrier on the invoice, no title owners): forged attestation', () => {
    const d = noCarrier({ owners: false });
    const x = run(d, {
      events: [issued(d), shipped(d, SUPPLIER, SUPPLIER), delivered(d, SUPPLIER, SUPPLIER), ack(d)],
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SUPPLIER_FORGED_ATTESTATION');
    expect(codes(x)).toContain('DELIVERY_MISSING');
  });

  it('supplier signs a delivery naming itself, no shipment and no carrier on the invoice (owners known): forged attestation', () => {
    const d = noCarrier();
    const x = run(d, { events: [issued(d), delivered(d, SUPPLIER, SUPPLIER), ack(d)] });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SUPPLIER_FORGED_ATTESTATION');
  });

  it('buyer signs a delivery naming itself carrier: signer mismatch, not approved', () => {
    const d = noCarrier();
    const x = run(d, { events: [issued(d), delivered(d, BUYER, BUYER), ack(d)] });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('SIGNER_MISMATCH');
    expect(codes(x)).toContain('DELIVERY_MISSING');
  });

  it('buyer ships and delivers as its own carrier (no owners, no carrier on the invoice): not approved', () => {
    const d = noCarrier({ owners: false });
    const x = run(d, { events: [issued(d), shipped(d, BUYER, BUYER), delivered(d, BUYER, BUYER), ack(d)] });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('SIGNER_MISMATCH');
  });

  it('a delivery whose carrier no shipment and no invoice names does not count', () => {
    const d = noCarrier({ owners: false });
    const x = run(d, { events: [issued(d), delivered(d, CARRIER, CARRIER), ack(d)] });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('SIGNER_MISMATCH');
    expect(codes(x)).toContain('DELIVERY_MISSING');
  });

  it('an invoice naming its supplier as carrier: the supplier shipping and delivering is forged', () => {
    const d = noCarrier({ owners: false, carrierQuid: SUPPLIER });
    const x = run(d, {
      events: [issued(d), shipped(d, SUPPLIER, SUPPLIER), delivered(d, SUPPLIER, SUPPLIER), ack(d)],
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SUPPLIER_FORGED_ATTESTATION');
  });

  it('an independent carrier that shipped may deliver (no carrier on the invoice, the title names it): approved', () => {
    const events = (d: Deal) => [
      issued(d),
      shipped(d, CARRIER, CARRIER),
      delivered(d, CARRIER, CARRIER),
      ack(d),
    ];
    const d = noCarrier();
    expect(run(d, { events: events(d) }).outcome).toBe('approve');
    // With no title at all the stream still counts the carrier; only the title is waited for.
    const untitled = noCarrier({ owners: false });
    const x = run(untitled, { events: events(untitled) });
    expect([x.outcome, codes(x)]).toEqual(['pending', ['TITLE_UNKNOWN']]);
  });

  it('extractStreamFacts: the supplier as carrier is a mismatch by the supplier', () => {
    const d = noCarrier({ owners: false });
    const facts = extractStreamFacts(
      d.invoice,
      [issued(d), shipped(d, SUPPLIER, SUPPLIER), delivered(d, SUPPLIER, SUPPLIER)],
      true,
    );
    expect(facts.shipped).toBeUndefined();
    expect(facts.delivered).toBeUndefined();
    expect(facts.mismatches.map((m) => [m.eventId, m.bySupplier])).toEqual([
      ['x2', true],
      ['x3', true],
    ]);
  });
});

describe('finding 3: evidence dated after the decision does not count; bad news always does', () => {
  it('delivery and acknowledgement dated after the decision time do not count: pending, FUTURE_DATED_EVIDENCE', () => {
    const d = deal();
    const x = run(d, { asOf: NOW + 2 * DAY });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toEqual(
      expect.arrayContaining(['FUTURE_DATED_EVIDENCE', 'DELIVERY_MISSING', 'ACK_MISSING']),
    );
    expect(message(x, 'FUTURE_DATED_EVIDENCE')).toContain('inv-100-e3');
    expect(message(x, 'FUTURE_DATED_EVIDENCE')).toContain('inv-100-e4');
  });

  it('delivery and acknowledgement dated 60 days ahead do not count', () => {
    const d = deal({}, { deliveredAt: NOW + 60 * DAY, ackAt: NOW + 61 * DAY });
    const x = run(d);
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('FUTURE_DATED_EVIDENCE');
    expect(message(x, 'FUTURE_DATED_EVIDENCE')).toContain('deliveredAt');
  });

  it('ledger timestamps after the decision time: the evidence does not count even with past payload dates', () => {
    const d = deal();
    const events = d.events.map((e, i) => (i === 0 ? e : { ...e, timestamp: AS_OF + 30 * DAY }));
    const x = run(d, { events });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toEqual(
      expect.arrayContaining(['FUTURE_DATED_EVIDENCE', 'DELIVERY_MISSING', 'ACK_MISSING']),
    );
  });

  it('shipment, delivery and acknowledgement all dated weeks after the decision: nothing counts', () => {
    const d = deal(
      {},
      { shippedAt: AS_OF + 20 * DAY, deliveredAt: AS_OF + 30 * DAY, ackAt: AS_OF + 31 * DAY },
    );
    const events = d.events.map((e, i) => (i === 0 ? e : { ...e, timestamp: AS_OF + (20 + i) * DAY }));
    const x = run(d, { events });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('FUTURE_DATED_EVIDENCE');
    expect(message(x, 'FUTURE_DATED_EVIDENCE')).toContain('inv-100-e2');
  });

  it('evidence within the clock skew still counts', () => {
    const d = deal();
    const x = run(d, { asOf: NOW + 4 * DAY - 1_800 });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('FUTURE_DATED_EVIDENCE');
  });

  it('a future-dated factor.purchased still counts: double financing is caught', () => {
    const d = deal();
    const purchase = event(
      d,
      'x5',
      'factor.purchased',
      FIN_G,
      5,
      { financierQuid: FIN_G, purchasePriceMinor: 4_800_000, factoredAt: AS_OF + 30 * DAY },
      AS_OF + 30 * DAY,
    );
    const x = run(d, { events: [...d.events, purchase] });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('DOUBLE_FACTORED');
  });

  it('a future-dated dispute still holds the invoice', () => {
    const d = deal();
    const late = { ...dispute(d, 'x5', 5, 'D1', 2_000_000), timestamp: AS_OF + 30 * DAY };
    const x = run(d, { events: [...d.events, late] });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it('future-dated credit notes and payments still reduce the eligible amount', () => {
    const d = deal();
    const credit = event(
      d,
      'x5',
      'invoice.credited',
      SUPPLIER,
      5,
      { creditNoteId: 'CN-1', amountMinor: 1_000_000, reason: 'return', creditedAt: AS_OF + 30 * DAY },
      AS_OF + 30 * DAY,
    );
    const pay = event(
      d,
      'x6',
      'payment.received',
      SUPPLIER,
      6,
      {
        paymentId: 'P1',
        allocationId: 'A1',
        amountMinor: 1_000_000,
        currency: 'USD',
        receivedAt: AS_OF + 30 * DAY,
      },
      AS_OF + 30 * DAY,
    );
    const x = run(d, { events: [...d.events, credit, pay] });
    expect(x.offer?.eligibleMinor).toBe(3_000_000);
    expect(codes(x)).not.toContain('FUTURE_DATED_EVIDENCE');
  });

  it("a buyer's withdrawal dated after the decision time does not close its dispute", () => {
    const d = deal();
    const withdrawal = event(
      d,
      'x6',
      'dispute.resolved',
      BUYER,
      6,
      { disputeId: 'D1', outcome: 'withdrawn', resolvedAt: AS_OF + 30 * DAY },
      NOW + 6 * DAY,
    );
    const x = run(d, { events: [...d.events, dispute(d, 'x5', 5, 'D1', 2_000_000), withdrawal] });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toEqual(expect.arrayContaining(['DISPUTE_OPEN', 'FUTURE_DATED_EVIDENCE']));
  });

  it('a po.matched dated after the decision time does not satisfy requirePoMatch', () => {
    const d = deal();
    const match = event(
      d,
      'x5',
      'po.matched',
      BUYER,
      5,
      {
        buyerQuid: BUYER,
        poNumber: 'PO-789',
        mode: 'three-way',
        matchedAmountMinor: 5_000_000,
        matchedAt: AS_OF + 30 * DAY,
      },
      NOW + 5 * DAY,
    );
    const clean = run(d, {
      events: [...d.events, { ...match, payload: { ...match.payload, matchedAt: NOW + 5 * DAY } }],
      policy: { requirePoMatch: true },
    });
    expect(clean.outcome).toBe('approve');
    const x = run(d, { events: [...d.events, match], policy: { requirePoMatch: true } });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toEqual(expect.arrayContaining(['PO_MATCH_MISSING', 'FUTURE_DATED_EVIDENCE']));
  });

  it('extractStreamFacts without a decision time reads every date as before', () => {
    const d = deal({}, { deliveredAt: NOW + 60 * DAY });
    const facts = extractStreamFacts(d.invoice, d.events, true);
    expect(facts.delivered?.at).toBe(NOW + 60 * DAY);
    expect(facts.futureDated).toEqual([]);
  });
});

describe('finding 4: conflicting or malformed events are counted against the supplier and held', () => {
  it('buyer acknowledges the full amount, then 3,000,000: the smallest counts and the invoice is held (CONFLICTING_EVENTS)', () => {
    const d = deal();
    const lower = event(d, 'x5', 'buyer.acknowledged', BUYER, 5, {
      buyerQuid: BUYER,
      acknowledgedAmountMinor: 3_000_000,
      acknowledgedAt: NOW + 5 * DAY,
    });
    const x = run(d, { events: [...d.events, lower] });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CONFLICTING_EVENTS');
    expect(x.fraudFlags).toContain('CONFLICTING_EVENTS');
    expect(extractStreamFacts(d.invoice, [...d.events, lower], true).ack?.amountMinor).toBe(3_000_000);
  });

  it('two credit notes under one creditNoteId with different content both count and hold the invoice', () => {
    const d = deal();
    const cn = (id: string, seq: number, amountMinor: number, reason: string) =>
      event(d, id, 'invoice.credited', SUPPLIER, seq, {
        creditNoteId: 'CN-1',
        amountMinor,
        reason,
        creditedAt: NOW + seq * DAY,
      });
    const events = [
      ...d.events,
      cn('x5', 5, 1_500_000, 'returned pallet 1'),
      cn('x6', 6, 1_000_000, 'returned pallet 2'),
    ];
    const x = run(d, { events });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CONFLICTING_EVENTS');
    expect(message(x, 'CONFLICTING_EVENTS')).toContain('CN-1');
    expect(extractStreamFacts(d.invoice, events, true).creditedMinor).toBe(2_500_000);
  });

  it('two payments under one paymentId and allocationId with different amounts both count and hold the invoice', () => {
    const d = deal();
    const pay = (id: string, seq: number, amountMinor: number) =>
      event(d, id, 'payment.received', SUPPLIER, seq, {
        paymentId: 'P1',
        allocationId: 'A1',
        amountMinor,
        currency: 'USD',
        receivedAt: NOW + seq * DAY,
      });
    const events = [...d.events, pay('x5', 5, 2_000_000), pay('x6', 6, 2_500_000)];
    const x = run(d, { events });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CONFLICTING_EVENTS');
    expect(extractStreamFacts(d.invoice, events, true).paidMinor).toBe(4_500_000);
  });

  it('an identical re-delivery of a credit note counts once with no flag', () => {
    const d = deal();
    const payload = {
      creditNoteId: 'CN-1',
      amountMinor: 1_500_000,
      reason: 'return',
      creditedAt: NOW + 5 * DAY,
    };
    const events = [
      ...d.events,
      event(d, 'x5', 'invoice.credited', SUPPLIER, 5, payload),
      event(d, 'x6', 'invoice.credited', SUPPLIER, 6, { ...payload }),
    ];
    const x = run(d, { events });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('CONFLICTING_EVENTS');
    expect(x.offer?.eligibleMinor).toBe(3_500_000);
  });

  it('one event id at two sequences with different payloads is held for review', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    const twin = { ...ack, sequence: 9, payload: { ...ack.payload, acknowledgedAmountMinor: 1_000_000 } };
    const x = run(d, { events: [...d.events, twin] });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('CONFLICTING_EVENTS');
    expect(message(x, 'CONFLICTING_EVENTS')).toContain(ack.id);
  });

  it('one event id on two shipments at different sequences (other bill of lading) is held for review', () => {
    const d = deal();
    const ship = d.events[1] as VerifiedEvent;
    const twin = { ...ship, sequence: 9, payload: { ...ship.payload, billOfLading: 'BOL-other' } };
    const events = [...d.events, twin];
    const x = run(d, { events });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CONFLICTING_EVENTS');
    expect(message(x, 'CONFLICTING_EVENTS')).toContain(
      `event id ${ship.id} names different events at sequences 2, 9`,
    );
    expect(extractStreamFacts(d.invoice, events, true, { detectConflicts: true }).conflicting).toHaveLength(
      1,
    );
  });

  it('an open dispute raised again under its id with another amount is a conflict; the largest counts', () => {
    const d = deal();
    const events = [...d.events, dispute(d, 'x5', 5, 'D1', 1_000_000), dispute(d, 'x6', 6, 'D1', 2_000_000)];
    const x = run(d, { events });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toEqual(expect.arrayContaining(['CONFLICTING_EVENTS', 'DISPUTE_OPEN']));
    expect(extractStreamFacts(d.invoice, events, true).openDisputedMinor).toBe(2_000_000);
  });

  it('an acknowledgement at sequence -1 is unusable and cannot win the ordering', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    const low = { ...ack, payload: { ...ack.payload, acknowledgedAmountMinor: 1_000_000 } };
    const forged = { ...ack, id: 'x-neg', sequence: -1 };
    const events = [...d.events.slice(0, 3), low, forged];
    const x = run(d, { events });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
    expect(message(x, 'INVALID_EVENT_PAYLOAD')).toContain('sequence');
    expect(extractStreamFacts(d.invoice, events, true).ack?.amountMinor).toBe(1_000_000);
  });

  it('a dispute at sequence NaN under a policy with the stream screens off is still reported, never silently dropped', () => {
    const d = deal();
    const hidden = { ...dispute(d, 'x5', 5, 'D1', 2_000_000), sequence: Number.NaN };
    const x = run(d, {
      events: [...d.events, hidden],
      policy: { checks: { payloads: false, eventSubject: false, sequenceConflicts: false } },
    });
    expect(x.outcome).toBe('review');
    expect(message(x, 'INVALID_EVENT_PAYLOAD')).toContain('sequence');
  });

  it('an acknowledgement at sequence NaN, 0 or 4.5, or with a NaN timestamp, is unusable', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    const low = { ...ack, payload: { ...ack.payload, acknowledgedAmountMinor: 1_000_000 } };
    for (const [field, bad] of [
      ['sequence', { sequence: Number.NaN }],
      ['sequence', { sequence: 0 }],
      ['sequence', { sequence: 4.5 }],
      ['timestamp', { timestamp: Number.NaN }],
      ['timestamp', { timestamp: 2 ** 60 }],
    ] as const) {
      const forged = { ...ack, id: 'x-bad', ...bad };
      const events = [...d.events.slice(0, 3), forged, low];
      const facts = extractStreamFacts(d.invoice, events, true);
      expect(facts.invalid.map((u) => u.eventId)).toEqual(['x-bad']);
      expect(facts.invalid[0]?.detail).toContain(field);
      expect(facts.ack?.amountMinor).toBe(1_000_000);
      const x = run(d, { events });
      expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
      expect(x.outcome).not.toBe('approve');
    }
  });
});

describe('the stream is read the same in any array order', () => {
  it('disputes and resolutions, conflicting repeats and future-dated evidence give the same facts and decision shuffled', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    const cn = (id: string, seq: number, amountMinor: number) =>
      event(d, id, 'invoice.credited', SUPPLIER, seq, {
        creditNoteId: 'CN-1',
        amountMinor,
        reason: `note ${id}`,
        creditedAt: NOW + seq * DAY,
      });
    const events: VerifiedEvent[] = [
      ...d.events,
      { ...ack, id: 'x-ack', sequence: 5, payload: { ...ack.payload, acknowledgedAmountMinor: 4_000_000 } },
      dispute(d, 'x6', 6, 'D1', 1_000_000),
      resolution(d, 'x7', SUPPLIER, 7, 'D1', 'rejected'),
      resolution(d, 'x8', BUYER, 8, 'D2', 'withdrawn'),
      dispute(d, 'x9', 9, 'D2', 500_000),
      cn('x10', 10, 200_000),
      cn('x11', 11, 300_000),
      { ...resolution(d, 'x12', BUYER, 12, 'D1', 'withdrawn'), timestamp: AS_OF + 30 * DAY },
    ];
    const notAfter = NOW + 20 * DAY + 3_600;
    const options = { validatePayloads: true, requireSubject: true, detectConflicts: true };
    const facts = JSON.stringify(extractStreamFacts(d.invoice, events, true, options, notAfter));
    const decision = JSON.stringify(run(d, { events, asOf: NOW + 20 * DAY }));
    const r = seededRandom(7);
    for (let k = 0; k < 20; k++) {
      const shuffled = [...events];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as VerifiedEvent, shuffled[i] as VerifiedEvent];
      }
      expect(JSON.stringify(extractStreamFacts(d.invoice, shuffled, true, options, notAfter))).toBe(facts);
      expect(JSON.stringify(run(d, { events: shuffled, asOf: NOW + 20 * DAY }))).toBe(decision);
    }
    const parsed = JSON.parse(facts);
    expect(parsed.openDisputedMinor).toBe(1_500_000);
    expect(parsed.supplierResolvedDisputeCount).toBe(1);
    expect(parsed.creditedMinor).toBe(500_000);
    expect(parsed.ack.amountMinor).toBe(4_000_000);
    expect(parsed.futureDated.map((u: { eventId: string }) => u.eventId)).toEqual(['x12']);
  });
});

describe('refused events are read the same in any array order', () => {
  it('refused events sharing one id (the ledger refused two versions) give one decision JSON in every listing order', () => {
    const d = deal();
    const at = (sequence: number) => NOW + sequence * 3_600;
    const refused = (sequence: number, eventType: string, signerQuid: string, payload: object) =>
      ({
        subjectId: d.invoice.invoiceId,
        id: 'rx',
        eventType,
        signerQuid,
        sequence,
        timestamp: at(sequence),
        payload,
      }) as VerifiedEvent;
    const stranger = 'e0e0e0e0e0e0e0e0';
    const rejected = [
      refused(7, 'carrier.delivered', SUPPLIER, {
        carrierQuid: CARRIER,
        deliveryProof: 'P',
        deliveredAt: at(7),
      }),
      refused(8, 'buyer.acknowledged', stranger, {
        buyerQuid: BUYER,
        acknowledgedAmountMinor: 1,
        acknowledgedAt: at(8),
      }),
      refused(9, 'invoice.credited', SUPPLIER, {
        creditNoteId: 'cn',
        amountMinor: -5,
        reason: 'x',
        creditedAt: at(9),
      }),
      refused(10, 'invoice.credited', SUPPLIER, {
        creditNoteId: 'cn',
        amountMinor: 0.5,
        reason: 'x',
        creditedAt: at(10),
      }),
    ];
    const decide = (list: VerifiedEvent[]) =>
      JSON.stringify(
        evaluateInvoice({
          invoice: d.invoice,
          events: d.events,
          rejectedEvents: list,
          trust: trustSourceFromRecord(TRUST),
          policy: standardPolicy(),
          asOf: AS_OF,
        }),
      );
    const first = decide(rejected);
    const r = seededRandom(11);
    for (let k = 0; k < 24; k++) {
      const shuffled = [...rejected];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as VerifiedEvent, shuffled[i] as VerifiedEvent];
      }
      expect(decide(shuffled)).toBe(first);
    }
  });
});

describe('credit notes behind disputes resolved "credited": one note, one dispute', () => {
  // Three disputes of 1,500,000 resolved 'credited' naming no note, and one credit note of
  // 1,500,000: each dispute found "a note of at least its amount", the same one, so the buyer was
  // promised 4,500,000 of credit, will pay 500,000, and 3,150,000 was advanced.
  const credit = (d: Deal, id: string, sequence: number, amountMinor: number, extra = {}) =>
    event(d, id, 'invoice.credited', SUPPLIER, sequence, {
      creditNoteId: `cn-${id}`,
      amountMinor,
      reason: 'dispute settled',
      creditedAt: NOW + sequence * DAY,
      ...extra,
    });

  // Decided after the last event of each stream (events are dated one day per sequence number).
  const LATER = NOW + 15 * DAY;

  it('one credit note closes one of three credited disputes; the other two stay open', () => {
    const d = deal();
    const x = run(d, {
      asOf: LATER,
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 1_500_000),
        dispute(d, 'x6', 6, 'D2', 1_500_000),
        dispute(d, 'x7', 7, 'D3', 1_500_000),
        resolution(d, 'x8', BUYER, 8, 'D1', 'credited'),
        resolution(d, 'x9', BUYER, 9, 'D2', 'credited'),
        resolution(d, 'x10', BUYER, 10, 'D3', 'credited'),
        credit(d, 'x11', 11, 1_500_000),
      ],
    });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('DISPUTE_OPEN');
    expect(message(x, 'DISPUTE_OPEN')).toContain('3,000,000'.replaceAll(',', ''));
  });

  it('a credit note posted before the dispute (another reason) does not cover it', () => {
    const d = deal();
    const x = run(d, {
      asOf: LATER,
      events: [
        ...d.events,
        credit(d, 'x5', 5, 2_000_000),
        dispute(d, 'x6', 6, 'D1', 2_000_000),
        resolution(d, 'x7', BUYER, 7, 'D1', 'credited'),
      ],
    });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('DISPUTE_OPEN');
  });

  it('a credit note that names another dispute does not cover this one', () => {
    const d = deal();
    const x = run(d, {
      asOf: LATER,
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 1_000_000),
        dispute(d, 'x6', 6, 'D2', 1_000_000),
        resolution(d, 'x7', BUYER, 7, 'D1', 'credited'),
        resolution(d, 'x8', BUYER, 8, 'D2', 'withdrawn'),
        credit(d, 'x9', 9, 1_000_000, { disputeId: 'D2' }),
      ],
    });
    expect(codes(x)).toContain('DISPUTE_OPEN');
    expect(message(x, 'DISPUTE_OPEN')).toContain('D1');
  });

  it('control: each credited dispute with its own note after it is closed', () => {
    const d = deal();
    const x = run(d, {
      asOf: LATER,
      events: [
        ...d.events,
        dispute(d, 'x5', 5, 'D1', 1_000_000),
        dispute(d, 'x6', 6, 'D2', 1_000_000),
        resolution(d, 'x7', BUYER, 7, 'D1', 'credited'),
        resolution(d, 'x8', BUYER, 8, 'D2', 'credited'),
        credit(d, 'x9', 9, 1_000_000),
        credit(d, 'x10', 10, 1_000_000, { disputeId: 'D2' }),
      ],
    });
    expect(codes(x)).not.toContain('DISPUTE_OPEN');
    expect(x.outcome).toBe('approve');
  });
});

describe('a short acknowledgement is what the buyer owes in all: payments and credits come off it', () => {
  // The buyer acknowledged 4,900,000 of a 5,000,000 invoice and paid 100,000: it owes 4,800,000,
  // but the eligible amount was min(face - paid, ack) = 4,900,000.
  it('an acknowledgement of 4,900,000 and a payment of 100,000 leave 4,800,000 eligible', () => {
    const d = deal({}, { ackAmount: 4_900_000 });
    const x = run(d, {
      asOf: NOW + 15 * DAY,
      events: [
        ...d.events,
        event(d, 'p5', 'payment.received', SUPPLIER, 5, {
          paymentId: 'P1',
          allocationId: 'A1',
          amountMinor: 100_000,
          currency: 'USD',
          receivedAt: NOW + 5 * DAY,
        }),
      ],
    });
    expect(x.offer?.eligibleMinor).toBeLessThanOrEqual(4_800_000);
  });
});

describe('every counted attestation is dated against the others, not only the first of its kind', () => {
  // The date screens read the first shipment, delivery and acknowledgement in stream order: a
  // second, properly signed one with a contradicting date was dropped, so having two attestations
  // dodged ACK_BEFORE_ISSUE, SHIPPED_LONG_BEFORE_ISSUE and DELIVERY_BEFORE_SHIPMENT.
  const CARRIER = 'c0c0c0c0c0c0c0c0';
  /** `d` with one more attestation at sequence 5, posted five days after issue. */
  const withSecond = (
    d: Deal,
    id: string,
    type: string,
    signer: string,
    payload: Record<string, string | number>,
  ) => run(d, { events: [...d.events, event(d, id, type, signer, 5, payload, NOW + 5 * DAY)] });
  it('a second acknowledgement dated 40 days before issue is ACK_BEFORE_ISSUE', () => {
    const d = deal();
    const x = withSecond(d, 'a5', 'buyer.acknowledged', BUYER, {
      buyerQuid: BUYER,
      acknowledgedAmountMinor: 5_000_000,
      acknowledgedAt: NOW - 40 * DAY,
    });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('ACK_BEFORE_ISSUE');
  });

  it('a second shipment dated 200 days before issue is SHIPPED_LONG_BEFORE_ISSUE', () => {
    const d = deal();
    const x = withSecond(d, 's5', 'carrier.shipped', CARRIER, {
      carrierQuid: CARRIER,
      billOfLading: 'BOL-old',
      shippedAt: NOW - 200 * DAY,
    });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('SHIPPED_LONG_BEFORE_ISSUE');
  });

  it('a second delivery dated before any shipment is DELIVERY_BEFORE_SHIPMENT', () => {
    const d = deal();
    const x = withSecond(d, 'd5', 'carrier.delivered', CARRIER, {
      carrierQuid: CARRIER,
      deliveryProof: 'POD-early',
      deliveredAt: NOW - 5 * DAY,
    });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('DELIVERY_BEFORE_SHIPMENT');
  });
});

describe('a forged attestation is seen through a malformed payload', () => {
  // The supplier signs what only another party may sign and adds a field the schema refuses: the
  // payload check used to drop the event first, so the forgery read as a malformed event (review)
  // instead of a forgery (reject).
  const forged = (d: Deal, eventType: string, payload: Record<string, string | number>, sequence = 3) =>
    event(d, 'forged', eventType, SUPPLIER, sequence, { ...payload, note: 'looks official' });

  it('supplier-signed delivery with an unknown field: forged attestation, rejected', () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events.filter((e) => e.eventType !== 'carrier.delivered'),
        forged(d, 'carrier.delivered', {
          carrierQuid: CARRIER,
          deliveryProof: 'POD-1',
          deliveredAt: NOW + 3 * DAY,
        }),
      ],
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SUPPLIER_FORGED_ATTESTATION');
    expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
  });

  it('supplier-signed acknowledgement, shipment or PO match with a broken payload: forged attestation', () => {
    const d = deal();
    for (const [type, payload] of [
      ['buyer.acknowledged', { buyerQuid: BUYER, acknowledgedAmountMinor: -1, acknowledgedAt: NOW }],
      ['carrier.shipped', { carrierQuid: CARRIER, shippedAt: 'yesterday' }],
      ['po.matched', { buyerQuid: BUYER }],
      ['buyer.disputed', { buyerQuid: BUYER }],
    ] as const) {
      const x = run(d, { events: [...d.events, forged(d, type, payload, 9)] });
      expect([type, x.outcome, codes(x)]).toEqual([
        type,
        'reject',
        expect.arrayContaining(['SUPPLIER_FORGED_ATTESTATION']),
      ]);
    }
  });

  it('a supplier-signed delivery that cannot be placed in the stream (no sequence) is still a forgery', () => {
    const d = deal();
    const bad = {
      ...forged(d, 'carrier.delivered', { carrierQuid: CARRIER, deliveryProof: 'P', deliveredAt: NOW }),
    };
    const x = run(d, { events: [...d.events, { ...bad, sequence: Number.NaN }] });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SUPPLIER_FORGED_ATTESTATION');
  });

  it("the supplier's own malformed credit note is malformed, not forged (the supplier may sign it)", () => {
    const d = deal();
    const x = run(d, {
      events: [
        ...d.events,
        forged(d, 'invoice.credited', { creditNoteId: 'CN-9', amountMinor: -5, reason: 'x' }, 9),
      ],
    });
    expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
    expect(codes(x)).not.toContain('SUPPLIER_FORGED_ATTESTATION');
    expect(x.outcome).toBe('review');
  });
});
