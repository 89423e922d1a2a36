// One CLIENT span and one duration measurement per logical node API call (all its attempts).
import { type Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { instruments, tracer } from './tracer.js';

/** What the transport learns while it runs the call, read when the span ends. */
export interface CallProbe {
  attempts: number;
  status: number | undefined;
}

/** The error's code (`TIMEOUT`, `RATE_LIMITED`, ...) or its class name: never its message. */
function errorType(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * Runs `run` inside a span named after the route template (`GET /streams/{id}`, never the URL
 * with ids). Attributes: method, route, final status, attempts (`http.request.resend_count` =
 * attempts - 1) and the transaction id of a write. No bodies, no query values, no messages.
 */
export function traceHttpCall<T>(
  spec: { readonly method: string; readonly route: string; readonly txId?: string | undefined },
  run: (probe: CallProbe) => Promise<T>,
): Promise<T> {
  const probe: CallProbe = { attempts: 0, status: undefined };
  const base: Attributes = { 'http.request.method': spec.method, 'http.route': spec.route };
  return tracer.startActiveSpan(
    spec.route,
    { kind: SpanKind.CLIENT, attributes: spec.txId ? { ...base, 'quidfin.tx.id': spec.txId } : base },
    async (span) => {
      const started = performance.now();
      let failure: string | undefined;
      try {
        return await run(probe);
      } catch (error) {
        failure = errorType(error);
        const status = (error as { status?: unknown } | null)?.status;
        if (typeof status === 'number') probe.status = status;
        throw error;
      } finally {
        const end: Attributes = { ...base };
        if (probe.status !== undefined) end['http.response.status_code'] = probe.status;
        if (failure !== undefined) end['error.type'] = failure;
        span.setAttributes({ ...end, 'quidfin.attempts': probe.attempts });
        if (probe.attempts > 1) span.setAttribute('http.request.resend_count', probe.attempts - 1);
        if (failure !== undefined) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        const m = instruments();
        m.requestDuration.record((performance.now() - started) / 1000, end);
        m.attempts.add(probe.attempts, base);
      }
    },
  );
}
