// Signer-role binding agrees with @quidfin/core's checkEventSigner on every invoice event type
// whose rule both implement, for random signers and payload claims (differential test).
import { checkEventSigner, partiesFromIssued, type VerifiedInvoiceEvent } from '@quidfin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStreamFacts, type InvoiceInput } from '../src/index.js';

const S = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const F = 'ffffffffffffffff';
const G = 'eeeeeeeeeeeeeeee';
const X = '9999999999999999';
const QUIDS = [S, B, C, F, G, X];
const T = 1_790_000_000;

const invoice: InvoiceInput = {
  invoiceId: 'inv-1',
  supplierQuid: S,
  buyerQuid: B,
  amountMinor: 1_000_000,
  currency: 'USD',
  issuedAt: T,
  dueAt: T + 30 * 86_400,
  carrierQuid: C,
  titleOwners: [
    { ownerId: S, percentage: 0.92, stakeType: 'supplier' },
    { ownerId: B, percentage: 0.02, stakeType: 'buyer' },
    { ownerId: C, percentage: 0.02, stakeType: 'carrier' },
    { ownerId: F, percentage: 0.02, stakeType: 'financier' },
    { ownerId: G, percentage: 0.02, stakeType: 'financier' },
  ],
};

const shipment: VerifiedInvoiceEvent = {
  id: 'e0',
  eventType: 'carrier.shipped',
  signerQuid: C,
  sequence: 1,
  timestamp: T,
  payload: { carrierQuid: C, billOfLading: 'BOL-1', shippedAt: T },
};

function payloadFor(type: string, claim: string): Record<string, string | number> {
  switch (type) {
    case 'carrier.shipped':
      return { carrierQuid: claim, billOfLading: 'BOL-2', shippedAt: T };
    case 'carrier.delivered':
      return { carrierQuid: claim, deliveryProof: 'POD-1', deliveredAt: T + 1 };
    case 'buyer.acknowledged':
      return { buyerQuid: claim, acknowledgedAmountMinor: 1_000_000, acknowledgedAt: T + 2 };
    case 'buyer.disputed':
      return { buyerQuid: claim, disputeId: 'd1', disputedAmountMinor: 10, reason: 'x', disputedAt: T + 3 };
    case 'dispute.resolved':
      return { disputeId: 'd1', outcome: 'withdrawn', resolvedAt: T + 4 };
    case 'invoice.credited':
      return { creditNoteId: 'c1', amountMinor: 10, reason: 'x', creditedAt: T + 5 };
    case 'factor.purchased':
      return { financierQuid: claim, purchasePriceMinor: 900_000, factoredAt: T + 6 };
    default:
      return { reporterQuid: claim, evidence: 'x', reportedAt: T + 7 };
  }
}

const TYPES = [
  'carrier.shipped',
  'carrier.delivered',
  'buyer.acknowledged',
  'buyer.disputed',
  'dispute.resolved',
  'invoice.credited',
  'factor.purchased',
  'fraud.signal.invoice-forged',
];

describe('signer-role binding', () => {
  it('counts an event exactly when core checkEventSigner accepts its signer', () => {
    const parties = { ...partiesFromIssued(invoice, invoice.titleOwners), shippingCarrierQuid: C };
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.constantFrom(...QUIDS),
        fc.constantFrom(...QUIDS),
        fc.boolean(),
        (type, signer, other, honest) => {
          const event: VerifiedInvoiceEvent = {
            id: 'e1',
            eventType: type,
            signerQuid: signer,
            sequence: 2,
            timestamp: T + 1,
            payload: payloadFor(type, honest ? signer : other),
          };
          const core = checkEventSigner(event, parties);
          const facts = extractStreamFacts(invoice, [shipment, event], true);
          const ours = facts.mismatches.every((m) => m.eventId !== 'e1');
          expect([type, signer, ours]).toEqual([type, signer, core.ok]);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('flags a supplier-signed delivery as the supplier forging an attestation', () => {
    const event: VerifiedInvoiceEvent = {
      id: 'e9',
      eventType: 'carrier.delivered',
      signerQuid: S,
      sequence: 3,
      timestamp: T,
      payload: payloadFor('carrier.delivered', C),
    };
    const facts = extractStreamFacts(invoice, [shipment, event], true);
    expect(facts.delivered).toBeUndefined();
    expect(facts.mismatches).toEqual([
      { eventId: 'e9', eventType: 'carrier.delivered', signerQuid: S, expected: C, bySupplier: true },
    ]);
  });

  it('binds delivery to the shipping carrier even when the delivery is listed first', () => {
    const delivered: VerifiedInvoiceEvent = {
      id: 'e2',
      eventType: 'carrier.delivered',
      signerQuid: C,
      sequence: 2,
      timestamp: T + 1,
      payload: payloadFor('carrier.delivered', C),
    };
    const facts = extractStreamFacts(invoice, [delivered, shipment], true);
    expect(facts.delivered?.carrierQuid).toBe(C);
    expect(facts.mismatches).toEqual([]);
  });
});
