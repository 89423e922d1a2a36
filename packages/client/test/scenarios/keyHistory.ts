// Key history in the read path: freezes, rotations and pending recoveries decide which of a
// signer's events count, judged at the time of the block that committed each one.

import {
  buildEvent,
  buildTrust,
  draftTitleTransfer,
  recoveredSigner,
  type Signer,
  signableBytes,
  signerFromPrivateKey,
  signTitleAsOwner,
  signTransaction,
  type TitleTx,
} from '@quidfin/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  grantTrust,
  InMemoryTrustStore,
  InvoiceLedger,
  type KeyEventSource,
  LedgerVerificationError,
  type QuidnugClient,
  readKeyEvents,
  VerifiedTrust,
} from '../../src/index.js';
import { DOMAIN, type Harness, type MakeHarness, TEST_NODE } from '../support/harness.js';

const HASH = 'ab'.repeat(32);
const ISSUED_AT = 1_763_000_000;

export function defineKeyHistorySuite(label: string, make: MakeHarness): void {
  describe(`read path with key history (${label})`, () => {
    let harness: Harness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    async function world(tag: number) {
      let offsetMs = 0;
      const h = await make({ ...TEST_NODE, now: () => Date.now() + offsetMs });
      harness = h;
      const client: QuidnugClient = h.client();
      // The devnode applies rotations but no route serves them: add them to what the node shows.
      const withRotations: KeyEventSource = async (quid, o) => [
        ...(await readKeyEvents(client, quid, o)).events,
        ...h.node.keyEvents(quid).filter((e) => e.kind === 'rotated'),
      ];
      const ledger = new InvoiceLedger(client, { trustDomain: DOMAIN, keyEvents: withRotations });
      const key = (n: number): Signer =>
        signerFromPrivateKey((0x7e1100 + tag * 10 + n).toString(16).padStart(64, '0'));
      const [supplier, buyer, cfo, bank, newKey] = [1, 2, 3, 4, 5].map(key) as [
        Signer,
        Signer,
        Signer,
        Signer,
        Signer,
      ];
      for (const [s, role] of [
        [supplier, 'supplier'],
        [buyer, 'buyer'],
        [cfo, 'guardian'],
        [bank, 'guardian'],
      ] as const) {
        await ledger.registerParticipant(s, { name: `${role}-${tag}`, role });
      }
      await ledger.setGuardians({
        subject: supplier,
        guardians: [{ quid: cfo.quidId }, { quid: bank.quidId }],
        threshold: 2,
        recoveryDelaySeconds: 3600,
        consentSigners: [cfo, bank],
      });
      let n = 0;
      const issue = (signer: Signer) =>
        ledger.issueInvoice(signer, {
          invoiceId: `kh-${tag}-${++n}`,
          invoiceNumber: `KH-${tag}-${n}`,
          buyerQuid: buyer.quidId,
          amountMinor: 2_500_000,
          currency: 'USD',
          issuedAt: ISSUED_AT,
          dueAt: ISSUED_AT + 60 * 86_400,
          terms: 'NET-60',
          invoiceHash: HASH,
        });
      const advance = (s: number): void => {
        offsetMs += s * 1000;
      };
      const recover = async (): Promise<void> => {
        await ledger.beginRecovery({
          subjectQuid: supplier.quidId,
          newPublicKey: newKey.publicKey,
          guardianSigners: [cfo, bank],
        });
        advance(3601);
        await ledger.completeRecovery({ subjectQuid: supplier.quidId, committer: cfo, newKey });
        advance(2);
      };
      return {
        h,
        client,
        ledger,
        supplier,
        buyer,
        cfo,
        bank,
        newKey,
        issue,
        advance,
        recover,
        withRotations,
      };
    }

    it("stolen key after freeze: the thief's new invoice has no valid title, so nothing of it counts", async () => {
      const w = await world(1);
      const before = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      // The thief holds the supplier's old key and issues a fresh invoice with it.
      const stolen = await w.issue(w.supplier);
      const read = w.ledger.getInvoice(stolen.title.assetId);
      await expect(read).rejects.toBeInstanceOf(LedgerVerificationError);
      await expect(read).rejects.toMatchObject({ reason: 'NO_VALID_TITLE', eventId: stolen.title.id });
      await expect(read).rejects.toThrow(/ISSUER_KEY_INVALID/);
      // Signed and committed before the freeze: still counts.
      const earlier = await w.ledger.getInvoice(before.title.assetId);
      expect(earlier.rejected).toEqual([]);
      expect(earlier.lifecycle.state).toBe('Issued');
      expect(earlier.keyEvents[w.supplier.quidId]?.map((e) => e.kind)).toEqual(['registered', 'frozen']);
    });

    it('stolen key after freeze: a transfer to the thief co-signed with the frozen key does not move the title', async () => {
      const w = await world(7);
      const thief = signerFromPrivateKey((0x7e1100 + 7 * 10 + 9).toString(16).padStart(64, '0'));
      await w.ledger.registerParticipant(thief, { name: 'thief-7', role: 'financier' });
      const inv = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      // The node still accepts the frozen key's co-signature, so the transfer commits.
      const transfer = await w.ledger.transferToFinancier(thief, inv.title.assetId, {
        financierQuid: thief.quidId,
        previousOwnerSigners: [w.supplier, w.buyer],
      });
      expect((await w.client.getTitle(inv.title.assetId)).id).toBe(transfer.id);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.title.id).toBe(inv.title.id);
      expect(view.title.owners?.map((o) => o.ownerId)).not.toContain(thief.quidId);
      expect(view.violations.map((v) => [v.code, v.ref])).toContainEqual([
        'CO_SIGNER_KEY_INVALID',
        transfer.id,
      ]);
      expect(view.lifecycle.state).toBe('Issued');
    });

    it("default key history: one pass over the node's blocks serves every signer of a read, and the frozen co-signer still cannot move the title", async () => {
      const w = await world(9);
      const thief = signerFromPrivateKey((0x7e1100 + 9 * 10 + 9).toString(16).padStart(64, '0'));
      await w.ledger.registerParticipant(thief, { name: 'thief-9', role: 'financier' });
      const inv = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      const transfer = await w.ledger.transferToFinancier(thief, inv.title.assetId, {
        financierQuid: thief.quidId,
        previousOwnerSigners: [w.supplier, w.buyer],
      });
      await w.client.waitForCommit(transfer);
      // A ledger with no key-event source of its own: the default reads the blocks it syncs.
      let blockPages = 0;
      const counted = w.h.client({}, async (request, respond) => {
        if (new URL(request.url).pathname.endsWith('/blocks')) blockPages++;
        return respond();
      });
      const reader = new InvoiceLedger(counted, { trustDomain: DOMAIN });
      const view = await reader.getInvoice(inv.title.assetId);
      expect(view.title.id).toBe(inv.title.id);
      expect(view.title.owners?.map((o) => o.ownerId)).not.toContain(thief.quidId);
      expect(view.violations.map((v) => [v.code, v.ref])).toContainEqual([
        'CO_SIGNER_KEY_INVALID',
        transfer.id,
      ]);
      expect(view.keyEvents[w.supplier.quidId]?.map((e) => e.kind)).toEqual(['registered', 'frozen']);
      // Supplier, buyer and thief are judged from the one sync (under 1,000 blocks: one page),
      // not from a scan of every block per signer.
      expect(Object.keys(view.keyEvents).length).toBeGreaterThanOrEqual(3);
      expect(blockPages).toBe(1);
      // What the read used is what readKeyEvents finds scanning the node on its own.
      for (const [quid, events] of Object.entries(view.keyEvents)) {
        expect(events).toEqual((await readKeyEvents(w.client, quid)).events);
      }
    });

    it('default key history: a pending guardian recovery on the signer holds its new events, as readKeyEvents does', async () => {
      const w = await world(10);
      const inv = await w.issue(w.supplier);
      await w.ledger.beginRecovery({
        subjectQuid: w.supplier.quidId,
        newPublicKey: w.newKey.publicKey,
        guardianSigners: [w.cfo, w.bank],
      });
      w.advance(5);
      const reader = new InvoiceLedger(w.client, { trustDomain: DOMAIN });
      const view = await reader.getInvoice(inv.title.assetId);
      expect(view.keyEvents[w.supplier.quidId]?.map((e) => e.kind)).toEqual([
        'registered',
        'recovery-opened',
      ]);
      expect(view.keyEvents[w.supplier.quidId]).toEqual(
        (await readKeyEvents(w.client, w.supplier.quidId)).events,
      );
    });

    it('stolen key after freeze: a TRUST edge signed with the frozen key does not count in verified trust', async () => {
      const w = await world(8);
      const accomplice = signerFromPrivateKey((0x7e1100 + 8 * 10 + 9).toString(16).padStart(64, '0'));
      const before = await grantTrust(w.client, {
        signer: w.supplier,
        trustDomain: DOMAIN,
        trustee: w.buyer.quidId,
        trustLevel: 0.8,
      });
      await w.client.waitForCommit(before.tx);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      // The thief vouches for an accomplice in the supplier's name, backdated before the freeze.
      const stolen = await buildTrust({
        signer: w.supplier,
        trustDomain: DOMAIN,
        trustee: accomplice.quidId,
        trustLevel: 0.95,
        nonce: 1,
        timestamp: ISSUED_AT,
      });
      await w.client.submitTrust(stolen);
      await w.client.waitForCommit(stolen);
      const trust = new VerifiedTrust(w.client);
      const stolenEdge = await trust.trustIn(w.supplier.quidId, accomplice.quidId);
      expect(stolenEdge.trustLevel).toBe(0);
      expect(stolenEdge.findings.map((f) => [f.code, f.txId])).toEqual([['TRUSTER_KEY_REVOKED', stolen.id]]);
      // The edge signed before the freeze still counts; the node itself counts both.
      expect((await trust.trustIn(w.supplier.quidId, w.buyer.quidId)).trustLevel).toBe(0.8);
      expect((await trust.nodeTrust(w.supplier.quidId, accomplice.quidId)).trustLevel).toBe(0.95);
    });

    it("stolen key after freeze, verified trust resumed from a saved store: the freeze before the cursor still refuses the thief's edge", async () => {
      const w = await world(11);
      const accomplice = signerFromPrivateKey((0x7e1100 + 11 * 10 + 9).toString(16).padStart(64, '0'));
      const before = await grantTrust(w.client, {
        signer: w.supplier,
        trustDomain: DOMAIN,
        trustee: w.buyer.quidId,
        trustLevel: 0.8,
      });
      await w.client.waitForCommit(before.tx);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      // A service synced past the freeze and saved its store; it restarts later from that cursor.
      const store = new InMemoryTrustStore();
      await new VerifiedTrust(w.client, { store }).sync();
      const stolen = await buildTrust({
        signer: w.supplier,
        trustDomain: DOMAIN,
        trustee: accomplice.quidId,
        trustLevel: 0.95,
        nonce: 2,
        timestamp: ISSUED_AT,
      });
      await w.client.submitTrust(stolen);
      await w.client.waitForCommit(stolen);
      const resumed = new VerifiedTrust(w.client, { store });
      const stolenEdge = await resumed.trustIn(w.supplier.quidId, accomplice.quidId);
      expect(stolenEdge.trustLevel).toBe(0);
      expect(stolenEdge.findings.map((f) => [f.code, f.txId])).toEqual([['TRUSTER_KEY_REVOKED', stolen.id]]);
      // The edge signed before the freeze (from the store) still counts.
      expect((await resumed.trustIn(w.supplier.quidId, w.buyer.quidId)).trustLevel).toBe(0.8);
    });

    /** Commits `tx` (signed by `issuer` over whatever `id` it carries: the node checks no id). */
    const submitAs = async (w: Awaited<ReturnType<typeof world>>, tx: TitleTx, issuer: Signer) => {
      const signed = { ...tx, signature: await issuer.sign(signableBytes({ ...tx, signature: '' })) };
      await w.client.submitTitle(signed);
      await w.client.waitForCommit(signed);
      return signed;
    };

    it("stolen key after freeze, under a borrowed id: a transfer carrying the invoice.issued event's id is refused, never judged at that event's block", async () => {
      const w = await world(11);
      const thief = signerFromPrivateKey((0x7e1100 + 11 * 10 + 9).toString(16).padStart(64, '0'));
      await w.ledger.registerParticipant(thief, { name: 'thief-11', role: 'financier' });
      const inv = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      const draft = draftTitleTransfer({
        signer: thief,
        current: inv.title,
        owners: [
          { ownerId: w.supplier.quidId, percentage: 0.02, stakeType: 'supplier' },
          { ownerId: w.buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
          { ownerId: thief.quidId, percentage: 0.96, stakeType: 'financier' },
        ],
      });
      // The id of a transaction committed before the freeze: looked up by id, its block time.
      const borrowed = { ...draft, id: inv.issued.id };
      const signatures: Record<string, string> = {};
      for (const c of [w.supplier, w.buyer]) signatures[c.quidId] = await signTitleAsOwner(borrowed, c);
      const theft = await submitAs(w, { ...borrowed, signatures }, thief);
      expect((await w.client.getTitle(inv.title.assetId)).signature).toBe(theft.signature);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.title.id).toBe(inv.title.id);
      expect(view.title.owners?.map((o) => o.ownerId)).not.toContain(thief.quidId);
      // Its id is not the one its fields derive: refused before custody could time it by that id.
      expect(view.violations.map((v) => [v.code, v.ref])).toContainEqual(['TX_ID_MISMATCH', inv.issued.id]);
    });

    it("stolen key after freeze, under a borrowed event id: a credit note carrying invoice.issued's id is refused, never judged at that event's block", async () => {
      const w = await world(14);
      const inv = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      const state = await w.client.streamState(inv.title.assetId);
      const credit = await buildEvent({
        signer: w.supplier,
        trustDomain: DOMAIN,
        subjectId: inv.title.assetId,
        subjectType: 'TITLE',
        eventType: 'invoice.credited',
        payload: {
          creditNoteId: 'cn-thief',
          amountMinor: 2_000_000,
          reason: 'thief',
          creditedAt: ISSUED_AT + 100,
        },
        sequence: state.latest + 1,
      });
      // Looked up by id, the time of the block that committed invoice.issued, before the freeze.
      const draft = { ...credit, id: inv.issued.id, signature: '' };
      const borrowed = { ...draft, signature: await w.supplier.sign(signableBytes(draft)) };
      await w.client.submitEvent(borrowed);
      await w.client.waitForCommit(borrowed);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.rejected.map((r) => [r.event.signature, r.code])).toEqual([
        [borrowed.signature, 'TX_ID_MISMATCH'],
      ]);
      expect(view.lifecycle.totals.creditedMinor).toBe(0);
      expect(view.lifecycle.totals.openMinor).toBe(2_500_000);
    });

    it("an event carrying the title's id does not re-time the title: the supplier's genuine title stands after its key was frozen", async () => {
      const w = await world(12);
      const inv = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      const state = await w.client.streamState(inv.title.assetId);
      const ev = await buildEvent({
        signer: w.supplier,
        trustDomain: DOMAIN,
        subjectId: inv.title.assetId,
        subjectType: 'TITLE',
        eventType: 'invoice.cancelled',
        payload: { reason: 'thief' },
        sequence: state.latest + 1,
      });
      const draft = { ...ev, id: inv.title.id, signature: '' };
      const posing = { ...draft, signature: await w.supplier.sign(signableBytes(draft)) };
      await w.client.submitEvent(posing);
      await w.client.waitForCommit(posing);
      // Before: the title was judged at the event's block, after the freeze: NO_VALID_TITLE.
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.title.id).toBe(inv.title.id);
      expect(view.custody.violations).toEqual([]);
      expect(view.rejected.map((r) => [r.event.signature, r.code])).toEqual([
        [posing.signature, 'TX_ID_MISMATCH'],
      ]);
      expect(view.lifecycle.state).toBe('Issued');
    });

    it('a re-signed copy of a transfer under a frozen key does not refuse the genuine transfer that shares its id', async () => {
      const w = await world(13);
      const [fin, attacker] = [8, 9].map((n) =>
        signerFromPrivateKey((0x7e1100 + 13 * 10 + n).toString(16).padStart(64, '0')),
      ) as [Signer, Signer];
      await w.ledger.registerParticipant(fin, { name: 'fin-13', role: 'financier' });
      await w.ledger.registerParticipant(attacker, { name: 'attacker-13', role: 'financier' });
      await w.ledger.freezeKey({ signer: attacker });
      w.advance(5);
      const inv = await w.issue(w.supplier);
      const sale = await w.ledger.transferToFinancier(fin, inv.title.assetId, {
        financierQuid: fin.quidId,
        previousOwnerSigners: [w.supplier, w.buyer],
      });
      // Anyone may put the issue's owners back (a replay without previousOwners), and then the
      // node takes a copy of the sale re-signed by the attacker's frozen key: same id.
      await submitAs(w, inv.title, w.supplier);
      const copy = await signTransaction({ ...sale, publicKey: '', signature: '' }, attacker);
      expect(copy.id).toBe(sale.id);
      await w.client.submitTitle(copy);
      await w.client.waitForCommit(copy);
      const view = await w.ledger.getInvoice(inv.title.assetId);
      expect(view.title.signature).toBe(sale.signature);
      expect(view.custody.accepted.map((t) => t.signature)).toEqual([inv.title.signature, sale.signature]);
      expect(view.custody.violations.map((v) => [v.version, v.code])).toEqual([
        [2, 'TITLE_OVERWRITE'],
        [3, 'ISSUER_KEY_INVALID'],
      ]);
    });

    it("backdated theft: the thief's event timestamped before the freeze is judged by its block, KEY_FROZEN", async () => {
      const w = await world(2);
      const { title } = await w.issue(w.supplier);
      w.advance(5);
      await w.ledger.freezeKey({ signer: w.supplier });
      w.advance(5);
      const state = await w.client.streamState(title.assetId);
      const backdated = await buildEvent({
        signer: w.supplier,
        trustDomain: DOMAIN,
        subjectId: title.assetId,
        subjectType: 'TITLE',
        eventType: 'invoice.cancelled',
        payload: { reason: 'thief' },
        sequence: state.latest + 1,
        timestamp: ISSUED_AT - 86_400,
      });
      await w.client.submitEvent(backdated);
      await w.client.waitForCommit(backdated);
      const view = await w.ledger.getInvoice(title.assetId);
      expect(view.rejected.map((r) => [r.event.id, r.code])).toEqual([[backdated.id, 'KEY_FROZEN']]);
      expect(view.lifecycle.state).toBe('Issued');
    });

    it('events signed before the rotation stay valid after it', async () => {
      const w = await world(3);
      const { title } = await w.issue(w.supplier);
      w.advance(5);
      await w.recover();
      const view = await w.ledger.getInvoice(title.assetId);
      expect(view.rejected).toEqual([]);
      expect(view.violations).toEqual([]);
      expect(view.events.map((e) => [e.eventType, e.signerQuid])).toEqual([
        ['invoice.issued', w.supplier.quidId],
      ]);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.roles[w.supplier.quidId]).toBe('supplier');
    });

    it("the recovered key's events count for the same quid", async () => {
      const w = await world(4);
      await w.recover();
      const { title } = await w.issue(recoveredSigner(w.newKey, w.supplier.quidId));
      const view = await w.ledger.getInvoice(title.assetId);
      expect(view.custody.supplierQuid).toBe(w.supplier.quidId);
      expect(view.rejected).toEqual([]);
      expect(view.events.map((e) => [e.eventType, e.signerQuid])).toEqual([
        ['invoice.issued', w.supplier.quidId],
      ]);
      expect(view.lifecycle.state).toBe('Issued');
      expect(view.keyEvents[w.supplier.quidId]?.map((e) => e.kind)).toContain('rotated');
    });

    it('superseded key: the old key used after the recovery is rejected KEY_SUPERSEDED', async () => {
      const w = await world(5);
      const { title } = await w.issue(w.supplier);
      // Recovery committed, identity not yet re-registered: the node still takes the old key.
      await w.ledger.beginRecovery({
        subjectQuid: w.supplier.quidId,
        newPublicKey: w.newKey.publicKey,
        guardianSigners: [w.cfo, w.bank],
      });
      w.advance(3601);
      await w.ledger.completeRecovery({ subjectQuid: w.supplier.quidId, committer: w.cfo });
      w.advance(2);
      const state = await w.client.streamState(title.assetId);
      const late = await buildEvent({
        signer: w.supplier,
        trustDomain: DOMAIN,
        subjectId: title.assetId,
        subjectType: 'TITLE',
        eventType: 'invoice.cancelled',
        payload: { reason: 'old key' },
        sequence: state.latest + 1,
        timestamp: Math.floor(Date.now() / 1000),
      });
      await w.client.submitEvent(late);
      await w.client.waitForCommit(late);
      const view = await w.ledger.getInvoice(title.assetId);
      expect(view.rejected.map((r) => [r.event.id, r.code])).toEqual([[late.id, 'KEY_SUPERSEDED']]);
      expect(view.lifecycle.state).toBe('Issued');
    });

    it('a pending recovery holds the view: KEY_RECOVERY_PENDING and recoveryPending name the quid', async () => {
      const w = await world(6);
      const { maturityUnix } = await w.ledger.beginRecovery({
        subjectQuid: w.supplier.quidId,
        newPublicKey: w.newKey.publicKey,
        guardianSigners: [w.cfo, w.bank],
      });
      w.advance(5);
      const { title } = await w.issue(w.supplier);
      const view = await w.ledger.getInvoice(title.assetId);
      expect(view.recoveryPending).toEqual([{ quid: w.supplier.quidId, since: maturityUnix - 3600 }]);
      expect(view.violations.map((v) => [v.code, v.ref])).toContainEqual([
        'KEY_RECOVERY_PENDING',
        w.supplier.quidId,
      ]);
      // Held, not rejected: the event is genuine and still counts.
      expect(view.events.map((e) => e.eventType)).toEqual(['invoice.issued']);
    });

    it('a clean read has no key holds and no key rejections', async () => {
      const w = await world(7);
      const { title } = await w.issue(w.supplier);
      const view = await w.ledger.getInvoice(title.assetId);
      expect(view.recoveryPending).toEqual([]);
      expect(view.rejected).toEqual([]);
      expect(view.violations).toEqual([]);
    });

    it("without a key history that shows the rotation, the recovered key's invoice is not trusted", async () => {
      const w = await world(8);
      await w.recover();
      const { title } = await w.issue(recoveredSigner(w.newKey, w.supplier.quidId));
      const plain = new InvoiceLedger(w.client, { trustDomain: DOMAIN });
      const error = await plain.getInvoice(title.assetId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerVerificationError);
      expect(error).toMatchObject({ reason: 'NO_VALID_TITLE' });
    });

    it("identity squatting: a stranger's IDENTITY under the supplier's quid, committed first, is not its epoch-0 key", async () => {
      const w = await world(9);
      const stranger = signerFromPrivateKey('7e'.repeat(32));
      const quid = signerFromPrivateKey('5a'.repeat(32));
      // The stranger registers the victim's quid with its own key before the victim does.
      const { buildIdentity } = await import('@quidfin/core');
      const squat = await buildIdentity({
        signer: recoveredSigner(stranger, quid.quidId),
        trustDomain: DOMAIN,
        name: 'squat',
        updateNonce: 1,
      });
      await w.client.submitIdentity(squat);
      await w.client.waitForCommit(squat);
      const own = await buildIdentity({ signer: quid, trustDomain: DOMAIN, name: 'victim', updateNonce: 2 });
      await w.client.submitIdentity(own);
      await w.client.waitForCommit(own);
      const { events } = await readKeyEvents(w.client, quid.quidId);
      expect(events).toEqual([expect.objectContaining({ kind: 'registered', publicKey: quid.publicKey })]);
    });
  });
}
