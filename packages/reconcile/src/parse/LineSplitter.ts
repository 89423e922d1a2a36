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
    let start = 0;
    if (this.skipLF && text.charCodeAt(0) === 10) start = 1;
    this.skipLF = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.rest + text.slice(start, i);
      this.rest = '';
      this.onLine(line, this.lineNo++);
      if (c === 13) {
        if (i + 1 === text.length) this.skipLF = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.rest += text.slice(start);
  }

  end(): void {
    this.onLine(this.rest, this.lineNo);
    this.rest = '';
  }
}
