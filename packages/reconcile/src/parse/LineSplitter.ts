// Cuts text arriving in pieces into lines (\r\n, \r or \n), numbering them from 1.

/**
 * Feeds complete lines to `onLine` as text arrives; {@link LineSplitter.end} flushes the last.
 *
 * @example
 * ```ts
 * const s = new LineSplitter((line, n) => console.log(n, line));
 * s.push('a\r'); s.push('\nb'); s.end(); // 1 a, 2 b
 * ```
 */
export class LineSplitter {
  private readonly onLine: (line: string, lineNo: number) => void;
  private rest = '';
  private lineNo = 1;
  private skipLF = false;

  constructor(onLine: (line: string, lineNo: number) => void) {
    this.onLine = onLine;
  }

  push(text: string): void {
    // An empty piece (a decoder can give one mid-stream) must not forget a \r that ended the last.
    if (text === '') return;
    let start = 0;
    if (this.skipLF && text.charCodeAt(0) === 10) start = 1;
    this.skipLF = false;
    // The next \n and the next \r, each found with indexOf (a native scan, far quicker than
    // reading every character here) and looked for again only once a line has passed it.
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (lf >= 0 || cr >= 0) {
      const i = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
      const piece = text.slice(start, i);
      const line = this.rest === '' ? piece : this.rest + piece;
      this.rest = '';
      this.onLine(line, this.lineNo++);
      start = i + 1;
      if (i === cr) {
        if (start === text.length) this.skipLF = true;
        else if (text.charCodeAt(start) === 10) start++;
      }
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    this.rest += text.slice(start);
  }

  end(): void {
    this.onLine(this.rest, this.lineNo);
    this.rest = '';
  }
}
