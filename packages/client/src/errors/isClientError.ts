// The union of every error @quidfin/client throws on purpose, and its guard (brand, not instanceof).
import type { ClientInputError } from './ClientInputError.js';
import type { ClientOptionsError } from './ClientOptionsError.js';
import type { CommitTimeoutError } from './CommitTimeoutError.js';
import type { CrossCheckError } from './CrossCheckError.js';
import type { GuardianRejectedError } from './GuardianRejectedError.js';
import type { HttpError } from './HttpError.js';
import type { IdentityTakeoverError } from './IdentityTakeoverError.js';
import type { LedgerVerificationError } from './LedgerVerificationError.js';
import type { NetworkError } from './NetworkError.js';
import type { NoHealthyNodeError } from './NoHealthyNodeError.js';
import type { NotFoundError } from './NotFoundError.js';
import type { PaginationError } from './PaginationError.js';
import type { PayloadTooLargeError } from './PayloadTooLargeError.js';
import type { RateLimitError } from './RateLimitError.js';
import type { ResponseTooLargeError } from './ResponseTooLargeError.js';
import type { ResponseValidationError } from './ResponseValidationError.js';
import type { StreamIntegrityError } from './StreamIntegrityError.js';
import type { TimeoutError } from './TimeoutError.js';
import type { TransactionLostError } from './TransactionLostError.js';
import type { TransactionOutcomeUnknownError } from './TransactionOutcomeUnknownError.js';
import type { TransactionRejectedError } from './TransactionRejectedError.js';
import type { UnknownFieldError } from './UnknownFieldError.js';
import type { ValidatorRoutingError } from './ValidatorRoutingError.js';

/**
 * Every error `@quidfin/client` throws on purpose, discriminated by `code`: after
 * {@link isClientError}, `switch (e.code)` narrows to the class with its fields.
 *
 * @example
 * ```ts
 * function retryDelay(e: ClientError): number | undefined {
 *   switch (e.code) {
 *     case 'RATE_LIMITED': return e.retryAfterMs; // RateLimitError
 *     case 'TIMEOUT': return e.kind === 'attempt' ? 0 : undefined; // TimeoutError
 *     default: return undefined;
 *   }
 * }
 * ```
 */
export type ClientError =
  | HttpError
  | TransactionRejectedError
  | NotFoundError
  | RateLimitError
  | PayloadTooLargeError
  | UnknownFieldError
  | GuardianRejectedError
  | NetworkError
  | TimeoutError
  | ResponseValidationError
  | ResponseTooLargeError
  | CommitTimeoutError
  | TransactionLostError
  | TransactionOutcomeUnknownError
  | NoHealthyNodeError
  | PaginationError
  | StreamIntegrityError
  | CrossCheckError
  | LedgerVerificationError
  | IdentityTakeoverError
  | ValidatorRoutingError
  | ClientOptionsError
  | ClientInputError;

/**
 * The `code` of a {@link ClientError}.
 *
 * @example
 * ```ts
 * const code: ClientErrorCode = 'RATE_LIMITED';
 * ```
 */
export type ClientErrorCode = ClientError['code'];

// Keyed by code so that a class added to the union without its code here fails to compile.
const CODES: { readonly [C in ClientErrorCode]: true } = {
  HTTP_ERROR: true,
  TRANSACTION_REJECTED: true,
  NOT_FOUND: true,
  RATE_LIMITED: true,
  PAYLOAD_TOO_LARGE: true,
  UNKNOWN_FIELD: true,
  GUARDIAN_REJECTED: true,
  NETWORK_ERROR: true,
  TIMEOUT: true,
  RESPONSE_VALIDATION: true,
  RESPONSE_TOO_LARGE: true,
  COMMIT_TIMEOUT: true,
  TRANSACTION_LOST: true,
  OUTCOME_UNKNOWN: true,
  NO_HEALTHY_NODE: true,
  PAGINATION: true,
  STREAM_INTEGRITY: true,
  CROSS_CHECK_MISMATCH: true,
  LEDGER_VERIFICATION: true,
  IDENTITY_TAKEOVER: true,
  VALIDATOR_ROUTING: true,
  INVALID_OPTIONS: true,
  INVALID_INPUT: true,
};

/**
 * True when `value` is an error raised by `@quidfin/client` (any copy, any realm): it carries the
 * client's brand and one of its codes. No `instanceof`. Narrows to {@link ClientError}, so
 * `switch (e.code)` reaches each class's own fields.
 *
 * @example
 * ```ts
 * try { await client.submitEvent(tx); }
 * catch (e) {
 *   if (isClientError(e)) switch (e.code) {
 *     case 'RATE_LIMITED': console.log(e.layer, e.retryAfterMs); break;
 *     case 'INVALID_OPTIONS': console.log(e.issues); break;
 *   }
 * }
 * ```
 */
export function isClientError(value: unknown): value is ClientError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { isQuidfinClientError?: unknown; code?: unknown };
  return v.isQuidfinClientError === true && typeof v.code === 'string' && Object.hasOwn(CODES, v.code);
}
