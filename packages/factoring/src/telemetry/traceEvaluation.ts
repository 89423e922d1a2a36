// One span per evaluateInvoice or evaluateBatch call (never one per decision inside a batch): outcomes and counts only.
import { type Attributes, type Span, SpanStatusCode } from '@opentelemetry/api';
import { instruments, tracer } from './tracer.js';

const OUTCOMES = ['approve', 'review', 'pending', 'reject'] as const;

function fail(span: Span, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  span.setAttribute(
    'error.type',
    typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
  );
  span.setStatus({ code: SpanStatusCode.ERROR });
}

// Metric attributes made once: evaluateInvoice may run in a caller's hot loop.
const INVOICE_OPERATION = { 'quidfin.factoring.operation': 'evaluateInvoice' } as const;
const BATCH_OPERATION = { 'quidfin.factoring.operation': 'evaluateBatch' } as const;
const BY_OUTCOME: Readonly<Record<string, Attributes>> = Object.fromEntries(
  [...OUTCOMES, 'error'].map((o) => [o, { 'quidfin.factoring.outcome': o }]),
);

/**
 * Runs one evaluateInvoice in a span `factoring.evaluateInvoice` with `quidfin.factoring.outcome`
 * and `quidfin.factoring.reason_count`; the invoice, its parties and amounts are not recorded.
 * The span is not made active (nothing inside starts spans), and with no provider registered no
 * clock is read and no attribute object is built: callers may loop over this.
 */
export function traceEvaluateInvoice<
  D extends { readonly outcome: string; readonly reasons: readonly unknown[] },
>(run: () => D): D {
  const m = instruments();
  const span = tracer.startSpan('factoring.evaluateInvoice');
  const started = m.live ? performance.now() : 0;
  let outcome = 'error';
  try {
    const decision = run();
    outcome = decision.outcome;
    if (span.isRecording())
      span.setAttributes({
        'quidfin.factoring.outcome': outcome,
        'quidfin.factoring.reason_count': decision.reasons.length,
      });
    return decision;
  } catch (error) {
    fail(span, error);
    throw error;
  } finally {
    span.end();
    if (m.live) {
      m.duration.record((performance.now() - started) / 1000, INVOICE_OPERATION);
      m.decisions.add(1, BY_OUTCOME[outcome]);
    }
  }
}

/**
 * Runs one evaluateBatch in a span `factoring.evaluateBatch` with `quidfin.factoring.invoices` and
 * `quidfin.factoring.outcome.<outcome>`, the decisions per outcome read from the batch summary
 * once at the end (nothing runs per decision).
 */
export function traceEvaluateBatch<
  R extends { readonly summary: { readonly counts: Readonly<Record<(typeof OUTCOMES)[number], number>> } },
>(invoices: number, run: () => R): R {
  return tracer.startActiveSpan(
    'factoring.evaluateBatch',
    { attributes: { 'quidfin.factoring.invoices': invoices } },
    (span) => {
      const started = performance.now();
      try {
        const result = run();
        const counts = result.summary.counts;
        const m = instruments();
        const attributes: Attributes = {};
        for (const o of OUTCOMES) {
          attributes[`quidfin.factoring.outcome.${o}`] = counts[o];
          if (counts[o] > 0) m.decisions.add(counts[o], BY_OUTCOME[o]);
        }
        span.setAttributes(attributes);
        return result;
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        span.end();
        instruments().duration.record((performance.now() - started) / 1000, BATCH_OPERATION);
      }
    },
  );
}
