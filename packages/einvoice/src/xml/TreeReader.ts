// Reads mapped elements out of an XmlElement tree and remembers which were read, so that the
// rest can be kept as extensions instead of being dropped.
import type { ValidationIssue } from '@quidfin/core';
import { EInvoiceError, type EInvoiceErrorCode } from '../errors/EInvoiceError.js';
import type { EExtension } from './EExtension.js';
import type { XmlElement } from './XmlElement.js';

/**
 * Path-based access to an element tree with prefixes bound to namespace URIs by the caller
 * (so `cbc:ID` matches whatever prefix the document used), plus located error collection.
 *
 * @example
 * ```ts
 * const r = new TreeReader(root, { cbc: 'urn:...CommonBasicComponents-2' });
 * const id = r.text(root, 'cbc:ID');
 * ```
 */
export class TreeReader {
  readonly issues: ValidationIssue[] = [];
  private readonly seen = new Set<XmlElement>();

  readonly root: XmlElement;
  private readonly prefixes: Readonly<Record<string, string>>;

  constructor(root: XmlElement, prefixes: Readonly<Record<string, string>>) {
    this.root = root;
    this.prefixes = prefixes;
    this.seen.add(root);
  }

  /** All child elements along a `/`-separated path of `prefix:local` steps, marked as read. */
  all(el: XmlElement, path: string): XmlElement[] {
    let cur: XmlElement[] = [el];
    for (const { key, step } of this.steps(path)) {
      const next: XmlElement[] = [];
      for (const c of cur) {
        const found = this.childIndex(c).get(key);
        if (!found) continue;
        for (let n = 0; n < found.length; n++) {
          const k = found[n] as XmlElement;
          this.seen.add(k);
          // Paths are built only when asked for (issues), from these links.
          if (!this.links.has(k)) this.links.set(k, [c, step, n + 1]);
          next.push(k);
        }
      }
      cur = next;
    }
    return cur;
  }

  private readonly links = new Map<XmlElement, readonly [XmlElement, string, number]>();
  private readonly stepCache = new Map<string, readonly { key: string; step: string }[]>();

  private steps(path: string): readonly { key: string; step: string }[] {
    let steps = this.stepCache.get(path);
    if (!steps) {
      steps = path.split('/').map((step) => {
        const i = step.indexOf(':');
        return { key: `${this.prefixes[step.slice(0, i)]}|${step.slice(i + 1)}`, step };
      });
      this.stepCache.set(path, steps);
    }
    return steps;
  }

  private readonly indexes = new Map<XmlElement, Map<string, XmlElement[]>>();

  /** Children by `namespace|local`, built once per element (mapping asks many paths of one parent). */
  private childIndex(el: XmlElement): Map<string, XmlElement[]> {
    let index = this.indexes.get(el);
    if (!index) {
      index = new Map();
      for (const k of el.children) {
        if (typeof k === 'string') continue;
        const key = `${k.ns}|${k.local}`;
        const list = index.get(key);
        if (list) list.push(k);
        else index.set(key, [k]);
      }
      this.indexes.set(el, index);
    }
    return index;
  }

  /** The first element at `path`, or undefined. */
  first(el: XmlElement, path: string): XmlElement | undefined {
    return this.all(el, path)[0];
  }

  /** Trimmed text at `path` (the element itself when path is ''), undefined when absent or empty. */
  text(el: XmlElement, path: string): string | undefined {
    const target = path === '' ? el : this.first(el, path);
    if (!target) return undefined;
    const t = target.children
      .filter((c): c is string => typeof c === 'string')
      .join('')
      .trim();
    return t === '' ? undefined : t;
  }

  /** Like {@link TreeReader.text} but records a located issue (rule id first) when absent. */
  required(el: XmlElement, path: string, rule: string, what: string): string {
    const t = this.text(el, path);
    if (t === undefined) this.issue(`${this.pathOf(el)}/${path}`, `${rule}: ${what} is missing`);
    return t ?? '';
  }

  /** XPath-like location of an element read through this reader. */
  pathOf(el: XmlElement): string {
    const link = this.links.get(el);
    return link ? `${this.pathOf(link[0])}/${link[1]}[${link[2]}]` : `/${el.local}`;
  }

  issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** Records a located issue and returns '' as the placeholder value of the missing term. */
  missing(path: string, message: string): string {
    this.issue(path, message);
    return '';
  }

  /** Throws `EInvoiceError(code)` when any issue was recorded. */
  throwIfIssues(code: EInvoiceErrorCode): void {
    if (this.issues.length) throw new EInvoiceError(code, this.issues);
  }

  /**
   * Elements never read, below elements that were, as extensions with their position.
   * `writerPrefixes` maps namespace URI to the prefix the writer declares ('' = default), so
   * the kept element is renamed to match; other namespaces are declared on the element itself.
   */
  extensions(writerPrefixes: Readonly<Record<string, string>>): EExtension[] {
    const out: EExtension[] = [];
    const walk = (el: XmlElement, path: string): void => {
      const counts = new Map<string, number>();
      let prev: string | undefined;
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        const n = (counts.get(c.local) ?? 0) + 1;
        counts.set(c.local, n);
        if (this.seen.has(c)) walk(c, `${path}/${c.local}[${n}]`);
        else {
          const element = normalize(c, writerPrefixes);
          out.push(prev === undefined ? { parent: path, element } : { parent: path, after: prev, element });
        }
        prev = c.local;
      }
    };
    walk(this.root, `/${this.root.local}`);
    return out;
  }
}

/** Renames to the writer's prefixes, drops layout whitespace, declares foreign namespaces. */
function normalize(root: XmlElement, prefixes: Readonly<Record<string, string>>): XmlElement {
  const foreign = new Map<string, string>();
  const rename = (e: XmlElement): XmlElement => {
    const known = prefixes[e.ns];
    let name: string;
    if (known !== undefined) name = known === '' ? e.local : `${known}:${e.local}`;
    else {
      const i = e.name.indexOf(':');
      const prefix = i < 0 ? '' : e.name.slice(0, i);
      foreign.set(prefix, e.ns);
      name = e.name;
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.attrs)) if (k !== 'xmlns' && !k.startsWith('xmlns:')) attrs[k] = v;
    const hasElements = e.children.some((c) => typeof c !== 'string');
    const children = e.children
      .filter((c) => !(hasElements && typeof c === 'string' && c.trim() === ''))
      .map((c) => (typeof c === 'string' ? c : rename(c)));
    return { name, ns: e.ns, local: e.local, attrs, children };
  };
  const out = rename(root);
  const decl: Record<string, string> = {};
  for (const [prefix, ns] of foreign) decl[prefix === '' ? 'xmlns' : `xmlns:${prefix}`] = ns;
  return { ...out, attrs: { ...decl, ...out.attrs } };
}
