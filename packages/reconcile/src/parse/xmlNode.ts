// A parsed XML element of one camt subtree, and small accessors over it. Every node has the
// same shape (name, attributes, text, children), so lookups stay fast on large files.

/**
 * One XML element: its local name, attributes as written, trimmed text and child elements.
 *
 * @example
 * ```ts
 * const amt = new XmlElement('Amt', { Ccy: 'EUR' });
 * amt.text = '1.00';
 * ```
 */
export class XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>> | undefined;
  text = '';
  /** Child elements; `undefined` for a leaf (most elements), so leaves cost no array. */
  children: XmlElement[] | undefined = undefined;

  constructor(name: string, attributes: Readonly<Record<string, string>> | undefined) {
    this.name = name;
    this.attributes = attributes;
  }
}

/**
 * A node or nothing (an absent element), so accessors chain without checks.
 *
 * @example
 * ```ts
 * const node: XmlNode = undefined;
 * ```
 */
export type XmlNode = XmlElement | undefined;

/**
 * Child elements named `name` (zero, one or many occurrences).
 *
 * @example
 * ```ts
 * children(stmt, 'Ntry').length; // number of entries
 * ```
 */
export function children(node: XmlNode, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (node?.children === undefined) return out;
  for (const c of node.children) if (c.name === name) out.push(c);
  return out;
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
  // Walks the path without cutting it into strings: this runs for every field of every entry.
  for (;;) {
    if (cur?.children === undefined) return undefined;
    const slash = path.indexOf('/', from);
    const end = slash < 0 ? path.length : slash;
    let next: XmlNode;
    for (const c of cur.children) {
      if (c.name.length === end - from && path.startsWith(c.name, from)) {
        next = c;
        break;
      }
    }
    cur = next;
    if (slash < 0) return cur;
    from = slash + 1;
  }
}

/**
 * Text content of an element; `undefined` for an absent element or one with only children.
 *
 * @example
 * ```ts
 * textOf(amt); // '8.85'
 * ```
 */
export function textOf(node: XmlNode): string | undefined {
  if (node === undefined) return undefined;
  return node.text === '' && node.children !== undefined ? undefined : node.text;
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
  const t = textOf(child(node, path));
  return t === undefined || t === '' ? undefined : t;
}

/**
 * Attribute value of an element (a namespace prefix on the attribute is ignored).
 *
 * @example
 * ```ts
 * attr(amt, 'Ccy'); // 'EUR'
 * ```
 */
export function attr(node: XmlNode, name: string): string | undefined {
  const a = node?.attributes;
  if (a === undefined) return undefined;
  const v = a[name];
  if (v !== undefined) return v;
  for (const key in a) if (key.endsWith(`:${name}`) && !key.startsWith('xmlns')) return a[key];
  return undefined;
}

/**
 * Text of `node` itself, as {@link textAt} gives it for a path: `undefined` when absent or empty.
 *
 * @example
 * ```ts
 * nonEmpty(acctSvcrRef); // 'REF-1' or undefined
 * ```
 */
export function nonEmpty(node: XmlNode): string | undefined {
  const t = textOf(node);
  return t === undefined || t === '' ? undefined : t;
}
