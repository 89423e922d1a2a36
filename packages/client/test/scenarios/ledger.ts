import {
  buildIdentity,
  documentKeyAttribute,
  documentPublicKey,
  draftTitleTransfer,
  generateDocumentKey,
  generateSigner,
  type InvoiceDocument,
  invoiceHash,
  type Signer,
  signTitleAsOwner,
} from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendEvent,
  InvoiceLedger,
  ownersAfterFactoring,
  type QuidfinClientError,
} from '../../src/index.js';
import { DOMAIN, type Harness, type MakeHarness, TEST_NODE } from '../support/harness.js';

const HASH = 'ab'.repeat(32);
const DAY = 86_400;
const DOC: InvoiceDocument = {
  invoiceNumber: 'ACME-0002',
  issueDate: '2025-11-13',
  dueDate: '2025-12-13',
  currency: 'USD',
  supplier: { name: 'Acme Widgets' },
  buyer: { name: 'MegaCorp USA' },
  lineItems: [],
  subtotalMinor: '8000000',
  taxMinor: '0',
  totalMinor: '8000000',
} as unknown as InvoiceDocument;

/** The whole invoice-financing use case through InvoiceLedger. */
export function defineLedgerSuite(label: string, make: MakeHarness): void {
  describe(`InvoiceLedger (${label})`, () => {
    let h: Harness;
    let ledger: InvoiceLedger;
    const s = (): Signer => generateSigner().signer;
    const supplier = s();
    const buyer = s();
    const carrier = s();
    const bureau = s();
    const fin = s();
    const fin2 = s();
    const issuedAt = 1_763_000_000;
    const docKey = documentPublicKey(generateDocumentKey());

    beforeAll(async () => {
      h = await make();
      ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
      const roles: [Signer, string, string][] = [
        [supplier, 'supplier-acme-widgets', 'supplier'],
        [buyer, 'buyer-megacorp-usa', 'buyer'],
        [carrier, 'carrier-global-freight', 'carrier'],
        [bureau, 'credit-bureau-dnb', 'credit-bureau'],
        [fin, 'financier-prime-cap', 'financier'],
        [fin2, 'financier-second-cap', 'financier'],
      ];
      await Promise.all(
        roles.map(([signer, name, role]) =>
          ledger.registerParticipant(signer, { name, role, documentKey: docKey }),
        ),
      );
    });
    afterAll(() => h.close());

    it('registering the same participant twice changes nothing; a new document key is added by an update', async () => {
      const again = await ledger.registerParticipant(buyer, {
        name: 'buyer-megacorp-usa',
        role: 'buyer',
        documentKey: docKey,
      });
      expect(again.updateNonce).toBe(1);
      expect(again.attributes).toEqual({ role: 'buyer', documentKeys: [documentKeyAttribute(docKey)] });
      const rotated = documentPublicKey(generateDocumentKey());
      const updated = await ledger.registerParticipant(buyer, {
        name: 'buyer-megacorp-usa',
        role: 'buyer',
        documentKey: rotated,
      });
      expect(updated.updateNonce).toBe(2);
      expect(updated.attributes?.['documentKeys']).toEqual([
        documentKeyAttribute(docKey),
        documentKeyAttribute(rotated),
      ]);
    });

    it('publishes expiring trust that the node uses for relational queries', async () => {
      const validUntil = Math.floor(Date.now() / 1000) + 365 * DAY;
      await ledger.publishTrust(bureau, {
        trustee: supplier.quidId,
        trustLevel: 0.85,
        validUntil,
        description: 'verified; 7 yr history & A- rating',
      });
      await ledger.publishTrust(fin, { trustee: bureau.quidId, trustLevel: 0.9 });
      const t = await ledger.client.getTrust(fin.quidId, supplier.quidId);
      expect(t.trustLevel).toBeCloseTo(0.765, 9);
      expect(t.trustPath).toEqual([fin.quidId, bureau.quidId, supplier.quidId]);
    });

    it('issues, ships, delivers, acknowledges, factors, transfers and gets paid', async () => {
      const { title } = await ledger.issueInvoice(supplier, {
        invoiceId: 'inv-ledger-1',
        invoiceNumber: 'ACME-0001',
        buyerQuid: buyer.quidId,
        carrierQuid: carrier.quidId,
        financierQuids: [fin.quidId, fin2.quidId],
        amountMinor: 5_000_000,
        currency: 'USD',
        issuedAt,
        dueAt: issuedAt + 60 * DAY,
        terms: 'NET-60',
        invoiceHash: HASH,
        paymentReference: 'RF18539007547034',
      });
      expect(title.owners?.map((o) => [o.stakeType, o.percentage])).toEqual([
        ['supplier', 0.92],
        ['buyer', 0.02],
        ['carrier', 0.02],
        ['financier', 0.02],
        ['financier', 0.02],
      ]);
      expect((await ledger.getInvoice('inv-ledger-1')).lifecycle.state).toBe('Issued');
      await ledger.attestShipment(carrier, 'inv-ledger-1', {
        billOfLading: 'BOL-123456',
        shippedAt: issuedAt + DAY,
      });
      await ledger.attestDelivery(carrier, 'inv-ledger-1', {
        deliveryProof: 'POD-123456',
        deliveredAt: issuedAt + 3 * DAY,
      });
      await ledger.acknowledge(buyer, 'inv-ledger-1', {
        acknowledgedAmountMinor: 5_000_000,
        acknowledgedAt: issuedAt + 4 * DAY,
      });
      expect((await ledger.getInvoice('inv-ledger-1')).lifecycle.state).toBe('Acknowledged');

      await ledger.recordFactorPurchase(fin, 'inv-ledger-1', {
        purchasePriceMinor: 4_848_250,
        discountBps: 304,
        factoredAt: issuedAt + 5 * DAY,
      });
      const transfer = await ledger.transferToFinancier(fin, 'inv-ledger-1', {
        financierQuid: fin.quidId,
        previousOwnerSigners: [supplier, buyer, carrier, fin, fin2],
      });
      expect(transfer.owners?.find((o) => o.ownerId === fin.quidId)?.percentage).toBe(0.92);
      expect((await ledger.getInvoice('inv-ledger-1')).lifecycle.state).toBe('Factored');

      await ledger.recordPayment(fin, 'inv-ledger-1', {
        paymentId: 'pay-1',
        allocationId: 'alloc-1',
        amountMinor: 5_000_000,
        currency: 'USD',
        receivedAt: issuedAt + 60 * DAY,
        reconciled: true,
      });
      const view = await ledger.getInvoice('inv-ledger-1');
      expect(view.title.previousOwners?.length).toBe(5);
      expect(view.events.map((e) => e.eventType)).toEqual([
        'invoice.issued',
        'carrier.shipped',
        'carrier.delivered',
        'buyer.acknowledged',
        'factor.purchased',
        'payment.received',
      ]);
      expect(view.rejected).toEqual([]);
      expect(['Paid', 'Reconciled']).toContain(view.lifecycle.state);
      expect(view.roles[fin.quidId]).toBe('financier');
    });

    it('disputes and resolves; a co-owner signing outside its role is not counted', async () => {
      await ledger.issueInvoice(supplier, {
        invoiceId: 'inv-ledger-2',
        invoiceNumber: 'ACME-0002',
        buyerQuid: buyer.quidId,
        carrierQuid: carrier.quidId,
        financierQuids: [fin2.quidId],
        amountMinor: 8_000_000,
        currency: 'USD',
        issuedAt,
        dueAt: issuedAt + 30 * DAY,
        terms: 'NET-30',
        document: DOC,
      });
      const issued = (await ledger.getInvoice('inv-ledger-2')).events[0];
      expect(issued?.payload?.['invoiceHash']).toBe(invoiceHash(DOC));
      await ledger.dispute(buyer, 'inv-ledger-2', {
        disputeId: 'd-1',
        disputedAmountMinor: 100_000,
        reason: 'short shipment',
      });
      expect((await ledger.getInvoice('inv-ledger-2')).lifecycle.state).toBe('Disputed');
      await ledger.resolveDispute(buyer, 'inv-ledger-2', { disputeId: 'd-1', outcome: 'withdrawn' });
      expect((await ledger.getInvoice('inv-ledger-2')).lifecycle.state).toBe('Issued');
      // A financier co-owner may write to the stream (the node allows it) but may not ship goods.
      const fake = await appendEvent(ledger.client, {
        signer: fin2,
        trustDomain: DOMAIN,
        subjectId: 'inv-ledger-2',
        subjectType: 'TITLE',
        eventType: 'carrier.shipped',
        payload: { carrierQuid: fin2.quidId, billOfLading: 'BOL-FAKE', shippedAt: issuedAt },
      });
      await ledger.client.waitForCommit(fake.tx);
      await ledger.reportFraud(fin2, 'inv-ledger-2', {
        kind: 'invoice-forged',
        evidence: 'PO matches another buyer',
        severity: 'high',
      });
      const view = await ledger.getInvoice('inv-ledger-2');
      expect(view.rejected.map((r) => [r.event.eventType, r.code])).toEqual([
        ['carrier.shipped', 'ROLE_NOT_ENTITLED'],
      ]);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.lifecycle.fraudSignals.map((f) => f.kind)).toEqual(['invoice-forged']);
    });

    it('sent, then a PO mismatch on a short delivery, a credit note and a match of the net amount: Sent -> Issued -> PoMatched', async () => {
      await ledger.issueInvoice(supplier, {
        invoiceId: 'inv-po',
        invoiceNumber: 'ACME-0004',
        buyerQuid: buyer.quidId,
        amountMinor: 2_000_000,
        currency: 'EUR',
        issuedAt,
        dueAt: issuedAt + 30 * DAY,
        terms: 'NET-30',
        invoiceHash: HASH,
        poReference: 'PO-4711',
      });
      const sent = await ledger.recordSent(supplier, 'inv-po', {
        channel: 'peppol',
        format: 'peppol-bis-3.0-ubl',
        documentHash: HASH,
      });
      expect(sent.payload).toMatchObject({ supplierQuid: supplier.quidId, channel: 'peppol' });
      expect((await ledger.getInvoice('inv-po')).lifecycle.state).toBe('Sent');
      await ledger.recordPoMismatch(buyer, 'inv-po', {
        poNumber: 'PO-4711',
        mode: 'three-way',
        reasons: [{ code: 'QTY_OVER_RECEIVED', lineId: '2' }],
      });
      const held = await ledger.getInvoice('inv-po');
      expect(held.lifecycle.poMatches.map((m) => m.result)).toEqual(['mismatch']);
      expect(held.lifecycle.state).toBe('Sent');
      await ledger.credit(supplier, 'inv-po', {
        creditNoteId: 'CN-PO-1',
        amountMinor: 500_000,
        reason: 'line 2 short-delivered',
      });
      await ledger.recordPoMatch(buyer, 'inv-po', {
        poNumber: 'PO-4711',
        mode: 'three-way',
        matchedAmountMinor: 1_500_000,
        receiptIds: ['GR-1'],
      });
      const view = await ledger.getInvoice('inv-po');
      expect(view.rejected).toEqual([]);
      expect(view.events.map((e) => e.eventType)).toEqual([
        'invoice.issued',
        'invoice.sent',
        'po.mismatch',
        'invoice.credited',
        'po.matched',
      ]);
      expect(view.lifecycle.state).toBe('PoMatched');
      expect(view.lifecycle.poMatches.at(-1)).toMatchObject({ result: 'matched', signerQuid: buyer.quidId });
    });

    it("forged PO approval over HTTP: the supplier's po.matched through recordPoMatch, and the buyer's invoice.sent, are stored by the node but not counted", async () => {
      await ledger.issueInvoice(supplier, {
        invoiceId: 'inv-po-forged',
        invoiceNumber: 'ACME-0005',
        buyerQuid: buyer.quidId,
        amountMinor: 1_000_000,
        currency: 'EUR',
        issuedAt,
        dueAt: issuedAt + 30 * DAY,
        terms: 'NET-30',
        invoiceHash: HASH,
        poReference: 'PO-4712',
      });
      // The supplier signs the buyer's approval of its own invoice; the node accepts it (any
      // co-owner may write to the stream), the read path refuses it.
      await ledger.recordPoMatch(supplier, 'inv-po-forged', {
        poNumber: 'PO-4712',
        mode: 'two-way',
        matchedAmountMinor: 1_000_000,
      });
      await ledger.recordSent(buyer, 'inv-po-forged', { channel: 'email' });
      const view = await ledger.getInvoice('inv-po-forged');
      expect(view.events.map((e) => e.eventType)).toEqual(['invoice.issued']);
      expect(view.rejected.map((r) => [r.event.eventType, r.code])).toEqual([
        ['po.matched', 'ROLE_NOT_ENTITLED'],
        ['invoice.sent', 'ROLE_NOT_ENTITLED'],
      ]);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.lifecycle.poMatches).toEqual([]);
    });

    it('waits for identities submitted elsewhere to commit before issuing on them', async () => {
      const slow = await make({ ...TEST_NODE, blockIntervalMs: 300 });
      try {
        const client = slow.client();
        const [sup, buy] = [s(), s()];
        for (const [signer, role] of [
          [sup, 'supplier'],
          [buy, 'buyer'],
        ] as const) {
          await client.submitIdentity(
            await buildIdentity({
              signer,
              trustDomain: DOMAIN,
              name: role,
              updateNonce: 1,
              attributes: { role },
            }),
          );
        }
        const fresh = new InvoiceLedger(client, { trustDomain: DOMAIN });
        await fresh.issueInvoice(sup, {
          invoiceId: 'inv-deps',
          invoiceNumber: 'D-1',
          buyerQuid: buy.quidId,
          amountMinor: 1000,
          currency: 'JPY',
          issuedAt,
          dueAt: issuedAt + DAY,
          terms: 'NET-1',
          invoiceHash: HASH,
        });
        await new InvoiceLedger(client, { trustDomain: DOMAIN }).acknowledge(buy, 'inv-deps', {
          acknowledgedAmountMinor: 1000,
        });
        const v = await fresh.getInvoice('inv-deps');
        expect(v.lifecycle.state).toBe('Acknowledged');
      } finally {
        await slow.close();
      }
    });

    it('transfers a title with owner co-signatures collected out of band on an earlier draft', async () => {
      await ledger.issueInvoice(supplier, {
        invoiceId: 'inv-oob',
        invoiceNumber: 'ACME-0003',
        buyerQuid: buyer.quidId,
        carrierQuid: carrier.quidId,
        financierQuids: [fin.quidId],
        amountMinor: 1_000_000,
        currency: 'USD',
        issuedAt,
        dueAt: issuedAt + 30 * DAY,
        terms: 'NET-30',
        invoiceHash: HASH,
      });
      const current = await h.client().getTitle('inv-oob');
      // Each owner signs the same draft on its own machine; the draft is older than the submission.
      const timestamp = Math.floor(Date.now() / 1000) - 120;
      const draft = draftTitleTransfer({
        signer: fin,
        current,
        owners: ownersAfterFactoring(current.owners ?? [], fin.quidId),
        timestamp,
      });
      const ownerSignatures: Record<string, string> = {};
      for (const owner of [supplier, buyer, carrier, fin]) {
        ownerSignatures[owner.quidId] = await signTitleAsOwner(draft, owner);
      }
      const transfer = await ledger.transferToFinancier(fin, 'inv-oob', {
        financierQuid: fin.quidId,
        ownerSignatures,
        timestamp,
      });
      expect(transfer.timestamp).toBe(timestamp);
      expect(
        (await h.client().getTitle('inv-oob')).owners?.find((o) => o.ownerId === fin.quidId)?.stakeType,
      ).toBe('financier');
    });

    it('refuses to read an invoice that does not exist', async () => {
      try {
        await ledger.getInvoice('inv-missing');
        expect.unreachable();
      } catch (e) {
        expect((e as QuidfinClientError).code).toBe('NOT_FOUND');
      }
    });
  });
}
