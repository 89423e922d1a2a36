import { StatementParseError } from '../errors/StatementParseError.js';
import type { ParseResult } from '../model/BankTransaction.js';
import { decodeInput } from './decodeInput.js';
import { type Bai2Options, parseBai2 } from './parseBai2.js';
import { parseCamt } from './parseCamt.js';
import { type Mt940Options, parseMt940 } from './parseMt940.js';

/**
 * Detects camt (XML), MT940 or BAI2 from the content and parses it. CSV needs a column mapping,
 * so call {@link parseCsv} for it.
 *
 * @example
 * ```ts
 * const { statements } = parseStatement(fileBytes);
 * ```
 */
export function parseStatement(
  input: string | Uint8Array,
  options: Mt940Options & Bai2Options = {},
): ParseResult {
  const text = decodeInput(input, 'statement', options);
  const head = text.trimStart().slice(0, 512);
  if (head.startsWith('<')) return parseCamt(text, options);
  if (/^01,/.test(head)) return parseBai2(text, options);
  if (
    /(^|\n|\{4:\s*\n?):20:/.test(head) ||
    /^:940:|^[A-Z]{6}[A-Z0-9]{2,5}\s*\n940/.test(head) ||
    /\n:20:/.test(text.slice(0, 4096))
  ) {
    return parseMt940(text, options);
  }
  throw new StatementParseError(
    'UNSUPPORTED_FORMAT',
    'statement',
    { path: '', line: 1 },
    'not camt XML, MT940 or BAI2',
  );
}
