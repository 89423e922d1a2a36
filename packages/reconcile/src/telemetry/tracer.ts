// reconcile's OpenTelemetry tracer and instruments, through @opentelemetry/api only: no-ops until the app registers a provider.
import {
  type Counter,
  type Histogram,
  type MeterProvider,
  metrics,
  type Tracer,
  trace,
} from '@opentelemetry/api';

/** Instrumentation scope of every span and metric reconcile emits. */
export const SCOPE = '@quidfin/reconcile';

/** The global tracer is a proxy: created once, it follows a provider registered later. */
export const tracer: Tracer = trace.getTracer(SCOPE);

interface Instruments {
  readonly runDuration: Histogram;
  readonly lines: Counter;
  readonly parsedTransactions: Counter;
}

/** Bucket bounds in seconds (the SDK's default bounds are for milliseconds). */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/** reconcile's instruments on the current meter provider (meters are not proxies: made again when it changes). */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider === provider) return cached.instruments;
  const meter = provider.getMeter(SCOPE);
  const made: Instruments = {
    runDuration: meter.createHistogram('quidfin.reconcile.run.duration', {
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS },
      description: 'Duration of one reconciliation run',
    }),
    lines: meter.createCounter('quidfin.reconcile.lines', {
      description: 'Bank lines decided, by status and deciding match tier',
    }),
    parsedTransactions: meter.createCounter('quidfin.reconcile.statement.transactions', {
      description: 'Transactions read from bank statements, by format',
    }),
  };
  cached = { provider, instruments: made };
  return made;
}
