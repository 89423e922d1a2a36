import { StatementParseError } from '../errors/StatementParseError.js';
import type { ParseResult } from '../model/BankTransaction.js';
import { traceStatementParse } from '../telemetry/traceStatementParse.js';
import { checkParserOptions } from './checkParserOptions.js';
import { decodeInput } from './decodeInput.js';
import { detectFormat } from './detectFormat.js';
import { type Bai2Options, parseBai2 } from './parseBai2.js';
import { type CamtOptions, parseCamt } from './parseCamt.js';
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
  options: Mt940Options & Bai2Options & CamtOptions = {},
): ParseResult {
  checkParserOptions(options);
  return traceStatementParse(input.length, (setFormat) => {
    const text = decodeInput(input, 'statement', options);
    const format = detectFormat(text);
    setFormat(format ?? 'unknown');
    if (format === 'camt') return parseCamt(text, options);
    if (format === 'bai2') return parseBai2(text, options);
    if (format === 'mt940') return parseMt940(text, options);
    throw new StatementParseError(
      'UNSUPPORTED_FORMAT',
      'statement',
      { path: '', line: 1 },
      'not camt XML, MT940 or BAI2',
    );
  });
}
