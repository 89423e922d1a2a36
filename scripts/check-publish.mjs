// Publish-shape checks for every package: publint --strict and attw (ESM-only profile) on the
// packed tarball. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const packages = readdirSync('packages').sort();
let failed = 0;
for (const name of packages) {
  const dir = `packages/${name}`;
  for (const [tool, args] of [
    ['publint', ['--strict', dir]],
    ['attw', ['--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    console.log(`\n--- ${tool} ${dir}`);
    const run = spawnSync(tool, args, { stdio: 'inherit' });
    if (run.status !== 0) {
      failed++;
      console.error(`${tool} failed for ${dir}`);
    }
  }
}
process.exit(failed ? 1 : 0);
