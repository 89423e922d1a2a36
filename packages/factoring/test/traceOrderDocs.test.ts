// The rule trace's documented order is the order the engine evaluates its rules in: an auditor
// reads `decision.trace` against docs/financier-decisions.md, and a rule missing from the list
// (po-match, trust-independence were) is a step the auditor does not know was taken.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The rule names `decideShared` asks `run.go` for, in source order (its evaluation order). */
function evaluatedRules(): string[] {
  const src = read('../src/evaluateInvoice.ts');
  return [...src.matchAll(/run\.go\('([a-z-]+)'\)/g)].map((m) => m[1] as string);
}

/** The rule names the "Rule trace" section lists before "then" (the pricing-phase checks). */
function documentedRules(): string[] {
  const doc = read('../../../docs/financier-decisions.md');
  const section = doc.slice(doc.indexOf('## Rule trace'));
  const list = section.slice(section.indexOf('in this order:'), section.indexOf(', then\n'));
  // Each entry is the first backticked name of its comma-separated item (an item's note may
  // name settings in backticks too).
  return list
    .slice('in this order:'.length)
    .split(/,\s*(?=`)/)
    .map((item) => /`([a-z-]+)`/.exec(item)?.[1])
    .filter((x): x is string => x !== undefined);
}

describe('the documented rule-trace order is the evaluation order', () => {
  it('every rule the engine evaluates before pricing is listed, in the order it runs', () => {
    const evaluated = evaluatedRules().filter((r) => r !== 'pricing');
    expect(evaluated.length).toBeGreaterThan(20);
    expect(documentedRules()).toEqual(evaluated);
  });
});
