// A small benchmark harness: every figure is reported as a ratio against a baseline measured in
// the same run, because the machines are small and shared and absolute numbers mean little.

export interface Measurement {
  readonly name: string;
  /** Operations per second (median of the samples). */
  readonly opsPerSec: number;
  readonly samples: number;
}

/**
 * Runs `fn` (which performs `opsPerCall` operations) repeatedly for about `ms` milliseconds after a
 * short warm-up, in several samples, and returns the median rate.
 */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  options: { ms?: number; opsPerCall?: number; samples?: number; clock?: 'wall' | 'cpu' } = {},
): Promise<Measurement> {
  const ms = options.ms ?? 1000;
  // 'cpu': this process's CPU time (all its threads, GC included) instead of the wall clock, so
  // other processes sharing the core do not count as ours. For work that never waits on I/O.
  const now = options.clock === 'cpu' ? cpuMs : () => performance.now();
  const opsPerCall = options.opsPerCall ?? 1;
  const sampleCount = options.samples ?? 5;
  const warmUntil = now() + Math.min(200, ms / 4);
  while (now() < warmUntil) await fn();
  const rates: number[] = [];
  for (let s = 0; s < sampleCount; s++) {
    let calls = 0;
    const start = now();
    const stop = start + ms / sampleCount;
    while (now() < stop) {
      await fn();
      calls++;
    }
    const elapsed = now() - start;
    rates.push((calls * opsPerCall * 1000) / elapsed);
  }
  rates.sort((a, b) => a - b);
  return { name, opsPerSec: rates[Math.floor(rates.length / 2)] ?? 0, samples: sampleCount };
}

/** Prints a table of measurements with each one's ratio to `baseline`. */
export function report(title: string, baseline: Measurement, others: readonly Measurement[]): void {
  console.log(`\n## ${title}`);
  const rows = [baseline, ...others].map((m) => ({
    case: m.name,
    'ops/s': Math.round(m.opsPerSec).toLocaleString('en-US'),
    'x baseline': (m.opsPerSec / baseline.opsPerSec).toFixed(3),
  }));
  console.table(rows);
}

/** CPU time this process has used, in milliseconds. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
