// @quidfin/einvoice: UBL/CII parse throughput against the bare XML reader on the same files.
//
//   taskset -c 0 npx tsx --conditions=@quidfin/source bench/einvoice.bench.ts
//
// Baseline: readXml alone (the package's own hardened reader) over the six public sample files
// in packages/einvoice/test/fixtures. Cases: the full parse (tree -> EN 16931 model) with and
// without the rule checks, writing back, and fast-xml-parser (reconcile's XML dependency) on the
// same bytes for reference. One op = one pass over all six files.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { checkEInvoice, parseEInvoice, readXml, writeEInvoice } from '../packages/einvoice/src/index.js';
import { SAMPLES } from '../packages/einvoice/test/support/fixtures.js';
import { measure, report } from './harness.js';

// Longer runs and more samples than the default: the machine is shared and noisy.
const OPTS = { ms: 3000, samples: 9 };

const texts = SAMPLES.map((f) => readFileSync(`packages/einvoice/test/fixtures/${f}`, 'utf8'));
const bytes = texts.reduce((s, t) => s + t.length, 0);
const parsed = texts.map((t) => parseEInvoice(t));
const fxp = new XMLParser({ ignoreAttributes: false, processEntities: false });

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
    'fast-xml-parser 5 (reference, entities off)',
    () => {
      for (const t of texts) fxp.parse(t);
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
