// The e-invoicing chapter: the supplier's ERP emits a Peppol BIS 3.0 UBL invoice, quidfin maps,
// signs and issues it, the buyer matches it to its PO (one line short-delivered), the supplier's
// UBL credit note covers the shortfall, and the re-match approves the invoice (PoMatched).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { InvoiceLedger, InvoiceView } from '@quidfin/client';
import { formatMoney, invoiceHash, parseMoney, signInvoiceDocument } from '@quidfin/core';
import {
  type GoodsReceipt,
  matchPurchaseOrder,
  type PurchaseOrder,
  parseEInvoice,
  toInvoiceDocument,
} from '@quidfin/einvoice';
import { standardPolicy } from '@quidfin/factoring';
import type { Cast } from './cast.js';
import { type EvaluateOptions, evaluate } from './evaluate.js';
import type { Narrator } from './narrator.js';

export interface EInvoiceChapterContext {
  readonly say: Narrator;
  readonly ledger: InvoiceLedger;
  readonly cast: Cast;
  /** Suffix of the ledger invoice id, so the story replays on a node that keeps its state. */
  readonly run: string;
  /** Prints an invoice's verified event timeline. */
  readonly timeline: (view: InvoiceView) => string;
  /** The first financier's evaluation context (its policy is replaced by one that requires the PO match). */
  readonly asF: EvaluateOptions;
}

/** The two files as the supplier's ERP exported them (see erp/README.md). */
const erpFile = (name: string): Uint8Array => readFileSync(new URL(`./erp/${name}`, import.meta.url));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const eur = (minor: number) => formatMoney(minor, 'EUR', 'de-DE');
const unix = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 1000);

/** MegaCorp's purchase order in its procurement system, and what its warehouse received. */
const PO: PurchaseOrder = {
  number: 'PO-2026-04711',
  currency: 'EUR',
  lines: [
    { lineId: '10', itemId: 'W-400', quantity: '320', unitCode: 'C62', unitPrice: '125.00' },
    { lineId: '20', itemId: 'MB-12', quantity: '200', unitCode: 'C62', unitPrice: '12.50' },
    { lineId: '30', itemId: 'SRV-INST', quantity: '8', unitCode: 'HUR', unitPrice: '125.00' },
  ],
};
const RECEIPT: GoodsReceipt = {
  id: 'GR-88213',
  source: 'goods-receipt',
  poNumber: PO.number,
  lines: [
    { poLineId: '10', quantity: '320' },
    { poLineId: '20', quantity: '180' },
    { poLineId: '30', quantity: '8' },
  ],
};

export async function eInvoiceChapter(c: EInvoiceChapterContext): Promise<{ state: string; number: string }> {
  const { say, ledger, cast } = c;
  const { supplier, buyer } = cast;
  say.step(
    "E-invoicing: a UBL invoice from the supplier's ERP, PO matching, a credit note for a short delivery",
  );

  // Supplier side: the ERP's file becomes the signed invoice document and is issued and sent.
  const ublBytes = erpFile('ACME-INV-2026-1187.xml');
  const ubl = new TextDecoder().decode(ublBytes);
  const einvoice = parseEInvoice(ubl);
  say.done(
    `${einvoice.number} arrives from the ERP as Peppol BIS 3.0 UBL (${ublBytes.length} bytes): ${einvoice.lines.length} lines, payable ${einvoice.totals.payable} ${einvoice.currency}, EN 16931 rules pass`,
  );
  const parties = { supplierQuid: supplier.signer.quidId, buyerQuid: buyer.signer.quidId };
  const { document } = toInvoiceDocument(einvoice, parties);
  const jws = signInvoiceDocument(document, cast.documentKey.secret, { kid: supplier.signer.quidId });
  const invoiceId = `acme:${einvoice.number}:${c.run}`;
  const totalMinor = Number(document.totalMinor);
  const issuedAt = unix(document.issueDate);
  await ledger.issueInvoice(supplier.signer, {
    invoiceId,
    invoiceNumber: document.invoiceNumber,
    buyerQuid: buyer.signer.quidId,
    amountMinor: totalMinor,
    currency: 'EUR',
    issuedAt,
    dueAt: unix(document.dueDate),
    terms: 'NET-30',
    paymentReference: document.paymentReference ?? '',
    poReference: document.poReference ?? '',
    document,
  });
  say.done(
    `mapped onto quidfin's document (${eur(totalMinor)}, PO ${document.poReference}), signed with the supplier's document key (JWS ${jws.length} chars) and issued as ${invoiceId}`,
  );
  await ledger.recordSent(supplier.signer, invoiceId, {
    channel: 'peppol',
    format: 'peppol-bis-3.0-ubl',
    documentHash: sha256(ublBytes),
    messageId: `as4-${c.run.toLowerCase()}-1187`,
  });
  const sent = await ledger.getInvoice(invoiceId);
  say.expect(sent.lifecycle.state === 'Sent', `invoice.sent over Peppol: state ${sent.lifecycle.state}`);

  // Buyer side: the file that arrived is the file on the ledger, then the three-way match.
  const arrived = sent.lifecycle.sends.at(-1);
  const received = toInvoiceDocument(parseEInvoice(ubl), parties).document;
  say.expect(
    arrived?.documentHash === sha256(ublBytes) &&
      sent.lifecycle.issued?.invoiceHash === invoiceHash(received),
    `${buyer.name} checks the file it received: its SHA-256 is the one in invoice.sent, and its document hashes to invoice.issued's invoiceHash`,
  );
  const first = matchPurchaseOrder({ po: PO, invoice: einvoice, receipts: [RECEIPT] });
  for (const r of first.reasons) say.detail(`${r.code} on invoice line ${r.invoiceLineId}: ${r.message}`);
  say.expect(
    first.status === 'mismatch' && first.reasons.map((r) => r.code).join() === 'QTY_OVER_RECEIVED',
    `three-way match against ${PO.number} and ${RECEIPT.id}: mismatch, 200 brackets invoiced, 180 received`,
  );
  await ledger.recordPoMismatch(buyer.signer, invoiceId, {
    poNumber: PO.number,
    mode: first.mode,
    reasons: first.reasons.map((r) => ({ code: r.code, lineId: r.invoiceLineId })),
  });
  const held = await ledger.getInvoice(invoiceId);
  say.expect(
    held.lifecycle.poMatches.at(-1)?.result === 'mismatch' && held.lifecycle.state !== 'PoMatched',
    `po.mismatch signed by ${buyer.name}: not approved for payment (state ${held.lifecycle.state})`,
  );
  // A financier that lends against PO-matched invoices: the buyer's three-way match (goods
  // receipt included) stands in for separate delivery and acknowledgement events.
  const poPolicy: EvaluateOptions = {
    ...c.asF,
    policy: standardPolicy({ requirePoMatch: true, requireDelivery: false, requireBuyerAck: false }),
  };
  const onHold = await evaluate(invoiceId, poPolicy);
  say.expect(
    onHold.decision.outcome !== 'approve' && onHold.decision.reasons.some((r) => r.code === 'PO_MISMATCH'),
    `${cast.financierF.name} with requirePoMatch: ${onHold.decision.outcome.toUpperCase()} (PO_MISMATCH)`,
  );

  // Supplier side: its ERP issues a UBL credit note for the 20 missing brackets.
  const creditNote = parseEInvoice(new TextDecoder().decode(erpFile('ACME-CN-2026-0042.xml')));
  const creditMinor = parseMoney(creditNote.totals.payable, creditNote.currency).amountMinor;
  await ledger.credit(supplier.signer, invoiceId, {
    creditNoteId: creditNote.number,
    amountMinor: creditMinor,
    reason: creditNote.notes[0] ?? 'short delivery',
  });
  say.done(
    `credit note ${creditNote.number} (UBL, corrects ${creditNote.precedingInvoice}): ${eur(creditMinor)} recorded as invoice.credited`,
  );

  // Buyer side: the re-match takes the credit note into account and approves the net amount.
  const second = matchPurchaseOrder({
    po: PO,
    invoice: einvoice,
    receipts: [RECEIPT],
    creditNotes: [creditNote],
  });
  say.expect(second.status === 'matched', `re-match with the credit note: ${second.status}`);
  await ledger.recordPoMatch(buyer.signer, invoiceId, {
    poNumber: PO.number,
    mode: second.mode,
    matchedAmountMinor: totalMinor - creditMinor,
    receiptIds: [RECEIPT.id],
  });
  const matched = await ledger.getInvoice(invoiceId);
  say.expect(
    matched.lifecycle.state === 'PoMatched' &&
      matched.lifecycle.totals.openMinor === totalMinor - creditMinor,
    `po.matched: state ${matched.lifecycle.state}, ${eur(matched.lifecycle.totals.openMinor)} approved for payment`,
  );
  const cleared = await evaluate(invoiceId, poPolicy);
  const poCodes = cleared.decision.reasons.filter((r) => r.code.startsWith('PO_')).map((r) => r.code);
  say.expect(
    poCodes.length === 0 && cleared.decision.outcome === 'approve',
    `the same financier after po.matched: ${cleared.decision.outcome.toUpperCase()}, no PO reason left (${
      cleared.decision.reasons
        .filter((r) => r.severity !== 'info')
        .slice(0, 3)
        .map((r) => r.code)
        .join(', ') || 'no objections'
    })`,
  );
  console.log(`\nTimeline of ${einvoice.number}:\n`);
  console.log(c.timeline(matched));
  return { state: matched.lifecycle.state, number: einvoice.number };
}
