// In-memory OpenTelemetry tracer and meter providers registered globally for one test file (shared by
// the telemetry tests of client, reconcile and factoring).
import { type Attributes, metrics, trace } from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A pull reader: the test collects when it wants to look. */
class TestReader extends MetricReader {
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

export interface RecordedMetric {
  readonly name: string;
  readonly points: readonly { readonly attributes: Attributes; readonly value: unknown }[];
}

export interface OtelRecorder {
  readonly spans: InMemorySpanExporter;
  metrics(): Promise<RecordedMetric[]>;
  /** Unregisters both providers (the globals can be set once until disabled). */
  stop(): Promise<void>;
}

export function recordOtel(): OtelRecorder {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const reader = new TestReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    spans,
    async metrics() {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics.scopeMetrics.flatMap((s) =>
        s.metrics.map((m) => ({
          name: m.descriptor.name,
          points: m.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value })),
        })),
      );
    },
    async stop() {
      trace.disable();
      metrics.disable();
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}

/** Every attribute value of every span and metric point, as text, for PII checks. */
export function attributeTexts(all: readonly Attributes[]): string[] {
  return all.flatMap((a) => Object.values(a).map((v) => String(v)));
}
