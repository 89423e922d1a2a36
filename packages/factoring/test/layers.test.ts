// The source folders are floors of one pipeline; an import may only reach its own floor or below.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

// Bottom first. The orchestrators (evaluateInvoice, evaluateBatch, the request type, index) sit at
// the root, above everything.
const FLOORS = ['math', 'errors', 'inputs', 'facts', 'outputs', 'rules', 'pricing', 'poc', '.'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

function floorOf(file: string): number {
  const folder = dirname(relative(SRC, file)).split('/')[0] ?? '.';
  return FLOORS.indexOf(folder);
}

describe('factoring source layout', () => {
  const files = sourceFiles(SRC);

  it('puts every source file on a known floor', () => {
    const lost = files.filter((f) => floorOf(f) < 0).map((f) => relative(SRC, f));
    expect(lost).toEqual([]);
  });

  it('has no import running back up a floor', () => {
    const upward: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const target = join(dirname(file), `${m[1]}.ts`);
        if (floorOf(target) > floorOf(file))
          upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('gives every source file a one-line header comment saying what it is for', () => {
    const bare = files.filter((f) => !/^\/\/ \S/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(bare).toEqual([]);
  });
});
