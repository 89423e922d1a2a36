// The guard's old name, kept for one minor release.
import { isClientError } from './isClientError.js';

/**
 * @deprecated use `isClientError`, which this is (it narrows to the `ClientError` union too).
 *
 * @example
 * ```ts
 * if (isQuidfinClientError(err) && err.code === 'RATE_LIMITED') console.log(err.retryAfterMs);
 * ```
 */
export const isQuidfinClientError: typeof isClientError = isClientError;
