import { ReconcileErrorBase } from './ReconcileErrorBase.js';

/**
 * Codes of {@link StatementParseError}.
 *
 * @example
 * ```ts
 * const code: StatementParseErrorCode = 'ENCODING_ERROR';
 * ```
 */
export type StatementParseErrorCode =
  | 'MALFORMED_STATEMENT'
  | 'UNSUPPORTED_FORMAT'
  | 'ENCODING_ERROR'
  | 'INPUT_TOO_LARGE'
  /** A date that does not exist on the calendar (2026-02-30, month 13, day 00) or is not a date at all. */
  | 'INVALID_DATE'
  /**
   * The file does not add up: balances against entries, control totals, record counts, a missing
   * closing balance or trailer, a batch whose details disagree with its entry. A warning instead
   * only when the caller passed `integrity: 'warn'`.
   */
  | 'INTEGRITY_MISMATCH';

/**
 * Where in the input a problem sits: a 1-based line (and column) for text, an element path for XML.
 *
 * @example
 * ```ts
 * const where: SourceLocation = { path: ':61:', line: 9 };
 * ```
 */
export interface SourceLocation {
  /** 1-based line number, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
  /** Element path (`Document/BkToCstmrStmt/Stmt[0]/Ntry[2]/Amt`), record (`16`) or field (`:61:`). */
  readonly path: string;
}

/**
 * A statement file could not be read. The message says what is wrong and where; `location` has
 * the same information as data. Nothing is dropped silently: a parser either returns every
 * entry or throws this.
 *
 * @example
 * ```ts
 * try { parseMt940(':20:X\n:61:garbage'); }
 * catch (e) { if (isReconcileError(e) && e.code !== 'INVALID_RECONCILE_INPUT') console.log(e.code, e.location.line); }
 * ```
 */
export class StatementParseError extends ReconcileErrorBase<StatementParseErrorCode> {
  override readonly name: string = 'StatementParseError';
  /** Which parser raised it. */
  readonly format: string;
  /** Where the problem is. */
  readonly location: SourceLocation;

  constructor(code: StatementParseErrorCode, format: string, location: SourceLocation, message: string) {
    const where = [
      location.path,
      location.line === undefined ? '' : `line ${location.line}`,
      location.column === undefined ? '' : `column ${location.column}`,
    ]
      .filter((s) => s !== '')
      .join(', ');
    super(code, `${format}: ${message}${where ? ` (at ${where})` : ''}`);
    this.format = format;
    this.location = location;
  }
}
