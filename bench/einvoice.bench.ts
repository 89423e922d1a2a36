// @quidfin/einvoice: UBL/CII parse throughput against the bare XML reader on the same files.
//
//   taskset -c 0 npx tsx --conditions=@quidfin/source bench/einvoice.bench.ts
//
// Baseline: readXml alone (the package's own hardened reader) over the six public sample files
// in packages/einvoice/test/fixtures. Cases: the full parse (tree -> EN 16931 model) with and
// without the rule checks, writing back, and saxes (reconcile's XML tokenizer, no tree built) on
// the same bytes for reference. One op = one pass over all six files; then the same per syntax (the
// three UBL files, the three CII files), parse against the bare reader on those files.
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { checkEInvoice, parseEInvoice, readXml, writeEInvoice } from '../packages/einvoice/src/index.js';
import { SAMPLES } from '../packages/einvoice/test/support/fixtures.js';
import { measure, report } from './harness.js';

// Longer runs and more samples than the default: the machine is shared and noisy.
const OPTS = { ms: 3000, samples: 9 };

const texts = SAMPLES.map((f) => readFileSync(`packages/einvoice/test/fixtures/${f}`, 'utf8'));
const bytes = texts.reduce((s, t) => s + t.length, 0);
const parsed = texts.map((t) => parseEInvoice(t));
/** saxes with its namespace handling on and no handlers: tokenizing only, the floor of any XML read. */
const saxes = (t: string): void => {
  new SaxesParser({ xmlns: true }).write(t).close();
};

const baseline = await measure(
  'readXml (bare reader)',
  () => {
    for (const t of texts) readXml(t);
  },
  OPTS,
);
const cases = [
  await measure(
    'parseEInvoice (reader + mapping + EN 16931 rules)',
    () => {
      for (const t of texts) parseEInvoice(t);
    },
    OPTS,
  ),
  await measure(
    'parseEInvoice, checkRules: false',
    () => {
      for (const t of texts) parseEInvoice(t, { checkRules: false });
    },
    OPTS,
  ),
  await measure(
    'checkEInvoice alone (on parsed model)',
    () => {
      for (const p of parsed) checkEInvoice(p);
    },
    OPTS,
  ),
  await measure(
    'writeEInvoice (same syntax)',
    () => {
      for (const p of parsed) writeEInvoice(p);
    },
    OPTS,
  ),
  await measure(
    'saxes 6 tokenizer (reference, no tree)',
    () => {
      for (const t of texts) saxes(t);
    },
    OPTS,
  ),
];
report(
  `einvoice: ${texts.length} public sample files, ${(bytes / 1024).toFixed(0)} KiB per op`,
  baseline,
  cases,
);
console.log(`bare reader: ${((baseline.opsPerSec * bytes) / 1024 / 1024).toFixed(1)} MiB/s`);

// Per syntax: the UBL files and the CII files, each against the bare reader on the same files,
// with throughput in MiB/s so the ratio and the absolute figure sit side by side.
for (const syntax of ['UBL', 'CII'] as const) {
  const mine = texts.filter((_, i) => parsed[i]?.syntax === syntax);
  const size = mine.reduce((s, t) => s + t.length, 0);
  const bare = await measure(
    `readXml (bare reader), ${syntax} files`,
    () => {
      for (const t of mine) readXml(t);
    },
    OPTS,
  );
  const full = await measure(
    `parseEInvoice, ${syntax} files`,
    () => {
      for (const t of mine) parseEInvoice(t);
    },
    OPTS,
  );
  report(`einvoice ${syntax}: ${mine.length} files, ${(size / 1024).toFixed(0)} KiB per op`, bare, [full]);
  const mib = (m: { opsPerSec: number }) => ((m.opsPerSec * size) / 1024 / 1024).toFixed(1);
  console.log(
    `${syntax}: bare reader ${mib(bare)} MiB/s, parseEInvoice ${mib(full)} MiB/s, ratio ${(full.opsPerSec / bare.opsPerSec).toFixed(3)}`,
  );
}
