// Splits CSV text into rows in one linear pass, chunk by chunk: RFC 4180 quoting, line breaks
// inside quotes, \r\n / \r / \n line ends, bank preambles skipped and the delimiter detected.
import { StatementParseError } from '../errors/StatementParseError.js';

/**
 * One CSV row: its cells and the line it starts on.
 *
 * @example
 * ```ts
 * const row: CsvRow = { cells: ['2026-03-02', '1.00'], line: 2 };
 * ```
 */
export interface CsvRow {
  readonly cells: string[];
  readonly line: number;
}

function detectDelimiter(line: string): string {
  const counts = [';', ',', '\t', '|'].map((d) => [d, line.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Incremental CSV splitter. Every character is looked at once and every cell is built from
 * slices, so a cell full of quotes costs what any other cell costs (the old splitter re-trimmed
 * the cell at every quote: quadratic). Text and quotes behave as before: a quote opens a quoted
 * cell only at its start (after blanks); a quote inside an unquoted cell is text.
 *
 * @example
 * ```ts
 * const rows: CsvRow[] = [];
 * const s = new CsvRowSplitter({ skipLines: 0 }, (r) => rows.push(r));
 * s.push('a,b\n1,2\n');
 * s.end();
 * ```
 */
export class CsvRowSplitter {
  private readonly onRow: (row: CsvRow) => void;
  private delimiter: number | undefined;
  private toSkip: number;
  private head = '';
  private line: number;
  private rowLine: number;
  private quoteLine = 0;
  private cells: string[] = [];
  private cur = '';
  private content = false;
  private inQuotes = false;
  private quotePending = false;
  private skipLF = false;

  constructor(
    options: { readonly skipLines?: number; readonly delimiter?: string },
    onRow: (row: CsvRow) => void,
  ) {
    this.onRow = onRow;
    this.toSkip = options.skipLines ?? 0;
    this.line = this.toSkip + 1;
    this.rowLine = this.line;
    if (options.delimiter !== undefined) this.delimiter = options.delimiter.charCodeAt(0);
  }

  /** Feeds the next piece of text. */
  push(chunk: string): void {
    let text = chunk;
    if (this.toSkip > 0 || this.delimiter === undefined) {
      text = this.head + text;
      this.head = '';
      while (this.toSkip > 0) {
        const nl = text.search(/\r\n?|\n/);
        if (nl < 0 || (text[nl] === '\r' && nl === text.length - 1)) {
          this.head = text;
          return;
        }
        text = text.slice(nl + (text.startsWith('\r\n', nl) ? 2 : 1));
        this.toSkip--;
      }
      if (this.delimiter === undefined) {
        const nl = text.search(/[\r\n]/);
        if (nl < 0) {
          this.head = text;
          return;
        }
        this.delimiter = detectDelimiter(text.slice(0, nl)).charCodeAt(0);
      }
    }
    this.scan(text);
  }

  /** Ends the input: the last row (if any) is emitted; an open quote is an error. */
  end(): void {
    if (this.head !== '') {
      const rest = this.head;
      this.head = '';
      this.toSkip = 0;
      this.delimiter ??= detectDelimiter(rest).charCodeAt(0);
      this.scan(rest);
    }
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes)
      throw new StatementParseError(
        'MALFORMED_STATEMENT',
        'csv',
        { path: 'quote', line: this.quoteLine },
        'unterminated quoted field',
      );
    if (this.cur !== '' || this.cells.length > 0) this.endRow();
  }

  private endRow(): void {
    this.cells.push(this.cur);
    this.onRow({ cells: this.cells, line: this.rowLine });
    this.cells = [];
    this.cur = '';
    this.content = false;
    this.rowLine = this.line;
  }

  private scan(text: string): void {
    const d = this.delimiter ?? 44;
    const n = text.length;
    let start = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) {
          i++;
          start = i;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.cur += '"';
            i++;
            start = i;
            continue;
          }
          // The quote closed the quoted part; this character is read as unquoted text.
          this.inQuotes = false;
          this.content = this.cur.trim() !== '';
          start = i;
          continue;
        }
        if (c === QUOTE) {
          this.cur += text.slice(start, i);
          this.quotePending = true;
          i++;
          start = i;
          continue;
        }
        if (c === CR || c === LF) {
          this.cur += `${text.slice(start, i)}\n`;
          this.line++;
          this.skipLF = c === CR;
          i++;
          start = i;
          continue;
        }
        i++;
        continue;
      }
      if (c === d) {
        this.cur += text.slice(start, i);
        this.cells.push(this.cur);
        this.cur = '';
        this.content = false;
        i++;
        start = i;
        continue;
      }
      if (c === CR || c === LF) {
        this.cur += text.slice(start, i);
        this.line++;
        this.endRow();
        this.skipLF = c === CR;
        i++;
        start = i;
        continue;
      }
      if (c === QUOTE && !this.content) {
        this.inQuotes = true;
        this.quoteLine = this.line;
        this.cur = '';
        i++;
        start = i;
        continue;
      }
      if (c !== 32 && c !== 9) this.content = true;
      i++;
    }
    if (start < n) this.cur += text.slice(start, n);
  }
}
