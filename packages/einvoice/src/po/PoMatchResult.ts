// The explained outcome of matching an invoice against a PO (and receipts).

/**
 * Why a line or the header does not match. Blocking codes make the result a mismatch.
 *
 * @example
 * ```ts
 * const code: PoMismatchCode = 'QTY_OVER_RECEIVED';
 * ```
 */
export type PoMismatchCode =
  | 'NO_PO_REFERENCE'
  | 'PO_REFERENCE_MISMATCH'
  | 'CURRENCY_MISMATCH'
  | 'RECEIPT_FOR_OTHER_PO'
  | 'CREDIT_NOTE_FOR_OTHER_INVOICE'
  | 'NOT_AN_INVOICE'
  | 'NO_PO_LINE'
  | 'PO_LINE_AMBIGUOUS'
  | 'UNIT_MISMATCH'
  | 'NEGATIVE_QUANTITY'
  | 'PRICE_OVER_PO'
  | 'QTY_OVER_ORDERED'
  | 'QTY_OVER_RECEIVED'
  | 'NOT_RECEIVED'
  | 'INVALID_NUMBER';

/**
 * One explained problem: code, where (an invoice line id, or '' for the header), the figures
 * compared and a sentence.
 *
 * @example
 * ```ts
 * const r: PoMismatch = { code: 'PRICE_OVER_PO', invoiceLineId: '2', poLineId: '20', expected: '4.25', actual: '4.40', message: '...' };
 * ```
 */
export interface PoMismatch {
  readonly code: PoMismatchCode;
  readonly invoiceLineId: string;
  readonly poLineId?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly message: string;
}

/**
 * Outcome for one invoice line.
 *
 * @example
 * ```ts
 * const line: PoLineMatch = result.lines[0]!;
 * if (line.status === 'mismatch') console.log(line.reasons.map((r) => r.code));
 * ```
 */
export interface PoLineMatch {
  readonly invoiceLineId: string;
  readonly poLineId?: string;
  /** `within-tolerance`: accepted, but not exact (see `notes`). */
  readonly status: 'matched' | 'within-tolerance' | 'mismatch';
  readonly reasons: readonly PoMismatch[];
  /** Non-blocking observations, e.g. invoiced below the PO price, or a deviation within tolerance. */
  readonly notes: readonly string[];
}

/**
 * Outcome per PO line: what was ordered, received, invoiced (this invoice plus earlier ones)
 * and what stays open for later deliveries or invoices.
 *
 * @example
 * ```ts
 * const balances: readonly PoLineBalance[] = result.poLines;
 * const open = balances.find((l) => l.poLineId === '10')?.openQuantity; // '40'
 * ```
 */
export interface PoLineBalance {
  readonly poLineId: string;
  readonly ordered: string;
  /** Undefined in a two-way match. */
  readonly received?: string;
  readonly invoiced: string;
  readonly openQuantity: string;
}

/**
 * Result of {@link matchPurchaseOrder}: `matched` only when no blocking reason was found.
 *
 * @example
 * ```ts
 * const r = matchPurchaseOrder({ po, invoice, receipts });
 * if (r.status === 'mismatch') for (const m of r.reasons) console.log(m.code, m.message);
 * ```
 */
export interface PoMatchResult {
  readonly mode: 'two-way' | 'three-way';
  readonly status: 'matched' | 'mismatch';
  readonly poNumber: string;
  readonly invoiceNumber: string;
  /** Every blocking reason, header and lines. */
  readonly reasons: readonly PoMismatch[];
  readonly lines: readonly PoLineMatch[];
  readonly poLines: readonly PoLineBalance[];
}
