// Reads a statement from a stream of bytes (web ReadableStream, Node stream, any async iterable)
// and yields its transactions as they are read, in browsers and Node alike.
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseWarning } from '../model/BankTransaction.js';
import { Bai2Reader } from './Bai2Reader.js';
import { CamtReader } from './CamtReader.js';
import { CsvReader } from './CsvReader.js';
import { checkParserOptions } from './checkParserOptions.js';
import { encodingError, sniffEncoding } from './decodeInput.js';
import { detectFormat } from './detectFormat.js';
import { LineSplitter } from './LineSplitter.js';
import { Mt940Reader } from './Mt940Reader.js';
import type { StatementHeader, StatementSink } from './StatementSink.js';
import type { StatementStreamOptions } from './StatementStreamOptions.js';

/**
 * What {@link parseStatementStream} reads: a web `ReadableStream`, a Node stream (an async
 * iterable of `Buffer`s) or any (async) iterable of byte or text chunks.
 *
 * @example
 * ```ts
 * const source: StatementSource = (await fetch(url)).body!;
 * ```
 */
export type StatementSource =
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

/**
 * The transactions of a statement stream, plus what was learnt on the way: warnings and each
 * statement's header once it has ended (and passed its balance checks).
 *
 * @example
 * ```ts
 * const stream: StatementStream = parseStatementStream(body);
 * for await (const tx of stream) queue.push(tx);
 * console.log(stream.statements, stream.warnings);
 * ```
 */
export interface StatementStream extends AsyncIterable<BankTransaction> {
  readonly warnings: readonly ParseWarning[];
  readonly statements: readonly StatementHeader[];
}

interface Reader {
  push(text: string): void;
  end(): void;
}

function isReadableStream(s: StatementSource): s is ReadableStream<Uint8Array> {
  return typeof (s as ReadableStream<Uint8Array>).getReader === 'function';
}

async function* chunksOf(source: StatementSource): AsyncGenerator<Uint8Array | string> {
  if (!isReadableStream(source)) {
    yield* source;
    return;
  }
  // getReader rather than async iteration: Safari's ReadableStream is not async-iterable.
  const reader = source.getReader();
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) {
        done = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function readerFor(format: string, options: StatementStreamOptions, sink: StatementSink): Reader {
  if (format === 'csv' && options.csv !== undefined) return new CsvReader(options.csv, sink);
  if (format === 'camt') return new CamtReader(options, sink);
  const lines = format === 'bai2' ? new Bai2Reader(options, sink) : new Mt940Reader(options, sink);
  const splitter = new LineSplitter((line, n) => lines.line(line, n));
  return {
    push: (t) => splitter.push(t),
    end: () => {
      splitter.end();
      lines.end();
    },
  };
}

/**
 * Parses a statement as it streams in and yields each transaction as soon as it is read: camt
 * (on saxes, entry by entry), MT940, BAI2, or CSV when `options.csv` gives the mapping. Memory
 * follows the largest entry, not the file. The same checks as the whole-file parsers run; a
 * statement's balance and control-total checks run when it ends, so **post nothing until the
 * loop has finished without an error** (or collect per statement and commit when
 * `stream.statements` grows). Bytes are decoded strictly (BOM, XML declaration or
 * `options.encoding`); a `maxBytes` limit applies only when given.
 *
 * @example
 * ```ts
 * const res = await fetch('https://bank.example/statements/2026-03-02.xml');
 * const stream = parseStatementStream(res.body!);
 * const txs = [];
 * for await (const tx of stream) txs.push(tx);
 * console.log(txs.length); // post them only now: the whole file has been read and checked
 * ```
 */
export function parseStatementStream(
  source: StatementSource,
  options: StatementStreamOptions = {},
): StatementStream {
  checkParserOptions(options);
  const warnings: ParseWarning[] = [];
  const statements: StatementHeader[] = [];
  return {
    warnings,
    statements,
    [Symbol.asyncIterator]: () => run(source, options, warnings, statements),
  };
}

/**
 * The iterator behind a {@link StatementStream}: transactions already read are handed out from a
 * queue with resolved promises; only an empty queue waits for the next chunk of input (an async
 * generator would cost several promise hops per transaction).
 */
function run(
  source: StatementSource,
  options: StatementStreamOptions,
  warnings: ParseWarning[],
  statements: StatementHeader[],
): AsyncIterator<BankTransaction, undefined> {
  let queue: BankTransaction[] = [];
  let next = 0;
  let finished = false;
  const sink: StatementSink = {
    warnings,
    transaction: (tx) => queue.push(tx),
    statement: (h) => statements.push(h),
  };
  const input = new StreamInput(options, sink);
  const chunks = chunksOf(source);
  const fill = async (): Promise<boolean> => {
    while (next >= queue.length) {
      queue = [];
      next = 0;
      if (finished) return false;
      const r = await chunks.next();
      if (r.done === true) {
        finished = true;
        input.finish();
      } else input.chunk(r.value);
    }
    return true;
  };
  const done = { value: undefined, done: true } as const;
  return {
    next: () => {
      if (next < queue.length)
        return Promise.resolve({ value: queue[next++] as BankTransaction, done: false });
      return fill().then((more) => (more ? { value: queue[next++] as BankTransaction, done: false } : done));
    },
    return: async () => {
      finished = true;
      await chunks.return(undefined);
      return done;
    },
  };
}

/** Decodes byte chunks, picks the reader from the first characters and feeds it. */
class StreamInput {
  private readonly options: StatementStreamOptions;
  private readonly sink: StatementSink;
  private readonly label: string;
  private decoder: TextDecoder | undefined;
  private encoding = 'utf-8';
  private head = new Uint8Array(0);
  private pendingText = '';
  private reader: Reader | undefined;
  private bytes = 0;
  private offset = 0;
  private lines = 1;

  constructor(options: StatementStreamOptions, sink: StatementSink) {
    this.options = options;
    this.sink = sink;
    this.label = options.csv !== undefined ? 'csv' : 'statement';
  }

  chunk(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      this.feed(chunk, false);
      return;
    }
    this.bytes += chunk.length;
    const max = this.options.maxBytes;
    if (max !== undefined && this.bytes > max)
      throw new StatementParseError(
        'INPUT_TOO_LARGE',
        this.label,
        { path: '' },
        `input exceeds ${max} bytes`,
      );
    let c = chunk;
    if (this.decoder === undefined || this.head.length > 0) {
      // Keep the first bytes together until there are enough to find a BOM or XML declaration.
      const joined = new Uint8Array(this.head.length + chunk.length);
      joined.set(this.head);
      joined.set(chunk, this.head.length);
      if (this.decoder === undefined && joined.length < 200) {
        this.head = joined;
        return;
      }
      this.head = new Uint8Array(0);
      c = joined;
    }
    this.feed(this.decode(c, false), false);
  }

  finish(): void {
    const rest = this.head;
    this.head = new Uint8Array(0);
    this.feed(this.decode(rest, true), true);
    this.reader?.end();
  }

  private feed(text: string, final: boolean): void {
    if (this.reader !== undefined) {
      this.reader.push(text);
      return;
    }
    this.pendingText += text;
    if (this.pendingText.length < 4096 && !final) return;
    const start = this.pendingText.charCodeAt(0) === 0xfeff ? this.pendingText.slice(1) : this.pendingText;
    this.pendingText = '';
    const format = this.options.csv !== undefined ? 'csv' : detectFormat(start);
    if (format === undefined)
      throw new StatementParseError(
        'UNSUPPORTED_FORMAT',
        'statement',
        { path: '', line: 1 },
        'not camt XML, MT940 or BAI2 (pass options.csv for CSV)',
      );
    this.reader = readerFor(format, this.options, this.sink);
    this.reader.push(start);
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    let c = chunk;
    if (this.decoder === undefined) {
      const sniff = sniffEncoding(c, this.options.encoding);
      this.encoding = sniff.label;
      this.decoder = new TextDecoder(this.encoding, { fatal: true });
      c = c.subarray(sniff.skip);
      this.offset += sniff.skip;
    }
    try {
      const text = this.decoder.decode(c, { stream: !final });
      this.offset += c.length;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines++;
      return text;
    } catch {
      throw encodingError(c, this.offset, this.lines, this.encoding, this.label);
    }
  }
}
