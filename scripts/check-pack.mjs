// What `npm pack` puts in each package's tarball: README.md, LICENSE (the repository's Apache-2.0
// text), package.json and the built entry points, and no tests. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const license = readFileSync('LICENSE', 'utf8');
const required = ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts'];
let failed = 0;
for (const name of readdirSync('packages').sort()) {
  const dir = `packages/${name}`;
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' }),
  );
  const files = new Set(pack.files.map((f) => f.path));
  const problems = required.filter((f) => !files.has(f)).map((f) => `missing ${f}`);
  if (files.has('LICENSE') && readFileSync(`${dir}/LICENSE`, 'utf8') !== license) {
    problems.push('LICENSE differs from the repository LICENSE');
  }
  const tests = [...files].filter((f) => /(^|\/)test\/|\.test\.ts$/.test(f));
  if (tests.length > 0) problems.push(`ships tests: ${tests.slice(0, 3).join(', ')}`);
  if (problems.length > 0) {
    failed++;
    console.error(`${pack.name}: ${problems.join('; ')}`);
  } else {
    console.log(`${pack.name}@${pack.version}: ${files.size} files, ${required.join(', ')} present`);
  }
}
if (failed > 0) console.error('\n(run `npm run build` first: the tarballs need dist/)');
process.exit(failed ? 1 : 0);
