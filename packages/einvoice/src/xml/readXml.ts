import { EInvoiceError } from '../errors/EInvoiceError.js';
import type { XmlElement } from './XmlElement.js';

/**
 * Limits of {@link readXml}.
 *
 * @example
 * ```ts
 * const limits: XmlLimits = { maxDepth: 32, maxBytes: 1_000_000, maxElements: 50_000 };
 * ```
 */
export interface XmlLimits {
  readonly maxDepth?: number;
  /** Upper bound on the input length in UTF-16 code units. */
  readonly maxBytes?: number;
  readonly maxElements?: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const START_TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

interface Open {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: (XmlElement | string)[];
  readonly scope: ReadonlyMap<string, string>;
}

/**
 * Parses an XML document into an {@link XmlElement} tree. Refuses any `<!DOCTYPE`, `<!ENTITY`
 * or other markup declaration (so no XXE and no entity expansion), unknown entity references,
 * numeric character references that are not XML characters, undeclared namespace prefixes,
 * mismatched tags, and input beyond the limits. Errors are `ValidationError('INVALID_XML')`
 * whose issue path is the element path and line where reading stopped.
 *
 * @example
 * ```ts
 * const root = readXml('<a xmlns="urn:x"><b>1 &amp; 2</b></a>');
 * root.children; // [{ name: 'b', local: 'b', ns: 'urn:x', attrs: {}, children: ['1 & 2'] }]
 * ```
 */
export function readXml(text: string, limits: XmlLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 64;
  const maxBytes = limits.maxBytes ?? 16_000_000;
  const maxElements = limits.maxElements ?? 500_000;
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  let count = 0;

  const where = (): string => {
    const line = text.slice(0, pos).split('\n').length;
    const path = stack.map((o) => o.name).join('/');
    return `/${path} (line ${line})`;
  };
  const fail = (message: string): never => {
    throw new EInvoiceError('INVALID_XML', [{ path: where(), message }]);
  };
  if (text.length > maxBytes) fail(`document is ${text.length} characters, over the limit of ${maxBytes}`);
  if (text.charCodeAt(0) === 0xfeff) pos = 1;

  const decode = (raw: string): string =>
    raw.replace(/&([^;&<\s]{0,12});?/g, (all, ref: string) => {
      if (!all.endsWith(';')) return fail(`bare "&" or unterminated reference "${all}"`);
      const named = PREDEFINED[ref];
      if (named !== undefined) return named;
      const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
      if (!m) return fail(`entity reference "&${ref};" is not allowed (only the five predefined ones)`);
      const cp = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number.parseInt(m[2] ?? '', 10);
      if (!isXmlChar(cp)) return fail(`character reference "&${ref};" is not an XML character`);
      return String.fromCodePoint(cp);
    });

  const resolve = (qname: string, scope: ReadonlyMap<string, string>, isAttr: boolean): [string, string] => {
    const i = qname.indexOf(':');
    if (i < 0) return [isAttr ? '' : (scope.get('') ?? ''), qname];
    const prefix = qname.slice(0, i);
    if (prefix === 'xml') return [XML_NS, qname.slice(i + 1)];
    const ns = scope.get(prefix);
    if (ns === undefined) return fail(`namespace prefix "${prefix}" is not declared`);
    return [ns, qname.slice(i + 1)];
  };

  const addText = (raw: string, cdata: boolean): void => {
    const top = stack[stack.length - 1];
    const value = cdata ? raw : decode(raw);
    const bad = NOT_XML_CHAR.exec(value);
    if (bad) fail(`U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase()} is not an XML character`);
    if (!top) {
      if (value.trim() !== '') fail('text outside the root element');
      return;
    }
    top.children.push(value);
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(text.slice(pos), false);
      pos = text.length;
      break;
    }
    if (lt > pos) addText(text.slice(pos, lt), false);
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment');
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) fail('unterminated CDATA section');
      if (stack.length === 0) fail('CDATA outside the root element');
      addText(text.slice(pos + 9, end), true);
      pos = end + 3;
    } else if (text.startsWith('<!', pos)) {
      fail('DOCTYPE and markup declarations are refused (no DTDs, no entities)');
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) fail('unterminated processing instruction');
      pos = end + 2;
    } else if (text.startsWith('</', pos)) {
      const end = text.indexOf('>', pos);
      if (end < 0) fail('unterminated end tag');
      const name = text.slice(pos + 2, end).trim();
      const top = stack.pop();
      if (!top || top.name !== name) fail(`end tag </${name}> does not match <${top?.name ?? ''}>`);
      pos = end + 1;
      const t = top as Open;
      const [ns, local] = resolve(t.name, t.scope, false);
      const el: XmlElement = { name: t.name, ns, local, attrs: t.attrs, children: t.children };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
    } else {
      if (root) fail('content after the root element');
      START_TAG.lastIndex = pos;
      const m = START_TAG.exec(text);
      if (!m) return fail('malformed start tag');
      const name = m[1] ?? '';
      if (!NAME.test(name)) fail(`"${name}" is not a valid element name`);
      if (stack.length >= maxDepth) fail(`elements nested deeper than ${maxDepth}`);
      if (++count > maxElements) fail(`more than ${maxElements} elements`);
      const attrs: Record<string, string> = {};
      const parentScope = stack[stack.length - 1]?.scope ?? new Map<string, string>();
      let scope: Map<string, string> | undefined;
      for (const a of (m[2] ?? '').matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g)) {
        const an = a[1] ?? '';
        if (!NAME.test(an)) fail(`"${an}" is not a valid attribute name`);
        if (Object.hasOwn(attrs, an)) fail(`attribute "${an}" repeated`);
        const value = decode(a[2] ?? a[3] ?? '');
        attrs[an] = value;
        if (an === 'xmlns' || an.startsWith('xmlns:')) {
          scope ??= new Map(parentScope);
          scope.set(an === 'xmlns' ? '' : an.slice(6), value);
        }
      }
      const open: Open = { name, attrs, children: [], scope: scope ?? parentScope };
      for (const an of Object.keys(attrs))
        if (an.includes(':') && !an.startsWith('xmlns:')) resolve(an, open.scope, true);
      pos += m[0].length;
      if (m[3] === '/') {
        const [ns, local] = resolve(name, open.scope, false);
        const el: XmlElement = { name, ns, local, attrs, children: [] };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(el);
        else root = el;
      } else {
        stack.push(open);
      }
    }
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1]?.name}>`);
  if (!root) return fail('no root element');
  return root;
}
