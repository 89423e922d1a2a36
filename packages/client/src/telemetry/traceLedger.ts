// One span and one duration measurement per InvoiceLedger operation, with ids only.
import { type Attributes, SpanStatusCode } from '@opentelemetry/api';
import { instruments, tracer } from './tracer.js';

/** What a ledger span may say: identifiers and counts, never names, amounts or free text. */
export interface LedgerSpanFacts {
  readonly invoiceId?: string | undefined;
  readonly eventType?: string | undefined;
}

function resultAttributes(result: unknown): Attributes {
  const r = result as {
    id?: unknown;
    issued?: { id?: unknown };
    lifecycle?: { state?: unknown };
    events?: readonly unknown[];
    rejected?: readonly unknown[];
  } | null;
  const out: Attributes = {};
  // A write returns its transaction (issueInvoice: the title and the invoice.issued event).
  const txId = r?.issued?.id ?? r?.id;
  if (typeof txId === 'string') out['quidfin.tx.id'] = txId;
  if (typeof r?.lifecycle?.state === 'string') out['quidfin.invoice.state'] = r.lifecycle.state;
  if (Array.isArray(r?.events)) out['quidfin.invoice.event_count'] = r.events.length;
  if (Array.isArray(r?.rejected)) out['quidfin.invoice.rejected_count'] = r.rejected.length;
  return out;
}

/**
 * Runs one ledger operation in a span `InvoiceLedger.<operation>` with `quidfin.invoice.id`,
 * `quidfin.event.type` and, from the result, `quidfin.tx.id` (or the read's state and counts).
 * The node calls it makes are child spans when the app has a context manager.
 */
export function traceLedger<T>(operation: string, facts: LedgerSpanFacts, run: () => Promise<T>): Promise<T> {
  const attributes: Attributes = { 'quidfin.ledger.operation': operation };
  if (facts.invoiceId !== undefined) attributes['quidfin.invoice.id'] = facts.invoiceId;
  if (facts.eventType !== undefined) attributes['quidfin.event.type'] = facts.eventType;
  return tracer.startActiveSpan(`InvoiceLedger.${operation}`, { attributes }, async (span) => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      const result = await run();
      span.setAttributes(resultAttributes(result));
      return result;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      outcome = typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
      span.setAttribute('error.type', outcome);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
      instruments().ledgerDuration.record((performance.now() - started) / 1000, {
        'quidfin.ledger.operation': operation,
        ...(facts.eventType !== undefined ? { 'quidfin.event.type': facts.eventType } : {}),
        ...(outcome === 'ok' ? {} : { 'error.type': outcome }),
      });
    }
  });
}
