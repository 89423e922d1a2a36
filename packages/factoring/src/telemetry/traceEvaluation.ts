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

/**
 * Runs one evaluateInvoice in a span `factoring.evaluateInvoice` with `quidfin.factoring.outcome`
 * and `quidfin.factoring.reason_count`; the invoice, its parties and amounts are not recorded.
 */
export function traceEvaluateInvoice<
  D extends { readonly outcome: string; readonly reasons: readonly unknown[] },
>(run: () => D): D {
  return tracer.startActiveSpan('factoring.evaluateInvoice', (span) => {
    const started = performance.now();
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
      const m = instruments();
      m.duration.record((performance.now() - started) / 1000, {
        'quidfin.factoring.operation': 'evaluateInvoice',
      });
      m.decisions.add(1, { 'quidfin.factoring.outcome': outcome });
    }
  });
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
          if (counts[o] > 0) m.decisions.add(counts[o], { 'quidfin.factoring.outcome': o });
        }
        span.setAttributes(attributes);
        return result;
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        span.end();
        instruments().duration.record((performance.now() - started) / 1000, {
          'quidfin.factoring.operation': 'evaluateBatch',
        });
      }
    },
  );
}
