// Options of the BAI2 parser.
import type { DecodeOptions } from './decodeInput.js';
import type { IntegrityOptions } from './IntegrityOptions.js';

/**
 * Options of {@link parseBai2}.
 *
 * @example
 * ```ts
 * parseBai2(text, { defaultCurrency: 'CAD', integrity: 'warn' });
 * ```
 */
export interface Bai2Options extends DecodeOptions, IntegrityOptions {
  /** Currency when neither the group (02) nor the account (03) record names one; default USD. */
  readonly defaultCurrency?: string;
}
