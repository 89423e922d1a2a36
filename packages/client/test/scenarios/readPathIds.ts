// Read-path attacks that lean on what the node never checks (adversarial review): transaction ids
// it never recomputes, the trust domain of an event, events its blocks hold but its stream hides,
// a decoy invoice.issued, and block timestamps it serves unsigned.
import {
  buildEvent,
  draftTitleTransfer,
  ownerSignableBytes,
  type Signer,
  signableBytes,
  signerFromPrivateKey,
  type TitleTx,
} from '@quidfin/core';
import { afterEach, describe, expect, it } from 'vitest';
import { InvoiceLedger, invoiceOwners, ownersAfterFactoring } from '../../src/index.js';
import { DOMAIN, type Harness, type Interceptor, type MakeHarness, TEST_NODE } from '../support/harness.js';

const ISSUED_AT = 1_763_000_000;
const OTHER_DOMAIN = 'sandbox.test';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function defineReadPathIdSuite(label: string, make: MakeHarness): void {
  describe(`read path: ids, domains, hidden events, block times (${label})`, () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    /** A world with supplier, buyer and a third party; `hostile` rewrites GET answers once set. */
    // biome-ignore lint/suspicious/noExplicitAny: a hostile node rewrites whatever JSON it serves
    async function world(tag: number, rewrite?: (path: string, body: any) => void) {
      let offsetMs = 0;
      const h = await make({
        ...TEST_NODE,
        domains: [DOMAIN, OTHER_DOMAIN],
        now: () => Date.now() + offsetMs,
      });
      harness = h;
      const state = { hostile: false };
      const intercept: Interceptor = async (request, respond) => {
        const response = await respond();
        if (!state.hostile || request.method !== 'GET' || rewrite === undefined) return response;
        // biome-ignore lint/suspicious/noExplicitAny: as above
        const body = (await response.json()) as any;
        rewrite(new URL(request.url).pathname, body);
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      };
      const client = h.client({}, intercept);
      const ledger = new InvoiceLedger(client, { trustDomain: DOMAIN });
      const key = (n: number): Signer =>
        signerFromPrivateKey((0x1d5000 + tag * 10 + n).toString(16).padStart(64, '0'));
      const [supplier, buyer, other] = [key(1), key(2), key(3)] as [Signer, Signer, Signer];
      for (const [s, role] of [
        [supplier, 'supplier'],
        [buyer, 'buyer'],
        [other, 'financier'],
      ] as const) {
        await ledger.registerParticipant(s, { name: `${role}-${tag}`, role });
      }
      const issue = () =>
        ledger.issueInvoice(supplier, {
          invoiceId: `rp-${tag}`,
          invoiceNumber: `RP-${tag}`,
          buyerQuid: buyer.quidId,
          amountMinor: 2_500_000,
          currency: 'USD',
          issuedAt: ISSUED_AT,
          dueAt: ISSUED_AT + 60 * 86_400,
          terms: 'NET-60',
          invoiceHash: 'ab'.repeat(32),
        });
      /** Moves the node's clock (its block times) forward by `seconds`. */
      const advance = (seconds: number): void => {
        offsetMs += seconds * 1000;
      };
      return { h, client, ledger, supplier, buyer, other, issue, state, advance };
    }

    /** A transfer to `to`, co-signed by supplier and buyer, with its id replaced when `id` is given. */
    async function transfer(w: Awaited<ReturnType<typeof world>>, assetId: string, to: Signer, id?: string) {
      const current = await w.client.getTitle(assetId);
      const d = draftTitleTransfer({
        signer: to,
        current,
        owners: ownersAfterFactoring(current.owners ?? [], to.quidId),
      });
      if (id !== undefined) d.id = id; // the node never recomputes an id (PROTOCOL §3)
      const signatures: Record<string, string> = {};
      for (const s of [w.supplier, w.buyer]) signatures[s.quidId] = await s.sign(ownerSignableBytes(d));
      const tx = { ...d, signatures } as TitleTx;
      tx.signature = await to.sign(signableBytes(tx));
      await w.client.submitTitle(tx);
      for (let i = 0; i < 200 && (await w.client.getTitle(assetId)).signature !== tx.signature; i++)
        await pause(25);
      return tx;
    }

    it("stolen key after freeze, id borrowed from a pre-freeze event: the thief's transfer is refused on its id and the title stays with the supplier", async () => {
      const w = await world(1);
      const inv = await w.issue();
      // Hours between the issue, the freeze and the theft (far more than clocks ever differ).
      w.advance(3600);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(3600);
      const stolen = await transfer(w, inv.title.assetId, w.other, inv.issued.id);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.nodeTitle.signature).toBe(stolen.signature);
      expect(view.title.signature).not.toBe(stolen.signature);
      expect(view.title.owners?.map((o) => o.ownerId)).not.toContain(w.other.quidId);
      expect(view.violations.map((v) => v.code)).toContain('TX_ID_MISMATCH');
    });

    it("a stranger's overwrite carrying the genuine first version's id is refused on its own id; the genuine version keeps its supplier", async () => {
      const w = await world(2);
      const inv = await w.issue();
      const forged = {
        id: inv.title.id,
        type: 'TITLE',
        trustDomain: DOMAIN,
        timestamp: Math.floor(Date.now() / 1000),
        signature: '',
        publicKey: w.other.publicKey,
        assetId: inv.title.assetId,
        titleType: 'invoice',
        signatures: {},
        owners: invoiceOwners({ supplierQuid: w.other.quidId, buyerQuid: w.buyer.quidId }),
      } as unknown as TitleTx;
      forged.signature = await w.other.sign(signableBytes(forged));
      await w.client.submitTitle(forged);
      for (
        let i = 0;
        i < 200 && (await w.client.getTitle(inv.title.assetId)).signature !== forged.signature;
        i++
      )
        await pause(25);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.custody.supplierQuid).toBe(w.supplier.quidId);
      expect(view.title.signature).toBe(inv.title.signature);
      const codes = view.violations.map((v) => v.code);
      expect(codes).toContain('TX_ID_MISMATCH');
      expect(codes).not.toContain('FIRST_ISSUER_NOT_SUPPLIER');
    });

    it("decoy invoice.issued naming another buyer: the real buyer's dispute counts and the decoy is flagged", async () => {
      const w = await world(3);
      const assetId = 'rp-decoy-3';
      const { buildTitle } = await import('@quidfin/core');
      const title = await buildTitle({
        signer: w.supplier,
        trustDomain: DOMAIN,
        assetId,
        titleType: 'invoice',
        owners: invoiceOwners({ supplierQuid: w.supplier.quidId, buyerQuid: w.buyer.quidId }),
      });
      await w.client.submitTitle(title);
      await w.client.waitForCommit(title);
      let sequence = 0;
      const post = async (s: Signer, eventType: string, payload: Record<string, string | number>) => {
        const tx = await buildEvent({
          signer: s,
          trustDomain: DOMAIN,
          subjectId: assetId,
          subjectType: 'TITLE',
          sequence: ++sequence,
          eventType,
          payload,
        });
        await w.client.submitEvent(tx);
        await w.client.waitForCommit(tx);
      };
      const issued = (buyerQuid: string) => ({
        invoiceId: assetId,
        invoiceNumber: 'DC-3',
        supplierQuid: w.supplier.quidId,
        buyerQuid,
        amountMinor: 2_500_000,
        currency: 'USD',
        issuedAt: ISSUED_AT,
        dueAt: ISSUED_AT + 60 * 86_400,
        terms: 'NET-60',
        invoiceHash: 'ab'.repeat(32),
      });
      await post(w.supplier, 'invoice.issued', issued(w.other.quidId));
      await post(w.supplier, 'invoice.issued', issued(w.buyer.quidId));
      await post(w.buyer, 'buyer.disputed', {
        buyerQuid: w.buyer.quidId,
        disputeId: 'd-1',
        disputedAmountMinor: 2_500_000,
        reason: 'goods never received',
        disputedAt: ISSUED_AT + 86_400,
      });
      const view = await w.ledger.getInvoice(assetId);
      expect(view.lifecycle.state).toBe('Disputed');
      expect(view.rejected.map((r) => r.event.eventType)).not.toContain('buyer.disputed');
      expect(view.violations.map((v) => v.code)).toContain('ISSUE_REFUSED');
    });

    it('an acknowledgement signed in another trust domain does not count on this invoice', async () => {
      const w = await world(4);
      const inv = await w.issue();
      const ack = await buildEvent({
        signer: w.buyer,
        trustDomain: OTHER_DOMAIN,
        subjectId: inv.title.assetId,
        subjectType: 'TITLE',
        sequence: 2,
        eventType: 'buyer.acknowledged',
        payload: {
          buyerQuid: w.buyer.quidId,
          acknowledgedAmountMinor: 2_500_000,
          acknowledgedAt: ISSUED_AT + 86_400,
        },
      });
      await w.client.submitEvent(ack);
      await w.client.waitForCommit(ack);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.rejected.map((r) => [r.event.id, r.code])).toContainEqual([ack.id, 'WRONG_DOMAIN']);
    });

    it('a node that hides a committed dispute from its stream (metadata adjusted) while its blocks show it: the read is flagged, not read as acknowledged', async () => {
      let hideId = '';
      let prevId = '';
      const w = await world(5, (path, body) => {
        if (/\/streams\/[^/]+\/events$/.test(path)) {
          body.data.data = body.data.data.filter((e: { id: string }) => e.id !== hideId);
          body.data.pagination.total = body.data.data.length;
        } else if (/\/streams\/[^/]+$/.test(path) && body.data?.latestEventId === hideId) {
          body.data.eventCount -= 1;
          body.data.latestEventId = prevId;
          body.data.latestSequence -= 1;
        }
      });
      const inv = await w.issue();
      const ack = await w.ledger.acknowledge(w.buyer, inv.title.assetId, {
        acknowledgedAmountMinor: 2_500_000,
      });
      prevId = ack.id;
      const dispute = await w.ledger.dispute(w.buyer, inv.title.assetId, {
        disputeId: 'd-1',
        disputedAmountMinor: 2_500_000,
        reason: 'not delivered',
      } as never);
      hideId = dispute.id;
      w.state.hostile = true;
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.violations.map((v) => [v.code, v.ref])).toContainEqual(['STREAM_INCOMPLETE', dispute.id]);
    });

    it('a node that backdates the block holding a frozen-key transfer (timestamps going backwards) is refused, not believed', async () => {
      let transferId = '';
      let backdateTo = 0;
      const w = await world(6, (path, body) => {
        if (/\/blocks$/.test(path)) {
          for (const b of body.data.data)
            if (b.transactions?.some((t: { id: string }) => t.id === transferId)) b.timestamp = backdateTo;
        }
      });
      const inv = await w.issue();
      const blocks = await w.client.listBlocks({ offset: 0, limit: 1000 });
      backdateTo =
        blocks.items.find((b) => b.transactions.some((t) => t['id'] === inv.title.id))?.timestamp ?? 0;
      // Hours between the issue, the freeze and the theft (far more than clocks ever differ).
      w.advance(3600);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(3600);
      const stolen = await transfer(w, inv.title.assetId, w.other);
      transferId = stolen.id;
      w.state.hostile = true;
      const read = w.ledger.getInvoice(inv.title.assetId);
      await expect(read).rejects.toMatchObject({ code: 'RESPONSE_VALIDATION' });
      await expect(read).rejects.toThrow(/timestamp/);
    });
  });
}
