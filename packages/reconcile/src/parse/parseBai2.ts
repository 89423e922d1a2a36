// BAI2 cash-management files from a whole string or byte array.
import type { ParseResult } from '../model/BankTransaction.js';
import type { Bai2Options } from './Bai2Options.js';
import { Bai2Reader } from './Bai2Reader.js';
import { checkParserOptions } from './checkParserOptions.js';
import { decodeInput } from './decodeInput.js';
import { LineSplitter } from './LineSplitter.js';
import { collectingSink } from './StatementSink.js';

export type { Bai2Options } from './Bai2Options.js';

/**
 * Parses a BAI2 cash-management file: 01 file, 02 group, 03 account, 16 transaction detail,
 * 88 continuation, 49/98/99 trailers. Amounts are integer minor units already (no decimal point
 * in BAI2). Type codes 100-399 are credits, 400-699 debits; a code below 100 (a balance) in a 16
 * record is refused. The 16 record's text runs to the end of the record and may contain commas;
 * 88 lines continue it (`KEY: value` lines such as `EREF:`/`DBNM:` are decoded). Every trailer's
 * control total and record count is checked against the records, and a missing trailer or a
 * second 01 header is refused (`integrity: 'warn'` turns trailer findings into warnings).
 *
 * @example
 * ```ts
 * const { statements } = parseBai2(text);
 * statements[0]!.transactions[0]!.transactionCode; // '409'
 * ```
 */
export function parseBai2(input: string | Uint8Array, options: Bai2Options = {}): ParseResult {
  checkParserOptions(options);
  const text = decodeInput(input, 'bai2', options);
  const sink = collectingSink();
  const reader = new Bai2Reader(options, sink);
  // One pass over the characters, no array of every line (the stream reader cuts lines the same way).
  const lines = new LineSplitter((line, n) => reader.line(line, n));
  lines.push(text);
  lines.end();
  reader.end();
  return sink.result();
}
