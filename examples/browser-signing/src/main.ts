// The supplier portal: keys that never leave the browser, registration, a signed invoice issued
// on the ledger (TITLE + invoice.issued through @quidfin/client's InvoiceLedger), the invoice read
// back with every signature checked, and the carrier, buyer and financier acting on it.
import { InvoiceLedger } from '@quidfin/client';
import {
  createWebCryptoSigner,
  documentKeyAttribute,
  documentPublicKey,
  type EventTx,
  formatMoney,
  generateDocumentKey,
  generateWebCryptoSigner,
  invoiceHash,
  type Signer,
  signInvoiceDocument,
} from '@quidfin/core';
import type { FactoringDecision } from '@quidfin/factoring';
import { connectNode } from './connectNode.js';
import { COUNTERPARTY_NAMES, type Counterparties, registerCounterparties } from './counterparties.js';
import { describeError } from './describeError.js';
import { FormError } from './FormError.js';
import { financierDecision } from './financierDecision.js';
import { loadKeys, saveKeys } from './keyStore.js';
import { type Check, ledgerChecks, type SignedDocument } from './ledgerChecks.js';
import { readInvoiceForm } from './readInvoiceForm.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';

/** The supplier's keys while the page is open. */
interface Keys {
  readonly signer: Signer;
  readonly documentSecretKey: Uint8Array;
}
/** The invoice this page issued last. */
interface Issued {
  readonly invoiceId: string;
  readonly signed: SignedDocument;
  readonly issuedTx: EventTx;
}

const nodeUrl = new URLSearchParams(location.search).get('node') ?? undefined;
const connection = connectNode(nodeUrl, TRUST_DOMAIN);
const ledger = new InvoiceLedger(connection.client, { trustDomain: TRUST_DOMAIN });
let keys: Keys | undefined;
let issued: Issued | undefined;
let counterparties: Counterparties | undefined;
const names = new Map<string, string>();

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const button = (id: string) => byId<HTMLButtonElement>(id);
const short = (quid: string) => `${quid.slice(0, 4)}…${quid.slice(-4)}`;

/** Shows a status line; a failure gets a plain sentence, its technical detail folded away. */
function status(id: string, text: string, kind: 'ok' | 'busy' | 'error' = 'ok', detail = ''): void {
  const line = byId(id);
  line.className = `status ${kind}`;
  line.textContent = text;
  if (detail) {
    const more = document.createElement('details');
    more.innerHTML = '<summary>Technical detail</summary>';
    const code = document.createElement('code');
    code.textContent = detail;
    more.append(code);
    line.append(more);
  }
}

/** Runs `action` on `event`, disabling `busy` meanwhile and reporting failures in `statusId`. */
function on(id: string, event: string, statusId: string, action: () => Promise<void>): void {
  byId(id).addEventListener(event, (e) => {
    e.preventDefault();
    const trigger = e.type === 'submit' ? (e.target as HTMLFormElement).querySelector('button') : byId(id);
    if (trigger instanceof HTMLButtonElement) trigger.disabled = true;
    action()
      .catch((error: unknown) => {
        const { text, detail } = describeError(error, connection.label);
        status(statusId, text, 'error', detail);
        if (error instanceof FormError && error.field) byId(error.field).focus();
      })
      .finally(() => {
        if (trigger instanceof HTMLButtonElement) trigger.disabled = false;
        updateButtons();
      });
  });
}

function updateButtons(): void {
  button('register').disabled = !keys;
  button('issue').disabled = !keys || !names.has(keys.signer.quidId) || !counterparties;
  for (const id of ['deliver', 'acknowledge', 'decide']) button(id).disabled = !issued || !counterparties;
}

// 1 · Keys -----------------------------------------------------------------------------------

function useKeys(signer: Signer, documentSecretKey: Uint8Array): void {
  keys = { signer, documentSecretKey };
  byId('quid-id').textContent = signer.quidId;
  byId('document-key').textContent = documentKeyAttribute(documentPublicKey(documentSecretKey));
  byId('key-info').hidden = false;
}

on('key-form', 'submit', 'key-status', async () => {
  status('key-status', 'Creating your keys…', 'busy');
  // P-256 quid key, generated inside WebCrypto with extractable: false.
  const { signer, keyPair } = await generateWebCryptoSigner();
  // Ed25519 document key: saved only encrypted under the passphrase.
  const documentSecretKey = generateDocumentKey();
  await saveKeys(keyPair, documentSecretKey, byId<HTMLInputElement>('passphrase').value);
  useKeys(signer, documentSecretKey);
  status(
    'key-status',
    'New keys created and saved in this browser. The private quid key cannot be exported.',
  );
});

on('unlock-key', 'click', 'key-status', async () => {
  status('key-status', 'Unlocking…', 'busy');
  const saved = await loadKeys(byId<HTMLInputElement>('passphrase').value);
  if (!saved) return status('key-status', 'No saved key in this browser yet: create one.', 'error');
  useKeys(await createWebCryptoSigner(saved.quidKeyPair), saved.documentSecretKey);
  status('key-status', 'Saved keys unlocked.');
});

// 2 · Register -------------------------------------------------------------------------------

on('register', 'click', 'register-status', async () => {
  if (!keys) return;
  const name = byId<HTMLInputElement>('supplier-name').value.trim();
  if (name === '') throw new FormError('Supplier name: enter the name on your invoices.', 'supplier-name');
  status('register-status', 'Registering, waiting for the block that commits it…', 'busy');
  const identity = await ledger.registerParticipant(keys.signer, {
    name,
    role: 'supplier',
    documentKey: documentPublicKey(keys.documentSecretKey),
  });
  names.set(keys.signer.quidId, name);
  status(
    'register-status',
    `Registered as ${identity.name} (supplier), with your document key. Committed on the node.`,
  );
});

// 3 · Sign and issue ---------------------------------------------------------------------------

/** Hides the ledger view, so a failed attempt never leaves the previous invoice's results up. */
function clearLedger(): void {
  issued = undefined;
  byId('ledger-view').hidden = true;
  byId('ledger-empty').hidden = false;
  for (const id of ['timeline', 'checks', 'decision-reasons']) byId(id).replaceChildren();
  byId('decision').hidden = true;
  status('parties-status', '');
}

on('invoice-form', 'submit', 'issue-status', async () => {
  if (!keys || !counterparties) return;
  clearLedger();
  status('issue-status', '');
  const k = keys;
  const doc = readInvoiceForm(k.signer.quidId, new Date());
  if (!(await connection.client.findIdentity(doc.buyer.quid))) {
    throw new FormError('Buyer: no party with this quid is registered on the node.', 'buyer-quid');
  }
  const invoiceId = `${k.signer.quidId}:${doc.invoiceNumber}`;
  // The node would accept a second TITLE for the same invoice and a second invoice.issued on its
  // stream: an invoice number is issued once, so refuse here.
  if (await connection.client.findTitle(invoiceId)) {
    throw new FormError(
      `Invoice number: ${doc.invoiceNumber} is already on the ledger; use a new number.`,
      'invoice-number',
    );
  }
  // Detached JWS over the RFC 8785 canonical document; its header carries invoiceHash(doc).
  const jws = signInvoiceDocument(doc, k.documentSecretKey, { kid: k.signer.quidId });
  status('issue-status', 'Signed. Issuing the TITLE and invoice.issued, waiting for their blocks…', 'busy');
  const result = await ledger.issueInvoice(k.signer, {
    invoiceId,
    invoiceNumber: doc.invoiceNumber,
    buyerQuid: doc.buyer.quid,
    carrierQuid: counterparties.carrier.quidId,
    financierQuids: [counterparties.financier.quidId],
    amountMinor: Number(doc.totalMinor),
    taxMinor: Number(doc.taxMinor),
    currency: doc.currency,
    dueAt: Date.parse(`${doc.dueDate}T00:00:00Z`) / 1000,
    terms: byId<HTMLSelectElement>('terms').value,
    document: doc,
  });
  const signed = { document: doc, jws, documentPublicKey: documentPublicKey(k.documentSecretKey) };
  issued = { invoiceId, signed, issuedTx: result.issued };
  const total = formatMoney(Number(doc.totalMinor), doc.currency, 'en-GB');
  status(
    'issue-status',
    `Issued ${doc.invoiceNumber} for ${total}: signed in this browser, committed on the node.`,
  );
  await showLedger(issued);
});

// 4 · The invoice as the node returns it ---------------------------------------------------------

const EVENT_TEXT: Record<string, string> = {
  'invoice.issued': 'Invoice issued',
  'carrier.shipped': 'Goods shipped',
  'carrier.delivered': 'Goods delivered',
  'buyer.acknowledged': 'Buyer acknowledged the amount',
};

async function showLedger(current: Issued): Promise<void> {
  const view = await ledger.getInvoice(current.invoiceId);
  const supplierIdentity = await connection.client.findIdentity(current.signed.document.supplier.quid);
  const checks = await ledgerChecks(view, current.signed, supplierIdentity?.attributes, current.issuedTx);
  const doc = current.signed.document;
  byId('invoice-id').textContent = current.invoiceId;
  byId('invoice-amount').textContent = formatMoney(Number(doc.totalMinor), doc.currency, 'en-GB');
  byId('invoice-state').textContent = view.lifecycle.state;
  byId('invoice-hash').textContent = invoiceHash(doc);
  byId('timeline').replaceChildren(
    ...view.events.map((e) => {
      const li = document.createElement('li');
      const role = view.roles[e.signerQuid] ?? 'unknown role';
      const who = names.get(e.signerQuid) ?? short(e.signerQuid);
      const at = new Date(e.timestamp * 1000).toISOString().slice(11, 19);
      li.innerHTML = '<span class="what"></span><span class="who"></span><span class="when"></span>';
      const [what, by, when] = li.children;
      if (what) what.textContent = `#${e.sequence} ${EVENT_TEXT[e.eventType] ?? e.eventType}`;
      if (by) by.textContent = `signed by ${who} (${role})`;
      if (when) when.textContent = `${at} UTC`;
      li.dataset['event'] = e.eventType;
      return li;
    }),
  );
  showChecks(checks);
  byId('ledger-empty').hidden = true;
  byId('ledger-view').hidden = false;
}

function showChecks(checks: readonly Check[]): void {
  byId('checks').replaceChildren(
    ...checks.map(({ label, outcome, pass }) => {
      const li = document.createElement('li');
      li.dataset['pass'] = String(pass);
      li.innerHTML =
        '<span class="mark" aria-hidden="true"></span><span class="label"></span><span class="outcome"></span>';
      const [mark, text, result] = li.children;
      if (mark) mark.textContent = pass ? '✓' : '✗';
      if (text) text.textContent = label;
      if (result) result.textContent = outcome;
      return li;
    }),
  );
}

// 5 · The other side ----------------------------------------------------------------------------

on('deliver', 'click', 'parties-status', async () => {
  if (!issued || !counterparties) return;
  const { carrier } = counterparties;
  status('parties-status', 'The carrier signs shipment and delivery…', 'busy');
  const number = issued.signed.document.invoiceNumber;
  await ledger.attestShipment(carrier, issued.invoiceId, { billOfLading: `BOL-${number}` });
  await ledger.attestDelivery(carrier, issued.invoiceId, {
    deliveryProof: `POD for ${number}, signed at dock 4`,
  });
  status('parties-status', `${COUNTERPARTY_NAMES.carrier} confirmed shipment and delivery.`);
  await showLedger(issued);
});

on('acknowledge', 'click', 'parties-status', async () => {
  if (!issued || !counterparties) return;
  status('parties-status', 'The buyer signs its acknowledgement…', 'busy');
  const amount = Number(issued.signed.document.totalMinor);
  await ledger.acknowledge(counterparties.buyer, issued.invoiceId, { acknowledgedAmountMinor: amount });
  status('parties-status', `${COUNTERPARTY_NAMES.buyer} acknowledged the full amount.`);
  await showLedger(issued);
});

on('decide', 'click', 'parties-status', async () => {
  if (!issued || !counterparties) return;
  status('parties-status', 'The financier reads the invoice and its trust in the parties…', 'busy');
  const { decision } = await financierDecision(ledger, counterparties.financier, issued.invoiceId);
  showDecision(decision, issued.signed.document.currency);
  status('parties-status', `${COUNTERPARTY_NAMES.financier} decided with @quidfin/factoring.`);
});

function showDecision(decision: FactoringDecision, currency: string): void {
  const money = (minor: number) => formatMoney(minor, currency, 'en-GB');
  const outcome = byId('decision-outcome');
  outcome.textContent = decision.outcome.toUpperCase();
  outcome.dataset['outcome'] = decision.outcome;
  const offer = decision.offer;
  byId('decision-offer').textContent = offer
    ? `advance ${money(offer.advanceMinor)} now, fee ${money(offer.feeMinor)} (${(offer.discountBps / 100).toFixed(2)} %)`
    : '';
  byId('decision-reasons').replaceChildren(
    ...decision.reasons
      .filter((r) => r.severity !== 'info')
      .map((r) => {
        const li = document.createElement('li');
        li.textContent = r.message;
        return li;
      }),
  );
  byId('decision').hidden = false;
}

// Start-up -------------------------------------------------------------------------------------

on('node-form', 'submit', 'key-status', async () => {
  const url = byId<HTMLInputElement>('node-url').value.trim();
  location.search = url ? `?node=${encodeURIComponent(url)}` : '';
});

async function start(): Promise<void> {
  byId('node-label').textContent = connection.label;
  if (nodeUrl) byId<HTMLInputElement>('node-url').value = nodeUrl;
  status('register-status', 'Create or unlock your keys first.', 'busy');
  const parties = await registerCounterparties(ledger);
  counterparties = parties;
  for (const role of ['buyer', 'carrier', 'financier'] as const)
    names.set(parties[role].quidId, COUNTERPARTY_NAMES[role]);
  byId<HTMLInputElement>('buyer-quid').value = parties.buyer.quidId;
  byId('carrier-name').textContent = `${COUNTERPARTY_NAMES.carrier} · ${short(parties.carrier.quidId)}`;
  byId('buyer-party-name').textContent = `${COUNTERPARTY_NAMES.buyer} · ${short(parties.buyer.quidId)}`;
  byId('financier-name').textContent = `${COUNTERPARTY_NAMES.financier} · ${short(parties.financier.quidId)}`;
  status('register-status', '');
  updateButtons();
}

start().catch((error: unknown) => {
  const { text, detail } = describeError(error, connection.label);
  status('register-status', text, 'error', detail);
});
