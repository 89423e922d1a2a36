// MT940/MT942 statements from a whole string or byte array.
import type { ParseResult } from '../model/BankTransaction.js';
import { checkParserOptions } from './checkParserOptions.js';
import { decodeInput } from './decodeInput.js';
import { LineSplitter } from './LineSplitter.js';
import type { Mt940Options } from './Mt940Options.js';
import { Mt940Reader } from './Mt940Reader.js';
import { collectingSink } from './StatementSink.js';

export type { Mt940Options } from './Mt940Options.js';

/**
 * Parses SWIFT MT940 (and MT942) statements, including bank exports without the SWIFT block
 * envelope. Every `:61:` line becomes a transaction; its `:86:` is decoded for the common
 * dialects (German `?NN` with SEPA keys `EREF+`/`SVWZ+`/`KREF+`, `>NN`, Dutch `/TAG/value`,
 * `REK:`/`NAAM:` free text). Amounts use the decimal comma and are read as integer minor units.
 * Dates must exist on the calendar, and each message must add up: opening balance plus entries
 * equals the closing balance, in one currency (`integrity: 'warn'` turns a mismatch into a
 * warning).
 *
 * @example
 * ```ts
 * const { statements } = parseMt940(':20:REF\n:25:NL91ABNA0417164300\n:28C:1\n:60F:C240101EUR0,\n:61:2401020102C10,00NTRFNONREF\n:86:INV-1001\n:62F:C240102EUR10,\n-');
 * statements[0]!.transactions[0]!.amountMinor; // 1000
 * ```
 */
export function parseMt940(input: string | Uint8Array, options: Mt940Options = {}): ParseResult {
  checkParserOptions(options);
  const text = decodeInput(input, 'mt940', options);
  const sink = collectingSink();
  const reader = new Mt940Reader(options, sink);
  // Lines end at \n, \r\n or a lone \r, cut in one pass over the characters (as the stream reader does).
  const lines = new LineSplitter((line, n) => reader.line(line, n));
  lines.push(text);
  lines.end();
  reader.end();
  return sink.result();
}
