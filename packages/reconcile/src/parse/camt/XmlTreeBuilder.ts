// Builds one element's subtree (an entry, a statement header) from parser events, in the same
// plain shape the camt readers have always read: objects, arrays for repeats, text strings.
import { StatementParseError } from '../../errors/StatementParseError.js';
import type { XmlNode } from '../xmlNode.js';

/** Elements that may appear once per parent: a second one is refused, never silently ignored. */
const SINGLE = new Set([
  'Amt',
  'CdtDbtInd',
  'BookgDt',
  'ValDt',
  'Dt',
  'DtTm',
  'Sts',
  'RvslInd',
  'AcctSvcrRef',
  'InstdAmt',
  'TxAmt',
  'CcyXchg',
  'XchgRate',
  'SrcCcy',
  'TrgtCcy',
  'UnitCcy',
  'NbOfNtries',
  'Sum',
  'TtlNetNtry',
  'TtlNetNtryAmt',
  'Id',
  'Ccy',
]);

interface Frame {
  readonly name: string;
  /** Position among same-named siblings, for error paths (built only when needed). */
  readonly index: number;
  readonly obj: Record<string, unknown>;
  text: string;
  children: number;
  readonly attrs: number;
}

/**
 * Collects the subtree of one element. `open`/`text`/`close` mirror the parser's events;
 * `close` returns the finished node when the subtree's own root closes.
 *
 * @example
 * ```ts
 * const b = new XmlTreeBuilder('camt.053', 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]', 12);
 * b.open('Ntry', {});
 * b.open('Amt', { Ccy: 'EUR' }); b.text('1.00'); b.close();
 * const ntry = b.close(); // { Amt: { '#text': '1.00', '@_Ccy': 'EUR' } }
 * ```
 */
export class XmlTreeBuilder {
  private readonly stack: Frame[] = [];
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
    const parent = this.stack[this.stack.length - 1];
    let index = 0;
    if (parent !== undefined) {
      // Earlier same-named siblings have closed already, so they are in the parent object.
      const prev = parent.obj[name];
      index = prev === undefined ? 0 : Array.isArray(prev) ? prev.length : 1;
      if (index > 0 && SINGLE.has(name)) {
        throw new StatementParseError(
          'MALFORMED_STATEMENT',
          this.format,
          { path: `${this.path()}/${name}[${index}]`, line: this.line },
          `a second <${name}> in one <${parent.name}>: which one would be meant?`,
        );
      }
    }
    const obj: Record<string, unknown> = {};
    let attrs = 0;
    for (const key in attributes) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      const colon = key.indexOf(':');
      obj[`@_${colon < 0 ? key : key.slice(colon + 1)}`] = attributes[key];
      attrs++;
    }
    this.stack.push({ name, index, obj, text: '', children: 0, attrs });
  }

  /** Path of the open element, `Name[index]` below the subtree's root. */
  private path(): string {
    let p = this.rootPath;
    for (let i = 1; i < this.stack.length; i++) {
      const f = this.stack[i] as Frame;
      p += `/${f.name}[${f.index}]`;
    }
    return p;
  }

  text(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) top.text = top.text === '' ? t : top.text + t;
  }

  /** The current element ends; returns the subtree when its root ends. */
  close(): XmlNode | undefined {
    const f = this.stack.pop();
    if (f === undefined) return undefined;
    let value: unknown;
    if (f.children === 0 && f.attrs === 0) value = f.text.trim();
    else {
      const text = f.children === 0 ? f.text.trim() : f.text.trim();
      if (text !== '') f.obj['#text'] = text;
      value = f.obj;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) return value;
    parent.children++;
    const prev = parent.obj[f.name];
    if (prev === undefined) parent.obj[f.name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else parent.obj[f.name] = [prev, value];
    return undefined;
  }

  /** The subtree's root as built so far (children that have closed), for fields read early. */
  peek(): XmlNode {
    return this.stack[0]?.obj;
  }

  get depth(): number {
    return this.stack.length;
  }
}
