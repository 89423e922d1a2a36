// Attack catalogue of issue #10 for the ledger read path (findings 1–5), run on both harnesses.

import {
  buildEvent,
  buildIdentity,
  buildTitle,
  buildTitleTransfer,
  draftTitleTransfer,
  type EventTx,
  generateSigner,
  type JsonObject,
  type OwnershipStake,
  type Signer,
  signTitleAsOwner,
  signTransaction,
  type TitleTx,
} from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IdentityTakeoverError,
  InvoiceLedger,
  invoiceOwners,
  ownersAfterFactoring,
  type QuidfinClientError,
  type QuidnugClient,
} from '../../src/index.js';
import { DOMAIN, type Harness, type MakeHarness, TEST_NODE } from '../support/harness.js';

const HASH = 'cd'.repeat(32);
const DAY = 86_400;
const ISSUED_AT = 1_763_000_000;

/** `{"k":{"k":…}}` with `depth` objects, built without recursion. */
function nested(depth: number): JsonObject {
  let value: unknown = 'bottom';
  for (let i = 1; i < depth; i++) value = { k: value };
  return { k: value } as JsonObject;
}

/** The error a promise rejects with (or undefined). */
async function failure(p: Promise<unknown>): Promise<(QuidfinClientError & { reason?: string }) | undefined> {
  try {
    await p;
  } catch (e) {
    return e as QuidfinClientError & { reason?: string };
  }
  return undefined;
}

/** Attack scenarios against InvoiceLedger.getInvoice / registerParticipant on a devnode. */
export function defineLedgerAttackSuite(label: string, make: MakeHarness): void {
  describe(`ledger read path under attack (${label})`, () => {
    let h: Harness;
    let client: QuidnugClient;
    let ledger: InvoiceLedger;
    let timer: ReturnType<typeof setInterval> | undefined;
    let held = false;
    const s = (): Signer => generateSigner().signer;
    const [supplier, buyer, carrier, fin, fin2, stranger] = [s(), s(), s(), s(), s(), s()];
    let invoiceCount = 0;

    /** Commits whatever is pending in one block. */
    const mine = (): void => {
      h.node.mineBlock();
    };
    /** Runs `fn` with block production paused, then commits everything it left pending in one block. */
    const oneBlock = async (fn: () => Promise<unknown>): Promise<void> => {
      held = true;
      try {
        await fn();
      } finally {
        held = false;
      }
      mine();
    };

    const newInvoice = async (extra: { financiers?: Signer[]; carrier?: boolean } = {}): Promise<string> => {
      const invoiceId = `inv-atk-${++invoiceCount}`;
      await ledger.issueInvoice(supplier, {
        invoiceId,
        invoiceNumber: `ATK-${invoiceCount}`,
        buyerQuid: buyer.quidId,
        ...(extra.carrier ? { carrierQuid: carrier.quidId } : {}),
        financierQuids: (extra.financiers ?? [fin]).map((f) => f.quidId),
        amountMinor: 5_000_000,
        currency: 'USD',
        issuedAt: ISSUED_AT,
        dueAt: ISSUED_AT + 60 * DAY,
        terms: 'NET-60',
        invoiceHash: HASH,
      });
      return invoiceId;
    };

    const nextSequence = async (invoiceId: string): Promise<number> =>
      ((await client.findStream(invoiceId))?.latestSequence ?? 0) + 1;

    const rawEvent = async (
      signer: Signer,
      invoiceId: string,
      eventType: string,
      payload: JsonObject,
      at: { sequence?: number; timestamp?: number } = {},
    ): Promise<EventTx> => {
      const tx = await buildEvent({
        signer,
        trustDomain: DOMAIN,
        subjectId: invoiceId,
        subjectType: 'TITLE',
        sequence: at.sequence ?? (await nextSequence(invoiceId)),
        eventType,
        payload,
        ...(at.timestamp !== undefined ? { timestamp: at.timestamp } : {}),
      });
      await client.submitEvent(tx);
      return tx;
    };

    const committedEvent = async (...args: Parameters<typeof rawEvent>): Promise<EventTx> => {
      const tx = await rawEvent(...args);
      await client.waitForCommit(tx);
      return tx;
    };

    const submitTitle = async (tx: TitleTx): Promise<void> => {
      await client.submitTitle(tx);
      await client.waitForCommit(tx);
    };

    /** An IDENTITY for `victim`'s quid signed by `forger`'s key (the node accepts it, §6.3). */
    const forgedIdentity = async (victim: Signer, forger: Signer, role: string, updateNonce: number) => {
      const own = await buildIdentity({
        signer: forger,
        trustDomain: DOMAIN,
        name: 'taken over',
        updateNonce,
        attributes: { role },
        homeDomain: DOMAIN,
      });
      const tx = await signTransaction(
        { ...own, id: '', quidId: victim.quidId, creator: victim.quidId },
        forger,
      );
      await client.submitIdentity(tx);
      await client.waitForCommit(tx);
      return tx;
    };

    beforeAll(async () => {
      h = await make({ ...TEST_NODE, blockIntervalMs: 0 });
      timer = setInterval(() => {
        if (!held) h.node.mineBlock();
      }, 20);
      client = h.client();
      ledger = new InvoiceLedger(client, { trustDomain: DOMAIN });
      const roles: [Signer, string][] = [
        [supplier, 'supplier'],
        [buyer, 'buyer'],
        [carrier, 'carrier'],
        [fin, 'financier'],
        [fin2, 'financier'],
        [stranger, 'financier'],
      ];
      for (const [signer, role] of roles) await ledger.registerParticipant(signer, { name: role, role });
    });
    afterAll(async () => {
      clearInterval(timer);
      await h.close();
    });

    // ---- finding 1 ------------------------------------------------------------------------

    it("title takeover: a stranger's TITLE without previousOwners, its factor.purchased at 1 and a full payment leave the invoice Issued, with the overwrite flagged", async () => {
      const invoiceId = await newInvoice();
      const original = await client.getTitle(invoiceId);
      const takeover = await buildTitle({
        signer: stranger,
        trustDomain: DOMAIN,
        assetId: invoiceId,
        titleType: 'invoice',
        owners: [
          { ownerId: supplier.quidId, percentage: 0.96, stakeType: 'supplier' },
          { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
          { ownerId: stranger.quidId, percentage: 0.02, stakeType: 'financier' },
        ],
      });
      await submitTitle(takeover);
      await committedEvent(stranger, invoiceId, 'factor.purchased', {
        financierQuid: stranger.quidId,
        purchasePriceMinor: 1,
        factoredAt: ISSUED_AT + DAY,
      });
      await committedEvent(stranger, invoiceId, 'payment.received', {
        paymentId: 'pay-x',
        allocationId: 'a-x',
        amountMinor: 5_000_000,
        currency: 'USD',
        receivedAt: ISSUED_AT + 2 * DAY,
        reconciled: true,
      });
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.lifecycle.totals.paidMinor).toBe(0);
      expect(view.title.id).toBe(original.id);
      expect(view.nodeTitle.id).toBe(takeover.id);
      expect(view.violations.map((v) => [v.code, v.ref])).toEqual([['TITLE_OVERWRITE', takeover.id]]);
      expect(view.rejected.map((r) => [r.event.eventType, r.code])).toEqual([
        ['factor.purchased', 'OWNER_ONLY_BY_INVALID_TITLE'],
        ['payment.received', 'OWNER_ONLY_BY_INVALID_TITLE'],
      ]);
    });

    it("title replay: the supplier's original TITLE replayed after the transfer does not give the invoice back", async () => {
      const invoiceId = await newInvoice();
      const original = await client.getTitle(invoiceId);
      const transfer = await ledger.transferToFinancier(fin, invoiceId, {
        financierQuid: fin.quidId,
        previousOwnerSigners: [supplier, buyer, fin],
      });
      await submitTitle(original);
      const view = await ledger.getInvoice(invoiceId);
      expect(view.nodeTitle.id).toBe(original.id);
      expect(view.title.id).toBe(transfer.id);
      expect(view.title.owners?.find((o) => o.ownerId === fin.quidId)?.percentage).toBe(0.96);
      expect(view.violations.map((v) => v.code)).toEqual(['TITLE_OVERWRITE']);
    });

    it("replayed transfer after a buyback: the financier's old transfer resubmitted does not give it the title back (TITLE_REPLAYED)", async () => {
      const invoiceId = await newInvoice();
      const original = await client.getTitle(invoiceId);
      const sale = await ledger.transferToFinancier(fin, invoiceId, {
        financierQuid: fin.quidId,
        previousOwnerSigners: [supplier, buyer, fin],
      });
      // Recourse buyback: everyone owning the sold title co-signs its return to the original owners.
      const buyback = await buildTitleTransfer({
        signer: supplier,
        current: sale,
        owners: original.owners ?? [],
        previousOwnerSigners: [supplier, buyer, fin],
      });
      await submitTitle(buyback);
      // Anyone resubmits the public bytes of the sale (same id, same signatures); the node takes it.
      await oneBlock(() => client.submitTitle(sale));
      const view = await ledger.getInvoice(invoiceId);
      expect(view.nodeTitle.signature).toBe(sale.signature);
      expect(view.title.id).toBe(buyback.id);
      expect(view.title.owners).toEqual(original.owners);
      expect(view.title.owners?.some((o) => o.ownerId === fin.quidId && o.percentage > 0.5)).toBe(false);
      expect(view.custody.accepted.map((t) => t.id)).toEqual([original.id, sale.id, buyback.id]);
      expect(view.violations.map((v) => [v.code, v.ref])).toEqual([['TITLE_REPLAYED', sale.id]]);
    });

    it('transfer on top of a takeover: transferToFinancier refuses when the node holds a title version custody rejects', async () => {
      const invoiceId = await newInvoice();
      const takeover = await buildTitle({
        signer: stranger,
        trustDomain: DOMAIN,
        assetId: invoiceId,
        titleType: 'invoice',
        owners: [
          { ownerId: supplier.quidId, percentage: 0.96, stakeType: 'supplier' },
          { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
          { ownerId: stranger.quidId, percentage: 0.02, stakeType: 'financier' },
        ],
      });
      await submitTitle(takeover);
      const e = await failure(
        ledger.transferToFinancier(fin, invoiceId, {
          financierQuid: fin.quidId,
          previousOwnerSigners: [supplier, buyer, stranger],
        }),
      );
      expect([e?.code, e?.reason]).toEqual(['LEDGER_VERIFICATION', 'TITLE_OVERWRITTEN']);
      expect((await client.getTitle(invoiceId)).id).toBe(takeover.id);
    });

    it('asset squatting: a title whose every version fails custody has no trustworthy view: getInvoice throws NO_VALID_TITLE with the reason', async () => {
      const squat = await buildTitle({
        signer: stranger,
        trustDomain: DOMAIN,
        assetId: 'inv-atk-squat',
        titleType: 'invoice',
        owners: invoiceOwners({ supplierQuid: supplier.quidId, buyerQuid: buyer.quidId }),
      });
      await submitTitle(squat);
      const e = await failure(ledger.getInvoice('inv-atk-squat'));
      expect([e?.code, e?.reason]).toEqual(['LEDGER_VERIFICATION', 'NO_VALID_TITLE']);
      expect(e?.message).toContain('FIRST_ISSUER_NOT_SUPPLIER');
    });

    // ---- finding 2 ------------------------------------------------------------------------

    it("identity takeover: a stranger's IDENTITY for the buyer's quid with updateNonce 2^53-1 is flagged and ignored; the buyer's events still count", async () => {
      const victim = s();
      const victimLedger = new InvoiceLedger(client, { trustDomain: DOMAIN });
      await victimLedger.registerParticipant(victim, { name: 'buyer-2', role: 'buyer' });
      const invoiceId = `inv-atk-id-${++invoiceCount}`;
      await ledger.issueInvoice(supplier, {
        invoiceId,
        invoiceNumber: 'ATK-ID',
        buyerQuid: victim.quidId,
        financierQuids: [fin.quidId],
        amountMinor: 5_000_000,
        currency: 'USD',
        issuedAt: ISSUED_AT,
        dueAt: ISSUED_AT + 60 * DAY,
        terms: 'NET-60',
        invoiceHash: HASH,
      });
      await victimLedger.acknowledge(victim, invoiceId, { acknowledgedAmountMinor: 5_000_000 });
      const forged = await forgedIdentity(victim, stranger, 'supplier', Number.MAX_SAFE_INTEGER);
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.state).toBe('Acknowledged');
      expect(view.roles[victim.quidId]).toBe('buyer');
      expect(view.violations.map((v) => [v.code, v.ref])).toEqual([['IDENTITY_FORGED', victim.quidId]]);
      expect(view.violations[0]?.message).toContain(forged.id);

      const e = await failure(victimLedger.registerParticipant(victim, { name: 'buyer-2', role: 'buyer' }));
      expect(e?.code).toBe('IDENTITY_TAKEOVER');
      expect((e as IdentityTakeoverError | undefined)?.forgedKeyQuid).toBe(stranger.quidId);
      expect((e as IdentityTakeoverError | undefined)?.updateNonce).toBe(Number.MAX_SAFE_INTEGER);
    });

    it("identity takeover on a node that hides its blocks: the victim's events are not counted (ROLE_UNKNOWN), nothing throws, the missing history is flagged", async () => {
      const victim = s();
      const own = new InvoiceLedger(client, { trustDomain: DOMAIN });
      await own.registerParticipant(victim, { name: 'buyer-3', role: 'buyer' });
      const invoiceId = `inv-atk-id-${++invoiceCount}`;
      await ledger.issueInvoice(supplier, {
        invoiceId,
        invoiceNumber: 'ATK-ID-2',
        buyerQuid: victim.quidId,
        amountMinor: 1_000_000,
        currency: 'USD',
        issuedAt: ISSUED_AT,
        dueAt: ISSUED_AT + 60 * DAY,
        terms: 'NET-60',
        invoiceHash: HASH,
      });
      await own.acknowledge(victim, invoiceId, { acknowledgedAmountMinor: 1_000_000 });
      await forgedIdentity(victim, stranger, 'supplier', 5);
      const noBlocks = h.client({}, async (request, respond) =>
        new URL(request.url).pathname.endsWith('/blocks')
          ? new Response('404 page not found\n', { status: 404, headers: { 'content-type': 'text/plain' } })
          : respond(),
      );
      const view = await new InvoiceLedger(noBlocks, { trustDomain: DOMAIN }).getInvoice(invoiceId);
      expect(view.violations.map((v) => v.code).sort()).toEqual([
        'IDENTITY_FORGED',
        'TITLE_HISTORY_UNAVAILABLE',
      ]);
      expect(view.rejected.map((r) => [r.event.eventType, r.code])).toEqual([
        ['buyer.acknowledged', 'ROLE_UNKNOWN'],
      ]);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.custody.complete).toBe(false);
    });

    it("identity takeover used to forge a co-signature: the node accepts a transfer 'co-signed' with the stranger's key, custody does not", async () => {
      const victimSupplier = s();
      const own = new InvoiceLedger(client, { trustDomain: DOMAIN });
      await own.registerParticipant(victimSupplier, { name: 'supplier-2', role: 'supplier' });
      const invoiceId = `inv-atk-cosig-${++invoiceCount}`;
      await own.issueInvoice(victimSupplier, {
        invoiceId,
        invoiceNumber: 'ATK-CS',
        buyerQuid: buyer.quidId,
        financierQuids: [fin.quidId],
        amountMinor: 1_000_000,
        currency: 'USD',
        issuedAt: ISSUED_AT,
        dueAt: ISSUED_AT + 60 * DAY,
        terms: 'NET-60',
        invoiceHash: HASH,
      });
      await forgedIdentity(victimSupplier, stranger, 'supplier', 2);
      const current = await client.getTitle(invoiceId);
      const next: OwnershipStake[] = ownersAfterFactoring(current.owners ?? [], stranger.quidId);
      const draft = draftTitleTransfer({ signer: stranger, current, owners: next });
      const signatures: Record<string, string> = {
        [victimSupplier.quidId]: await signTitleAsOwner(draft, stranger),
        [buyer.quidId]: await signTitleAsOwner(draft, buyer),
        [fin.quidId]: await signTitleAsOwner(draft, fin),
      };
      const stolen = await signTransaction({ ...draft, signatures }, stranger);
      await submitTitle(stolen); // the node verified the "supplier" signature with the forged key
      const view = await ledger.getInvoice(invoiceId);
      expect(view.title.id).toBe(current.id);
      expect(view.violations.map((v) => v.code).sort()).toEqual(['BAD_OWNER_SIGNATURE', 'IDENTITY_FORGED']);
    });

    // ---- finding 3 ------------------------------------------------------------------------

    const titleOnly = async (invoiceId: string): Promise<void> => {
      const title = await buildTitle({
        signer: supplier,
        trustDomain: DOMAIN,
        assetId: invoiceId,
        titleType: 'invoice',
        owners: invoiceOwners({
          supplierQuid: supplier.quidId,
          buyerQuid: buyer.quidId,
          carrierQuid: carrier.quidId,
          financierQuids: [fin.quidId],
        }),
      });
      await submitTitle(title);
    };
    const issuedPayload = (invoiceId: string, supplierQuid: string): JsonObject => ({
      invoiceId,
      invoiceNumber: 'ATK-FR',
      supplierQuid,
      buyerQuid: buyer.quidId,
      carrierQuid: carrier.quidId,
      amountMinor: 2_000_000,
      currency: 'USD',
      issuedAt: ISSUED_AT,
      dueAt: ISSUED_AT + 30 * DAY,
      terms: 'NET-30',
      invoiceHash: HASH,
    });

    it("front-running invoice.issued: the carrier's issue naming itself supplier, landing first in the same block, does not freeze the invoice in Draft", async () => {
      const invoiceId = `inv-atk-fr-${++invoiceCount}`;
      await titleOnly(invoiceId);
      // One second apart, so the two events differ in id and share only the sequence.
      const t = Math.floor(Date.now() / 1000);
      await oneBlock(async () => {
        await rawEvent(carrier, invoiceId, 'invoice.issued', issuedPayload(invoiceId, carrier.quidId), {
          sequence: 1,
          timestamp: t,
        });
        await rawEvent(supplier, invoiceId, 'invoice.issued', issuedPayload(invoiceId, supplier.quidId), {
          sequence: 1,
          timestamp: t + 1,
        });
      });
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.lifecycle.issued?.signerQuid).toBe(supplier.quidId);
      expect(view.rejected.map((r) => [r.event.signerQuid, r.code])).toEqual([
        [carrier.quidId, 'ROLE_NOT_ENTITLED'],
      ]);
      expect(view.violations.map((v) => v.code)).toEqual(['SEQUENCE_CONFLICT']);
    });

    it("front-running by a co-owner that registered itself with role 'supplier': the title's first issuer is still the supplier", async () => {
      const rogue = s();
      const rogueLedger = new InvoiceLedger(client, { trustDomain: DOMAIN });
      await rogueLedger.registerParticipant(rogue, { name: 'rogue', role: 'supplier' });
      const invoiceId = `inv-atk-fr-${++invoiceCount}`;
      const title = await buildTitle({
        signer: supplier,
        trustDomain: DOMAIN,
        assetId: invoiceId,
        titleType: 'invoice',
        owners: [
          { ownerId: supplier.quidId, percentage: 0.96, stakeType: 'supplier' },
          { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
          { ownerId: rogue.quidId, percentage: 0.02, stakeType: 'carrier' },
        ],
      });
      await submitTitle(title);
      await oneBlock(async () => {
        await rawEvent(
          rogue,
          invoiceId,
          'invoice.issued',
          { ...issuedPayload(invoiceId, rogue.quidId), carrierQuid: rogue.quidId },
          { sequence: 1 },
        );
        await rawEvent(
          supplier,
          invoiceId,
          'invoice.issued',
          { ...issuedPayload(invoiceId, supplier.quidId), carrierQuid: rogue.quidId },
          {
            sequence: 1,
          },
        );
      });
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.issued?.signerQuid).toBe(supplier.quidId);
      expect(view.rejected.map((r) => [r.event.signerQuid, r.code])).toEqual([
        [rogue.quidId, 'SIGNER_NOT_AUTHORIZED'],
      ]);
    });

    // ---- finding 4 ------------------------------------------------------------------------

    it("event id collision: the supplier's payment.received of 1 under the financier's event id does not drop the financier's 3,000,000", async () => {
      const invoiceId = await newInvoice();
      await ledger.recordFactorPurchase(fin, invoiceId, {
        purchasePriceMinor: 4_850_000,
        factoredAt: ISSUED_AT + DAY,
      });
      const sequence = await nextSequence(invoiceId);
      const timestamp = Math.floor(Date.now() / 1000);
      let ids: string[] = [];
      await oneBlock(async () => {
        const mine1 = await rawEvent(
          supplier,
          invoiceId,
          'payment.received',
          {
            paymentId: 'pay-s',
            allocationId: 'a-s',
            amountMinor: 1,
            currency: 'USD',
            receivedAt: ISSUED_AT + 2 * DAY,
          },
          { sequence, timestamp },
        );
        const theirs = await rawEvent(
          fin,
          invoiceId,
          'payment.received',
          {
            paymentId: 'pay-f',
            allocationId: 'a-f',
            amountMinor: 3_000_000,
            currency: 'USD',
            receivedAt: ISSUED_AT + 2 * DAY,
          },
          { sequence, timestamp },
        );
        ids = [mine1.id, theirs.id];
      });
      expect(ids[0]).toBe(ids[1]);
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.violations.map((v) => v.code)).not.toContain('DUPLICATE_EVENT');
      expect(view.lifecycle.payments.map((p) => [p.signerQuid, p.amountMinor])).toEqual([
        [supplier.quidId, 1],
        [fin.quidId, 3_000_000],
      ]);
      expect(view.lifecycle.totals.paidMinor).toBe(3_000_001);
      expect(view.violations.map((v) => [v.code, v.ref])).toEqual([['EVENT_ID_CONFLICT', ids[0]]]);
    });

    it('double-factoring race: two financiers buying on one sequence in one block are a flagged SEQUENCE_CONFLICT', async () => {
      const invoiceId = await newInvoice({ financiers: [fin, fin2] });
      const sequence = await nextSequence(invoiceId);
      const t = Math.floor(Date.now() / 1000);
      await oneBlock(async () => {
        for (const [i, f] of [fin, fin2].entries()) {
          await rawEvent(
            f,
            invoiceId,
            'factor.purchased',
            {
              financierQuid: f.quidId,
              purchasePriceMinor: 4_800_000,
              factoredAt: ISSUED_AT + DAY,
            },
            { sequence, timestamp: t + i },
          );
        }
      });
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.factored?.financierQuid).toBe(fin.quidId);
      expect(view.lifecycle.violations.map((v) => [v.code, v.signerQuid])).toEqual([
        ['ALREADY_FACTORED', fin2.quidId],
      ]);
      expect(view.violations.map((v) => [v.code, v.ref])).toEqual([['SEQUENCE_CONFLICT', String(sequence)]]);
    });

    it('double-factoring race in the same second: the two purchases share an id too, and are an EVENT_ID_CONFLICT, both judged', async () => {
      const invoiceId = await newInvoice({ financiers: [fin, fin2] });
      const sequence = await nextSequence(invoiceId);
      const t = Math.floor(Date.now() / 1000);
      await oneBlock(async () => {
        for (const f of [fin2, fin]) {
          await rawEvent(
            f,
            invoiceId,
            'factor.purchased',
            { financierQuid: f.quidId, purchasePriceMinor: 4_800_000, factoredAt: ISSUED_AT + DAY },
            { sequence, timestamp: t },
          );
        }
      });
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.factored?.financierQuid).toBe(fin2.quidId);
      expect(view.lifecycle.violations.map((v) => [v.code, v.signerQuid])).toEqual([
        ['ALREADY_FACTORED', fin.quidId],
      ]);
      expect(view.violations.map((v) => v.code)).toEqual(['EVENT_ID_CONFLICT']);
    });

    // ---- finding 5 ------------------------------------------------------------------------

    it("deep payload: a co-owner's event nested 4,000 levels deep is read and judged like any other; the invoice still reads", async () => {
      const invoiceId = await newInvoice({ financiers: [fin, fin2] });
      await ledger.acknowledge(buyer, invoiceId, { acknowledgedAmountMinor: 5_000_000 });
      await committedEvent(fin2, invoiceId, 'fraud.signal.invoice-forged', {
        reporterQuid: fin2.quidId,
        evidence: 'nested',
        severity: 'low',
        detail: nested(4_000),
      });
      const view = await ledger.getInvoice(invoiceId);
      expect(view.lifecycle.state).toBe('Acknowledged');
      // Its signature verified; the payload schema (no extra keys) is what refuses it.
      expect(view.rejected.map((r) => [r.event.eventType, r.code])).toEqual([
        ['fraud.signal.invoice-forged', 'INVALID_PAYLOAD'],
      ]);
    });

    it('deep payload past any node limit, returned by a lying node: one UNVERIFIABLE_EVENT, the rest of the invoice reads', async () => {
      const invoiceId = await newInvoice();
      await ledger.acknowledge(buyer, invoiceId, { acknowledgedAmountMinor: 5_000_000 });
      // A consistent liar: the stream metadata and the page total count the injected event, so
      // the stream checks pass and the event itself must be judged.
      const lying = h.client({}, async (request, respond) => {
        const response = await respond();
        const path = new URL(request.url).pathname;
        if (/\/streams\/[^/]+$/.test(path) && response.ok) {
          const meta = (await response.json()) as {
            data: { eventCount: number; latestEventId: string; latestSequence: number };
          };
          meta.data.eventCount += 1;
          meta.data.latestEventId = 'f'.repeat(64);
          meta.data.latestSequence += 1;
          return new Response(JSON.stringify(meta), { status: 200, headers: response.headers });
        }
        if (!/\/streams\/[^/]+\/events$/.test(path)) return response;
        const body = (await response.json()) as {
          data: { data: Record<string, unknown>[]; pagination: { total: number } };
        };
        const last = body.data.data[body.data.data.length - 1]!;
        body.data.data.push({
          ...last,
          id: 'f'.repeat(64),
          sequence: (last['sequence'] as number) + 1,
          payload: { deep: '__DEEP__' },
        });
        body.data.pagination.total += 1;
        let deep = '1';
        for (let i = 0; i < 12_000; i++) deep = `{"k":${deep}}`;
        const text = JSON.stringify(body).replace('"__DEEP__"', deep);
        return new Response(text, { status: 200, headers: response.headers });
      });
      const view = await new InvoiceLedger(lying, { trustDomain: DOMAIN }).getInvoice(invoiceId);
      expect(view.lifecycle.state).toBe('Acknowledged');
      expect(view.rejected.map((r) => r.code)).toEqual(['UNVERIFIABLE_EVENT']);
    });
  });
}
