/**
 * What the matcher has learned about one payer from confirmed matches.
 *
 * @example
 * ```ts
 * const entry: PayerMemoryEntry = { aliases: ['FAIRCHILD HOLDING'], accounts: [], referencePatterns: { DIGITS_IN_TEXT: 2 }, confirmations: 2 };
 * ```
 */
export interface PayerMemoryEntry {
  /** Normalised names this payer's money arrived under (parent companies, trading names). */
  readonly aliases: readonly string[];
  /** Normalised accounts this payer paid from. */
  readonly accounts: readonly string[];
  /** How this payer writes references (`RF_REFERENCE`, `INVOICE_NUMBER_IN_TEXT`, `DIGITS_IN_TEXT`, ...) and how often. */
  readonly referencePatterns: Readonly<Record<string, number>>;
  readonly confirmations: number;
  /**
   * Confirmations per learned account, then per payment currency. A learned account weighs like
   * master data only after several confirmations in the line's currency; memories written before
   * the counts were kept count as unconfirmed.
   */
  readonly accountConfirmations?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Confirmations per learned alias (normalised name), then per payment currency. */
  readonly aliasConfirmations?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * The learned payer memory: a plain, JSON-serialisable object the application stores and passes
 * back in. Entries and lists are kept sorted, so the same confirmations give the same bytes.
 *
 * @example
 * ```ts
 * const memory: PayerMemory = emptyPayerMemory();
 * localStorage.setItem('payer-memory', JSON.stringify(memory));
 * ```
 */
export interface PayerMemory {
  readonly version: 1;
  readonly payers: Readonly<Record<string, PayerMemoryEntry>>;
}

/**
 * A memory with nothing learned yet.
 *
 * @example
 * ```ts
 * const memory = emptyPayerMemory();
 * ```
 */
export function emptyPayerMemory(): PayerMemory {
  return { version: 1, payers: {} };
}
