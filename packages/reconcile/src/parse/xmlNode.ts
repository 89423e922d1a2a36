// Small accessors over a parsed XML subtree (objects, arrays, strings), kept untyped on
// purpose: the parsed tree is validated field by field where it is read.

/**
 * A parsed XML node: element object, text, or a list when the element repeats.
 *
 * @example
 * ```ts
 * const node: XmlNode = { Amt: { "#text": "1.00", "@_Ccy": "EUR" } };
 * ```
 */
export type XmlNode = unknown;

/**
 * Child elements named `name` as a list (zero, one or many occurrences).
 *
 * @example
 * ```ts
 * children(stmt, 'Ntry').length; // number of entries
 * ```
 */
export function children(node: XmlNode, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  const v = (node as Record<string, unknown>)[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * First child element named `name`, following a `/`-separated path.
 *
 * @example
 * ```ts
 * child(ntry, 'BookgDt/Dt');
 * ```
 */
export function child(node: XmlNode, path: string): XmlNode {
  let cur: XmlNode = node;
  let from = 0;
  // Walks the path without splitting it: this runs for every field of every entry.
  for (;;) {
    const slash = path.indexOf('/', from);
    cur = first(cur, slash < 0 ? path.slice(from) : path.slice(from, slash));
    if (cur === undefined || slash < 0) return cur;
    from = slash + 1;
  }
}

function first(node: XmlNode, name: string): XmlNode {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const v = (node as Record<string, unknown>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Text content of a node (string, or `#text` of an element with attributes).
 *
 * @example
 * ```ts
 * textOf({ '#text': '8.85', '@_Ccy': 'EUR' }); // '8.85'
 * ```
 */
export function textOf(node: XmlNode): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    const t = (node as Record<string, unknown>)['#text'];
    if (typeof t === 'string' || typeof t === 'number') return String(t);
  }
  return undefined;
}

/**
 * Text at `path` below `node`, trimmed; `undefined` when absent or empty.
 *
 * @example
 * ```ts
 * textAt(tx, 'Refs/EndToEndId'); // 'E2E-1' or undefined
 * ```
 */
export function textAt(node: XmlNode, path: string): string | undefined {
  const t = textOf(child(node, path))?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/**
 * Attribute value of an element.
 *
 * @example
 * ```ts
 * attr(amt, 'Ccy'); // 'EUR'
 * ```
 */
export function attr(node: XmlNode, name: string): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const v = (node as Record<string, unknown>)[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}
