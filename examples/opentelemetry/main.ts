// Wiring OpenTelemetry around quidfin: the libraries emit through @opentelemetry/api only, the
// application registers the SDK. Here the SDK's console exporters print every span and metric.
//
//   npm run example:otel
//
// Output: one span per InvoiceLedger operation with its node calls nested under it (route
// templates, status, attempts, tx ids), a statement parse, a reconcile run and a factoring
// evaluation, then the metrics. No names, amounts or IBANs appear in any attribute.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { context, metrics, trace } from '@opentelemetry/api';
import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  ConsoleSpanExporter,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { InvoiceLedger } from '@quidfin/client';
import { generateSigner } from '@quidfin/core';
import { evaluateInvoice, standardPolicy, trustSourceFromRecord } from '@quidfin/factoring';
import { parseStatement, reconcile } from '@quidfin/reconcile';
import { connect } from '../shared/connect.js';
import { AsyncLocalContextManager } from './asyncContext.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';

/** Registers the SDK: console exporters (swap in OTLP exporters for a collector). */
export function registerOpenTelemetry(): { spans: InMemorySpanExporter; shutdown(): Promise<void> } {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter()), new SimpleSpanProcessor(spans)],
  });
  const meterProvider = new MeterProvider({
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new ConsoleMetricExporter(),
        exportIntervalMillis: 60_000,
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalContextManager());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    spans,
    async shutdown() {
      await meterProvider.shutdown(); // exports the metrics once more
      await tracerProvider.shutdown();
      trace.disable();
      metrics.disable();
      context.disable();
    },
  };
}

export async function main(): Promise<{ spanNames: string[] }> {
  const otel = registerOpenTelemetry();
  const { client, close } = await connect(TRUST_DOMAIN);
  try {
    const ledger = new InvoiceLedger(client, { trustDomain: TRUST_DOMAIN });
    const supplier = generateSigner().signer;
    const buyer = generateSigner().signer;
    await ledger.registerParticipant(supplier, { name: 'acme', role: 'supplier' });
    await ledger.registerParticipant(buyer, { name: 'megacorp', role: 'buyer' });
    const now = Math.floor(Date.now() / 1000);
    const invoiceId = `otel-${now}`;
    await ledger.issueInvoice(supplier, {
      invoiceId,
      invoiceNumber: 'OTEL-1',
      buyerQuid: buyer.quidId,
      amountMinor: 1_000_000,
      currency: 'EUR',
      issuedAt: now,
      dueAt: now + 30 * 86_400,
      terms: 'NET-30',
      invoiceHash: 'ab'.repeat(32),
    });
    await ledger.recordSent(supplier, invoiceId, { channel: 'peppol' });
    await ledger.getInvoice(invoiceId);
    // A statement parse and a reconcile run against no open items: the spans carry the counts.
    const { statements } = parseStatement(
      readFileSync(new URL('../reconciliation-job/statement.xml', import.meta.url)),
    );
    reconcile({ transactions: statements.flatMap((s) => s.transactions), invoices: [] });
    // A factoring decision on the invoice as issued, one span (no trust readings are given, so
    // it is rejected on supplier and buyer trust; the span carries the outcome and reasons).
    evaluateInvoice({
      invoice: {
        invoiceId,
        supplierQuid: supplier.quidId,
        buyerQuid: buyer.quidId,
        amountMinor: 1_000_000,
        currency: 'EUR',
        issuedAt: now,
        dueAt: now + 30 * 86_400,
      },
      events: (await ledger.getInvoice(invoiceId)).events,
      trust: trustSourceFromRecord({}),
      policy: standardPolicy(),
      asOf: now,
    });
  } finally {
    await close();
  }
  // Read before shutdown, which empties the in-memory exporter.
  const spanNames = otel.spans.getFinishedSpans().map((s) => s.name);
  await otel.shutdown();
  return { spanNames };
}

// Run when executed directly (not when a test imports main).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    ({ spanNames }) => console.log(`\n${spanNames.length} spans exported.`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
