// A supplier signs an invoice in the browser: the off-chain invoice document (Ed25519, detached
// JWS) and the on-chain `invoice.issued` EVENT that carries the document's hash. Nothing is sent
// anywhere: the page shows the wire JSON you would POST to a node, and verifies both signatures.
import {
  buildEvent,
  buildIdentity,
  type CurrencyCode,
  computeInvoiceTotals,
  createWebCryptoSigner,
  type DocumentVerification,
  documentKeyAttribute,
  documentPublicKey,
  type EventTx,
  formatMoney,
  generateDocumentKey,
  generateWebCryptoSigner,
  type IdentityTx,
  type InvoiceDocument,
  type InvoiceIssuedPayload,
  invoiceHash,
  type JsonObject,
  parseMoney,
  type Signer,
  signInvoiceDocument,
  toWireJson,
  verifyInvoiceDocument,
  verifyTransactionAsync,
} from '@quidfin/core';
import { loadKeys, saveKeys } from './keyStore.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';
/** A fixed demo asset id: the invoice TITLE whose stream the event is written to. */
const DEMO_INVOICE_ID = 'demo-inv-2026-0042';
const DAY = 86_400;

/** The supplier's keys while the page is open. */
interface Keys {
  signer: Signer;
  documentSecretKey: Uint8Array;
  /** Attributes of the supplier's IDENTITY: they list the document key under `documentKeys`. */
  attributes: JsonObject;
}
interface Signed {
  document: InvoiceDocument;
  jws: string;
  event: EventTx;
}

let keys: Keys | undefined;
let signed: Signed | undefined;

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const field = (id: string) => byId<HTMLInputElement | HTMLSelectElement>(id).value.trim();

function status(id: string, text: string, isError = false): void {
  byId(id).textContent = text;
  byId(id).classList.toggle('error', isError);
}

const pretty = (tx: EventTx | IdentityTx) => JSON.stringify(JSON.parse(toWireJson(tx)), null, 2);

// 1 · Keys -------------------------------------------------------------------------------------

/** Builds the IDENTITY a supplier registers once, so verifiers know which document key is its own. */
async function useKeys(signer: Signer, documentSecretKey: Uint8Array): Promise<void> {
  const attributes = {
    role: 'supplier',
    documentKeys: [documentKeyAttribute(documentPublicKey(documentSecretKey))],
  };
  const identity = await buildIdentity({
    signer,
    trustDomain: TRUST_DOMAIN,
    name: field('supplier-name'),
    updateNonce: 1,
    attributes,
  });
  keys = { signer, documentSecretKey, attributes };
  byId('quid-id').textContent = signer.quidId;
  byId('document-key').textContent = documentKeyAttribute(documentPublicKey(documentSecretKey));
  byId('identity-json').textContent = pretty(identity);
  byId('key-info').hidden = false;
  byId<HTMLButtonElement>('sign').disabled = false;
}

async function createKey(passphrase: string): Promise<void> {
  // P-256 quid key, generated inside WebCrypto with extractable: false.
  const { signer, keyPair } = await generateWebCryptoSigner();
  // Ed25519 document key: saved only encrypted under the passphrase.
  const documentSecretKey = generateDocumentKey();
  await saveKeys(keyPair, documentSecretKey, passphrase);
  await useKeys(signer, documentSecretKey);
  status('key-status', 'New key created and saved in this browser. The private quid key cannot be exported.');
}

async function unlockKey(passphrase: string): Promise<void> {
  const saved = await loadKeys(passphrase);
  if (!saved) return status('key-status', 'No saved key in this browser yet: create one.', true);
  await useKeys(await createWebCryptoSigner(saved.quidKeyPair), saved.documentSecretKey);
  status('key-status', 'Saved key unlocked.');
}

// 2 · Sign -------------------------------------------------------------------------------------

/** Reads the form into an invoice document. Money comes from decimal strings, never floats. */
function readInvoice(supplierQuid: string): InvoiceDocument {
  const currency = field('currency') as CurrencyCode;
  const taxRateBps = Number(field('vat'));
  const rows = [...byId('lines').querySelectorAll('tr')].map((row) => {
    const cell = (name: string) =>
      row.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value.trim() ?? '';
    return { description: cell('description'), quantity: cell('quantity'), unitPrice: cell('unitPrice') };
  });
  const lines = rows
    .filter((row) => row.description !== '')
    .map((row) => ({
      description: row.description,
      quantity: row.quantity,
      unitPriceMinor: String(parseMoney(row.unitPrice, currency).amountMinor),
      taxRateBps,
    }));
  // Line amounts and totals are computed exactly (bigint), rounded half-up per line.
  const totals = computeInvoiceTotals(lines);
  const today = new Date();
  const due = new Date(today.getTime() + Number(field('terms').replace('NET-', '')) * DAY * 1000);
  return {
    invoiceNumber: field('invoice-number'),
    issueDate: today.toISOString().slice(0, 10),
    dueDate: due.toISOString().slice(0, 10),
    currency,
    supplier: { quid: supplierQuid, name: field('supplier-name') },
    buyer: { quid: field('buyer-quid'), name: field('buyer-name') },
    lineItems: lines.map((line, i) => ({ ...line, amountMinor: totals.lineAmountsMinor[i] ?? '0' })),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
  };
}

async function sign(k: Keys): Promise<Signed> {
  const document = readInvoice(k.signer.quidId);
  // Detached JWS over the RFC 8785 canonical document; its header carries invoiceHash(document).
  const jws = signInvoiceDocument(document, k.documentSecretKey, { kid: k.signer.quidId });
  const payload = {
    invoiceId: DEMO_INVOICE_ID,
    invoiceNumber: document.invoiceNumber,
    supplierQuid: document.supplier.quid,
    buyerQuid: document.buyer.quid,
    amountMinor: Number(document.totalMinor),
    taxMinor: Number(document.taxMinor),
    currency: document.currency,
    issuedAt: Math.floor(Date.now() / 1000),
    dueAt: Date.parse(document.dueDate) / 1000,
    terms: field('terms'),
    invoiceHash: invoiceHash(document),
  } satisfies InvoiceIssuedPayload;
  // The quid key signs the EVENT inside WebCrypto. A new TITLE stream starts at sequence 1.
  const event = await buildEvent({
    signer: k.signer,
    trustDomain: TRUST_DOMAIN,
    subjectId: DEMO_INVOICE_ID,
    subjectType: 'TITLE',
    sequence: 1,
    eventType: 'invoice.issued',
    payload,
  });
  return { document, jws, event };
}

// 3 · Verify -----------------------------------------------------------------------------------

interface Verdict {
  text: string;
  ok: boolean;
}

/** What a financier would check, given the document, its JWS, the event and the supplier's IDENTITY. */
function checkDocument(k: Keys, document: unknown, jws: string, event: EventTx): DocumentVerification {
  return verifyInvoiceDocument(document, jws, {
    documentPublicKey: documentPublicKey(k.documentSecretKey),
    identityAttributes: k.attributes,
    issued: event.payload as unknown as InvoiceIssuedPayload,
  });
}

async function verify(k: Keys, s: Signed): Promise<Verdict[]> {
  const doc = checkDocument(k, s.document, s.jws, s.event);
  const eventOk = (await verifyTransactionAsync(s.event)) && s.event.publicKey === k.signer.publicKey;

  // A forger raises the first line's unit price and recomputes every total, keeping the JWS.
  const [first, ...rest] = s.document.lineItems;
  const forgedLines = first
    ? [{ ...first, unitPriceMinor: String(Number(first.unitPriceMinor) * 2) }, ...rest]
    : [];
  const totals = computeInvoiceTotals(forgedLines);
  const forgedDocument: InvoiceDocument = {
    ...s.document,
    lineItems: forgedLines.map((line, i) => ({ ...line, amountMinor: totals.lineAmountsMinor[i] ?? '0' })),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
  };
  const forgedDoc = checkDocument(k, forgedDocument, s.jws, s.event);
  // ...or edits the amount in the signed transaction.
  const forgedEvent: EventTx = { ...s.event, payload: { ...s.event.payload, amountMinor: 1 } };
  const forgedEventOk = await verifyTransactionAsync(forgedEvent);

  return [
    {
      text: doc.ok
        ? 'Invoice document: signature valid, matches invoice.issued'
        : `Invoice document: ${doc.message}`,
      ok: doc.ok,
    },
    {
      text: `invoice.issued transaction: ${eventOk ? 'signature valid, signed by this quid' : 'signature INVALID'}`,
      ok: eventOk,
    },
    {
      text: `Tampered document (price changed): ${forgedDoc.ok ? 'accepted' : `rejected, ${forgedDoc.code}`}`,
      ok: forgedDoc.ok,
    },
    {
      text: `Tampered transaction (amount changed): ${forgedEventOk ? 'accepted' : 'rejected, bad signature'}`,
      ok: forgedEventOk,
    },
  ];
}

function showVerdicts(verdicts: Verdict[]): void {
  const items = verdicts.map(({ text, ok }) => {
    const li = document.createElement('li');
    li.textContent = text;
    li.setAttribute('data-ok', String(ok));
    return li;
  });
  byId('verdicts').replaceChildren(...items);
}

// Wiring ---------------------------------------------------------------------------------------

/** Runs `action` on `event`, showing any error in the status line `statusId`. */
function on(id: string, event: string, statusId: string, action: () => Promise<void>): void {
  byId(id).addEventListener(event, (e) => {
    e.preventDefault();
    action().catch((error: unknown) =>
      status(statusId, error instanceof Error ? error.message : String(error), true),
    );
  });
}

on('key-form', 'submit', 'key-status', () => createKey(field('passphrase')));
on('unlock-key', 'click', 'key-status', () => unlockKey(field('passphrase')));
on('invoice-form', 'submit', 'sign-status', async () => {
  if (!keys) return;
  signed = await sign(keys);
  byId('invoice-hash').textContent = invoiceHash(signed.document);
  byId('document-json').textContent = JSON.stringify({ document: signed.document, jws: signed.jws }, null, 2);
  byId('wire-json').textContent = pretty(signed.event);
  byId('verdicts').replaceChildren();
  byId<HTMLButtonElement>('verify').disabled = false;
  const { currency, totalMinor, taxMinor } = signed.document;
  const total = `${formatMoney(Number(totalMinor), currency)} (VAT ${formatMoney(Number(taxMinor), currency)})`;
  status('sign-status', `Signed ${total}. Nothing was sent: the wire JSON is what you would POST to a node.`);
});
on('verify', 'click', 'sign-status', async () => {
  if (keys && signed) showVerdicts(await verify(keys, signed));
});
