// Every public export must carry a TSDoc @example (ENGINEERING.md: "TSDoc on every export with a
// runnable @example"). Reads the typedoc JSON written next to the HTML by `npm run docs`.
import { readFileSync } from 'node:fs';

const project = JSON.parse(readFileSync('docs/api/api.json', 'utf8'));
const MODULE = 2;
const NAMESPACE = 4;
const hasExample = (comment) => comment?.blockTags?.some((t) => t.tag === '@example') ?? false;
const missing = [];
let total = 0;

function walk(node, where) {
  for (const child of node.children ?? []) {
    if (child.kind === MODULE || child.kind === NAMESPACE) {
      walk(child, child.kind === MODULE ? child.name : where);
      continue;
    }
    total++;
    const comments = [child.comment, ...(child.signatures ?? []).map((s) => s.comment)];
    if (!comments.some(hasExample)) missing.push(`${where}: ${child.name}`);
  }
}
walk(project, project.name);
console.log(`${total - missing.length} of ${total} exports have an @example`);
if (missing.length > 0) {
  console.error(`missing @example:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
