// quidfin end-to-end demo: B2B invoice financing on Quidnug, told as a story with real signed
// transactions on a real node API (the embedded devnode on loopback, or QUIDNUG_NODE).
//
//   npm run demo
//   QUIDNUG_NODE=http://localhost:8080 npm run demo     # against a running Quidnug node
//
// Every step checks its outcome; the process exits non-zero if any check fails.
import { pathToFileURL } from 'node:url';
import { InvoiceLedger } from '@quidfin/client';
import {
  buildEvent,
  formatMoney,
  generateSigner,
  type Signer,
  signInvoiceDocument,
  signTransaction,
  type TrustTx,
  verifyInvoiceDocument,
} from '@quidfin/core';
import { pocPolicy, standardPolicy } from '@quidfin/factoring';
import { createRfReference, parseStatement, reconcile } from '@quidfin/reconcile';
import { connect } from '../shared/connect.js';
import { openInvoicesOf } from '../shared/openInvoices.js';
import { formatConfidence, textTable } from '../shared/textTable.js';
import { type Cast, createCast, labelOf } from './cast.js';
import { invoiceDocument } from './document.js';
import { eInvoiceChapter } from './eInvoiceChapter.js';
import { type EvaluateOptions, evaluate } from './evaluate.js';
import { keyCompromiseChapter, RECOVERY_DELAY_SECONDS } from './keyCompromise.js';
import { Narrator, table } from './narrator.js';
import { camt053 } from './statement.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';
const DAY = 86_400;
const usd = (minor: number) => formatMoney(minor, 'USD', 'en-US');
const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

export interface DemoResult {
  readonly failures: readonly string[];
  readonly states: Readonly<Record<string, string>>;
}

export async function main(): Promise<DemoResult> {
  const say = new Narrator(10);
  const { client, description, close, devnode } = await connect(TRUST_DOMAIN);
  const states: Record<string, string> = {};
  try {
    say.title('quidfin demo: invoice financing and reconciliation on Quidnug');
    console.log(`Node: ${description}; trust domain ${TRUST_DOMAIN}`);
    // On the devnode the read path also learns the key rotations it applied (chapter 10).
    const ledger = new InvoiceLedger(client, {
      trustDomain: TRUST_DOMAIN,
      ...(devnode ? { keyEvents: devnode.keyEvents } : {}),
    });
    const cast = createCast();
    const { supplier, buyer, carrier, bureau, financierF: F, financierG: G } = cast;
    // Unique invoice numbers per run, so the story can be replayed on a node that keeps its state.
    const run = Date.now().toString(36).toUpperCase();
    const now = Math.floor(Date.now() / 1000);

    // 1. ------------------------------------------------------------------------------------
    say.step('Register the participants (IDENTITY transactions, one P-256 quid each)');
    await Promise.all(
      [supplier, buyer, carrier, bureau, F, G].map((p) =>
        ledger.registerParticipant(p.signer, {
          name: p.name,
          role: p.role,
          ...(p === supplier ? { documentKey: cast.documentKey.publicKey } : {}),
        }),
      ),
    );
    for (const p of [supplier, buyer, carrier, bureau, F, G]) {
      const identity = await client.getIdentity(p.signer.quidId);
      say.done(`${p.role.padEnd(13)} ${p.name.padEnd(24)} quid ${p.signer.quidId}`);
      say.expect(identity.attributes?.['role'] === p.role, `${p.name} is registered as ${p.role}`);
    }
    // The supplier's guardians, for the day its key is stolen (chapter 10).
    let guardians: { cfo: Signer; bank: Signer } | undefined;
    if (devnode) {
      guardians = { cfo: generateSigner().signer, bank: generateSigner().signer };
      for (const [g, name] of [
        [guardians.cfo, "Acme's CFO"],
        [guardians.bank, "Acme's bank"],
      ] as const) {
        await ledger.registerParticipant(g, { name, role: 'guardian' });
      }
      await ledger.setGuardians({
        subject: supplier.signer,
        guardians: [{ quid: guardians.cfo.quidId }, { quid: guardians.bank.quidId }],
        threshold: 2,
        recoveryDelaySeconds: RECOVERY_DELAY_SECONDS,
        consentSigners: [guardians.cfo, guardians.bank],
      });
      say.done(`guardian set of ${supplier.name}: its CFO and its bank, 2 of 2, a one-hour time lock`);
    } else {
      say.done('no guardian set: a real node never commits guardian anchors (docs/protocol/guardians.md §1)');
    }
    const supplierIdentity = await client.getIdentity(supplier.signer.quidId);
    say.detail(
      `supplier's document key bound in its identity: ${[supplierIdentity.attributes?.['documentKeys'] ?? []].flat().join(', ')}`,
    );

    // 2. ------------------------------------------------------------------------------------
    say.step('Publish relational trust (TRUST transactions, the bureau with an expiry)');
    const bureauExpiry = now + 90 * DAY;
    for (const [party, level, why] of [
      [supplier, 0.85, 'verified; 7 yr good payment history & A- rating'],
      [buyer, 0.9, 'A+ rated; public company'],
      [carrier, 0.8, 'licensed carrier, 12 yr record'],
    ] as const) {
      await ledger.publishTrust(bureau.signer, {
        trustee: party.signer.quidId,
        trustLevel: level,
        validUntil: bureauExpiry,
        description: why,
      });
      say.done(
        `${bureau.name} -> ${party.name}: ${level} until ${new Date(bureauExpiry * 1000).toISOString().slice(0, 10)}`,
      );
    }
    await ledger.publishTrust(F.signer, {
      trustee: bureau.signer.quidId,
      trustLevel: 0.9,
      description: 'primary credit-data source',
    });
    await ledger.publishTrust(G.signer, {
      trustee: bureau.signer.quidId,
      trustLevel: 0.85,
      description: 'secondary credit-data source',
    });
    await ledger.publishTrust(F.signer, {
      trustee: G.signer.quidId,
      trustLevel: 0.8,
      description: 'peer financier',
    });
    say.done(`${F.name} -> bureau 0.9, ${G.name} -> bureau 0.85, ${F.name} -> ${G.name} 0.8`);
    const tS = await ledger.trustIn(F.signer.quidId, supplier.signer.quidId);
    const tB = await ledger.trustIn(F.signer.quidId, buyer.signer.quidId);
    say.done(
      `relational trust seen by ${F.name}: supplier ${tS.trustLevel.toFixed(4)}, buyer ${tB.trustLevel.toFixed(4)} (via the bureau)`,
    );
    say.expect(
      Math.abs(tS.trustLevel - 0.765) < 1e-9 && Math.abs(tB.trustLevel - 0.81) < 1e-9,
      'trust decays multiplicatively along the path: 0.9 x 0.85 = 0.765, 0.9 x 0.9 = 0.81',
    );
    // A stranger signs "bureau -> supplier 1.0". The node checks the signature but not whose key
    // made it, so it counts the edge; quidfin computes trust from edges it verified itself.
    const stranger = generateSigner().signer;
    const forgedEdge = await signTransaction(
      {
        id: '',
        type: 'TRUST',
        trustDomain: TRUST_DOMAIN,
        timestamp: now,
        signature: '',
        publicKey: '',
        truster: bureau.signer.quidId,
        trustee: supplier.signer.quidId,
        trustLevel: 1,
        nonce: 1_000_000,
      } satisfies TrustTx,
      stranger,
    );
    await client.submitTrust(forgedEdge);
    await client.waitForCommit(forgedEdge);
    const nodeSays = await ledger.nodeTrust(F.signer.quidId, supplier.signer.quidId);
    const weSay = await ledger.trustIn(F.signer.quidId, supplier.signer.quidId);
    say.done(
      `a stranger's forged "bureau -> supplier 1.0": the node now answers ${nodeSays.trustLevel.toFixed(4)} (unverified), quidfin ${weSay.trustLevel.toFixed(4)}`,
    );
    say.expect(
      Math.abs(weSay.trustLevel - 0.765) < 1e-9 &&
        weSay.findings.some((f) => f.code === 'SIGNER_NOT_TRUSTER' && f.txId === forgedEdge.id),
      'the forged edge does not count and is reported (SIGNER_NOT_TRUSTER)',
    );

    // 3. ------------------------------------------------------------------------------------
    say.step(
      'The supplier signs the invoice document (Ed25519) and issues the invoice (TITLE + invoice.issued)',
    );
    const financiers = [F.signer.quidId, G.signer.quidId];
    const issue = async (
      n: number,
      lines: readonly (readonly [string, number, number])[],
      issuedAt = now - 2 * DAY,
      signer: Signer = supplier.signer,
    ) => {
      const invoiceNumber = `INV-${run}-${n}`;
      const paymentReference = createRfReference(`${run}${n}`);
      const document = invoiceDocument(cast, {
        invoiceNumber,
        issuedAt,
        netDays: 60,
        paymentReference,
        lines,
      });
      const jws = signInvoiceDocument(document, cast.documentKey.secret, { kid: supplier.signer.quidId });
      const invoiceId = `acme:${invoiceNumber}`;
      await ledger.issueInvoice(signer, {
        invoiceId,
        invoiceNumber,
        buyerQuid: buyer.signer.quidId,
        carrierQuid: carrier.signer.quidId,
        financierQuids: financiers,
        amountMinor: Number(document.totalMinor),
        currency: 'USD',
        issuedAt,
        dueAt: issuedAt + 60 * DAY,
        terms: 'NET-60',
        paymentReference,
        poReference: document.poReference ?? '',
        document,
      });
      return { invoiceId, invoiceNumber, document, jws, paymentReference };
    };
    const inv1 = await issue(1, [
      ['Industrial widget, model W-400', 320, 12_500],
      ['On-site installation', 1, 1_000_000],
    ]);
    say.done(
      `${inv1.invoiceNumber}: ${usd(Number(inv1.document.totalMinor))}, NET-60, title ${inv1.invoiceId} co-owned by supplier 92% and buyer, carrier, two financiers 2% each`,
    );
    const view1 = await ledger.getInvoice(inv1.invoiceId);
    const check = verifyInvoiceDocument(inv1.document, inv1.jws, {
      documentPublicKey: cast.documentKey.publicKey,
      identityAttributes: supplierIdentity.attributes ?? {},
      ...(view1.lifecycle.issued ? { issued: view1.lifecycle.issued } : {}),
    });
    say.expect(
      check.ok,
      `financier checks the document: hash on the stream, Ed25519 signature, key bound to the supplier's quid`,
    );
    const tampered = {
      ...inv1.document,
      totalMinor: '4900000',
      subtotalMinor: '4900000',
      lineItems: [
        { ...inv1.document.lineItems[0]!, quantity: '312', amountMinor: '3900000' },
        inv1.document.lineItems[1]!,
      ],
    };
    const tamperedCheck = verifyInvoiceDocument(tampered, inv1.jws, {
      documentPublicKey: cast.documentKey.publicKey,
      identityAttributes: supplierIdentity.attributes ?? {},
    });
    say.expect(
      !tamperedCheck.ok,
      `an altered copy of the document is refused (${tamperedCheck.ok ? 'accepted!' : tamperedCheck.code})`,
    );

    // 4. ------------------------------------------------------------------------------------
    say.step(
      `${F.name} evaluates while the goods move (carrier.shipped, carrier.delivered, buyer.acknowledged)`,
    );
    const asF: EvaluateOptions = {
      client,
      ledger,
      financier: F.signer,
      policy: standardPolicy(),
      // F's book: a credit limit on file for the buyer (without one the invoice would be held).
      portfolio: { buyerLimitMinor: { [buyer.signer.quidId]: 100_000_000 } },
      trustDomain: TRUST_DOMAIN,
    };
    const asG: EvaluateOptions = { ...asF, financier: G.signer };
    const first = await evaluate(inv1.invoiceId, asF);
    say.done(`evaluation 1: ${first.decision.outcome.toUpperCase()} (${topReasons(first.decision.reasons)})`);
    say.expect(
      first.decision.outcome === 'pending' && has(first.decision, 'DELIVERY_MISSING'),
      'pending: no delivery yet',
    );
    await ledger.attestShipment(carrier.signer, inv1.invoiceId, { billOfLading: `BOL-${run}-1` });
    await ledger.attestDelivery(carrier.signer, inv1.invoiceId, {
      deliveryProof: `POD-${run}-1, signed at dock 4`,
    });
    say.done(`${carrier.name} attested shipment and delivery`);
    const second = await evaluate(inv1.invoiceId, asF);
    say.done(
      `evaluation 2: ${second.decision.outcome.toUpperCase()} (${topReasons(second.decision.reasons)})`,
    );
    say.expect(
      second.decision.outcome === 'pending' && has(second.decision, 'ACK_MISSING'),
      'pending: the buyer has not acknowledged',
    );
    await ledger.acknowledge(buyer.signer, inv1.invoiceId, {
      acknowledgedAmountMinor: Number(inv1.document.totalMinor),
      expectedPayDate: now + 58 * DAY,
    });
    say.done(`${buyer.name} acknowledged ${usd(Number(inv1.document.totalMinor))}`);

    // 5. ------------------------------------------------------------------------------------
    say.step(`${F.name} approves and buys; ${G.name} is refused (double factoring)`);
    const approval = await evaluate(inv1.invoiceId, asF);
    const offer = approval.decision.offer;
    say.done(`decision: ${approval.decision.outcome.toUpperCase()}`);
    say.expect(approval.decision.outcome === 'approve' && offer !== null, 'approved with an offer');
    if (offer) {
      say.detail(
        `face ${usd(offer.faceMinor)}, eligible ${usd(offer.eligibleMinor)}, advance ${pct(offer.advanceRateBps)} = ${usd(offer.advanceMinor)}, reserve ${usd(offer.reserveMinor)}`,
      );
      say.detail(
        `fee ${usd(offer.feeMinor)} (${pct(offer.discountBps)} of face, APR-equivalent ${pct(offer.aprBps)}), expected rebate ${usd(offer.expectedRebateMinor)}, ${offer.recourse ? 'recourse' : 'non-recourse'}`,
      );
    }
    for (const r of approval.decision.reasons.slice(0, 4)) say.detail(`${r.code}: ${r.message}`);
    const poc = await evaluate(inv1.invoiceId, { ...asF, policy: pocPolicy() });
    const compat = poc.decision.compat;
    say.done(
      `proof-of-concept pricing for comparison: discount ${compat ? (compat.discountFraction * 100).toFixed(3) : '?'}%, offer ${compat ? usd(compat.offerPriceCents) : '?'}`,
    );
    say.expect(
      compat?.offerPriceCents === 4_848_250 && Math.abs((compat?.discountFraction ?? 0) - 0.03035) < 1e-12,
      'the upstream demo figures reproduce exactly: 3.035% and $48,482.50',
    );
    if (offer) {
      await ledger.recordFactorPurchase(F.signer, inv1.invoiceId, {
        purchasePriceMinor: offer.purchasePriceMinor,
        advanceMinor: offer.advanceMinor,
        discountBps: offer.discountBps,
        recourse: offer.recourse,
      });
      say.done(
        `factor.purchased recorded: price ${usd(offer.purchasePriceMinor)}, advance ${usd(offer.advanceMinor)}`,
      );
    }
    await ledger.transferToFinancier(F.signer, inv1.invoiceId, {
      financierQuid: F.signer.quidId,
      previousOwnerSigners: [supplier.signer, buyer.signer, carrier.signer, F.signer, G.signer],
    });
    const title1 = await client.getTitle(inv1.invoiceId);
    const top = [...(title1.owners ?? [])].sort((a, b) => b.percentage - a.percentage)[0];
    say.done(
      `title transferred: every previous owner co-signed; ${labelOf(cast, top?.ownerId ?? '')} now holds ${((top?.percentage ?? 0) * 100).toFixed(0)}%`,
    );
    say.expect(top?.ownerId === F.signer.quidId, `${F.name} is the title's main owner`);
    const late = await evaluate(inv1.invoiceId, asG);
    say.done(`${G.name}: ${late.decision.outcome.toUpperCase()} (${topReasons(late.decision.reasons)})`);
    say.expect(
      late.decision.outcome === 'reject' && has(late.decision, 'DOUBLE_FACTORED'),
      'rejected: the invoice was already factored',
    );

    // 6. ------------------------------------------------------------------------------------
    say.step('Fraud: a signal on a second invoice, a forged delivery on a third');
    const inv2 = await issue(2, [['Industrial widget, model W-900', 400, 20_000]]);
    await ledger.attestShipment(carrier.signer, inv2.invoiceId, { billOfLading: `BOL-${run}-2` });
    await ledger.attestDelivery(carrier.signer, inv2.invoiceId, { deliveryProof: `POD-${run}-2` });
    await ledger.acknowledge(buyer.signer, inv2.invoiceId, { acknowledgedAmountMinor: 8_000_000 });
    await ledger.reportFraud(G.signer, inv2.invoiceId, {
      kind: 'invoice-forged',
      evidence: 'PO number matches another invoice for a different buyer',
      severity: 'high',
    });
    const fraud = await evaluate(inv2.invoiceId, asF);
    say.done(
      `${inv2.invoiceNumber} (${usd(8_000_000)}), fraud.signal.invoice-forged by ${G.name}: ${fraud.decision.outcome.toUpperCase()} (${topReasons(fraud.decision.reasons)})`,
    );
    say.expect(
      fraud.decision.outcome === 'reject' && has(fraud.decision, 'FRAUD_SIGNAL'),
      'rejected: a trusted co-owner reported fraud',
    );

    const inv3 = await issue(3, [['Industrial widget, model W-400', 480, 12_500]]);
    await ledger.attestShipment(carrier.signer, inv3.invoiceId, { billOfLading: `BOL-${run}-3` });
    // The supplier signs a delivery the carrier never attested. The node accepts it (any co-owner
    // may write to the stream); quidfin checks who signed what.
    const stream = await client.streamState(inv3.invoiceId);
    const forged = await buildEvent({
      signer: supplier.signer,
      trustDomain: TRUST_DOMAIN,
      subjectId: inv3.invoiceId,
      subjectType: 'TITLE',
      sequence: stream.latest + 1,
      eventType: 'carrier.delivered',
      payload: { carrierQuid: carrier.signer.quidId, deliveryProof: 'POD-FAKE', deliveredAt: now },
    });
    await client.submitEvent(forged);
    await client.waitForCommit(forged);
    await ledger.acknowledge(buyer.signer, inv3.invoiceId, { acknowledgedAmountMinor: 6_000_000 });
    const forgery = await evaluate(inv3.invoiceId, asF);
    say.done(
      `${inv3.invoiceNumber}: carrier.delivered signed by the supplier, not the carrier: ${forgery.decision.outcome.toUpperCase()} (${topReasons(forgery.decision.reasons)})`,
    );
    say.expect(
      forgery.view.rejected.some((r) => r.event.eventType === 'carrier.delivered'),
      'the ledger refuses to count the forged delivery',
    );
    say.expect(
      forgery.decision.outcome === 'reject' && has(forgery.decision, 'SUPPLIER_FORGED_ATTESTATION'),
      'rejected: the supplier forged an attestation',
    );

    // 7. ------------------------------------------------------------------------------------
    say.step('A dispute, settled with a credit note');
    const inv4 = await issue(4, [['Industrial widget, model W-200', 300, 10_000]]);
    await ledger.attestShipment(carrier.signer, inv4.invoiceId, { billOfLading: `BOL-${run}-4` });
    await ledger.attestDelivery(carrier.signer, inv4.invoiceId, { deliveryProof: `POD-${run}-4` });
    const disputeId = `DSP-${run}-4`;
    await ledger.dispute(buyer.signer, inv4.invoiceId, {
      disputeId,
      disputedAmountMinor: 450_000,
      reason: '45 units damaged in transit',
    });
    const disputed = await ledger.getInvoice(inv4.invoiceId);
    say.done(
      `${buyer.name} disputes ${usd(450_000)} of ${inv4.invoiceNumber}: state ${disputed.lifecycle.state}`,
    );
    say.expect(disputed.lifecycle.state === 'Disputed', 'the invoice is Disputed');
    const creditNoteId = `CN-${run}-4`;
    await ledger.credit(supplier.signer, inv4.invoiceId, {
      creditNoteId,
      amountMinor: 450_000,
      reason: 'damaged units',
      disputeId,
    });
    await ledger.resolveDispute(buyer.signer, inv4.invoiceId, {
      disputeId,
      outcome: 'credited',
      creditNoteId,
    });
    const settled = await ledger.getInvoice(inv4.invoiceId);
    say.done(
      `credit note ${creditNoteId} for ${usd(450_000)}, dispute resolved: state ${settled.lifecycle.state}, open ${usd(settled.lifecycle.totals.openMinor)}`,
    );
    say.expect(
      settled.lifecycle.state === 'Delivered' && settled.lifecycle.totals.openMinor === 2_550_000,
      'back to Delivered with 2,550,000 cents open',
    );

    // 8. ------------------------------------------------------------------------------------
    say.step('A camt.053 bank statement arrives; reconciliation matches it and posts payment.received');
    const inv5 = await issue(5, [['Spare parts kit', 120, 10_000]]);
    const inv6 = await issue(6, [['Spare parts kit', 80, 10_000]]);
    const inv7 = await issue(7, [['Industrial widget, model W-200', 300, 10_000]]);
    say.done(
      `open receivables: ${[inv4, inv5, inv6, inv7].map((i) => i.invoiceNumber).join(', ')} (plus the two refused ones)`,
    );
    const payer = { payerName: 'MEGACORP USA INC', payerIban: 'GB33BUKB20201555555555' };
    const xml = camt053(new Date().toISOString().slice(0, 10), 'DE89370400440532013000', supplier.name, [
      { ref: `${run}-A`, amountMinor: 2_550_000, creditorReference: inv4.paymentReference, ...payer },
      {
        ref: `${run}-B`,
        amountMinor: 2_000_000,
        unstructured: `Payment ${inv5.invoiceNumber} and ${inv6.invoiceNumber}`,
        ...payer,
      },
      { ref: `${run}-C`, amountMinor: 1_000_000, creditorReference: inv7.paymentReference, ...payer },
    ]);
    const { statements } = parseStatement(new TextEncoder().encode(xml));
    const transactions = statements.flatMap((s) => s.transactions);
    const { invoices, ledgerEvents } = await openInvoicesOf(client, ledger, supplier.signer.quidId);
    const result = reconcile({ transactions, invoices, ledgerEvents });
    const numberOf = new Map(invoices.map((i) => [i.invoiceId, i.invoiceNumber]));
    const statementRows = result.lines.map((line) => {
      const tx = transactions.find((t) => t.id === line.transactionId);
      const applied = line.allocations
        .map((a) => `${numberOf.get(a.invoiceId)} ${usd(a.cashMinor)} (${a.kind})`)
        .join(' + ');
      return [
        usd(tx?.amountMinor ?? 0),
        line.status.toUpperCase(),
        applied || line.reason || '',
        line.status === 'auto' ? formatConfidence(line.confidence) : '',
      ];
    });
    for (const row of textTable(
      [
        { header: 'paid', align: 'right' },
        { header: 'status' },
        { header: 'applied to' },
        { header: 'confidence', align: 'right' },
      ],
      statementRows,
    ))
      say.detail(row);
    say.expect(
      result.summary.auto === 3,
      'all three payments matched automatically (full, combined, partial)',
    );
    for (const e of result.adjustments) await ledger.credit(supplier.signer, e.invoiceId, e.payload);
    for (const e of result.events) await ledger.recordPayment(supplier.signer, e.invoiceId, e.payload);
    say.done(`posted ${result.events.length} payment.received event(s)`);
    for (const inv of [inv4, inv5, inv6, inv7]) {
      const v = await ledger.getInvoice(inv.invoiceId);
      states[inv.invoiceNumber] = v.lifecycle.state;
      say.done(
        `${inv.invoiceNumber}: ${v.lifecycle.state}, paid ${usd(v.lifecycle.totals.paidMinor)}, open ${usd(v.lifecycle.totals.openMinor)}`,
      );
    }
    say.expect(
      states[inv4.invoiceNumber] === 'Reconciled' &&
        states[inv5.invoiceNumber] === 'Reconciled' &&
        states[inv6.invoiceNumber] === 'Reconciled',
      'paid in full from the statement: Reconciled',
    );
    say.expect(
      states[inv7.invoiceNumber] === 'PartiallyPaid',
      'the partial payment leaves the invoice PartiallyPaid',
    );

    // The buyer pays the factored invoice to the financier (notice of assignment), whose own
    // reconciliation job matches its collection account and posts the payment.
    const collection = camt053(new Date().toISOString().slice(0, 10), 'GB29NWBK60161331926819', F.name, [
      { ref: `${run}-F`, amountMinor: 5_000_000, creditorReference: inv1.paymentReference, ...payer },
    ]);
    const fOpen = await openInvoicesOf(client, ledger, F.signer.quidId);
    const fResult = reconcile({
      transactions: parseStatement(new TextEncoder().encode(collection)).statements.flatMap(
        (s) => s.transactions,
      ),
      invoices: fOpen.invoices,
      ledgerEvents: fOpen.ledgerEvents,
    });
    for (const e of fResult.events) await ledger.recordPayment(F.signer, e.invoiceId, e.payload);
    const collected = await ledger.getInvoice(inv1.invoiceId);
    say.done(
      `collection account of ${F.name}: ${usd(5_000_000)} for ${inv1.invoiceNumber} ${fResult.lines[0]?.status ?? '?'}-matched; state ${collected.lifecycle.state}`,
    );
    say.expect(
      fResult.summary.auto === 1 && collected.lifecycle.state === 'Reconciled',
      'the factored invoice, paid to the financier, is Reconciled',
    );

    // 9. ------------------------------------------------------------------------------------
    // Before the key-compromise chapter, which retires the supplier's current key.
    const ubl = await eInvoiceChapter({ say, ledger, cast, run, asF, timeline: (v) => timeline(cast, v) });
    states[ubl.number] = ubl.state;

    // 10. -----------------------------------------------------------------------------------
    await keyCompromiseChapter({
      say,
      client,
      ledger,
      supplier: supplier.signer,
      guardians,
      devnode,
      asF,
      issue: (n, signer) => issue(n, [['Industrial widget, model W-400', 40, 12_500]], now - DAY, signer),
    });

    // Timeline ------------------------------------------------------------------------------
    const final1 = await ledger.getInvoice(inv1.invoiceId);
    states[inv1.invoiceNumber] = final1.lifecycle.state;
    console.log(
      `\nTimeline of ${inv1.invoiceNumber} (every event's P-256 signature verified, every signer checked against its role):\n`,
    );
    console.log(timeline(cast, final1));
    console.log(`\nInvoices at the end of the run:\n`);
    console.log(
      table(
        ['invoice', 'amount', 'state', 'what happened'],
        [
          [
            inv1.invoiceNumber,
            usd(5_000_000),
            final1.lifecycle.state,
            `bought by ${F.name} (${G.name} refused), paid to it`,
          ],
          [inv2.invoiceNumber, usd(8_000_000), fraud.view.lifecycle.state, 'refused: fraud signal'],
          [inv3.invoiceNumber, usd(6_000_000), forgery.view.lifecycle.state, 'refused: forged delivery'],
          [
            inv4.invoiceNumber,
            usd(3_000_000),
            states[inv4.invoiceNumber] ?? '',
            'disputed, credit note, paid',
          ],
          [
            inv5.invoiceNumber,
            usd(1_200_000),
            states[inv5.invoiceNumber] ?? '',
            'paid with INV-6 in one transfer',
          ],
          [
            inv6.invoiceNumber,
            usd(800_000),
            states[inv6.invoiceNumber] ?? '',
            'paid with INV-5 in one transfer',
          ],
          [inv7.invoiceNumber, usd(3_000_000), states[inv7.invoiceNumber] ?? '', 'partially paid'],
          [
            ubl.number,
            formatMoney(5_176_500, 'EUR', 'en-US'),
            ubl.state,
            'UBL from the ERP; PO mismatch, credit note, matched',
          ],
        ],
      ),
    );
  } finally {
    await close();
  }
  if (say.failures.length === 0) console.log('\nAll checks passed.');
  else console.log(`\n${say.failures.length} check(s) FAILED:\n  ${say.failures.join('\n  ')}`);
  return { failures: say.failures, states };
}

function has(decision: { reasons: readonly { code: string }[] }, code: string): boolean {
  return decision.reasons.some((r) => r.code === code);
}

function topReasons(reasons: readonly { code: string; severity: string }[]): string {
  const shown = reasons.filter((r) => r.severity !== 'info').slice(0, 3);
  return shown.map((r) => r.code).join(', ') || 'no objections';
}

function timeline(cast: Cast, view: Awaited<ReturnType<InvoiceLedger['getInvoice']>>): string {
  const stateAfter = new Map(view.lifecycle.history.map((h) => [h.eventId, h.to]));
  const rows = view.events.map((e) => [
    String(e.sequence),
    new Date(e.timestamp * 1000).toISOString().slice(11, 19),
    e.eventType,
    labelOf(cast, e.signerQuid),
    'verified',
    stateAfter.get(e.id) ?? '(no change)',
  ]);
  return table(['seq', 'time', 'event', 'signed by', 'signature', 'state after'], rows);
}

// Run when executed directly (not when a test imports main).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    ({ failures }) => {
      process.exitCode = failures.length === 0 ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
