// Options of the camt parser.
import type { DecodeOptions } from './decodeInput.js';
import type { IntegrityOptions } from './IntegrityOptions.js';

/**
 * Options of {@link parseCamt}.
 *
 * @example
 * ```ts
 * parseCamt(xml, { integrity: 'warn', maxTextChars: 65_536 });
 * ```
 */
export interface CamtOptions extends DecodeOptions, IntegrityOptions {
  /** Deepest element nesting accepted; default 100 (camt needs about 15). */
  readonly maxDepth?: number;
  /** Longest text node, attribute or tag accepted, in characters; default 1 MiB (camt fields are at most a few hundred). */
  readonly maxTextChars?: number;
}
