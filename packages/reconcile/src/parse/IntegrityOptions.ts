// How a parser treats a file that does not add up: refuse it (default) or report and go on.
import { type SourceLocation, StatementParseError } from '../errors/StatementParseError.js';
import type { ParseWarning } from '../model/BankTransaction.js';

/**
 * `'error'` (default): a statement that does not add up (balances, control totals, record counts,
 * missing closing balance or trailer, a batch whose details disagree with its entry) throws
 * `INTEGRITY_MISMATCH`. `'warn'`: the same finding becomes a {@link ParseWarning} the caller must
 * look at, and parsing goes on.
 *
 * @example
 * ```ts
 * const mode: IntegrityMode = 'warn';
 * ```
 */
export type IntegrityMode = 'error' | 'warn';

/**
 * The integrity option every parser accepts.
 *
 * @example
 * ```ts
 * parseMt940(text, { integrity: 'warn' }).warnings; // balance findings listed here instead of thrown
 * ```
 */
export interface IntegrityOptions {
  /** Default `'error'`. */
  readonly integrity?: IntegrityMode;
}

/**
 * Raises one integrity finding: throws in `'error'` mode, records a warning with the same code,
 * text and location in `'warn'` mode.
 *
 * @example
 * ```ts
 * integrityIssue('warn', warnings, 'mt940', 'BALANCE_MISMATCH', { path: ':62F:', line: 9 }, 'closing balance ...');
 * ```
 */
export function integrityIssue(
  mode: IntegrityMode | undefined,
  warnings: ParseWarning[],
  format: string,
  check: string,
  location: SourceLocation,
  message: string,
): void {
  if (mode === 'warn') {
    warnings.push({ code: check, message, location });
    return;
  }
  throw new StatementParseError('INTEGRITY_MISMATCH', format, location, `${check}: ${message}`);
}

/**
 * Writes integer minor units as a decimal for messages (`-12345`, 2 → `-123.45`); bigint so that
 * sums of many entries stay exact.
 *
 * @example
 * ```ts
 * formatMinor(-12345n, 2); // '-123.45'
 * ```
 */
export function formatMinor(minor: bigint, exponent: number): string {
  const neg = minor < 0n;
  const digits = (neg ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const frac = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${neg ? '-' : ''}${whole}${frac}`;
}
