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

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/** reconcile's instruments on the current meter provider (meters are not proxies: made again when it changes). */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider === provider) return cached.instruments;
  const meter = provider.getMeter(SCOPE);
  const made: Instruments = {
    runDuration: meter.createHistogram('quidfin.reconcile.run.duration', {
      unit: 's',
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
