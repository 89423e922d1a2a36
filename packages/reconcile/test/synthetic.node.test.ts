// Precision and auto-match rate against seeded synthetic truth (no public labelled
// payment-to-invoice data exists, RECONCILE.md §0.7), per scenario, for the generator's lines in
// memory and as daily camt.053 and German MT940 files through the parsers and a Reconciler.
// Seeds 1 and 2 were looked at while tuning; seed 20261202 is held out (first run after the
// generator was extended, never tuned against). The thresholds can fail: a matcher that guesses
// (amount alone, a same-amount twin, a digit fragment, a tolerance without a reference) drops
// precision below 0.999.
import { describe, expect, it } from 'vitest';
import { type LineDecision, Reconciler, reconcile } from '../src/index.js';
import { DECOYS, generateScenario } from './support/generateScenario.js';
import { scoreAgainstTruth, type TruthScore } from './support/scoreAgainstTruth.js';
import { type StatementPath, throughStatements } from './support/throughStatements.js';

const TUNING = [1, 2];
const HELD_OUT = [20261202];
const SIZE = { invoices: 20_000, lines: 3_000 };

type Path = 'memory' | StatementPath;
const runs = [...TUNING, ...HELD_OUT].flatMap((seed) => {
  const g = generateScenario({ seed, ...SIZE });
  const options = { fxRates: [g.fxRate] };
  const memory = reconcile({
    transactions: g.transactions,
    invoices: g.invoices,
    remittances: g.remittances,
    options,
  });
  const out: { seed: number; path: Path; score: TruthScore; lost: Record<string, number> }[] = [
    { seed, path: 'memory', score: scoreAgainstTruth(memory, g.truth), lost: {} },
  ];
  for (const path of ['camt', 'mt940'] as const) {
    const p = throughStatements(g, path);
    const reconciler = new Reconciler({ invoices: g.invoices, remittances: g.remittances, options });
    const lines: LineDecision[] = [];
    for (const day of p.days) lines.push(...reconciler.process(day).lines);
    const result = {
      lines,
      events: [],
      adjustments: [],
      invoices: [],
      summary: { lines: 0, auto: 0, suggested: 0, unmatched: 0, skipped: 0 },
    };
    out.push({ seed, path, score: scoreAgainstTruth(result, p.truth), lost: { ...p.lost } });
  }
  return out;
});

describe('synthetic labelled statements (seeded, with a held-out seed)', () => {
  it.each(runs.map((r) => [r.seed, r.path, r] as const))(
    'seed %i via %s: precision >= 0.999, auto-match >= 0.95 over answerable lines (and >= 0.93 over all payable lines for memory and camt)',
    (_seed, _path, run) => {
      const s = run.score;
      console.log(
        `seed ${run.seed} via ${run.path}: ${s.lines} lines, ${s.payable} payable, auto ${s.auto}, precision ${s.precision.toFixed(4)}, auto-match rate ${s.autoRate.toFixed(4)}, top-3 recall ${s.topKRecall.toFixed(4)}; fields lost on the way through the parser (none is supplied past it): ${JSON.stringify(run.lost)}`,
      );
      console.table(
        Object.fromEntries(
          Object.entries(s.byScenario)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [
              k,
              {
                ...v,
                precision: v.auto ? (v.correct / v.auto).toFixed(3) : '-',
                'auto-match': (v.correct / v.lines).toFixed(3),
              },
            ]),
        ),
      );
      // Answerable lines: all payable lines except the ones built to be unanswerable (same-amount
      // twins, a loosely named payer with padding items, a text quoting another number of the
      // series: contrary evidence, a person's call) and, in MT940, one-to-many payments whose
      // per-document amounts only camt can carry.
      const unanswerable = [
        'ambiguous-twins',
        'decoy-padding',
        'wrong-number',
        ...(run.path === 'mt940' ? ['rmtd-split'] : []),
      ];
      let answerable = 0;
      let answered = 0;
      for (const [k, v] of Object.entries(s.byScenario)) {
        if (unanswerable.includes(k) || DECOYS.includes(k as (typeof DECOYS)[number])) continue;
        answerable += v.lines;
        answered += v.correct;
      }
      console.log(
        `  auto-match over answerable lines: ${(answered / answerable).toFixed(4)} (${answered}/${answerable})`,
      );
      expect(s.precision).toBeGreaterThanOrEqual(0.999);
      expect(answered / answerable).toBeGreaterThanOrEqual(0.95);
      // Over all payable lines 0.93: since round R, a text naming another document (wrong-number,
      // and number-variant typos that land on another existing number) is never auto.
      if (run.path !== 'mt940') expect(s.autoRate).toBeGreaterThanOrEqual(0.93);
      expect(s.topKRecall).toBeGreaterThanOrEqual(0.97);
    },
  );

  it('nothing is supplied past the parser: every instructed amount, charge and rate on a generated line comes back from the camt.053 and MT940 files (KURS, /OCMT/, /CHGS/, CcyXchg, InstdAmt, Chrgs)', () => {
    const statementRuns = runs.filter((r) => r.path !== 'memory');
    expect(statementRuns.length).toBe(2 * (TUNING.length + HELD_OUT.length));
    for (const run of statementRuns) {
      // The fields are really there to lose: fx-bank and charges-reported lines carry all three.
      expect(run.score.byScenario['fx-bank']?.lines, `fx-bank seed ${run.seed}`).toBeGreaterThan(0);
      expect(run.score.byScenario['charges-reported']?.lines, `charges seed ${run.seed}`).toBeGreaterThan(0);
      expect(run.lost, `seed ${run.seed} via ${run.path}`).toEqual({});
    }
  });

  it('no decoy is ever auto-applied (twins, unknown payers, foreign RF refunds, paid invoices named, duplicates, digit fragments, noise), on any path', () => {
    for (const run of runs)
      for (const scenario of DECOYS) {
        expect(run.score.byScenario[scenario]?.lines, `${scenario} seed ${run.seed}`).toBeGreaterThan(0);
        expect(run.score.byScenario[scenario]?.auto, `${scenario} seed ${run.seed} ${run.path}`).toBe(0);
      }
  });

  it('every situation of issue #12 is covered and mostly automatic in memory and via camt', () => {
    for (const run of runs.filter((r) => r.path !== 'mt940'))
      for (const k of [
        'credit-note-netting',
        'fx-bank',
        'charges-reported',
        'grouped-charges',
        'rmtd-split',
        'silent-fee',
        'name-printed',
        'number-variant',
        'payment-factory',
        'statement-order',
        'multi-subset',
        'credit-note',
        'fx',
        'early-discount',
        'remittance-advice',
      ]) {
        const row = run.score.byScenario[k];
        expect(row, k).toBeDefined();
        // A swapped digit pair that lands on another existing number names that document: about
        // one number-variant line in ten is then a suggestion, never auto.
        expect(
          (row?.correct ?? 0) / (row?.lines ?? 1),
          `${k} seed ${run.seed} ${run.path}`,
        ).toBeGreaterThanOrEqual(k === 'number-variant' ? 0.8 : 0.9);
        expect(row?.wrong, k).toBe(0);
      }
  });

  it('a text quoting another number of the series (wrong-number) is never auto-applied, on any path', () => {
    for (const run of runs) {
      const row = run.score.byScenario['wrong-number'];
      expect(row?.lines, `seed ${run.seed} ${run.path}`).toBeGreaterThan(0);
      expect(row?.auto, `seed ${run.seed} ${run.path}`).toBe(0);
    }
  });

  it('is calibrated at least conservatively: in every band from 0.5 up with 20+ lines the top proposal is right at least as often as the band floor', () => {
    // The 0.3-0.5 band is reported, not held to its floor: in this mix it is mostly decoys built
    // to be wrong (an unknown payer paying someone's exact amount), shown to a person only.
    for (const run of runs) {
      for (const [floor, n, correct] of run.score.reliability) {
        console.log(`seed ${run.seed} ${run.path} band >= ${floor}: ${correct}/${n}`);
        if (n >= 20 && floor >= 0.5)
          expect(correct / n, `seed ${run.seed} ${run.path} band ${floor}`).toBeGreaterThanOrEqual(floor);
      }
    }
  });

  it('is deterministic: same inputs give byte-identical output; the generator is seeded', () => {
    const a = generateScenario({ seed: 1, invoices: 5_000, lines: 800 });
    const b = generateScenario({ seed: 1, invoices: 5_000, lines: 800 });
    expect(JSON.stringify(b.transactions)).toBe(JSON.stringify(a.transactions));
    const run = () =>
      JSON.stringify(
        reconcile({
          transactions: b.transactions,
          invoices: b.invoices,
          remittances: b.remittances,
          options: { fxRates: [b.fxRate] },
        }),
      );
    expect(run()).toBe(run());
  });
});
