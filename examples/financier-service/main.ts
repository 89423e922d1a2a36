// Financier service: pull a batch of invoices from the node (title + stream, every signature and
// signer verified), compute the financier's relational trust in each party from TRUST transactions
// quidfin verified itself (the node counts edges signed by any key), and let
// @quidfin/factoring decide: approve (with a price), pending (with what is missing) or reject
// (with reasons). The first half seeds four invoices so there is something to evaluate.
//
//   npx tsx --conditions=@quidfin/source examples/financier-service/main.ts
//
// Uses the node at QUIDNUG_NODE (e.g. http://localhost:8080) when set, else an in-process devnode.
import { pathToFileURL } from 'node:url';
import { InvoiceLedger } from '@quidfin/client';
import { formatMoney, generateSigner, type Signer } from '@quidfin/core';
import {
  type BatchItem,
  type BatchResult,
  evaluateBatch,
  invoiceFromIssuedPayload,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '@quidfin/factoring';

import { connect } from '../shared/connect.js';
import { textTable } from '../shared/textTable.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';
const DAY = 86_400;

export async function main(): Promise<BatchResult> {
  const { client, close } = await connect(TRUST_DOMAIN);
  try {
    const ledger = new InvoiceLedger(client, { trustDomain: TRUST_DOMAIN });
    const financier = generateSigner().signer;
    const { invoiceIds, underwritten } = await seed(ledger, financier);

    // 1. Read each invoice: the ledger verifies every signature and that each event was signed by
    //    the party entitled to it (forged attestations never reach the decision).
    const views = await Promise.all(invoiceIds.map((id) => ledger.getInvoice(id)));
    const items: BatchItem[] = views.map((view) => {
      const issued = view.events.find((e) => e.eventType === 'invoice.issued')?.payload;
      const invoice = issued && invoiceFromIssuedPayload(issued, view.title.owners ?? []);
      if (!invoice) throw new Error(`${view.invoiceId} has no valid invoice.issued event`);
      // The ledger checked that each event is on this invoice's stream: bind it (subjectId), and
      // hand over its refused events as evidence only (they never count as money).
      const bind = <E extends object>(e: E) => ({ ...e, subjectId: view.invoiceId });
      return {
        invoice,
        events: view.events.map((e) => bind({ ...e, payload: e.payload ?? {} })),
        rejectedEvents: view.rejected.map((r) => bind(r.event)),
      };
    });

    // 2. Relational trust, as seen from the financier: quidfin syncs the TRUST transactions from the
    //    node's blocks, verifies each one, and runs the node's search on the edges that hold.
    const asOf = Math.floor(Date.now() / 1000);
    await ledger.trust.sync();
    const parties = new Set(items.flatMap(({ invoice }) => [invoice.supplierQuid, invoice.buyerQuid]));
    for (const view of views) for (const e of view.events) parties.add(e.signerQuid);
    const readings: Record<string, TrustReading> = {};
    for (const quid of parties) {
      readings[quid] = await ledger.trustReading(financier.quidId, quid, { sync: false });
    }
    const forged = ledger.trust.findings.filter((f) => f.kind === 'forged');
    if (forged.length > 0) console.log(`Forged trust edges ignored: ${forged.map((f) => f.code).join(', ')}`);

    // 3. Decide. The engine is pure: the same inputs always give the same decisions.
    // The book: a 500,000.00 credit limit for each debtor the financier underwrote (a real service
    // passes its own book, with exposures and payment histories). A buyer without a limit is held
    // (BUYER_LIMIT_MISSING); one on a policy default limit with no payment history and nothing
    // funded is held as a new debtor (NEW_DEBTOR).
    const result = evaluateBatch({
      items,
      trust: trustSourceFromRecord(readings),
      policy: standardPolicy({ recourse: true }),
      asOf,
      portfolio: { buyerLimitMinor: Object.fromEntries(underwritten.map((b) => [b, 50_000_000])) },
    });

    const number = (invoiceId: string) => invoiceId.split(':')[1] ?? invoiceId;
    const decisions = textTable(
      [
        { header: 'Invoice' },
        { header: 'Decision' },
        { header: 'Advance', align: 'right' },
        { header: 'Fee', align: 'right' },
        { header: 'Discount', align: 'right' },
      ],
      result.decisions.map((d) => [
        number(d.invoiceId),
        d.outcome.toUpperCase(),
        d.offer ? money(d.offer.advanceMinor) : '',
        d.offer ? money(d.offer.feeMinor) : '',
        d.offer ? `${d.offer.discountBps} bps` : '',
      ]),
    );
    const reasons = textTable(
      [{ header: 'Invoice' }, { header: 'Reason' }, { header: 'Why' }],
      result.decisions.flatMap((d) =>
        d.reasons.filter((r) => r.severity !== 'info').map((r) => [number(d.invoiceId), r.code, r.message]),
      ),
    );
    const { counts, byCurrency } = result.summary;
    const tally = (['approve', 'review', 'pending', 'reject'] as const)
      .map((o) => `${counts[o]} ${o}`)
      .join(', ');
    // One cash-out figure per currency: the summary never adds one currency to another.
    const cashOut =
      Object.entries(byCurrency)
        .map(([currency, t]) => formatMoney(t.advanceMinor, currency, 'en-GB'))
        .join(' + ') || money(0);
    console.log([...decisions, '', ...reasons, '', `Batch: ${tally}; cash out ${cashOut}`].join('\n'));
    return result;
  } finally {
    await close();
  }
}

const money = (minor: number) => formatMoney(minor, 'EUR', 'en-GB');

/**
 * Puts four invoices on the node, one per outcome the service should reach:
 * A delivered and acknowledged (approve), B just issued (pending), C to a buyer nobody vouches
 * for (reject), D with a double-financing report from another financier (reject).
 */
async function seed(
  ledger: InvoiceLedger,
  financier: Signer,
): Promise<{ invoiceIds: string[]; underwritten: string[] }> {
  const [supplier, buyer, unknownBuyer, carrier, bureau, otherFinancier] = Array.from(
    { length: 6 },
    () => generateSigner().signer,
  ) as [Signer, Signer, Signer, Signer, Signer, Signer];
  const register = (signer: Signer, name: string, role: string) =>
    ledger.registerParticipant(signer, { name, role });
  await Promise.all([
    register(supplier, 'Acme Components GmbH', 'supplier'),
    register(buyer, 'Northwind Retail BV', 'buyer'),
    register(unknownBuyer, 'Shellbrook Trading Ltd', 'buyer'),
    register(carrier, 'Rhein Freight AG', 'carrier'),
    register(bureau, 'Credit Bureau Europe', 'credit-bureau'),
    register(financier, 'Harbor Factoring', 'financier'),
    register(otherFinancier, 'Delta Capital', 'financier'),
  ]);
  // The financier trusts a credit bureau and a peer; the bureau vouches for supplier, buyer and carrier.
  const oneYear = Math.floor(Date.now() / 1000) + 365 * DAY;
  await ledger.publishTrust(financier, { trustee: bureau.quidId, trustLevel: 0.95, validUntil: oneYear });
  await ledger.publishTrust(financier, {
    trustee: otherFinancier.quidId,
    trustLevel: 0.9,
    validUntil: oneYear,
  });
  for (const [party, level] of [
    [supplier, 0.9],
    [buyer, 0.95],
    [carrier, 0.9],
  ] as const) {
    await ledger.publishTrust(bureau, { trustee: party.quidId, trustLevel: level, validUntil: oneYear });
  }

  const run = Math.floor(Date.now() / 1000).toString(36); // unique ids, so the example can run again
  const issue = async (n: number, to: Signer, amountMinor: number) => {
    const issuedAt = Math.floor(Date.now() / 1000) - 5 * DAY;
    const invoiceId = `acme:INV-2026-02${n}:${run}`;
    await ledger.issueInvoice(supplier, {
      invoiceId,
      invoiceNumber: `INV-2026-02${n}`,
      buyerQuid: to.quidId,
      carrierQuid: carrier.quidId,
      financierQuids: [financier.quidId, otherFinancier.quidId],
      amountMinor,
      currency: 'EUR',
      issuedAt,
      dueAt: issuedAt + 60 * DAY,
      terms: 'NET-60',
      invoiceHash: n.toString(16).padStart(64, '0'), // the hash of the signed document, in a real app
    });
    return invoiceId;
  };
  const deliverAndAcknowledge = async (invoiceId: string, by: Signer, amountMinor: number) => {
    const invoiceNumber = invoiceId.split(':')[1];
    await ledger.attestShipment(carrier, invoiceId, { billOfLading: `BOL-${invoiceNumber}` });
    await ledger.attestDelivery(carrier, invoiceId, {
      deliveryProof: `POD for ${invoiceNumber}, signed at dock 4`,
    });
    await ledger.acknowledge(by, invoiceId, { acknowledgedAmountMinor: amountMinor });
  };

  const [a, b, c, d] = await Promise.all([
    issue(11, buyer, 4_250_000),
    issue(12, buyer, 1_180_000),
    issue(13, unknownBuyer, 2_900_000),
    issue(14, buyer, 3_600_000),
  ]);
  await Promise.all([
    deliverAndAcknowledge(a, buyer, 4_250_000),
    deliverAndAcknowledge(c, unknownBuyer, 2_900_000),
    deliverAndAcknowledge(d, buyer, 3_600_000).then(() =>
      ledger.reportFraud(otherFinancier, d, {
        kind: 'double-financing',
        evidence: 'Already assigned to Delta Capital under facility DC-2026-118',
        severity: 'high',
      }),
    ),
  ]);
  // The financier underwrote Northwind (a credit limit in its book); Shellbrook is unknown to it.
  return { invoiceIds: [a, b, c, d], underwritten: [buyer.quidId] };
}

// Run when executed directly (not when a test imports main).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
