// Puts kept extension elements back into a freshly written tree at the place they came from.
import type { EExtension } from './EExtension.js';
import type { XmlElement } from './XmlElement.js';

function find(root: XmlElement, path: string): XmlElement | undefined {
  const steps = path.split('/').filter(Boolean);
  if (steps[0] !== root.local) return undefined;
  let cur: XmlElement | undefined = root;
  for (const step of steps.slice(1)) {
    const m = /^(.+)\[(\d+)\]$/.exec(step);
    const local = m?.[1] ?? step;
    const index = Number(m?.[2] ?? '1');
    const matches: XmlElement[] = (cur?.children ?? []).filter(
      (c): c is XmlElement => typeof c !== 'string' && c.local === local,
    );
    cur = matches[index - 1];
    if (!cur) return undefined;
  }
  return cur;
}

/**
 * Inserts every extension under its parent path, after the last child named `after` (or
 * first when `after` is absent); an extension whose parent no longer exists is appended to
 * the root so that nothing is silently lost.
 *
 * @example
 * ```ts
 * insertExtensions(tree, invoice.extensions);
 * ```
 */
export function insertExtensions(root: XmlElement, extensions: readonly EExtension[]): void {
  for (const x of extensions) {
    const parent = find(root, x.parent) ?? root;
    const kids = parent.children as (XmlElement | string)[];
    let at = 0;
    if (x.after !== undefined) {
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i];
        if (typeof k !== 'string' && k?.local === x.after) {
          at = i + 1;
          break;
        }
      }
      if (at === 0) at = kids.length;
    }
    kids.splice(at, 0, x.element);
  }
}
