// The error root's former name, kept one minor release for code written against it.
import { isQuidfinError, QuidfinError } from './QuidfinError.js';

/**
 * Former name of {@link QuidfinError}.
 *
 * @deprecated Use `QuidfinError`; this alias goes in the next major release.
 * @example
 * ```ts
 * const e: SdkError = new QuidfinError('X', 'y');
 * ```
 */
export type SdkError<Code extends string = string> = QuidfinError<Code>;

/**
 * Former name of {@link QuidfinError}.
 *
 * @deprecated Use `QuidfinError`; this alias goes in the next major release.
 * @example
 * ```ts
 * const e = new SdkError('X', 'y');
 * ```
 */
export const SdkError: typeof QuidfinError = QuidfinError;

/**
 * Former name of {@link isQuidfinError}.
 *
 * @deprecated Use `isQuidfinError`; this alias goes in the next major release.
 * @example
 * ```ts
 * if (isSdkError(new Error('x'))) throw new Error('unreachable');
 * ```
 */
export const isSdkError: (value: unknown) => value is QuidfinError = isQuidfinError;
