// One call shape for InvoiceLedger writes (signer first, then the invoice id, then the input), and
// the deprecated forms of registerParticipant, transferToFinancier and reportFraud kept working.
import { documentPublicKey, generateDocumentKey, generateSigner, type Signer } from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceLedger, type ReportFraudInput } from '../src/index.js';
import { DOMAIN, type Harness, inProcess } from './support/harness.js';

const supplier: Signer = generateSigner().signer;
const buyer: Signer = generateSigner().signer;
const fin: Signer = generateSigner().signer;
const docKey = documentPublicKey(generateDocumentKey());
const issuedAt = 1_790_000_000;

/** What two signings of the same transaction share: everything but the id and the signature bytes. */
function content(tx: object): Record<string, unknown> {
  const { id: _id, signature: _sig, signatures, ...rest } = tx as Record<string, unknown>;
  return signatures && typeof signatures === 'object'
    ? { ...rest, cosigners: Object.keys(signatures).sort() }
    : rest;
}

/** A node with supplier, buyer and financier registered (through the new form) and an issued invoice. */
async function withInvoice(h: Harness, invoiceId: string): Promise<InvoiceLedger> {
  const ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
  await ledger.registerParticipant(supplier, { name: 'acme', role: 'supplier' });
  await ledger.registerParticipant(buyer, { name: 'megacorp', role: 'buyer' });
  await ledger.registerParticipant(fin, { name: 'harbor', role: 'financier' });
  await ledger.issueInvoice(supplier, {
    invoiceId,
    invoiceNumber: 'SH-1',
    buyerQuid: buyer.quidId,
    financierQuids: [fin.quidId],
    amountMinor: 2_500_00,
    currency: 'EUR',
    issuedAt,
    dueAt: issuedAt + 30 * 86_400,
    terms: 'NET-30',
    invoiceHash: 'ab'.repeat(32),
  });
  return ledger;
}

describe('InvoiceLedger writes: one call shape, the old shapes deprecated but working', () => {
  // The deprecated form runs against node A, the new form against node B: same inputs, same result.
  let a: Harness;
  let b: Harness;
  let oldLedger: InvoiceLedger;
  let newLedger: InvoiceLedger;
  beforeAll(async () => {
    [a, b] = await Promise.all([inProcess(), inProcess()]);
    [oldLedger, newLedger] = await Promise.all([withInvoice(a, 'inv-shape'), withInvoice(b, 'inv-shape')]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('registerParticipant(signer, { name, role, documentKey, description }) commits the IDENTITY', async () => {
    const carrier = generateSigner().signer;
    const tx = await newLedger.registerParticipant(carrier, {
      name: 'rhein',
      role: 'carrier',
      documentKey: docKey,
      description: 'Rhein Freight AG',
    });
    expect([tx.quidId, tx.name, tx.description, tx.attributes?.['role']]).toEqual([
      carrier.quidId,
      'rhein',
      'Rhein Freight AG',
      'carrier',
    ]);
    const stored = await b.client().getIdentity(carrier.quidId);
    expect(stored.id).toBe(tx.id);
  });

  it('deprecated registerParticipant({ signer, name, role, ... }) still works and gives the same IDENTITY', async () => {
    const carrier = generateSigner().signer;
    const input = { name: 'rhein', role: 'carrier', documentKey: docKey, description: 'Rhein Freight AG' };
    const viaOld = await oldLedger.registerParticipant({ signer: carrier, ...input });
    const viaNew = await newLedger.registerParticipant(carrier, input);
    expect(content(viaOld)).toEqual({ ...content(viaNew), timestamp: viaOld.timestamp });
    expect((await a.client().getIdentity(carrier.quidId)).id).toBe(viaOld.id);
    // Call options still come second in the old form: an aborted signal is honoured.
    const aborted = AbortSignal.abort(new Error('stop'));
    await expect(
      oldLedger.registerParticipant(
        { signer: generateSigner().signer, name: 'x', role: 'buyer' },
        { signal: aborted },
      ),
    ).rejects.toThrow('stop');
  });

  it('transferToFinancier(issuer, invoiceId, { financierQuid, previousOwnerSigners }) transfers the title', async () => {
    const h = await inProcess();
    try {
      const ledger = await withInvoice(h, 'inv-new');
      const tx = await ledger.transferToFinancier(fin, 'inv-new', {
        financierQuid: fin.quidId,
        previousOwnerSigners: [supplier, buyer, fin],
      });
      expect(tx.assetId).toBe('inv-new');
      expect(tx.owners?.find((o) => o.ownerId === fin.quidId)?.stakeType).toBe('financier');
      expect((await ledger.getInvoice('inv-new')).title.id).toBe(tx.id);
    } finally {
      await h.close();
    }
  });

  it('deprecated transferToFinancier({ invoiceId, issuer, financierQuid, ... }) still works and gives the same TITLE', async () => {
    const timestamp = issuedAt + 5 * 86_400;
    const common = { financierQuid: fin.quidId, previousOwnerSigners: [supplier, buyer, fin], timestamp };
    const viaOld = await oldLedger.transferToFinancier({ invoiceId: 'inv-shape', issuer: fin, ...common });
    const viaNew = await newLedger.transferToFinancier(fin, 'inv-shape', common);
    expect(content(viaOld)).toEqual(content(viaNew));
    expect(viaOld.timestamp).toBe(timestamp);
    expect((await oldLedger.getInvoice('inv-shape')).title.id).toBe(viaOld.id);
  });

  it('reportFraud(reporter, invoiceId, { kind, evidence, severity }) appends fraud.signal.<kind>', async () => {
    const tx = await newLedger.reportFraud(buyer, 'inv-shape', {
      kind: 'double-financing',
      evidence: 'assigned twice',
      severity: 'medium',
    });
    expect(tx.eventType).toBe('fraud.signal.double-financing');
    // `kind` names the event; it is not repeated in the signed payload.
    expect(tx.payload).toEqual({
      reporterQuid: buyer.quidId,
      evidence: 'assigned twice',
      severity: 'medium',
      reportedAt: expect.any(Number),
    });
    const view = await newLedger.getInvoice('inv-shape');
    expect(view.lifecycle.fraudSignals.map((f) => f.kind)).toContain('double-financing');
  });

  it('deprecated reportFraud(reporter, invoiceId, kind, input) still works and gives the same EVENT', async () => {
    const input = { evidence: 'PO reused', severity: 'high', reportedAt: issuedAt + 86_400 } as const;
    const viaOld = await oldLedger.reportFraud(supplier, 'inv-shape', 'invoice-forged', input);
    const viaNew = await newLedger.reportFraud(supplier, 'inv-shape', { kind: 'invoice-forged', ...input });
    expect([viaOld.eventType, viaOld.payload, viaOld.subjectId]).toEqual([
      viaNew.eventType,
      viaNew.payload,
      viaNew.subjectId,
    ]);
    expect(viaOld.eventType).toBe('fraud.signal.invoice-forged');
    const view = await oldLedger.getInvoice('inv-shape');
    expect(view.lifecycle.fraudSignals.map((f) => f.kind)).toContain('invoice-forged');
  });

  it('reportFraud without a kind is INVALID_INPUT at path kind, and nothing is sent', async () => {
    const before = (await newLedger.getInvoice('inv-shape')).events.length;
    const bad = { evidence: 'x' } as unknown as ReportFraudInput;
    const invalidKind = { code: 'INVALID_INPUT', path: 'kind', name: 'ClientInputError' };
    await expect(newLedger.reportFraud(buyer, 'inv-shape', bad)).rejects.toMatchObject(invalidKind);
    // The deprecated form with an empty kind would have sent `fraud.signal.`: refused the same way.
    await expect(newLedger.reportFraud(buyer, 'inv-shape', '', { evidence: 'x' })).rejects.toMatchObject(
      invalidKind,
    );
    expect((await newLedger.getInvoice('inv-shape')).events.length).toBe(before);
  });
});
