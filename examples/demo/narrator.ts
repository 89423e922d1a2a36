// Console output of the demo: numbered steps, one progress line per action, checks that turn
// into a non-zero exit code, and plain-text tables. No colours, so logs stay readable in CI.

/** Collects the outcome of every expectation so the demo can exit non-zero if any failed. */
export class Narrator {
  readonly failures: string[] = [];
  #step = 0;
  readonly #steps: number;

  constructor(steps: number) {
    this.#steps = steps;
  }

  title(text: string): void {
    console.log(`\n${text}\n${'='.repeat(text.length)}`);
  }

  step(text: string): void {
    this.#step++;
    console.log(`\n[${this.#step}/${this.#steps}] ${text}`);
  }

  /** A progress line for something that happened. */
  done(text: string): void {
    console.log(`  - ${text}`);
  }

  /** A detail under the previous line. */
  detail(text: string): void {
    console.log(`      ${text}`);
  }

  /** Records an expectation; a failed one is printed and makes the demo exit non-zero. */
  expect(ok: boolean, text: string): void {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${text}`);
    if (!ok) this.failures.push(`step ${this.#step}: ${text}`);
  }
}

/** Formats rows as an aligned plain-text table. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
