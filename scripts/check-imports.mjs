// Fails on any import cycle among the source files of a package (packages/*/src), type-only
// imports included: the layers of a package must only ever import downwards. Also lists cycles
// between the folders of a package's src (an import running back up a floor; the entry index.ts
// and every folder's index.ts re-export their floors and are left out): failures for the packages in LAYERED (all with
// --folders), warnings for the others. Uses the TypeScript scanner already installed; no extra dependency.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve('.');
const allFolders = process.argv.includes('--folders');
// Packages whose folders are layered: a folder cycle there fails too (all of them today; a new
// package joins once its folders draw its floors; `--folders` makes every package strict).
const LAYERED = new Set(['client', 'core', 'devnode', 'einvoice', 'factoring', 'reconcile']);

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(m|c)?tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

// `./x.js` → `./x.ts` (or `./x/index.ts`); only relative specifiers stay inside the package.
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Strongly connected components of a graph (Tarjan), those with a cycle only. */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || graph.get(v)?.has(v)) found.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

// One path around a cycle, for the message: from `start` back to itself inside `members`.
function loop(graph, members, start) {
  const inside = new Set(members);
  const prev = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = prev.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

let failed = false;
const packagesDir = join(root, 'packages');
for (const pkg of readdirSync(packagesDir).sort()) {
  const src = join(packagesDir, pkg, 'src');
  if (!existsSync(src)) continue;
  const files = new Map();
  const folders = new Map();
  const folderOf = (file) => relative(src, dirname(file)).split(sep).join('/') || '.';
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set(importedFiles.map((i) => resolveImport(file, i.fileName)).filter(Boolean));
    files.set(file, targets);
    const from = folderOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    // An index.ts re-exports its floor (the package entry, every floor): a facade, not a floor of its own.
    if (basename(file) === 'index.ts') continue;
    for (const t of targets) if (folderOf(t) !== from) folders.get(from).add(folderOf(t));
  }
  const rel = (f) => relative(src, f).split(sep).join('/');
  const fileCycles = cycles(files);
  for (const scc of fileCycles) {
    failed = true;
    console.error(`${pkg}: import cycle: ${loop(files, scc, scc[0]).map(rel).join(' → ')}`);
  }
  const strictFolders = allFolders || LAYERED.has(pkg);
  for (const scc of cycles(folders)) {
    if (strictFolders) failed = true;
    const where = loop(folders, scc, scc[0]).join('/ → ');
    console[strictFolders ? 'error' : 'warn'](`${pkg}: folders import each other: ${where}/`);
  }
  if (fileCycles.length === 0) console.log(`${pkg}: ${files.size} files, no import cycle`);
}
if (failed) process.exit(1);
