import type { SourceLocation } from '../errors/StatementParseError.js';

/**
 * The file formats the parsers read.
 *
 * @example
 * ```ts
 * const f: StatementFormat = 'camt.054';
 * ```
 */
export type StatementFormat = 'camt.052' | 'camt.053' | 'camt.054' | 'mt940' | 'bai2' | 'csv';

/**
 * An ISO 20022 `RfrdDocInf` entry (or an equivalent): a document the payer says this pays.
 *
 * @example
 * ```ts
 * const doc: ReferredDocument = { number: 'INV-2026-00017', type: 'CINV', discountMinor: 2000 };
 * ```
 */
export interface ReferredDocument {
  /** Document number as the payer wrote it. */
  readonly number: string;
  /** `CINV` (invoice), `CREN` (credit note) or a proprietary code. */
  readonly type?: string;
  /** Amount remitted for this document (`RfrdDocAmt/RmtdAmt`), minor units. */
  readonly remittedMinor?: number;
  /** Discount the payer took (`DscntApldAmt`), minor units. */
  readonly discountMinor?: number;
}

/**
 * One bank line in one normalised shape, whatever the source format. Amounts are positive
 * integer minor units; `direction` carries the sign. Every reference-carrying field is kept
 * separately (never flattened), so each matching tier can say which field it used.
 *
 * @example
 * ```ts
 * const [tx] = parseCamt(xml).statements[0]!.transactions;
 * console.log(tx!.amountMinor, tx!.currency, tx!.creditorReferences);
 * ```
 */
export interface BankTransaction {
  /** Deterministic id: statement id plus the entry's position (`STMT1:3` or `STMT1:3.1`). */
  readonly id: string;
  readonly format: StatementFormat;
  readonly statementId: string;
  /** Our own account (IBAN or account number) the statement is for. */
  readonly accountId?: string;
  readonly direction: 'credit' | 'debit';
  /** Positive amount in minor units of `currency`. */
  readonly amountMinor: number;
  readonly currency: string;
  /** `YYYY-MM-DD`. */
  readonly bookingDate?: string;
  /** `YYYY-MM-DD`. */
  readonly valueDate?: string;
  /** `BOOK`, `PDNG`, ... when the format has one. */
  readonly status?: string;
  /** True for a reversal (camt `RvslInd`, MT940 `RC`/`RD`). */
  readonly reversal: boolean;
  /** Bank's own reference (`AcctSvcrRef`, MT940 `//` reference, BAI2 bank reference); used for dedupe. */
  readonly bankReference?: string;
  /** Payer's end-to-end reference; `NOTPROVIDED` is dropped. */
  readonly endToEndId?: string;
  /** Other ids the bank passed (`InstrId`, `TxId`, `MndtId`, `UETR`, MT940 customer reference, ...). */
  readonly otherReferences: readonly string[];
  /** Structured creditor references (`Strd/CdtrRefInf/Ref`, e.g. an ISO 11649 `RF...`). */
  readonly creditorReferences: readonly string[];
  /** Documents named in structured remittance (`Strd/RfrdDocInf`). */
  readonly referredDocuments: readonly ReferredDocument[];
  /** Free-text remittance lines (`Ustrd`, MT940 purpose, BAI2 text, CSV description). */
  readonly remittanceText: readonly string[];
  /** Other free text (`AddtlTxInf`, `AddtlNtryInf`, booking text). */
  readonly additionalInfo: readonly string[];
  /** The other party: debtor for credits, creditor for debits. */
  readonly counterpartyName?: string;
  readonly counterpartyAccount?: string;
  readonly ultimateDebtorName?: string;
  /** Charges the bank deducted (`Chrgs`), minor units of `currency`. */
  readonly chargesMinor?: number;
  /** Amount as instructed by the payer, when it differs (FX: `AmtDtls/InstdAmt`). */
  readonly instructedAmount?: { readonly amountMinor: number; readonly currency: string };
  /**
   * The exchange rate the bank applied, as printed (camt `CcyXchg`, German MT940 `:86:` `KURS`):
   * one unit of `sourceCurrency` buys `rate` units of `targetCurrency`. A decimal string, never a float.
   */
  readonly exchangeRate?: {
    readonly sourceCurrency: string;
    readonly targetCurrency: string;
    readonly rate: string;
  };
  /** Bank transaction code (`PMNT/RCDT/ESCT`, MT940 `NTRF` + GVC, BAI2 type code). */
  readonly transactionCode?: string;
  /** Where the entry was read from. */
  readonly source: SourceLocation;
}

/**
 * One statement (camt `Stmt`/`Ntfctn`/`Rpt`, an MT940 message, a BAI2 account, a CSV file).
 *
 * @example
 * ```ts
 * const { statements } = parseMt940(text);
 * for (const s of statements) console.log(s.id, s.transactions.length);
 * ```
 */
export interface BankStatement {
  readonly id: string;
  readonly format: StatementFormat;
  readonly accountId?: string;
  readonly currency?: string;
  readonly transactions: readonly BankTransaction[];
}

/**
 * Something odd but recoverable that a parser saw; reported rather than silently ignored.
 *
 * @example
 * ```ts
 * const w: ParseWarning = { code: 'PREAMBLE_LINE', message: 'text before the first field', location: { path: '', line: 1 } };
 * ```
 */
export interface ParseWarning {
  readonly code: string;
  readonly message: string;
  readonly location: SourceLocation;
}

/**
 * What every parser returns.
 *
 * @example
 * ```ts
 * const result: ParseResult = parseBai2(text);
 * if (result.warnings.length) console.warn(result.warnings);
 * ```
 */
export interface ParseResult {
  readonly statements: readonly BankStatement[];
  readonly warnings: readonly ParseWarning[];
}
