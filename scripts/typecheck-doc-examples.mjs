// Type-checks the `@example` blocks of every public export (and of the public members of exported
// classes): each example becomes a small module that imports its package's exports, declares the
// context the example assumes (`client`, `ledger`, `signer`, ... with their real types; any other
// free name as `any`), and wraps the code in an async function. Fails when an example does not
// compile, or uses a function of the package that is not exported (a reader could not call it).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve('.');
const out = join(root, '.tmp', 'doc-examples');
const PACKAGES = [
  ['core', '@quidfin/core', 'packages/core/src/index.ts'],
  ['client', '@quidfin/client', 'packages/client/src/index.ts'],
  ['devnode', '@quidfin/devnode', 'packages/devnode/src/index.ts'],
  ['devnode', '@quidfin/devnode/node', 'packages/devnode/src/node/index.ts'],
  ['factoring', '@quidfin/factoring', 'packages/factoring/src/index.ts'],
  ['reconcile', '@quidfin/reconcile', 'packages/reconcile/src/index.ts'],
  ['einvoice', '@quidfin/einvoice', 'packages/einvoice/src/index.ts'],
];
/** Names examples use without declaring them, and what they stand for (in which packages' examples). */
const SIGNER = ['@quidfin/core', 'Signer', ['core', 'client', 'devnode', 'factoring']];
const CONTEXT = {
  client: ['@quidfin/client', 'QuidnugClient', ['client']],
  ledger: ['@quidfin/client', 'InvoiceLedger', ['client']],
  signer: SIGNER,
  supplier: SIGNER,
  buyer: SIGNER,
  carrier: SIGNER,
  financier: SIGNER,
  bureau: SIGNER,
  reporter: SIGNER,
  node: ['@quidfin/devnode', 'DevNode', ['devnode']],
  policy: ['@quidfin/factoring', 'FactoringPolicy', ['factoring']],
};
/** DOM globals that examples use as placeholder names (`open` invoices, a `history`, an `event`). */
const SHADOWED = [
  'open',
  'history',
  'event',
  'name',
  'status',
  'length',
  'origin',
  'parent',
  'self',
  'top',
  'close',
  'stop',
  'find',
  'print',
  'screen',
  'location',
];
const options = {
  ...ts.getDefaultCompilerOptions(),
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  customConditions: ['@quidfin/source'],
  noEmit: true,
  skipLibCheck: true,
};

/** Every public export of each entry point with its @example code blocks. */
function collect() {
  const program = ts.createProgram(
    PACKAGES.map(([, , entry]) => entry),
    options,
  );
  const checker = program.getTypeChecker();
  const examples = [];
  const exported = new Map(); // specifier -> Set of export names
  const declaredAnywhere = new Map(); // package dir -> Set of top-level names declared in src
  for (const [dir, specifier, entry] of PACKAGES) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read ${entry}`);
    const names = new Set();
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      names.add(symbol.name);
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const members = [];
      for (const decl of target.declarations ?? []) {
        members.push([symbol.name, decl]);
        if (ts.isClassDeclaration(decl)) {
          for (const m of decl.members) {
            const isPrivate = m.name && ts.isPrivateIdentifier(m.name);
            const hidden =
              ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected);
            if (!isPrivate && !hidden && m.name) members.push([`${symbol.name}.${m.name.getText()}`, m]);
          }
        }
      }
      for (const [name, decl] of members) {
        for (const tag of ts.getJSDocTags(decl)) {
          if (tag.tagName.text !== 'example') continue;
          const text =
            typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '');
          for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
            const file = decl.getSourceFile();
            const line = file.getLineAndCharacterOfPosition(tag.getStart()).line + 1;
            examples.push({
              dir,
              specifier,
              name,
              code: match[1] ?? '',
              at: `${relative(root, file.fileName)}:${line}`,
            });
          }
        }
      }
    }
    exported.set(specifier, names);
  }
  for (const file of program.getSourceFiles()) {
    const m = /packages\/(\w+)\/src\//.exec(file.fileName);
    if (!m || file.isDeclarationFile) continue;
    const set = declaredAnywhere.get(m[1]) ?? new Set();
    for (const statement of file.statements) {
      // Functions and classes: what an example could call or construct.
      if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        set.add(statement.name.text);
      }
    }
    declaredAnywhere.set(m[1], set);
  }
  return { examples, exported, declaredAnywhere };
}

/** One module per example; `extra` names the free identifiers to declare. */
function moduleFor(example, exported, extra) {
  const lines = example.code.split('\n');
  const own = lines.filter((l) => /^import\s/.test(l));
  const body = lines.filter((l) => !/^import\s/.test(l));
  const head = [];
  if (own.length > 0) head.push(...own);
  else {
    for (const [specifier, names] of exported) {
      if (
        specifier !== example.specifier &&
        !(example.dir === 'devnode' && specifier.startsWith('@quidfin/devnode'))
      )
        continue;
      head.push(`import { ${[...names].sort().join(', ')} } from '${specifier}';`);
    }
  }
  const taken = new Set(own.length > 0 ? [] : [...(exported.get(example.specifier) ?? [])]);
  if (example.dir === 'devnode') for (const n of exported.get('@quidfin/devnode/node') ?? []) taken.add(n);
  const shadowed = SHADOWED.filter(
    (n) =>
      new RegExp(`(?<![.\\w])${n}\\b`).test(example.code) &&
      !new RegExp(`(const|let|var)\\s+${n}\\b`).test(example.code),
  );
  for (const name of new Set([...extra, ...shadowed])) {
    if (taken.has(name)) continue;
    const typed = CONTEXT[name];
    // Another quidfin package's export (a core type in a client example): import it from there.
    const from = [...exported].find(([, names]) => names.has(name))?.[0];
    if (typed?.[2].includes(example.dir)) {
      head.push(
        `import type { ${typed[1]} as __${name} } from '${typed[0]}';\ndeclare const ${name}: __${name};`,
      );
    } else if (from && !SHADOWED.includes(name)) head.push(`import { ${name} } from '${from}';`);
    else head.push(`declare let ${name}: any;`);
  }
  return `${head.join('\n')}\n// ${example.at} (${example.name})\nexport async function example(): Promise<void> {\n${body.join('\n')}\n}\n`;
}

function compile(files) {
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(d.file.fileName));
}

const MISSING = new Set([2304, 2552, 18004, 2582]);
const { examples, exported, declaredAnywhere } = collect();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const fileOf = (i) => join(out, `example-${String(i).padStart(4, '0')}.ts`);
const free = examples.map(() => new Set());

// Pass 1: find the names each example uses without declaring them.
for (const [i, ex] of examples.entries()) writeFileSync(fileOf(i), moduleFor(ex, exported, []));
for (const d of compile(examples.map((_, i) => fileOf(i)))) {
  if (!MISSING.has(d.code)) continue;
  const name = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))?.[1];
  const i = Number(/example-(\d+)\.ts$/.exec(d.file.fileName)?.[1]);
  if (name) free[i]?.add(name);
}
const problems = [];
examples.forEach((ex, i) => {
  const allExported = new Set([...exported.values()].flatMap((s) => [...s]));
  for (const name of free[i] ?? []) {
    // Called or constructed (`sleep(100)`, `new Foo()`), not a placeholder value that happens to
    // share a name with an internal helper (`draft`).
    const called = new RegExp(`(?<![.\\w])${name}\\s*[(<]`).test(ex.code);
    if (called && !CONTEXT[name] && declaredAnywhere.get(ex.dir)?.has(name) && !allExported.has(name)) {
      problems.push(`${ex.at} (${ex.name}): uses ${name}, which ${ex.specifier} does not export`);
    }
  }
});

// Pass 2: with the free names declared, every example must compile.
for (const [i, ex] of examples.entries())
  writeFileSync(fileOf(i), moduleFor(ex, exported, [...(free[i] ?? [])]));
for (const d of compile(examples.map((_, i) => fileOf(i)))) {
  const i = Number(/example-(\d+)\.ts$/.exec(d.file.fileName)?.[1]);
  const ex = examples[i];
  const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
  const code = d.file.text.split('\n')[line]?.trim();
  problems.push(`${ex.at} (${ex.name}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}\n    ${code}`);
}
console.log(
  `${examples.length - new Set(problems.map((p) => p.split(' ')[0])).size} of ${examples.length} @example blocks type-check`,
);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
