// The client's OpenTelemetry tracer and instruments, through @opentelemetry/api only: no-ops until the app registers a provider.
import {
  type Counter,
  type Histogram,
  type Meter,
  type MeterProvider,
  metrics,
  type Tracer,
  trace,
} from '@opentelemetry/api';

/** Instrumentation scope of every span and metric the client emits. */
export const SCOPE = '@quidfin/client';

/** The global tracer is a proxy: created once, it follows a provider registered later. */
export const tracer: Tracer = trace.getTracer(SCOPE);

interface Instruments {
  readonly requestDuration: Histogram;
  readonly attempts: Counter;
  readonly ledgerDuration: Histogram;
}

/** Bucket bounds in seconds (the SDK's default bounds are for milliseconds). */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/**
 * The client's instruments on the current global meter provider. Meters are not proxies, so they
 * are made again when the app registers (or replaces) its provider.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider === provider) return cached.instruments;
  const meter: Meter = provider.getMeter(SCOPE);
  const made: Instruments = {
    requestDuration: meter.createHistogram('http.client.request.duration', {
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS },
      description: 'Duration of one logical node API call, retries and failover included',
    }),
    attempts: meter.createCounter('quidfin.client.request.attempts', {
      description: 'HTTP attempts made, retries and failover included',
    }),
    ledgerDuration: meter.createHistogram('quidfin.ledger.operation.duration', {
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS },
      description: 'Duration of one InvoiceLedger operation, commit waits included',
    }),
  };
  cached = { provider, instruments: made };
  return made;
}
