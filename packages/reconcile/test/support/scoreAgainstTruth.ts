import type { ReconcileResult } from '../../src/index.js';
import type { Scenario, Truth } from './generateScenario.js';

export interface TruthScore {
  readonly lines: number;
  readonly payable: number;
  readonly auto: number;
  readonly autoCorrect: number;
  /** Correct auto-matches over all auto-matches. */
  readonly precision: number;
  /** Auto-matched lines over lines that truly pay something. */
  readonly autoRate: number;
  /** Lines whose truth is among the top-k suggestions or the auto-match. */
  readonly topKRecall: number;
  readonly byScenario: Readonly<
    Record<string, { lines: number; auto: number; correct: number; wrong: number }>
  >;
  /** Auto and suggested proposals bucketed by confidence: [lower bound, proposals, correct]. */
  readonly reliability: readonly (readonly [number, number, number])[];
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function scoreAgainstTruth(result: ReconcileResult, truth: ReadonlyMap<string, Truth>): TruthScore {
  let payable = 0;
  let auto = 0;
  let autoCorrect = 0;
  let inTopK = 0;
  const byScenario: Record<string, { lines: number; auto: number; correct: number; wrong: number }> = {};
  const buckets = [0.3, 0.5, 0.7, 0.9, 0.97].map((b) => [b, 0, 0] as [number, number, number]);
  for (const line of result.lines) {
    const t = truth.get(line.transactionId);
    if (t === undefined) continue;
    const s = byScenario[t.scenario as Scenario] ?? { lines: 0, auto: 0, correct: 0, wrong: 0 };
    byScenario[t.scenario as Scenario] = s;
    s.lines++;
    if (t.invoiceIds.length > 0) payable++;
    const matched = [...new Set(line.allocations.map((a) => a.invoiceId))].sort();
    if (line.status === 'auto') {
      auto++;
      s.auto++;
      if (same(matched, t.invoiceIds)) {
        autoCorrect++;
        s.correct++;
      } else s.wrong++;
    }
    const proposals =
      line.status === 'auto'
        ? [{ invoiceIds: matched, confidence: line.confidence }]
        : line.suggestions.map((p) => ({ invoiceIds: [...p.invoiceIds].sort(), confidence: p.confidence }));
    if (t.invoiceIds.length > 0 && proposals.some((p) => same(p.invoiceIds, t.invoiceIds))) inTopK++;
    const top = proposals[0];
    if (top && top.confidence >= 0.3) {
      const b = [...buckets].reverse().find((x) => top.confidence >= x[0]);
      if (b) {
        b[1]++;
        if (same(top.invoiceIds, t.invoiceIds)) b[2]++;
      }
    }
  }
  return {
    lines: result.lines.length,
    payable,
    auto,
    autoCorrect,
    precision: auto === 0 ? 1 : autoCorrect / auto,
    autoRate: payable === 0 ? 0 : autoCorrect / payable,
    topKRecall: payable === 0 ? 0 : inTopK / payable,
    byScenario,
    reliability: buckets,
  };
}
