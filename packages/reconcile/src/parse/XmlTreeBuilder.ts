// Builds one element's subtree (an entry, a statement header) from parser events, refusing a
// second copy of any element that may appear only once.
import { StatementParseError } from '../errors/StatementParseError.js';
import { SINGLE_ELEMENTS, UNREAD_ELEMENTS } from './camtElementKinds.js';
import { XmlElement } from './xmlNode.js';

// Both lists in one table, so each element costs one lookup: 1 = single-valued, 2 = not read.
const KIND = new Map<string, 1 | 2>([
  ...SINGLE_ELEMENTS.map((n) => [n, 1] as const),
  ...UNREAD_ELEMENTS.map((n) => [n, 2] as const),
]);

/**
 * Collects the subtree of one element. `open`/`text`/`close` mirror the parser's events;
 * `close` returns the finished element when the subtree's own root closes.
 *
 * @example
 * ```ts
 * const b = new XmlTreeBuilder('camt.053', 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]', 12);
 * b.open('Ntry', {});
 * b.open('Amt', { Ccy: 'EUR' }); b.text('1.00'); b.close();
 * const ntry = b.close(); // XmlElement Ntry with one child Amt
 * ```
 */
export class XmlTreeBuilder {
  private readonly stack: XmlElement[] = [];
  private skipping = 0;
  private readonly format: string;
  private readonly rootPath: string;
  /** Line where the subtree starts, for error locations. */
  readonly line: number;

  constructor(format: string, rootPath: string, line: number) {
    this.format = format;
    this.rootPath = rootPath;
    this.line = line;
  }

  /** An element starts. A second one of a single-valued element in the same parent is refused. */
  open(name: string, attributes: Record<string, string>): void {
    const kind = KIND.get(name);
    if (this.skipping > 0 || (kind === 2 && this.stack.length > 0)) {
      this.skipping++;
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    if (kind === 1 && parent?.children !== undefined) {
      // Earlier siblings have closed already, so they are in the parent's children.
      for (const c of parent.children) {
        if (c.name === name) {
          throw new StatementParseError(
            'MALFORMED_STATEMENT',
            this.format,
            { path: `${this.path()}/${name}[1]`, line: this.line },
            `a second <${name}> in one <${parent.name}>: which one would be meant?`,
          );
        }
      }
    }
    // The parser makes a fresh attributes object per tag: kept as it is, even when empty
    // (testing it for emptiness cost more than keeping it).
    this.stack.push(new XmlElement(name, attributes));
  }

  /** Path of the open element, `Name[index]` below the subtree's root (built only for errors). */
  private path(): string {
    let p = this.rootPath;
    for (let i = 1; i < this.stack.length; i++) {
      const e = this.stack[i] as XmlElement;
      const siblings = ((this.stack[i - 1] as XmlElement).children ?? []).filter(
        (c) => c.name === e.name,
      ).length;
      p += `/${e.name}[${siblings}]`;
    }
    return p;
  }

  text(t: string): void {
    if (this.skipping > 0) return;
    const top = this.stack[this.stack.length - 1];
    // Text after a child element is layout between tags (camt has no mixed content).
    if (top !== undefined && top.children === undefined) top.text = top.text === '' ? t : top.text + t;
  }

  /** The current element ends; returns the subtree when its root ends. */
  close(): XmlElement | undefined {
    if (this.skipping > 0) {
      this.skipping--;
      return undefined;
    }
    const e = this.stack.pop();
    if (e === undefined) return undefined;
    if (e.text !== '') e.text = e.text.trim();
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) return e;
    if (parent.children === undefined) parent.children = [e];
    else parent.children.push(e);
    return undefined;
  }

  /** The subtree's root as built so far (children that have closed), for fields read early. */
  peek(): XmlElement | undefined {
    return this.stack[0];
  }

  get depth(): number {
    return this.stack.length;
  }
}
