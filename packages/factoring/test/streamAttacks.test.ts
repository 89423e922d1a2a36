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
import { AS_OF, DAY, type Deal, deal, NOW } from './fixtures.js';

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
  [SUPPLIER]: { level: 0.85, observedAt: NOW, pathLength: 2 },
  [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2 },
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

  it('an independent carrier that shipped may deliver (no carrier on the invoice, no owners): approved', () => {
    const d = noCarrier({ owners: false });
    const x = run(d, {
      events: [issued(d), shipped(d, CARRIER, CARRIER), delivered(d, CARRIER, CARRIER), ack(d)],
    });
    expect(x.outcome).toBe('approve');
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
