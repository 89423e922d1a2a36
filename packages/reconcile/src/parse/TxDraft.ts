// A transaction being filled in field by field by the hot parser paths (no spreads, same key order).
import type { BankTransaction } from '../model/BankTransaction.js';

/**
 * A {@link BankTransaction} under construction: every field optional and writable, so a reader can
 * assign optional fields with plain `if`s instead of object spreads, then hand it on as a
 * `BankTransaction` once the required fields are set.
 *
 * @example
 * ```ts
 * const tx: TxDraft = { id: 'csv:1', format: 'csv' };
 * if (name !== undefined) tx.counterpartyName = name;
 * ```
 */
export type TxDraft = { -readonly [K in keyof BankTransaction]?: BankTransaction[K] };
