// Red-team round 8: an integrator builds the InvoiceInput from its own records and leaves out a
// field the supplier signed on the ledger (the carrier, the PO). The engine compared only fields
// both carry, and bound the stream to the input alone: a delivery by another carrier counted, and
// the buyer's match of another order satisfied requirePoMatch. The signed invoice binds the stream
// whenever the input is silent.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  type InvoiceInput,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
// Another carrier the title lists (the supplier writes the title's stakes).
const SHAM = 'd0d0d0d0d0d0d0d0';

const OWNERS: TitleOwnerShare[] = [
  { ownerId: SUPPLIER, percentage: 0.92, stakeType: 'supplier' },
  { ownerId: BUYER, percentage: 0.02, stakeType: 'buyer' },
  { ownerId: CARRIER, percentage: 0.02, stakeType: 'carrier' },
  { ownerId: SHAM, percentage: 0.02, stakeType: 'carrier' },
  { ownerId: 'f0f0f0f0f0f0f0f0', percentage: 0.02, stakeType: 'financier' },
];

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
  [SHAM]: { level: 0.5, observedAt: NOW, pathLength: 1 },
};

function decide(d: Deal, invoice: InvoiceInput = d.invoice, requirePoMatch = false): FactoringDecision {
  return evaluateInvoice({
    invoice,
    events: d.events,
    trust: trustSourceFromRecord(TRUST),
    policy: standardPolicy({ requirePoMatch }),
    asOf: AS_OF,
    portfolio: BOOK,
  });
}

/** The input as an integrator's own records give it: without `field`. */
function without(invoice: InvoiceInput, field: 'carrierQuid' | 'poReference'): InvoiceInput {
  const copy: Record<string, unknown> = { ...invoice };
  delete copy[field];
  return copy as unknown as InvoiceInput;
}

/** The deal with its signed issue naming the carrier and the PO (as core's builder writes it). */
function signedDeal(): Deal {
  const d = deal({ titleOwners: OWNERS });
  const issued = d.events[0] as VerifiedEvent;
  d.events[0] = { ...issued, payload: { ...issued.payload, carrierQuid: CARRIER, poReference: 'PO-789' } };
  return d;
}

/** The deal's shipment and delivery signed by the sham carrier instead of the one signed for. */
function shippedBySham(d: Deal): Deal {
  d.events = d.events.map((e) =>
    e.eventType === 'carrier.shipped' || e.eventType === 'carrier.delivered'
      ? { ...e, signerQuid: SHAM, payload: { ...e.payload, carrierQuid: SHAM } }
      : e,
  );
  return d;
}

function poMatched(d: Deal, poNumber: string): Deal {
  d.events.push({
    subjectId: d.invoice.invoiceId,
    id: `${d.invoice.invoiceId}-po`,
    eventType: 'po.matched',
    signerQuid: BUYER,
    sequence: 5,
    timestamp: NOW + 5 * DAY,
    payload: {
      buyerQuid: BUYER,
      poNumber,
      mode: 'three-way',
      matchedAmountMinor: 5_000_000,
      matchedAt: NOW + 5 * DAY,
    },
  });
  return d;
}

describe('a field the supplier signed that the input leaves out (red-team round 8)', () => {
  it('control: the input without carrier and PO, the genuine stream and match, is approved as before', () => {
    const d = poMatched(signedDeal(), 'PO-789');
    const x = decide(d, without(without(d.invoice, 'carrierQuid'), 'poReference'), true);
    expect(x.outcome).toBe('approve');
  });

  it('the input leaves out the carrier the supplier signed: a delivery by another carrier on the title does not count (as when the input names it)', () => {
    const d = shippedBySham(signedDeal());
    const named = decide(d);
    expect(named.outcome).not.toBe('approve');
    expect(named.reasons.map((r) => r.code)).toContain('DELIVERY_MISSING');
    const silent = decide(d, without(d.invoice, 'carrierQuid'));
    expect(silent.outcome).toBe(named.outcome);
    expect(silent.reasons.map((r) => r.code)).toEqual(named.reasons.map((r) => r.code));
    expect(silent.outcome).toBe('review');
  });

  it('the input leaves out the PO the supplier signed: the buyer matching another order does not satisfy requirePoMatch', () => {
    const d = poMatched(signedDeal(), 'PO-111');
    expect(decide(d, d.invoice, true).outcome).toBe('pending');
    const silent = decide(d, without(d.invoice, 'poReference'), true);
    expect(silent.outcome).toBe('pending');
    expect(silent.reasons.map((r) => r.code)).toContain('PO_MATCH_MISSING');
  });

  it('the input leaves out the PO the supplier signed: a short match of another order is no verdict on this one either', () => {
    const d = signedDeal();
    d.events.push({
      subjectId: d.invoice.invoiceId,
      id: 'mm-1',
      eventType: 'po.matched',
      signerQuid: BUYER,
      sequence: 5,
      timestamp: NOW + 5 * DAY,
      payload: {
        buyerQuid: BUYER,
        poNumber: 'PO-111',
        mode: 'two-way',
        matchedAmountMinor: 1_000,
        matchedAt: NOW + 5 * DAY,
      },
    });
    const named = decide(d);
    const silent = decide(d, without(d.invoice, 'poReference'));
    expect(silent.outcome).toBe(named.outcome);
    expect(silent.reasons.map((r) => r.code)).toEqual(named.reasons.map((r) => r.code));
  });
});
