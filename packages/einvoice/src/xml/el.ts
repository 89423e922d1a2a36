// A compact builder for the writer: elements with no content are left out.
import type { XmlElement } from './XmlElement.js';

type Child = XmlElement | string | undefined | false | readonly (XmlElement | undefined | false)[];

/**
 * Builds an element; returns undefined when it would be empty (no text, no child), so that
 * optional business terms simply vanish. Namespace and local name are taken from the prefix
 * map given to the writer (`ns` stays '' here; the writer's root declares the prefixes).
 *
 * @example
 * ```ts
 * el('cbc:ID', undefined, 'INV-1'); // <cbc:ID>INV-1</cbc:ID>
 * el('cbc:Note', undefined, undefined); // undefined
 * ```
 */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | undefined>> | undefined,
  ...content: Child[]
): XmlElement | undefined {
  const children: (XmlElement | string)[] = [];
  for (const c of content) {
    if (c === undefined || c === false) continue;
    if (typeof c === 'string') children.push(c);
    else if (Array.isArray(c)) for (const x of c) x && children.push(x);
    else children.push(c as XmlElement);
  }
  if (children.length === 0) return undefined;
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined) a[k] = v;
  const i = name.indexOf(':');
  return { name, ns: '', local: i < 0 ? name : name.slice(i + 1), attrs: a, children };
}
