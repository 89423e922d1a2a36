// Runs the whole vitest suite (every package, Node and Chromium) and ends with a plain
// "N passed, N failed" line so that a run that executed no test is visible.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('vitest', args, { stdio: 'inherit', shell: false });
let passed = 0;
let failed = 0;
let skipped = 0;
/** Skipped tests by their outermost describe, whose title says why they are skipped. */
const skippedGroups = new Map();
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  for (const file of json.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'pending' && test.status !== 'skipped' && test.status !== 'todo') continue;
      const group = test.ancestorTitles?.[0] ?? test.title;
      skippedGroups.set(group, (skippedGroups.get(group) ?? 0) + 1);
    }
  }
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
for (const [group, count] of skippedGroups) console.log(`  skipped ${count}: ${group}`);
// A skip must say why: its describe title reads "... skipped because ...".
const unexplained = [...skippedGroups.keys()].filter((group) => !/skipped because/i.test(group));
if (unexplained.length > 0) console.error(`skipped without a reason in the title: ${unexplained.join('; ')}`);
const code = run.status ?? 1;
process.exit(code !== 0 ? code : passed === 0 || unexplained.length > 0 ? 1 : 0);
