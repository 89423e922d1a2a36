// @quidfin/reconcile: indexed matching against a naive scan-everything matcher, in the same run.
//
//   taskset -c 0 npx tsx --conditions=@quidfin/source bench/reconcile.bench.ts
//
// (taskset pins the process to one core; Node runs the matcher on one thread either way.)
// Shows: 10,000 bank lines against 100,000 open invoices; per-line cost as lines grow (should be
// flat, so total cost is linear in lines); per-line latency against 10k / 100k / 1M open invoices
// (should be flat for the indexed matcher, linear for the naive one); peak memory.
import {
  type BankTransaction,
  buildInvoiceIndex,
  emptyPayerMemory,
  type OpenInvoice,
  type ReconcileOptions,
  reconcileWithIndex,
  referenceKey,
} from '@quidfin/reconcile';
import { generateScenario } from '../packages/reconcile/test/support/generateScenario.js';
import { type Measurement, measure, report } from './harness.js';
// ===== Statement parsers (issue 13): their own block, in bench/parserBench.ts =====
import { runParserBench } from './parserBench.js';

await runParserBench();
if (process.argv.includes('--parsers-only')) process.exit(0);
// ===== end of the statement-parser block =====

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const peakRss = (): string => mib(process.resourceUsage().maxRSS * 1024);

/** The naive matcher many engines use: every line scans every open invoice (O(lines x invoices)). */
function naiveMatcher(invoices: readonly OpenInvoice[]): (lines: readonly BankTransaction[]) => number {
  const keys = invoices.map((i) => referenceKey(i.invoiceNumber));
  const refs = invoices.map((i) => i.paymentReference ?? '');
  return (lines) => {
    let matched = 0;
    for (const tx of lines) {
      const text = referenceKey([...tx.remittanceText, tx.endToEndId ?? ''].join(' '));
      const structured = new Set(tx.creditorReferences.map((r) => r.replace(/\s+/g, '').toUpperCase()));
      let best = -1;
      let bestScore = 0;
      for (let i = 0; i < invoices.length; i++) {
        const inv = invoices[i] as OpenInvoice;
        let score = 0;
        const ref = refs[i] as string;
        if (ref !== '' && structured.has(ref)) score += 9;
        const key = keys[i] as string;
        if (key.length >= 4 && text.includes(key)) score += 6;
        if (inv.openAmountMinor === tx.amountMinor) score += 2.5;
        if (tx.counterpartyAccount !== undefined && inv.payerAccounts?.includes(tx.counterpartyAccount))
          score += 2.5;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best >= 0 && bestScore >= 8) matched++;
    }
    return matched;
  };
}

function dataset(invoices: number, lines: number, seed: number) {
  const t0 = performance.now();
  const g = generateScenario({ seed, invoices, lines });
  const t1 = performance.now();
  const index = buildInvoiceIndex(g.invoices, emptyPayerMemory());
  const t2 = performance.now();
  const options: ReconcileOptions = { fxRates: [g.fxRate] };
  console.log(
    `dataset ${invoices.toLocaleString('en-US')} invoices / ${lines.toLocaleString('en-US')} lines: generated in ${(t1 - t0).toFixed(0)} ms, index built in ${(t2 - t1).toFixed(0)} ms; heap ${mib(process.memoryUsage().heapUsed)}, peak RSS so far ${peakRss()}`,
  );
  return {
    g,
    index,
    options,
    run: (txs: readonly BankTransaction[]) =>
      reconcileWithIndex(index, txs, { remittances: g.remittances, options }),
  };
}

const results: Record<string, Measurement> = {};

// 1. 10,000 lines against 100,000 open invoices.
{
  const d = dataset(100_000, 10_000, 11);
  const lines = d.g.transactions;
  const first = d.run(lines);
  console.log(
    `10,000 lines: ${first.summary.auto} auto, ${first.summary.suggested} suggested, ${first.summary.unmatched} unmatched; peak RSS ${peakRss()}`,
  );
  const naive = naiveMatcher(d.g.invoices);
  const naiveSample = lines.slice(0, 40);
  const baseline = await measure('naive scan, 100k invoices (lines/s)', () => naive(naiveSample), {
    ms: 1,
    samples: 3,
    opsPerCall: naiveSample.length,
  });
  const indexed = await measure('indexed, 10k lines x 100k invoices (lines/s)', () => d.run(lines), {
    ms: 1,
    samples: 5,
    opsPerCall: lines.length,
  });
  report('10,000 bank lines against 100,000 open invoices', baseline, [indexed]);
  console.log(
    `indexed: ${(lines.length / indexed.opsPerSec).toFixed(2)} s for 10,000 lines (${((1000 / indexed.opsPerSec) * 1000).toFixed(0)} us/line); naive would need ${(lines.length / baseline.opsPerSec).toFixed(0)} s`,
  );
  results['naive100k'] = baseline;
  results['indexed100k'] = indexed;

  // 2. Growth in the number of lines (same 100k invoices): lines/s should stay flat.
  const growth: Measurement[] = [];
  for (const n of [1_000, 2_500, 5_000, 10_000]) {
    const part = lines.slice(0, n);
    // Several calls per size (the machine is shared and noisy): median of 5 samples over ~6 s.
    growth.push(
      await measure(`indexed, ${n.toLocaleString('en-US')} lines (lines/s)`, () => d.run(part), {
        ms: 6000,
        samples: 5,
        opsPerCall: n,
      }),
    );
  }
  report(
    'Lines/s as the batch grows (100k invoices): ~1.0 means total cost is linear in lines',
    growth[0] as Measurement,
    growth.slice(1),
  );
}

// 3. Per-line latency as open invoices grow: 10k, 100k, 1M.
{
  const indexedRuns: Measurement[] = [];
  const naiveRuns: Measurement[] = [];
  for (const [n, seed] of [
    [10_000, 21],
    [100_000, 22],
    [1_000_000, 23],
  ] as const) {
    const d = dataset(n, 2_000, seed);
    const lines = d.g.transactions;
    let k = 0;
    // One line per call: the latency a streaming caller sees.
    indexedRuns.push(
      await measure(
        `indexed, 1 line per call, ${n.toLocaleString('en-US')} invoices (lines/s)`,
        () => d.run([lines[k++ % lines.length] as BankTransaction]),
        { ms: 1500, samples: 5 },
      ),
    );
    const naive = naiveMatcher(d.g.invoices);
    const sample = lines.slice(0, n >= 1_000_000 ? 5 : 20);
    naiveRuns.push(
      await measure(`naive scan, ${n.toLocaleString('en-US')} invoices (lines/s)`, () => naive(sample), {
        ms: 1,
        samples: 3,
        opsPerCall: sample.length,
      }),
    );
    console.log(
      `after ${n.toLocaleString('en-US')}: heap ${mib(process.memoryUsage().heapUsed)}, peak RSS ${peakRss()}`,
    );
  }
  report(
    'Per-line throughput vs open invoices (baseline: indexed at 10k invoices)',
    indexedRuns[0] as Measurement,
    [...indexedRuns.slice(1), ...naiveRuns],
  );
  console.log('\nPer-line latency (ms, median of samples):');
  console.table(
    [...indexedRuns, ...naiveRuns].map((m) => ({
      case: m.name.replace(' (lines/s)', ''),
      'ms/line': (1000 / m.opsPerSec).toFixed(3),
    })),
  );
}
console.log(`\npeak RSS for the whole run: ${peakRss()}`);
