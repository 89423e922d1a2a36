// How an ERP's open-items export is read: its columns, credit-note convention and formats.

/**
 * Which source field (CSV header or JSON key) holds what. Amounts are decimals in the item's
 * currency (`1234,56` with `decimalSeparator: ','`).
 *
 * @example
 * ```ts
 * const columns: OpenItemColumns = { invoiceNumber: 'Belegnr', payerId: 'Debitor', payerName: 'Name', currency: 'Whrg', amount: 'Betrag', openAmount: 'Offen', dueAt: 'Faellig' };
 * ```
 */
export interface OpenItemColumns {
  /** Default: the invoice number. */
  readonly invoiceId?: string;
  readonly invoiceNumber: string;
  /** Document type column (needed with `creditNotes: { by: 'kind-column' }`). */
  readonly kind?: string;
  readonly payerId: string;
  readonly payerName?: string;
  /** IBANs / account numbers, several separated by `|`, `;` or spaces. */
  readonly payerAccounts?: string;
  readonly currency: string;
  /** Gross amount. */
  readonly amount: string;
  /** Amount still open; default the gross amount. */
  readonly openAmount?: string;
  readonly issuedAt?: string;
  readonly dueAt?: string;
  readonly paymentReference?: string;
  readonly poNumber?: string;
  readonly customerNumber?: string;
  readonly supplierId?: string;
  /** Terms text (`2/10 net 30`, `30 Tage netto`): fills the discount, and `dueAt` when absent. */
  readonly paymentTerms?: string;
}

/**
 * How credit notes are told apart, stated explicitly: ERPs export them either as negative
 * amounts, or as positive amounts with a document type. A negative amount under the
 * `kind-column` convention is an error, not a credit note.
 *
 * @example
 * ```ts
 * const c: CreditNoteConvention = { by: 'kind-column', creditNoteValues: ['GS', 'CN'] };
 * ```
 */
export type CreditNoteConvention =
  | { readonly by: 'negative-amount' }
  | { readonly by: 'kind-column'; readonly creditNoteValues: readonly string[] };

/**
 * Options of `loadOpenItemsCsv` and `loadOpenItemsJson`.
 *
 * @example
 * ```ts
 * const o: OpenItemOptions = { columns, creditNotes: { by: 'negative-amount' }, decimalSeparator: ',', dateFormat: 'DD.MM.YYYY' };
 * ```
 */
export interface OpenItemOptions {
  readonly columns: OpenItemColumns;
  readonly creditNotes: CreditNoteConvention;
  /** CSV only; detected from the header line (`;`, `,`, tab) when absent. */
  readonly delimiter?: string;
  /** Default `.`. */
  readonly decimalSeparator?: '.' | ',';
  /** Default `YYYY-MM-DD`. */
  readonly dateFormat?: 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'MM/DD/YYYY' | 'DD/MM/YYYY';
}
