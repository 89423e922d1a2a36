// End to end for #11 finding 3: signed EVENT transactions -> core's verifyInvoiceEvents -> the
// engine. A genuine acknowledgement lifted from another invoice's stream never counts, and what
// core refused reaches the engine as evidence only.
import {
  buildEvent,
  type EventTx,
  generateSigner,
  type JsonObject,
  type Signer,
  verifyInvoiceEvents,
} from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  invoiceFromIssuedPayload,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { viaBureau } from './fixtures.js';

const T = 1_790_000_000;
const DAY = 86_400;
const supplier = generateSigner().signer;
const buyer = generateSigner().signer;
const carrier = generateSigner().signer;
const owners = [
  { ownerId: supplier.quidId, percentage: 0.96, stakeType: 'supplier' },
  { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
  { ownerId: carrier.quidId, percentage: 0.02, stakeType: 'carrier' },
];
const trust = trustSourceFromRecord({
  [supplier.quidId]: { level: 0.85, observedAt: T, pathLength: 2 },
  [buyer.quidId]: viaBureau(buyer.quidId, 0.9, T),
  [carrier.quidId]: { level: 0.7, observedAt: T, pathLength: 1 },
});

function tx(signer: Signer, invoiceId: string, sequence: number, eventType: string, payload: JsonObject) {
  return buildEvent({
    signer,
    trustDomain: 'factoring.example',
    timestamp: T + sequence * DAY,
    subjectId: invoiceId,
    subjectType: 'TITLE',
    sequence,
    eventType,
    payload,
  });
}

async function stream(invoiceId: string, withAck: boolean): Promise<EventTx[]> {
  const out = [
    await tx(supplier, invoiceId, 1, 'invoice.issued', {
      invoiceId,
      invoiceNumber: `N-${invoiceId}`,
      supplierQuid: supplier.quidId,
      buyerQuid: buyer.quidId,
      amountMinor: 5_000_000,
      currency: 'USD',
      issuedAt: T,
      dueAt: T + 60 * DAY,
      terms: 'NET-60',
      invoiceHash: 'ab'.repeat(32),
    }),
    await tx(carrier, invoiceId, 2, 'carrier.shipped', {
      carrierQuid: carrier.quidId,
      billOfLading: `BOL-${invoiceId}`,
      shippedAt: T + DAY,
    }),
    await tx(carrier, invoiceId, 3, 'carrier.delivered', {
      carrierQuid: carrier.quidId,
      deliveryProof: `POD-${invoiceId}`,
      deliveredAt: T + 2 * DAY,
    }),
  ];
  if (withAck) {
    out.push(
      await tx(buyer, invoiceId, 4, 'buyer.acknowledged', {
        buyerQuid: buyer.quidId,
        acknowledgedAmountMinor: 5_000_000,
        acknowledgedAt: T + 3 * DAY,
      }),
    );
  }
  return out;
}

function decide(invoiceId: string, txs: EventTx[]) {
  const { events, refused } = verifyInvoiceEvents(txs, { invoiceId, titleOwners: owners });
  const issued = events.find((e) => e.eventType === 'invoice.issued')?.payload;
  const invoice = issued && invoiceFromIssuedPayload(issued, owners);
  if (!invoice) throw new Error('no invoice.issued');
  return evaluateInvoice({
    invoice,
    events,
    rejectedEvents: refused.flatMap((r) => (r.event ? [r.event] : [])),
    trust,
    policy: standardPolicy(),
    asOf: T + 7 * DAY,
    // The buyer is underwritten: a credit limit of its own is on file.
    portfolio: { buyerLimitMinor: { [buyer.quidId]: 1_000_000_000 } },
  });
}

describe('verified stream into the engine', () => {
  it('a genuine, complete stream verified by core is approved', async () => {
    expect(decide('inv-1', await stream('inv-1', true)).outcome).toBe('approve');
  });

  it("replayed acknowledgement: inv-2's genuine buyer.acknowledged on inv-1's stream does not count", async () => {
    const inv2 = await stream('inv-2', true);
    const d = decide('inv-1', [...(await stream('inv-1', false)), inv2[3] as EventTx]);
    expect(d.outcome).toBe('pending');
    expect(d.reasons.map((r) => r.code)).toContain('ACK_MISSING');
  });

  it('the supplier signing the acknowledgement itself is caught as a forgery through the refused list', async () => {
    const forged = await tx(supplier, 'inv-1', 4, 'buyer.acknowledged', {
      buyerQuid: buyer.quidId,
      acknowledgedAmountMinor: 5_000_000,
      acknowledgedAt: T + 3 * DAY,
    });
    const d = decide('inv-1', [...(await stream('inv-1', false)), forged]);
    expect(d.outcome).toBe('reject');
    expect(d.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['SUPPLIER_FORGED_ATTESTATION', 'ACK_MISSING']),
    );
  });
});
