// Every error @quidfin/core throws on purpose, as one union its guard narrows to.
import type { CryptoUnavailableError } from './CryptoUnavailableError.js';
import type { EncodingError } from './EncodingError.js';
import { isQuidfinError } from './QuidfinError.js';
import type { SignatureError } from './SignatureError.js';
import type { ValidationError } from './ValidationError.js';

/**
 * Codes of the {@link ValidationError}s core throws, one per kind of input.
 *
 * @example
 * ```ts
 * const code: CoreValidationCode = 'INVALID_AMOUNT';
 * ```
 */
export type CoreValidationCode =
  | 'INVALID_AMOUNT'
  | 'INVALID_ANCHOR'
  | 'INVALID_CURRENCY'
  | 'INVALID_DOCUMENT'
  | 'INVALID_JSON'
  | 'INVALID_KEY'
  | 'INVALID_KEY_HISTORY'
  | 'INVALID_OPTIONS'
  | 'INVALID_PAYLOAD'
  | 'INVALID_TRANSACTION';

/**
 * Every error `@quidfin/core` throws on purpose. After {@link isCoreError}, `switch (e.code)`
 * narrows to the class: `'UNENCODABLE_VALUE'` is an {@link EncodingError}, the `INVALID_*` codes a
 * {@link ValidationError} with `issues`, `'SIGNER_MISMATCH'` a {@link SignatureError}.
 *
 * @example
 * ```ts
 * function explain(e: CoreError): string {
 *   switch (e.code) {
 *     case 'UNENCODABLE_VALUE': return `cannot encode ${e.path}`;
 *     case 'CRYPTO_UNAVAILABLE': return 'no WebCrypto here';
 *     case 'SIGNER_MISMATCH':
 *     case 'SIGNING_FAILED': return e.message;
 *     default: return e.issues.map((i) => i.path).join(', ');
 *   }
 * }
 * ```
 */
export type CoreError =
  | ValidationError<CoreValidationCode>
  | EncodingError
  | SignatureError
  | CryptoUnavailableError;

/**
 * True when `value` is an error `@quidfin/core` threw on purpose (any copy, any realm), typed as
 * the {@link CoreError} union so `switch (e.code)` narrows. Errors of other quidfin packages that
 * subclass core's classes (a client's options error is a `ValidationError`) are not core errors:
 * their own package's guard recognises them.
 *
 * @example
 * ```ts
 * try { parseMoney('12.345', 'USD'); }
 * catch (e) { if (isCoreError(e) && e.code === 'INVALID_AMOUNT') console.log(e.issues[0]?.path); }
 * ```
 */
export function isCoreError(value: unknown): value is CoreError {
  return isQuidfinError(value) && value.package === '@quidfin/core';
}
