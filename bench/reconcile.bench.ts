// @quidfin/reconcile: indexed matching against a naive scan-everything matcher, in the same run.
//
//   taskset -c 0 npx tsx --expose-gc --conditions=@quidfin/source bench/reconcile.bench.ts
//   RECONCILE_BENCH_1M=1 taskset -c 0 npx tsx --expose-gc --conditions=@quidfin/source bench/reconcile.bench.ts
//
// (taskset pins the process to one core; Node runs the matcher on one thread either way.)
// Shows: 10,000 bank lines against 100,000 open items (the index built once, matching timed),
// in lines per second of wall time and of CPU time (the machines are shared: CPU time is what one
// idle core would need); per-line latency percentiles, one line per call, at 100,000 open items
// and, behind RECONCILE_BENCH_1M=1 (a few minutes), at 1,000,000; the index's own memory (heap
// growth while it is built, after a full GC). Each next to the naive matcher in the same run.
import {
  type BankTransaction,
  buildInvoiceIndex,
  emptyPayerMemory,
  newRunState,
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
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

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
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = buildInvoiceIndex(g.invoices, emptyPayerMemory());
  const t2 = performance.now();
  gc();
  const indexBytes = process.memoryUsage().heapUsed - before;
  const options: ReconcileOptions = { fxRates: [g.fxRate] };
  console.log(
    `dataset ${invoices.toLocaleString('en-US')} open items / ${lines.toLocaleString('en-US')} lines: generated in ${(t1 - t0).toFixed(0)} ms, index built in ${(t2 - t1).toFixed(0)} ms, index memory ${mib(indexBytes)}${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: approximate)'}`,
  );
  return {
    g,
    index,
    indexBytes,
    run: (txs: readonly BankTransaction[]) =>
      // A fresh state per call: every repetition matches the same lines as the first.
      reconcileWithIndex(index, txs, { remittances: g.remittances, options, state: newRunState() }),
  };
}

/** Lines per second of CPU time (user + system) for one call. */
function cpuRate(fn: () => unknown, lines: number): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return lines / ((d.user + d.system) / 1e6);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

// 1. 10,000 lines against 100,000 open items.
{
  const d = dataset(100_000, 10_000, 11);
  const lines = d.g.transactions;
  const first = d.run(lines);
  console.log(
    `10,000 lines: ${first.summary.auto} auto, ${first.summary.suggested} suggested, ${first.summary.unmatched} unmatched`,
  );
  const naive = naiveMatcher(d.g.invoices);
  const naiveSample = lines.slice(0, 40);
  const baseline = await measure('naive scan, 100k open items (lines/s)', () => naive(naiveSample), {
    ms: 1,
    samples: 3,
    opsPerCall: naiveSample.length,
  });
  const indexed = await measure('indexed, 10k lines x 100k open items (lines/s)', () => d.run(lines), {
    ms: 1,
    samples: 5,
    opsPerCall: lines.length,
  });
  report('10,000 bank lines against 100,000 open items (wall time)', baseline, [indexed]);
  const naiveCpu = median([0, 1, 2].map(() => cpuRate(() => naive(naiveSample), naiveSample.length)));
  const indexedCpu = median([0, 1, 2, 3, 4].map(() => cpuRate(() => d.run(lines), lines.length)));
  console.log(
    `CPU time: indexed ${indexedCpu.toFixed(0)} lines/s, naive ${naiveCpu.toFixed(1)} lines/s (x${(indexedCpu / naiveCpu).toFixed(0)}); wall: indexed ${(lines.length / indexed.opsPerSec).toFixed(2)} s for 10,000 lines, naive would need ${(lines.length / baseline.opsPerSec).toFixed(0)} s`,
  );
}

// 2. Per-line latency, one line per call, as open items grow.
async function latency(n: number, seed: number, sampleLines: number): Promise<void> {
  const d = dataset(n, 2_000, seed);
  const lines = d.g.transactions;
  for (let k = 0; k < 200; k++) d.run([lines[k % lines.length] as BankTransaction]);
  // Wall time and the call's own CPU time (GC on the main thread included; time the shared
  // machine gave to other processes excluded).
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let k = 0; k < sampleLines; k++) {
    const tx = lines[k % lines.length] as BankTransaction;
    const c = process.cpuUsage();
    const a = performance.now();
    d.run([tx]);
    times.push(performance.now() - a);
    const u = process.cpuUsage(c);
    cpuTimes.push((u.user + u.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const at = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
  const pct = (p: number): number => at(times, p);
  const naive = naiveMatcher(d.g.invoices);
  const sample = lines.slice(0, n >= 1_000_000 ? 5 : 20);
  const a = performance.now();
  naive(sample);
  const naiveMs = (performance.now() - a) / sample.length;
  console.log(`\n## Per-line latency at ${n.toLocaleString('en-US')} open items (one line per call)`);
  console.table([
    {
      case: 'indexed',
      'p50 ms': pct(0.5).toFixed(3),
      'p95 ms': pct(0.95).toFixed(3),
      'p99 ms': pct(0.99).toFixed(3),
      'index memory': mib(d.indexBytes),
    },
    {
      case: 'indexed, CPU time',
      'p50 ms': at(cpuTimes, 0.5).toFixed(3),
      'p95 ms': at(cpuTimes, 0.95).toFixed(3),
      'p99 ms': at(cpuTimes, 0.99).toFixed(3),
      'index memory': '',
    },
    {
      case: 'naive scan (mean)',
      'p50 ms': naiveMs.toFixed(3),
      'p95 ms': '-',
      'p99 ms': '-',
      'index memory': '-',
    },
  ]);
  console.log(`p95 indexed is x${(naiveMs / pct(0.95)).toFixed(0)} faster than the naive mean`);
}

await latency(100_000, 22, 2_000);
if (process.env['RECONCILE_BENCH_1M'] === '1') await latency(1_000_000, 23, 2_000);
else console.log('\n(1,000,000 open items: set RECONCILE_BENCH_1M=1; takes a few minutes)');
console.log(`\npeak RSS for the whole run: ${mib(process.resourceUsage().maxRSS * 1024)}`);

export type { Measurement };
