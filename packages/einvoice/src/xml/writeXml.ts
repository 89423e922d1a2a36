// Serialises an XmlElement tree back to text, escaping everything that needs it.
import type { XmlElement } from './XmlElement.js';

function escapeText(text: string, attr: boolean): string {
  const s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return attr ? s.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : s;
}

function write(el: XmlElement, out: string[], indent: string): void {
  out.push(`${indent}<${el.name}`);
  for (const [k, v] of Object.entries(el.attrs)) out.push(` ${k}="${escapeText(v, true)}"`);
  if (el.children.length === 0) {
    out.push('/>\n');
    return;
  }
  const onlyText = el.children.every((c) => typeof c === 'string');
  if (onlyText) {
    out.push(`>${escapeText(el.children.join(''), false)}</${el.name}>\n`);
    return;
  }
  out.push('>\n');
  for (const c of el.children) {
    // Whitespace between elements is layout; other mixed text is kept.
    if (typeof c === 'string') {
      if (c.trim() !== '') out.push(escapeText(c, false));
    } else write(c, out, `${indent}  `);
  }
  out.push(`${indent}</${el.name}>\n`);
}

/**
 * Writes an element tree as an XML document (UTF-8 declaration, two-space indent). Text that
 * is only whitespace between child elements is treated as layout and re-indented.
 *
 * @example
 * ```ts
 * writeXml({ name: 'a', ns: '', local: 'a', attrs: {}, children: ['1 < 2'] }); // '<?xml ...?>\n<a>1 &lt; 2</a>\n'
 * ```
 */
export function writeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out, '');
  return out.join('');
}
