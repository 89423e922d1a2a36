// Reads camt.052/053/054 incrementally on saxes: each Ntry is collected, turned into
// transactions and dropped, so memory follows the largest entry, not the file.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, StatementFormat } from '../model/BankTransaction.js';
import { CamtEntryCollector } from './CamtEntryCollector.js';
import type { CamtEntryDraft } from './CamtEntryDraft.js';
import type { CamtOptions } from './CamtOptions.js';
import { type CamtEntryContext, camtEntry } from './camtEntry.js';
import { camtFail } from './camtFields.js';
import { CAMT_NAMES, camtNameId, localName } from './camtNameId.js';
import { addEntry, type CamtTotals, camtTotals, checkCamtStatement } from './camtStatementChecks.js';
import type { StatementSink } from './StatementSink.js';
import { XmlTreeBuilder } from './XmlTreeBuilder.js';
import { textAt, type XmlNode } from './xmlNode.js';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[234])\.001\.(\d{2})$/;
const CONTAINERS: Readonly<Record<string, readonly [string, string]>> = {
  'camt.052': ['BkToCstmrAcctRpt', 'Rpt'],
  'camt.053': ['BkToCstmrStmt', 'Stmt'],
  'camt.054': ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'],
};
const DEFAULT_MAX_DEPTH = 100;
const DEFAULT_MAX_TEXT = 1024 * 1024;
const PIECE = 64 * 1024;

interface Statement {
  readonly index: number;
  readonly path: string;
  readonly line: number;
  readonly header: XmlTreeBuilder;
  readonly totals: CamtTotals;
  entries: number;
  id?: string;
  accountId?: string;
  context?: CamtEntryContext;
}

/**
 * Incremental camt reader: {@link CamtReader.push} text in pieces of any size, then
 * {@link CamtReader.end}. The XML is checked by saxes as it goes (well-formedness, character
 * references, forbidden characters); a DOCTYPE anywhere is refused; the namespace is read from
 * the root element itself. Each statement is checked when it closes.
 *
 * @example
 * ```ts
 * const sink = collectingSink();
 * const r = new CamtReader({}, sink);
 * r.push(xml);
 * r.end();
 * ```
 */
export class CamtReader {
  private readonly options: CamtOptions;
  private readonly sink: StatementSink;
  private readonly parser: SaxesParser;
  /** Names of the open elements down to the entry (inside one, the collector has the rest). */
  private readonly stack: string[] = [];
  private depth = 0;
  private readonly maxDepth: number;
  private readonly maxText: number;
  private sinceTag = 0;
  private format: StatementFormat = 'camt.053';
  private container = '';
  private stmtName = '';
  private statements = 0;
  private stmt: Statement | undefined;
  private entry: { path: string; line: number } | undefined;
  private collector: CamtEntryCollector = new CamtEntryCollector('camt');
  private rootSeen = false;
  private readonly emit = (tx: BankTransaction): void => this.sink.transaction(tx);

  constructor(options: CamtOptions, sink: StatementSink) {
    this.options = options;
    this.sink = sink;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxText = options.maxTextChars ?? DEFAULT_MAX_TEXT;
    const p = new SaxesParser({ position: true });
    this.parser = p;
    p.on('error', (e) => this.xmlError(e.message));
    p.on('doctype', () => {
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'camt',
        { path: '', line: p.line },
        'DTDs and entity declarations are not allowed (DOCTYPE found)',
      );
    });
    p.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    p.on('closetag', () => this.close());
    p.on('text', (t) => this.text(t));
    p.on('cdata', (t) => this.text(t));
  }

  /** Feeds the next piece of the document. */
  push(chunk: string): void {
    // A run without '<' is one text node or attribute: bound it before saxes buffers it. The runs
    // are checked by jumping from '<' to the last '<' within reach, about one look per maxTextChars.
    const max = this.maxText;
    let lt = -1 - this.sinceTag; // the last '<' seen (before this chunk when negative)
    for (;;) {
      const reach = lt + 1 + max;
      if (reach >= chunk.length) break;
      const next = chunk.lastIndexOf('<', reach);
      if (next < 0 || next <= lt) {
        // Read what comes before first, in whole pieces of PIECE or maxTextChars characters (so
        // the error names the element the run is in, and the same place as when chunks were cut
        // into such pieces).
        const piece = Math.min(PIECE, max);
        this.parser.write(chunk.slice(0, reach - (reach % piece)));
        throw new StatementParseError(
          'INPUT_TOO_LARGE',
          'camt',
          { path: this.openNames().join('/'), line: this.parser.line },
          `a text or tag longer than ${max} characters (maxTextChars)`,
        );
      }
      lt = next;
    }
    const last = chunk.lastIndexOf('<');
    this.sinceTag = chunk.length - 1 - (last < 0 ? lt : last);
    // The chunk goes to saxes whole: cut into slices, every character read costs more.
    this.parser.write(chunk);
  }

  /** Ends the document: a truncated one is a located error; a document without statements too. */
  end(): void {
    if (this.depth > 0) {
      const names = this.openNames();
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'camt',
        { path: names.join('/'), line: this.parser.line, column: this.parser.column + 1 },
        `input ends inside <${names[names.length - 1]}>: truncated XML`,
      );
    }
    this.parser.close();
    if (!this.rootSeen)
      throw new StatementParseError(
        'UNSUPPORTED_FORMAT',
        'camt',
        { path: '' },
        'root element is not Document',
      );
  }

  /** Names of all open elements, for error locations. */
  private openNames(): string[] {
    return this.entry === undefined ? this.stack : [...this.stack, ...this.collector.openNames()];
  }

  private xmlError(message: string): never {
    const p = this.parser;
    const text = message.replace(/^[^:]*:\d+:\d+: /, '');
    throw new StatementParseError(
      'MALFORMED_STATEMENT',
      'camt',
      { path: this.openNames().join('/'), line: p.line, column: p.column + 1 },
      `invalid XML: ${text}`,
    );
  }

  private open(tag: SaxesTagPlain): void {
    const id = camtNameId(tag.name);
    const name = id < 0 ? localName(tag.name) : (CAMT_NAMES[id] as string);
    const depth = this.depth + 1;
    if (depth > this.maxDepth) {
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'camt',
        { path: this.openNames().slice(0, 8).join('/'), line: this.parser.line },
        `nesting deeper than ${this.maxDepth} elements refused`,
      );
    }
    this.depth = depth;
    const attributes = tag.attributes as Record<string, string>;
    if (this.entry !== undefined) {
      this.collector.open(name, id, attributes);
      return;
    }
    this.stack.push(name);
    if (this.stmt !== undefined && depth > 3) {
      if (depth === 4 && name === 'Ntry') {
        const path = `${this.stmt.path}/Ntry[${this.stmt.entries}]`;
        this.entry = { path, line: this.parser.line };
        this.collector.begin(path, this.parser.line);
        return;
      }
      this.stmt.header.open(name, attributes);
      return;
    }
    if (depth === 1) this.root(tag, name);
    else if (depth === 2) {
      if (name !== this.container)
        throw new StatementParseError(
          'MALFORMED_STATEMENT',
          this.format,
          { path: 'Document', line: this.parser.line },
          `missing ${this.container} for ${this.format} (found <${name}>)`,
        );
    } else if (depth === 3 && name === this.stmtName) {
      const index = this.statements++;
      const path = `Document/${this.container}/${this.stmtName}[${index}]`;
      this.stmt = {
        index,
        path,
        line: this.parser.line,
        header: new XmlTreeBuilder(this.format, path, this.parser.line),
        totals: camtTotals(),
        entries: 0,
      };
      this.stmt.header.open(name, attributes);
    }
  }

  private root(tag: SaxesTagPlain, name: string): void {
    this.rootSeen = true;
    if (name !== 'Document')
      throw new StatementParseError(
        'UNSUPPORTED_FORMAT',
        'camt',
        { path: '' },
        'root element is not Document',
      );
    const colon = tag.name.indexOf(':');
    const attrs = tag.attributes as Record<string, string>;
    const ns = colon < 0 ? attrs['xmlns'] : attrs[`xmlns:${tag.name.slice(0, colon)}`];
    const hit = ns === undefined ? null : NAMESPACE.exec(ns);
    const spec = hit?.[1] === undefined ? undefined : CONTAINERS[hit[1]];
    if (!hit || spec === undefined) {
      throw new StatementParseError(
        'UNSUPPORTED_FORMAT',
        'camt',
        { path: 'Document/@xmlns', line: this.parser.line },
        `namespace ${ns === undefined ? '(none)' : `"${ns}"`} is not camt.052/053/054`,
      );
    }
    this.format = hit[1] as StatementFormat;
    this.collector = new CamtEntryCollector(this.format);
    [this.container, this.stmtName] = spec;
  }

  private text(t: string): void {
    if (this.entry !== undefined) this.collector.text(t);
    else if (this.stmt !== undefined) this.stmt.header.text(t);
  }

  private close(): void {
    const depth = this.depth--;
    const entry = this.entry;
    if (entry !== undefined) {
      const draft = this.collector.close();
      if (draft !== undefined) {
        this.stack.pop();
        this.entry = undefined;
        this.finishEntry(draft, entry.path, entry.line);
      }
      return;
    }
    this.stack.pop();
    const stmt = this.stmt;
    if (stmt !== undefined) {
      const node = stmt.header.close();
      if (depth === 3) {
        this.stmt = undefined;
        this.finishStatement(stmt, node);
      }
      return;
    }
    if (depth === 2 && this.statements === 0)
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        this.format,
        { path: `Document/${this.container}`, line: this.parser.line },
        `no ${this.stmtName} element`,
      );
  }

  /** The statement's Id and account as far as its header has been read (they precede the entries). */
  private identify(stmt: Statement, header: XmlNode, line: number): string {
    if (stmt.id !== undefined) return stmt.id;
    const id = textAt(header, 'Id');
    if (id === undefined)
      camtFail(
        { format: this.format, line },
        `${stmt.path}/Id`,
        'missing statement Id (it must come before the entries)',
      );
    stmt.id = id;
    const accountId = textAt(header, 'Acct/Id/IBAN') ?? textAt(header, 'Acct/Id/Othr/Id');
    if (accountId !== undefined) stmt.accountId = accountId;
    return id;
  }

  private finishEntry(draft: CamtEntryDraft, path: string, line: number): void {
    const stmt = this.stmt;
    if (stmt === undefined) return;
    // The entries' context is made once per statement (its Id and account are known by now).
    let ctx = stmt.context;
    if (ctx === undefined) {
      const id = this.identify(stmt, stmt.header.peek(), line);
      ctx = {
        format: this.format,
        id,
        accountId: stmt.accountId,
        integrity: this.options.integrity,
        warnings: this.sink.warnings,
      };
      stmt.context = ctx;
    }
    const facts = camtEntry(draft, path, line, stmt.entries, ctx, this.emit);
    stmt.entries++;
    addEntry(stmt.totals, facts);
  }

  private finishStatement(stmt: Statement, header: XmlNode): void {
    const id = this.identify(stmt, header, stmt.line);
    checkCamtStatement(
      header,
      stmt.path,
      { format: this.format, line: stmt.line },
      stmt.totals,
      this.options.integrity,
      this.sink.warnings,
    );
    const currency = textAt(header, 'Acct/Ccy');
    this.sink.statement({
      id,
      format: this.format,
      ...(stmt.accountId === undefined ? {} : { accountId: stmt.accountId }),
      ...(currency === undefined ? {} : { currency }),
    });
  }
}
