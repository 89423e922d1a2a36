// Options of the MT940 parser.
import type { DecodeOptions } from './decodeInput.js';
import type { IntegrityOptions } from './IntegrityOptions.js';

/**
 * Options of {@link parseMt940}.
 *
 * @example
 * ```ts
 * parseMt940(text, { defaultCurrency: 'EUR', encoding: 'windows-1252', integrity: 'warn' });
 * ```
 */
export interface Mt940Options extends DecodeOptions, IntegrityOptions {
  /** Currency when neither `:60F:`/`:60M:` nor `:25:` names one. */
  readonly defaultCurrency?: string;
}
