// Precision and auto-match rate against seeded synthetic truth (no public labelled
// payment-to-invoice data exists, RECONCILE.md §0.7). The thresholds can fail: a change that
// makes the matcher guess (e.g. amount alone, or one same-amount twin) drops precision below 0.99.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/index.js';
import { generateScenario } from './support/generateScenario.js';
import { scoreAgainstTruth } from './support/scoreAgainstTruth.js';

const runs = [1, 2].map((seed) => {
  const g = generateScenario({ seed, invoices: 20_000, lines: 2_000 });
  const result = reconcile({
    transactions: g.transactions,
    invoices: g.invoices,
    remittances: g.remittances,
    options: { fxRates: [g.fxRate] },
  });
  return { seed, g, result, score: scoreAgainstTruth(result, g.truth) };
});

describe('synthetic labelled statements (seeded)', () => {
  it.each(runs.map((r) => [r.seed, r] as const))(
    'seed %i: precision >= 0.99, auto-match rate >= 0.85, top-3 recall >= 0.95',
    (_seed, run) => {
      const s = run.score;
      console.log(
        `seed ${run.seed}: ${s.lines} lines, ${s.payable} payable, auto ${s.auto}, precision ${s.precision.toFixed(4)}, auto-match rate ${s.autoRate.toFixed(4)}, top-3 recall ${s.topKRecall.toFixed(4)}`,
      );
      console.table(s.byScenario);
      expect(s.precision).toBeGreaterThanOrEqual(0.99);
      expect(s.autoRate).toBeGreaterThanOrEqual(0.85);
      expect(s.topKRecall).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('is calibrated at least conservatively: in every confidence band with 20+ lines the top proposal is right at least as often as the band floor', () => {
    for (const run of runs) {
      for (const [floor, n, correct] of run.score.reliability) {
        console.log(`seed ${run.seed} band >= ${floor}: ${correct}/${n}`);
        if (n >= 20) expect(correct / n).toBeGreaterThanOrEqual(floor);
      }
    }
  });

  it('never auto-matches the unanswerable scenarios (same-amount twins, noise)', () => {
    for (const run of runs) {
      for (const scenario of ['ambiguous-twins', 'noise']) {
        expect(run.score.byScenario[scenario]?.lines, scenario).toBeGreaterThan(0);
        expect(run.score.byScenario[scenario]?.auto, scenario).toBe(0);
      }
    }
  });

  it('covers the scenario mix: one-to-many, partials, credit notes, FX and discounts are mostly automatic', () => {
    const s = runs[0]?.score.byScenario ?? {};
    for (const k of [
      'multi-referenced',
      'multi-subset',
      'credit-note',
      'installments',
      'fx',
      'early-discount',
      'charges',
      'rf-typo',
      'remittance-advice',
    ]) {
      const row = s[k];
      expect(row, k).toBeDefined();
      expect((row?.correct ?? 0) / (row?.lines ?? 1), k).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('is deterministic: same inputs give byte-identical output; the generator is seeded', () => {
    const run = runs[0];
    if (run === undefined) throw new Error('no run');
    const again = generateScenario({ seed: 1, invoices: 20_000, lines: 2_000 });
    expect(JSON.stringify(again.transactions)).toBe(JSON.stringify(run.g.transactions));
    const second = reconcile({
      transactions: again.transactions,
      invoices: again.invoices,
      remittances: again.remittances,
      options: { fxRates: [again.fxRate] },
    });
    expect(JSON.stringify(second)).toBe(JSON.stringify(run.result));
  });
});
