// One shipment's documents under two receivables (neighbours of issue #11's finding 2): a bill of
// lading or delivery proof already used by another invoice evidences one shipment, not two. The
// duplicate index compared documents only within one supplier/buyer pair, only for the first
// shipment, and a shared document alone scored below every threshold.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  type BatchResult,
  evaluateBatch,
  type FactoringDecision,
  type Portfolio,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, DAY, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const OTHER_BUYER = 'b1b1b1b1b1b1b1b1';
const OTHER_SUPPLIER = 'a1a1a1a1a1a1a1a1';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [OTHER_SUPPLIER]: viaBureau(OTHER_SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [OTHER_BUYER]: viaBureau(OTHER_BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
};
const policy = standardPolicy();
const batch = (items: BatchItem[], portfolio: Portfolio = {}): BatchResult =>
  evaluateBatch({
    items,
    trust: trustSourceFromRecord(TRUST),
    policy,
    asOf: AS_OF,
    portfolio: {
      buyerLimitMinor: { [BUYER]: 500_000_000, [OTHER_BUYER]: 500_000_000 },
      ...portfolio,
    },
  });
const codes = (d: FactoringDecision | undefined): string[] => d?.reasons.map((r) => r.code) ?? [];

function owners(supplier: string, buyer: string): TitleOwnerShare[] {
  return [
    { ownerId: supplier, percentage: 0.94, stakeType: 'supplier' },
    { ownerId: buyer, percentage: 0.02, stakeType: 'buyer' },
    { ownerId: CARRIER, percentage: 0.02, stakeType: 'carrier' },
    { ownerId: 'f0f0f0f0f0f0f0f0', percentage: 0.02, stakeType: 'financier' },
  ];
}

/** The first invoice: its own number, amount and documents (BOL-inv-100, POD-inv-100). */
const first = (): BatchItem => deal();

/** Another invoice (other number, amount and day) whose documents are its own unless replaced. */
function second(
  parties: { supplier?: string; buyer?: string } = {},
  docs: { bol?: string; pod?: string } = {},
): BatchItem {
  const supplierQuid = parties.supplier ?? SUPPLIER;
  const buyerQuid = parties.buyer ?? BUYER;
  const d = deal(
    {
      invoiceId: 'inv-200',
      invoiceNumber: 'ZX-77',
      supplierQuid,
      buyerQuid,
      amountMinor: 3_100_000,
      issuedAt: NOW + 2 * DAY,
      dueAt: NOW + 62 * DAY,
      poReference: 'PO-9',
      titleOwners: owners(supplierQuid, buyerQuid),
    },
    { ackAmount: 3_100_000 },
  );
  const events = d.events.map((e): VerifiedEvent => {
    if (e.eventType === 'carrier.shipped' && docs.bol !== undefined)
      return { ...e, payload: { ...e.payload, billOfLading: docs.bol } };
    if (e.eventType === 'carrier.delivered' && docs.pod !== undefined)
      return { ...e, payload: { ...e.payload, deliveryProof: docs.pod } };
    return e;
  });
  return { invoice: d.invoice, events };
}

/** A second, well-signed `carrier.shipped` on `item`'s stream naming `bol`. */
function withSecondShipment(item: BatchItem, bol: string, signer = CARRIER): BatchItem {
  const shipped = item.events.find((e) => e.eventType === 'carrier.shipped') as VerifiedEvent;
  const extra: VerifiedEvent = {
    ...shipped,
    id: `${item.invoice.invoiceId}-e9`,
    sequence: 9,
    signerQuid: signer,
    payload: { ...shipped.payload, billOfLading: bol },
  };
  return { invoice: item.invoice, events: [...item.events, extra] };
}

const secondOf = (r: BatchResult): FactoringDecision | undefined =>
  r.decisions.find((d) => d.invoiceId === 'inv-200');

describe('one shipment, two receivables', () => {
  it('control: two invoices with their own documents are both bought', () => {
    const r = batch([first(), second()]);
    expect(r.decisions.map((d) => d.outcome)).toEqual(['approve', 'approve']);
  });

  it("a bill of lading already used by the same pair's other invoice (other number, amount, day) holds it for review", () => {
    const d = secondOf(batch([first(), second({}, { bol: 'BOL-inv-100' })]));
    expect(d?.outcome).toBe('review');
    expect(codes(d)).toContain('SHARED_SHIPPING_DOCUMENT');
  });

  it("another buyer's invoice carrying the same bill of lading is held for review", () => {
    const d = secondOf(batch([first(), second({ buyer: OTHER_BUYER }, { bol: 'BOL-inv-100' })]));
    expect(d?.outcome).toBe('review');
    expect(codes(d)).toContain('SHARED_SHIPPING_DOCUMENT');
    expect(d?.reasons.find((x) => x.code === 'SHARED_SHIPPING_DOCUMENT')?.message).toContain('inv-100');
  });

  it("another supplier's invoice carrying the same delivery proof is held for review", () => {
    const d = secondOf(batch([first(), second({ supplier: OTHER_SUPPLIER }, { pod: 'POD-inv-100' })]));
    expect(d?.outcome).toBe('review');
    expect(codes(d)).toContain('SHARED_SHIPPING_DOCUMENT');
  });

  it("a second shipment reusing a known invoice's bill of lading is held (not only the first shipment counts)", () => {
    const d = secondOf(batch([first(), withSecondShipment(second({ buyer: OTHER_BUYER }), 'BOL-inv-100')]));
    expect(d?.outcome).toBe('review');
    expect(codes(d)).toContain('SHARED_SHIPPING_DOCUMENT');
  });

  it('a document reused from a known invoice of an earlier batch (portfolio.knownInvoices) is held', () => {
    const earlier = batch([first()]);
    const d = secondOf(
      batch([second({ buyer: OTHER_BUYER }, { bol: 'BOL-inv-100' })], {
        knownInvoices: earlier.financedRecords,
      }),
    );
    expect(d?.outcome).toBe('review');
    expect(codes(d)).toContain('SHARED_SHIPPING_DOCUMENT');
  });

  it('whichever of the two sorts first, no order lets both through', () => {
    for (const items of [
      [first(), second({ buyer: OTHER_BUYER }, { bol: 'BOL-inv-100' })],
      [second({ buyer: OTHER_BUYER }, { bol: 'BOL-inv-100' }), first()],
    ]) {
      const r = batch(items);
      expect(r.decisions.filter((d) => d.outcome === 'approve')).toHaveLength(1);
    }
  });

  it.each([
    ['another case', 'bol-inv-100'],
    ['spaces for the dash', 'BOL INV 100'],
    ['a trailing space', 'BOL-inv-100 '],
    ['a no-break hyphen', 'BOL\u2011inv\u2011100'],
    ['full-width letters', '\uff22\uff2f\uff2c-inv-100'],
    ['a zero-width space', 'BOL-\u200binv-100'],
  ])('a bill of lading retyped with %s is still the same document', (_, retyped) => {
    const d = secondOf(batch([first(), second({ buyer: OTHER_BUYER }, { bol: retyped })]));
    expect(d?.outcome).toBe('review');
    expect(codes(d)).toContain('SHARED_SHIPPING_DOCUMENT');
  });

  it('a shipment event that did not count (signed by the supplier) cannot make an innocent invoice a duplicate', () => {
    const r = batch([first(), withSecondShipment(second({ buyer: OTHER_BUYER }), 'BOL-inv-100', SUPPLIER)]);
    const d = secondOf(r);
    expect(codes(d)).not.toContain('SHARED_SHIPPING_DOCUMENT');
    // The forged shipment is itself reported (a supplier attesting its own shipment).
    expect(codes(d)).toContain('SUPPLIER_FORGED_ATTESTATION');
  });

  it('under stopAtFirstDecisive, an invoice rejected before the duplicate check still lends its documents to the index', () => {
    // The first invoice is reported forged by a trusted co-owner (reject at the fraud rule, which
    // comes before the duplicate check, so a stopping run skipped that check): its bill of lading
    // was indexed without its documents, and another buyer's invoice reusing it went through.
    const reporter = 'f0f0f0f0f0f0f0f0';
    const forged = first();
    const signal: VerifiedEvent = {
      ...(forged.events[0] as VerifiedEvent),
      id: 'inv-100-e8',
      sequence: 8,
      eventType: 'fraud.signal.invoice-forged',
      signerQuid: reporter,
      payload: { reporterQuid: reporter, evidence: 'forged', reportedAt: NOW, severity: 'high' },
    };
    const items = [
      { ...forged, events: [...forged.events, signal] },
      second({ buyer: OTHER_BUYER }, { bol: 'BOL-inv-100' }),
    ];
    for (const stop of [false, true]) {
      const r = evaluateBatch({
        items,
        trust: trustSourceFromRecord({
          ...TRUST,
          [reporter]: { level: 0.8, observedAt: NOW, pathLength: 1 },
        }),
        policy: standardPolicy({ stopAtFirstDecisive: stop }),
        asOf: AS_OF,
        portfolio: { buyerLimitMinor: { [BUYER]: 500_000_000, [OTHER_BUYER]: 500_000_000 } },
      });
      expect([stop, r.decisions[0]?.outcome]).toEqual([stop, 'reject']);
      expect([stop, codes(secondOf(r))]).toEqual([
        stop,
        expect.arrayContaining(['SHARED_SHIPPING_DOCUMENT']),
      ]);
    }
  });
});
