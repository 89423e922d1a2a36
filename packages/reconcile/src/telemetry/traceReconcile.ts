// One span per reconciliation run: line counts per status and per deciding match tier, nothing about payers or amounts.
import { type Attributes, SpanStatusCode } from '@opentelemetry/api';
import { instruments, tracer } from './tracer.js';

/** What the span reads from a run's result (structural, so telemetry imports nothing above it). */
interface RunOutcome {
  readonly lines: readonly {
    readonly status: string;
    readonly evidence: readonly { readonly tier: string; readonly weight: number }[];
  }[];
  readonly summary: {
    readonly lines: number;
    readonly auto: number;
    readonly suggested: number;
    readonly unmatched: number;
    readonly skipped: number;
  };
  readonly events: readonly unknown[];
  readonly adjustments: readonly unknown[];
}

/** The tier of a decided line's heaviest evidence: the one that decided the match. */
function decidingTier(line: RunOutcome['lines'][number]): string | undefined {
  let best: { tier: string; weight: number } | undefined;
  for (const e of line.evidence) if (!best || e.weight > best.weight) best = e;
  return best?.tier;
}

/**
 * Runs one reconciliation in a span `reconcile.run` with `quidfin.reconcile.transactions`, the
 * summary counts (`quidfin.reconcile.auto`, `.suggested`, `.unmatched`, `.skipped`), events and
 * adjustments proposed, and `quidfin.reconcile.tier.<tier>`: decided lines per deciding tier.
 */
export function traceReconcile<R extends RunOutcome>(transactionCount: number, run: () => R): R {
  return tracer.startActiveSpan(
    'reconcile.run',
    { attributes: { 'quidfin.reconcile.transactions': transactionCount } },
    (span) => {
      const started = performance.now();
      try {
        const result = run();
        const tiers: Record<string, number> = {};
        const lines = instruments().lines;
        for (const line of result.lines) {
          const decided = line.status === 'auto' || line.status === 'confirmed';
          const tier = decided ? decidingTier(line) : undefined;
          if (tier !== undefined) tiers[tier] = (tiers[tier] ?? 0) + 1;
          lines.add(1, {
            'quidfin.reconcile.status': line.status,
            ...(tier ? { 'quidfin.reconcile.tier': tier } : {}),
          });
        }
        const s = result.summary;
        const attributes: Attributes = {
          'quidfin.reconcile.lines': s.lines,
          'quidfin.reconcile.auto': s.auto,
          'quidfin.reconcile.suggested': s.suggested,
          'quidfin.reconcile.unmatched': s.unmatched,
          'quidfin.reconcile.skipped': s.skipped,
          'quidfin.reconcile.events': result.events.length,
          'quidfin.reconcile.adjustments': result.adjustments.length,
        };
        for (const [tier, n] of Object.entries(tiers)) attributes[`quidfin.reconcile.tier.${tier}`] = n;
        span.setAttributes(attributes);
        return result;
      } catch (error) {
        span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
        instruments().runDuration.record((performance.now() - started) / 1000);
      }
    },
  );
}
