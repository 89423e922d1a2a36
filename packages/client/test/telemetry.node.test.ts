// OpenTelemetry over real loopback HTTP: one span per node call and per ledger operation, ids only.
import { generateSigner, type InvoiceDocument, type Signer } from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeTexts, type OtelRecorder, recordOtel } from '../../../test-support/otel.js';
import { InvoiceLedger } from '../src/index.js';
import { DOMAIN, type Harness } from './support/harness.js';
import { loopback } from './support/loopback.js';

const DAY = 86_400;
const IBAN = 'DE89370400440532013000';
const DOC = {
  invoiceNumber: 'ACME-OTEL-1',
  issueDate: '2026-11-20',
  dueDate: '2026-12-20',
  currency: 'EUR',
  supplier: { name: 'Acme Widgets GmbH', iban: IBAN, address: 'Industriestrasse 12, Stuttgart' },
  buyer: { name: 'MegaCorp Deutschland GmbH' },
  lineItems: [
    {
      description: 'Widget W-400',
      quantity: '4',
      unitPriceMinor: '1234567',
      taxRateBps: 0,
      amountMinor: '4938268',
    },
  ],
  subtotalMinor: '4938268',
  taxMinor: '0',
  totalMinor: '4938268',
  paymentReference: 'RF18539007547034',
} as unknown as InvoiceDocument;
/** Attribute keys a span or metric may carry: identifiers, routes, codes and counts. */
const ALLOWED_KEYS = new Set([
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'http.request.resend_count',
  'error.type',
  'quidfin.attempts',
  'quidfin.tx.id',
  'quidfin.ledger.operation',
  'quidfin.invoice.id',
  'quidfin.event.type',
  'quidfin.invoice.state',
  'quidfin.invoice.event_count',
  'quidfin.invoice.rejected_count',
]);

describe('OpenTelemetry (loopback HTTP)', () => {
  let h: Harness;
  let otel: OtelRecorder;
  let ledger: InvoiceLedger;
  const s = (): Signer => generateSigner().signer;
  const [supplier, buyer] = [s(), s()];

  beforeAll(async () => {
    h = await loopback();
    // A call before any provider is registered: no-op instruments, which must not stick.
    await h.client().info();
    otel = recordOtel();
    ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
    await ledger.registerParticipant(supplier, { name: 'Acme Widgets GmbH', role: 'supplier' });
    await ledger.registerParticipant(buyer, { name: 'MegaCorp Deutschland GmbH', role: 'buyer' });
  });
  afterAll(async () => {
    await otel.stop();
    await h.close();
  });

  it('one CLIENT span per node call, named by the route template with no ids in it, with method, status and attempts', async () => {
    otel.spans.reset();
    const quid = generateSigner().signer.quidId;
    await expect(h.client().getIdentity(quid)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [span] = otel.spans.getFinishedSpans();
    expect(span?.name).toBe('GET /identity/{quidId}');
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': 'GET /identity/{quidId}',
      'http.response.status_code': 404,
      'error.type': 'NOT_FOUND',
      'quidfin.attempts': 1,
    });
    expect(JSON.stringify(span?.attributes)).not.toContain(quid);
  });

  it('a retried call is still one span, with its attempt count and resend count', async () => {
    let failed = false;
    const flaky = h.client({}, async (request, respond) => {
      if (!failed && request.url.endsWith('/info')) {
        failed = true;
        return new Response('busy', { status: 503 });
      }
      return respond();
    });
    otel.spans.reset();
    await flaky.info();
    const spans = otel.spans.getFinishedSpans().filter((x) => x.name === 'GET /info');
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes).toMatchObject({
      'http.response.status_code': 200,
      'quidfin.attempts': 2,
      'http.request.resend_count': 1,
    });
  });

  it('ledger operations are one span each with invoice id, event type and the transaction id; the write carries the tx id on its HTTP span too', async () => {
    otel.spans.reset();
    const { issued } = await ledger.issueInvoice(supplier, {
      invoiceId: 'inv-otel-1',
      invoiceNumber: DOC.invoiceNumber,
      buyerQuid: buyer.quidId,
      amountMinor: 4_938_268,
      currency: 'EUR',
      issuedAt: 1_795_000_000,
      dueAt: 1_795_000_000 + 30 * DAY,
      terms: 'NET-30',
      paymentReference: 'RF18539007547034',
      document: DOC,
    });
    const sent = await ledger.recordSent(supplier, 'inv-otel-1', { channel: 'peppol' });
    const view = await ledger.getInvoice('inv-otel-1');
    const spans = otel.spans.getFinishedSpans();
    const ledgerSpans = spans.filter((x) => x.name.startsWith('InvoiceLedger.'));
    expect(ledgerSpans.map((x) => x.name)).toEqual([
      'InvoiceLedger.issueInvoice',
      'InvoiceLedger.appendEvent',
      'InvoiceLedger.getInvoice',
    ]);
    expect(ledgerSpans[0]?.attributes).toMatchObject({
      'quidfin.invoice.id': 'inv-otel-1',
      'quidfin.event.type': 'invoice.issued',
      'quidfin.tx.id': issued.id,
    });
    expect(ledgerSpans[1]?.attributes).toMatchObject({
      'quidfin.event.type': 'invoice.sent',
      'quidfin.tx.id': sent.id,
    });
    expect(ledgerSpans[2]?.attributes).toMatchObject({
      'quidfin.invoice.state': view.lifecycle.state,
      'quidfin.invoice.event_count': 2,
      'quidfin.invoice.rejected_count': 0,
    });
    const post = spans.find((x) => x.name === 'POST /events' && x.attributes['quidfin.tx.id'] === sent.id);
    expect(post?.attributes['http.response.status_code']).toBeLessThan(300);
  });

  it('metrics: call durations by route and status, attempts, ledger durations; instruments made before the provider was registered follow it', async () => {
    const recorded = await otel.metrics();
    const names = recorded.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'http.client.request.duration',
        'quidfin.client.request.attempts',
        'quidfin.ledger.operation.duration',
      ]),
    );
    const durations = recorded.find((m) => m.name === 'http.client.request.duration');
    expect(durations?.points.map((p) => p.attributes['http.route'])).toContain('POST /events');
  });

  it('no personal or payment data in any attribute: no party names, IBAN, amounts, payment reference or free text; only allow-listed keys', async () => {
    const spans = otel.spans.getFinishedSpans();
    const points = (await otel.metrics()).flatMap((m) => m.points.map((p) => p.attributes));
    const all = [...spans.map((x) => x.attributes), ...points];
    expect(spans.length).toBeGreaterThan(5);
    for (const a of all) for (const key of Object.keys(a)) expect(ALLOWED_KEYS, key).toContain(key);
    const texts = attributeTexts(all).join('\n');
    for (const secret of [
      'Acme',
      'MegaCorp',
      IBAN,
      '4938268',
      '4,938,268',
      'RF18539007547034',
      'Widget',
      'Stuttgart',
    ])
      expect(texts).not.toContain(secret);
    for (const x of spans) for (const e of x.events) expect(e.attributes ?? {}).toEqual({});
  });
});
