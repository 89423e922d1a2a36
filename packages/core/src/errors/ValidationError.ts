// Bad input refused before anything is signed or sent, with every problem located.
import { QuidfinError } from './QuidfinError.js';

/**
 * One problem found in an input, located by a path such as `payload.amountMinor` or
 * `owners[2].percentage`.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: 'owners[2].percentage', message: 'shares sum to 0.98, not 1' };
 * ```
 */
export interface ValidationIssue {
  /** Dotted / indexed location of the offending value; `''` for the value itself. */
  readonly path: string;
  /** What is wrong, in words. */
  readonly message: string;
}

/**
 * Input refused before anything was signed or sent: the message says what is wrong and where.
 * `code` tells which kind of input (`INVALID_TRANSACTION`, `INVALID_PAYLOAD`, `INVALID_DOCUMENT`,
 * `INVALID_KEY`, `INVALID_AMOUNT`, ...); `issues` lists every problem found.
 *
 * @example
 * ```ts
 * try { parseMoney('12.345', 'USD'); } catch (e) { if (isCoreError(e) && e.code === 'INVALID_AMOUNT') console.log(e.issues); }
 * ```
 */
export class ValidationError<Code extends string = string> extends QuidfinError<Code> {
  override readonly name: string = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(code: Code, issues: readonly ValidationIssue[], options?: ErrorOptions) {
    const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super(code, text || 'invalid input', options);
    this.issues = issues;
  }

  /** Location of the first issue (`''` for the value itself). */
  get path(): string {
    return this.issues[0]?.path ?? '';
  }
}
