// @quidfin/reconcile: bank statements in (camt.053/054, MT940, BAI2, CSV), matched to open
// invoices with explained proposals, and a payer memory that learns from confirmations.
//
// Intentionally not exported: the readers' internals (LineSplitter, the camt XML tree, the
// per-format readers behind parseStatementStream), the matcher's per-line context and index, and
// the telemetry wrappers. `mod97` stays only as a deprecated alias (internal arithmetic).
export { isReconcileError, ReconcileError } from './errors/ReconcileError.js';
export { ReconcileErrorBase } from './errors/ReconcileErrorBase.js';
export { ReconcileInputError } from './errors/ReconcileInputError.js';
export {
  type SourceLocation,
  StatementParseError,
  type StatementParseErrorCode,
} from './errors/StatementParseError.js';
export { forgetFromMemory } from './learn/forgetFromMemory.js';
export { learnFromConfirmation } from './learn/learnFromConfirmation.js';
export {
  type CreditNoteConvention,
  loadOpenItemsCsv,
  loadOpenItemsJson,
  type OpenItemColumns,
  type OpenItemOptions,
} from './load/loadOpenItems.js';
export { type PaymentTerms, parsePaymentTerms } from './load/parsePaymentTerms.js';
export {
  BIAS,
  confidenceOf,
  EVIDENCE_WEIGHTS,
  type Evidence,
  type EvidenceCode,
  type EvidenceTier,
  evidence,
} from './match/Evidence.js';
export {
  evaluateLine,
  type LineContext,
  type LineEvaluation,
  type OpenAmounts,
  type PlannedAllocation,
  type PlannedProposal,
} from './match/evaluateLine.js';
export {
  findExactSubsets,
  type SubsetSearchLimits,
  type SubsetSearchResult,
} from './match/findExactSubsets.js';
export {
  buildInvoiceIndex,
  type InvoiceIndex,
  type PayerInfo,
  type Posting,
  postings,
} from './match/InvoiceIndex.js';
export { type FxRate, type ReconcileOptions, type ResolvedOptions, resolveOptions } from './match/options.js';
export type { AutoBlock } from './match/PlannedProposal.js';
export type { Allocation, Proposal, WriteOffReason } from './match/Proposal.js';
export {
  type ProcessResult,
  Reconciler,
  type ReconcilerInit,
  type ReturnNotice,
  type UndoResult,
} from './match/Reconciler.js';
export {
  type LineDecision,
  type LineReason,
  newRunState,
  type ReconcileInput,
  type ReconcileResult,
  type ReconcileWithIndexInput,
  type RunState,
  reconcile,
  reconcileWithIndex,
} from './match/reconcile.js';
export type {
  BankStatement,
  BankTransaction,
  ParseResult,
  ParseWarning,
  ReferredDocument,
  StatementFormat,
} from './model/BankTransaction.js';
export type { OpenInvoice, RemittanceAdvice, RemittanceLine } from './model/OpenInvoice.js';
export { emptyPayerMemory, type PayerMemory, type PayerMemoryEntry } from './model/PayerMemory.js';
export { convertAtRatio, type RateRatio, rateRatio } from './money/convertAtRatio.js';
export { convertMinor } from './money/convertMinor.js';
export { type FoundFxRate, findFxRate } from './money/findFxRate.js';
export { parseDecimalMinor } from './money/parseDecimalMinor.js';
export { type InvoiceOutcome, lifecycleWithoutLedger, projectLifecycle } from './output/invoiceLifecycle.js';
export type { InvoiceCreditedEvent, PaymentReceivedEvent } from './output/PaymentReceivedEvent.js';
export { type DecodeOptions, decodeInput, type InputEncoding } from './parse/decodeInput.js';
export type { IntegrityMode, IntegrityOptions } from './parse/IntegrityOptions.js';
export { type Bai2Options, parseBai2 } from './parse/parseBai2.js';
export { type CamtOptions, parseCamt } from './parse/parseCamt.js';
export { type CsvColumn, type CsvColumnMapping, type CsvOptions, parseCsv } from './parse/parseCsv.js';
export { type Mt940Options, parseMt940 } from './parse/parseMt940.js';
export { type Mt940Details, parseMt940Details } from './parse/parseMt940Details.js';
export { parseStatement } from './parse/parseStatement.js';
export {
  parseStatementStream,
  type StatementSource,
  type StatementStream,
} from './parse/parseStatementStream.js';
export type { StatementHeader } from './parse/StatementSink.js';
export type { StatementStreamOptions } from './parse/StatementStreamOptions.js';
export { isValidIban, normaliseAccount } from './refs/iban.js';
export { createRfReference, isValidRfReference, repairRfReference } from './refs/iso11649.js';

import { mod97 as mod97Remainder } from './refs/mod97.js';

/**
 * ISO 7064 mod 97-10 remainder of an alphanumeric string (internal arithmetic of the IBAN and RF
 * checks).
 *
 * @deprecated Internal; check references with `isValidRfReference` and IBANs with `isValidIban`.
 * Leaves the public API in the next major release.
 * @example
 * ```ts
 * mod97('123456RF18');
 * ```
 */
export const mod97: (text: string) => number = mod97Remainder;
export { looksTruncated, nameKey, nameSimilarity, nameTokens, printedTokens } from './text/nameKey.js';
export { digitsKey, referenceKey, referenceRuns } from './text/referenceKey.js';
