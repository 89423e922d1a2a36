// Supplier app: register the parties, issue an invoice whose signed document stays off-chain,
// let the carrier attest shipment and delivery, then read the invoice back with every
// signature verified and print its stream and lifecycle.
//
//   npx tsx --conditions=@quidfin/source examples/supplier-app/main.ts
//
// Uses the node at QUIDNUG_NODE (e.g. http://localhost:8080) when set, else an in-process devnode.
import { pathToFileURL } from 'node:url';
import { InvoiceLedger, type InvoiceView } from '@quidfin/client';
import {
  computeInvoiceTotals,
  documentPublicKey,
  formatMoney,
  generateDocumentKey,
  generateSigner,
  type InvoiceDocument,
  invoiceHash,
  signInvoiceDocument,
  verifyInvoiceDocument,
} from '@quidfin/core';

import { connect } from '../shared/connect.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';
const DAY = 86_400;

export async function main(): Promise<InvoiceView> {
  const { client, close } = await connect(TRUST_DOMAIN);
  try {
    const ledger = new InvoiceLedger(client, { trustDomain: TRUST_DOMAIN });

    // 1. Keys. A real app loads these from a KMS, an HSM or a WebCrypto store; here they are new.
    const supplier = generateSigner().signer;
    const buyer = generateSigner().signer;
    const carrier = generateSigner().signer;
    const documentKey = generateDocumentKey(); // Ed25519, signs the off-chain invoice document

    // 2. Every party registers an IDENTITY once. The supplier's lists the document key it signs
    //    invoices with (`attributes.documentKeys`), so anyone can check the document's signature.
    await ledger.registerParticipant(supplier, {
      name: 'Acme Components GmbH',
      role: 'supplier',
      documentKey: documentPublicKey(documentKey),
    });
    await ledger.registerParticipant(buyer, { name: 'Northwind Retail BV', role: 'buyer' });
    await ledger.registerParticipant(carrier, { name: 'Rhein Freight AG', role: 'carrier' });

    // 3. The invoice document: exact decimal strings in minor units, totals computed, not typed in.
    const lines = [
      { description: 'Steel brackets, 40 mm', quantity: '500', unitPriceMinor: '240', taxRateBps: 1900 },
      { description: 'Hex bolts M8 (box of 100)', quantity: '12', unitPriceMinor: '1875', taxRateBps: 1900 },
    ];
    const totals = computeInvoiceTotals(lines);
    const issuedAt = Math.floor(Date.now() / 1000);
    const dueAt = issuedAt + 60 * DAY;
    const document: InvoiceDocument = {
      invoiceNumber: 'INV-2026-0107',
      issueDate: new Date(issuedAt * 1000).toISOString().slice(0, 10),
      dueDate: new Date(dueAt * 1000).toISOString().slice(0, 10),
      currency: 'EUR',
      supplier: { quid: supplier.quidId, name: 'Acme Components GmbH', iban: 'DE89370400440532013000' },
      buyer: { quid: buyer.quidId, name: 'Northwind Retail BV' },
      lineItems: lines.map((line, i) => ({ ...line, amountMinor: totals.lineAmountsMinor[i] ?? '0' })),
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      poReference: 'PO-88412',
    };
    const jws = signInvoiceDocument(document, documentKey, { kid: supplier.quidId });

    // 4. Issue it: a TITLE co-owned by supplier, buyer and carrier, then `invoice.issued` carrying
    //    the document's hash. A unique invoice id lets the example run again on the same node.
    const invoiceId = `acme:INV-2026-0107:${issuedAt.toString(36)}`;
    await ledger.issueInvoice(supplier, {
      invoiceId,
      invoiceNumber: document.invoiceNumber,
      buyerQuid: buyer.quidId,
      carrierQuid: carrier.quidId,
      amountMinor: Number(document.totalMinor),
      taxMinor: Number(document.taxMinor),
      currency: document.currency,
      issuedAt,
      dueAt,
      terms: 'NET-60',
      invoiceHash: invoiceHash(document),
      poReference: 'PO-88412',
    });

    // 5. The carrier attests on the invoice's stream (it may: it co-owns the title).
    await ledger.attestShipment(carrier, invoiceId, { billOfLading: 'BOL-RF-2026-5531' });
    await ledger.attestDelivery(carrier, invoiceId, { deliveryProof: 'POD signed by J. de Vries, dock 4' });

    // 6. Read it back: the ledger verifies every signature and who signed what.
    const view = await ledger.getInvoice(invoiceId);

    // 7. Anyone given the document (a financier, an auditor) checks it against the supplier's
    //    committed identity and the `invoice.issued` event on the stream.
    const { attributes = {} } = await client.getIdentity(supplier.quidId);
    const check = verifyInvoiceDocument(document, jws, {
      documentPublicKey: documentPublicKey(documentKey),
      identityAttributes: attributes,
      ...(view.lifecycle.issued ? { issued: view.lifecycle.issued } : {}),
    });
    if (!check.ok) throw new Error(`invoice document does not verify: ${check.code} ${check.message}`);

    console.log(`Invoice ${invoiceId}: ${formatMoney(Number(document.totalMinor), 'EUR', 'en-GB')}`);
    console.log(`Document ${check.hash} verified, signed by ${check.kid}`);
    for (const e of view.events) {
      console.log(
        `  #${e.sequence} ${e.eventType.padEnd(18)} signed by ${view.roles[e.signerQuid]} ${e.signerQuid}`,
      );
    }
    console.log(
      `Lifecycle: ${view.lifecycle.history.map((t) => t.to).join(' → ')} (now ${view.lifecycle.state})`,
    );
    return view;
  } finally {
    await close();
  }
}

// Run when executed directly (not when a test imports main).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
