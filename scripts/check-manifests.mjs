// Release hygiene of the package manifests and the lockfile:
// - library dependencies take caret ranges, except the crypto libraries ENGINEERING.md pins exactly;
// - every package that needs zod at run time (core, and everything built on it) declares the same
//   zod peer range as core;
// - every package publishes publicly with provenance;
// - package-lock.json lists each workspace package with its package.json version and ranges
//   (so `changeset version` and `npm install` leave it alone).
import { readdirSync, readFileSync } from 'node:fs';

const EXACT = new Set(['@noble/curves', '@noble/hashes', '@noble/ed25519']);
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
/** The same map whatever its key order (npm sorts the lockfile's keys). */
const sorted = (map = {}) => JSON.stringify(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
const lock = read('package-lock.json');
const zodPeer = read('packages/core/package.json').peerDependencies?.zod;
const problems = [];

for (const name of readdirSync('packages').sort()) {
  const dir = `packages/${name}`;
  const pkg = read(`${dir}/package.json`);
  const where = pkg.name;
  for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
    if (EXACT.has(dep) && !/^\d+\.\d+\.\d+$/.test(range))
      problems.push(`${where}: ${dep} must be pinned exactly, is ${range}`);
    if (!EXACT.has(dep) && !range.startsWith('^'))
      problems.push(`${where}: ${dep} should be a caret range, is ${range}`);
  }
  const usesCore = name === 'core' || '@quidfin/core' in (pkg.dependencies ?? {});
  if (usesCore && pkg.peerDependencies?.zod !== zodPeer) {
    problems.push(`${where}: peerDependencies.zod is ${pkg.peerDependencies?.zod}, core's is ${zodPeer}`);
  }
  if (pkg.publishConfig?.access !== 'public' || pkg.publishConfig?.provenance !== true) {
    problems.push(`${where}: publishConfig must be { access: "public", provenance: true }`);
  }
  const locked = lock.packages?.[dir];
  if (!locked) {
    problems.push(`package-lock.json has no entry for ${dir}`);
    continue;
  }
  if (locked.version !== pkg.version)
    problems.push(`package-lock.json: ${dir} is ${locked.version}, package.json says ${pkg.version}`);
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    if (sorted(locked[field]) !== sorted(pkg[field])) {
      problems.push(
        `package-lock.json: ${dir} ${field} differ from package.json (run npm install --package-lock-only)`,
      );
    }
  }
}
for (const p of problems) console.error(p);
console.log(problems.length ? `\n${problems.length} manifest problems` : 'manifests and lockfile: ok');
process.exit(problems.length ? 1 : 0);
