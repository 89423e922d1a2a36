// @quidfin/factoring's payment-terms reader on hostile input: the time per character at two
// lengths, as a ratio to one plain pass over the same characters in the same run. A linear reader
// keeps its ratio as the input grows sixteen times; a backtracking one (the regexes it replaced took
// 27 s on six such strings) would divide it by sixteen or more. Both lengths are past the point
// where a read's garbage outgrows the young generation (between 10k and 40k characters of
// "2/2/2/..."), which alone makes the time per character jump once; V8's own lower-casing and
// normalising of a string of about 160k characters shows a similar one-off jump.

import { readTerms } from '../packages/factoring/src/rules/parseTerms.ts';
import { type Measurement, measure, report } from './harness.ts';

const PATTERNS: readonly [string, (n: number) => string][] = [
  ['spaces after "net"', (n) => `net${' '.repeat(n)}x`],
  ['"net 30 " repeated', (n) => `${'net 30 '.repeat(n / 7)}net 120`],
  ['"2/" repeated', (n) => `${'2/'.repeat(n / 2)}10 net 30`],
  ['number words', (n) => `${'forty-'.repeat(n / 6)}five days`],
  ['foreign number words', (n) => `${'quatre-vingt-'.repeat(n / 13)}dix jours`],
  ['unread day words', (n) => `${'umpteen days '.repeat(n / 13)}net 30`],
  ['late clauses', (n) => `${'interest after 1 day, '.repeat(n / 22)}net 30`],
  ['accents', (n) => `${'e\u0301'.repeat(n / 2)} 30 jours`],
];

/** One plain pass over the characters: the floor any reader pays. */
function scan(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
  return h;
}

let sink = 0;
for (const [name, make] of PATTERNS) {
  const rows: Measurement[] = [];
  let baseline: Measurement | undefined;
  for (const n of [40_000, 640_000]) {
    const text = make(n);
    const chars = text.length;
    const base = await measure(`plain pass, ${chars} chars (chars/s)`, () => (sink += scan(text)), {
      ms: 1_500,
      opsPerCall: chars,
      clock: 'cpu',
    });
    baseline ??= base;
    if (base !== baseline) rows.push(base);
    rows.push(
      await measure(`readTerms, ${chars} chars (chars/s)`, () => (sink += readTerms(text).netDays ?? 0), {
        ms: 1_500,
        opsPerCall: chars,
        clock: 'cpu',
      }),
    );
  }
  if (baseline !== undefined) report(`terms reader on ${name}`, baseline, rows);
}
if (sink === 42) console.log('');
