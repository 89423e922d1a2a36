// verifyInvoiceEvents: signed EVENT transactions of one invoice become verified, subject-bound
// events only when signature, key, subject, payload and signer role all hold (issue #11 finding 3).
import { describe, expect, it } from 'vitest';
import { verifyInvoiceEvents } from '../../src/invoice/verifyInvoiceEvents.js';
import { buildEvent } from '../../src/wire/build/buildEvent.js';
import { generateSigner } from '../../src/wire/generateSigner.js';
import type { EventTx, JsonObject, Signer } from '../../src/wire/types.js';

const T = 1_790_000_000;
const DOMAIN = 'factoring.example';
const supplier = generateSigner().signer;
const buyer = generateSigner().signer;
const carrier = generateSigner().signer;
const stranger = generateSigner().signer;
const owners = [
  { ownerId: supplier.quidId, stakeType: 'supplier' },
  { ownerId: buyer.quidId, stakeType: 'buyer' },
  { ownerId: carrier.quidId, stakeType: 'carrier' },
];

function tx(
  signer: Signer,
  subjectId: string,
  sequence: number,
  eventType: string,
  payload: JsonObject,
): Promise<EventTx> {
  return buildEvent({
    signer,
    trustDomain: DOMAIN,
    timestamp: T + sequence,
    subjectId,
    subjectType: 'TITLE',
    sequence,
    eventType,
    payload,
  });
}

function issued(invoiceId: string): Promise<EventTx> {
  return tx(supplier, invoiceId, 1, 'invoice.issued', {
    invoiceId,
    invoiceNumber: `N-${invoiceId}`,
    supplierQuid: supplier.quidId,
    buyerQuid: buyer.quidId,
    amountMinor: 5_000_000,
    currency: 'USD',
    issuedAt: T,
    dueAt: T + 60 * 86_400,
    terms: 'NET-60',
    invoiceHash: 'ab'.repeat(32),
  });
}

function ack(invoiceId: string, signer: Signer = buyer, sequence = 2): Promise<EventTx> {
  return tx(signer, invoiceId, sequence, 'buyer.acknowledged', {
    buyerQuid: signer.quidId,
    acknowledgedAmountMinor: 5_000_000,
    acknowledgedAt: T + 2,
  });
}

describe('verifyInvoiceEvents', () => {
  it('accepts a genuine stream: signer quid from the key, subject set, sorted by sequence', async () => {
    const txs = [await ack('inv-1'), await issued('inv-1')];
    const r = verifyInvoiceEvents(txs, { invoiceId: 'inv-1', titleOwners: owners });
    expect(r.refused).toEqual([]);
    expect(r.events.map((e) => [e.eventType, e.signerQuid, e.subjectId])).toEqual([
      ['invoice.issued', supplier.quidId, 'inv-1'],
      ['buyer.acknowledged', buyer.quidId, 'inv-1'],
    ]);
  });

  it("replayed acknowledgement: another invoice's genuine event is refused as WRONG_SUBJECT", async () => {
    const r = verifyInvoiceEvents([await issued('inv-1'), await ack('inv-2')], {
      invoiceId: 'inv-1',
      titleOwners: owners,
    });
    expect(r.events.map((e) => e.eventType)).toEqual(['invoice.issued']);
    expect(r.refused.map((x) => x.code)).toEqual(['WRONG_SUBJECT']);
    expect(r.refused[0]?.event).toBeUndefined();
  });

  it('altered payload after signing: BAD_SIGNATURE, and no event to read', async () => {
    const good = await ack('inv-1');
    const altered: EventTx = { ...good, payload: { ...good.payload, acknowledgedAmountMinor: 9_000_000 } };
    const r = verifyInvoiceEvents([await issued('inv-1'), altered], {
      invoiceId: 'inv-1',
      titleOwners: owners,
    });
    expect(r.refused.map((x) => x.code)).toEqual(['BAD_SIGNATURE']);
    expect(r.refused[0]?.event).toBeUndefined();
  });

  it('a key that is not a curve point: BAD_KEY', async () => {
    const good = await ack('inv-1');
    const r = verifyInvoiceEvents([{ ...good, publicKey: `04${'00'.repeat(64)}` }], { invoiceId: 'inv-1' });
    expect(r.refused.map((x) => x.code)).toEqual(['BAD_KEY']);
  });

  it('a negative credit note is INVALID_PAYLOAD, kept as evidence', async () => {
    const credit = await tx(supplier, 'inv-1', 3, 'invoice.credited', {
      creditNoteId: 'cn-1',
      amountMinor: -2_000_000,
      reason: 'refund',
      creditedAt: T + 3,
    });
    const r = verifyInvoiceEvents([await issued('inv-1'), credit], {
      invoiceId: 'inv-1',
      titleOwners: owners,
    });
    expect(r.events.map((e) => e.eventType)).toEqual(['invoice.issued']);
    expect(r.refused[0]?.code).toBe('INVALID_PAYLOAD');
    expect(r.refused[0]?.event?.signerQuid).toBe(supplier.quidId);
  });

  it('the supplier signing the buyer acknowledgement: SIGNER_NOT_AUTHORIZED, kept as evidence', async () => {
    const forged = await tx(supplier, 'inv-1', 2, 'buyer.acknowledged', {
      buyerQuid: buyer.quidId,
      acknowledgedAmountMinor: 5_000_000,
      acknowledgedAt: T + 2,
    });
    const r = verifyInvoiceEvents([await issued('inv-1'), forged], {
      invoiceId: 'inv-1',
      titleOwners: owners,
    });
    expect(r.refused.map((x) => x.code)).toEqual(['SIGNER_NOT_AUTHORIZED']);
    expect(r.refused[0]?.event?.signerQuid).toBe(supplier.quidId);
  });

  it('a stranger claiming to be the buyer in the payload: the key decides, not the claim', async () => {
    const r = verifyInvoiceEvents([await issued('inv-1'), await ack('inv-1', stranger)], {
      invoiceId: 'inv-1',
      titleOwners: owners,
    });
    expect(r.events).toHaveLength(1);
    expect(r.refused[0]?.code).toBe('SIGNER_NOT_AUTHORIZED');
  });

  it('an invoice.issued naming another invoice id is refused', async () => {
    const r = verifyInvoiceEvents(
      [await tx(supplier, 'inv-1', 1, 'invoice.issued', { ...(await issued('inv-9')).payload })],
      {
        invoiceId: 'inv-1',
      },
    );
    expect(r.refused.map((x) => x.code)).toEqual(['INVALID_PAYLOAD']);
  });

  it('without a valid invoice.issued no role can be checked: NOT_ISSUED', async () => {
    const r = verifyInvoiceEvents([await ack('inv-1')], { invoiceId: 'inv-1', titleOwners: owners });
    expect(r.events).toEqual([]);
    expect(r.refused.map((x) => x.code)).toEqual(['NOT_ISSUED']);
  });

  it('a transaction that is not an EVENT: NOT_AN_EVENT', () => {
    const r = verifyInvoiceEvents([{ id: 'x', type: 'TRUST' } as unknown as EventTx], { invoiceId: 'inv-1' });
    expect(r.refused.map((x) => x.code)).toEqual(['NOT_AN_EVENT']);
  });
});
