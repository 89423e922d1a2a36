// factoring's OpenTelemetry tracer and instruments, through @opentelemetry/api only: no-ops until the app registers a provider.
import {
  type Counter,
  createNoopMeter,
  type Histogram,
  type MeterProvider,
  metrics,
  type Tracer,
  trace,
} from '@opentelemetry/api';

/** Instrumentation scope of every span and metric factoring emits. */
export const SCOPE = '@quidfin/factoring';

/** The global tracer is a proxy: created once, it follows a provider registered later. */
export const tracer: Tracer = trace.getTracer(SCOPE);

interface Instruments {
  /** False on the no-op meter (no provider registered): callers then skip clocks and attributes. */
  readonly live: boolean;
  readonly duration: Histogram;
  readonly decisions: Counter;
}

/** The class of the API's no-op meter, what every meter is until a provider is registered. */
const NoopMeter = createNoopMeter().constructor;

/** Bucket bounds in seconds (the SDK's default bounds are for milliseconds). */
const SECONDS = [0.0001, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30];

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/** factoring's instruments on the current meter provider (meters are not proxies: made again when it changes). */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider === provider) return cached.instruments;
  const meter = provider.getMeter(SCOPE);
  const made: Instruments = {
    live: !(meter instanceof NoopMeter),
    duration: meter.createHistogram('quidfin.factoring.evaluation.duration', {
      unit: 's',
      description: 'Duration of one evaluateInvoice or evaluateBatch call',
      advice: { explicitBucketBoundaries: SECONDS },
    }),
    decisions: meter.createCounter('quidfin.factoring.decisions', {
      description: 'Decisions made, by outcome',
    }),
  };
  cached = { provider, instruments: made };
  return made;
}
