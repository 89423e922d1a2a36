// Reads a statement from a stream of bytes (web ReadableStream, Node stream, any async iterable)
// and yields its transactions as they are read, in browsers and Node alike.
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseWarning } from '../model/BankTransaction.js';
import type { Bai2Options } from './Bai2Options.js';
import { Bai2Reader } from './Bai2Reader.js';
import type { CamtOptions } from './CamtOptions.js';
import type { CsvOptions } from './CsvOptions.js';
import { CsvReader } from './CsvReader.js';
import { CamtReader } from './camt/CamtReader.js';
import { encodingError, sniffEncoding } from './decodeInput.js';
import { detectFormat } from './detectFormat.js';
import { LineSplitter } from './LineSplitter.js';
import type { Mt940Options } from './Mt940Options.js';
import { Mt940Reader } from './Mt940Reader.js';
import type { StatementHeader, StatementSink } from './StatementSink.js';

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
 * Options of {@link parseStatementStream}: those of every parser, plus `csv` (a CSV file needs a
 * column mapping, so CSV is read only when it is given).
 *
 * @example
 * ```ts
 * const options: StatementStreamOptions = { integrity: 'warn', csv: { currency: 'EUR', columns: { date: 0, amount: 1 } } };
 * ```
 */
export interface StatementStreamOptions extends Mt940Options, Bai2Options, CamtOptions {
  readonly csv?: CsvOptions;
}

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
 * await post(txs); // only after the whole file has been read and checked
 * ```
 */
export function parseStatementStream(
  source: StatementSource,
  options: StatementStreamOptions = {},
): StatementStream {
  const warnings: ParseWarning[] = [];
  const statements: StatementHeader[] = [];
  return {
    warnings,
    statements,
    [Symbol.asyncIterator]: () => run(source, options, warnings, statements),
  };
}

async function* run(
  source: StatementSource,
  options: StatementStreamOptions,
  warnings: ParseWarning[],
  statements: StatementHeader[],
): AsyncGenerator<BankTransaction, void, undefined> {
  let queue: BankTransaction[] = [];
  const sink: StatementSink = {
    warnings,
    transaction: (tx) => queue.push(tx),
    statement: (h) => statements.push(h),
  };
  const label = options.csv !== undefined ? 'csv' : 'statement';
  let decoder: TextDecoder | undefined;
  let encoding = 'utf-8';
  let head = new Uint8Array(0);
  let pendingText = '';
  let reader: Reader | undefined;
  let bytes = 0;
  let offset = 0;
  let lines = 1;

  const feed = (text: string, final: boolean): void => {
    if (reader === undefined) {
      pendingText += text;
      if (pendingText.length < 4096 && !final) return;
      const start = pendingText.charCodeAt(0) === 0xfeff ? pendingText.slice(1) : pendingText;
      const format = options.csv !== undefined ? 'csv' : detectFormat(start);
      if (format === undefined)
        throw new StatementParseError(
          'UNSUPPORTED_FORMAT',
          'statement',
          { path: '', line: 1 },
          'not camt XML, MT940 or BAI2 (pass options.csv for CSV)',
        );
      reader = readerFor(format, options, sink);
      pendingText = '';
      reader.push(start);
      return;
    }
    reader.push(text);
  };
  const decode = (chunk: Uint8Array, final: boolean): string => {
    if (decoder === undefined) {
      const sniff = sniffEncoding(chunk, options.encoding);
      encoding = sniff.label;
      decoder = new TextDecoder(encoding, { fatal: true });
      chunk = chunk.subarray(sniff.skip);
      offset += sniff.skip;
    }
    try {
      const text = decoder.decode(chunk, { stream: !final });
      offset += chunk.length;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      return text;
    } catch {
      throw encodingError(chunk, offset, lines, encoding, label);
    }
  };

  for await (const chunk of chunksOf(source)) {
    if (typeof chunk === 'string') feed(chunk, false);
    else {
      bytes += chunk.length;
      if (options.maxBytes !== undefined && bytes > options.maxBytes)
        throw new StatementParseError(
          'INPUT_TOO_LARGE',
          label,
          { path: '' },
          `input exceeds ${options.maxBytes} bytes`,
        );
      if (decoder === undefined && head.length + chunk.length < 200) {
        // Keep the first bytes together until there are enough to find a BOM or XML declaration.
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        head = joined;
        continue;
      }
      let c = chunk;
      if (head.length > 0) {
        c = new Uint8Array(head.length + chunk.length);
        c.set(head);
        c.set(chunk, head.length);
        head = new Uint8Array(0);
      }
      feed(decode(c, false), false);
    }
    if (queue.length > 0) {
      const out = queue;
      queue = [];
      yield* out;
    }
  }
  feed(decode(head, true), true);
  (reader as Reader | undefined)?.end();
  yield* queue;
}
