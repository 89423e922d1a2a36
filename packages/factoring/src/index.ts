// Public API of @quidfin/factoring: what is exported, and what is intentionally not.
//
// Not exported, on purpose (internal machinery that may change in any release):
// - the rule runner and rules (rules/: Run, check*, funding), the trace and intern helpers
//   (outputs/traceEntry, outputs/internCache) and decideShared: the engine's inner loop;
// - the stream-verdict cache and refused-event evidence (facts/streamFacts internals,
//   facts/refusedEvidence), standard pricing internals (pricing/priceStandard, applyLimit);
// - the PoC view builders (poc/pocCompat) and Python float formatting (math/pythonFormat):
//   `formatFixedPython` and `pythonFloatRepr` remain below only as deprecated re-exports.
import {
  formatFixedPython as formatFixedPythonInternal,
  pythonFloatRepr as pythonFloatReprInternal,
} from './math/pythonFormat.js';

export { type FactoringError, isFactoringError } from './errors/FactoringError.js';
export { type FactoringInputCode, FactoringInputError } from './errors/FactoringInputError.js';
export {
  type BatchCurrencyTotals,
  type BatchItem,
  type BatchRequest,
  type BatchResult,
  type BatchSummary,
  evaluateBatch,
} from './evaluateBatch.js';
export { decide, type EvaluationRequest, evaluateInvoice } from './evaluateInvoice.js';
export {
  createDuplicateIndex,
  type DuplicateIndex,
  type DuplicateIndexOptions,
  type DuplicateMatch,
  scoreDuplicate,
} from './facts/duplicateIndex.js';
export { createPortfolioState, type PortfolioState } from './facts/portfolioState.js';
export {
  type BuyerProfile,
  type PaymentPrediction,
  predictCollection,
  profileBuyer,
} from './facts/predictPayment.js';
export {
  type EventKey,
  extractStreamFacts,
  type FraudSignalFact,
  type PromisedCredit,
  type SequenceConflict,
  type SignerMismatch,
  type StreamFacts,
  type UnusableEvent,
} from './facts/streamFacts.js';
export { type CompiledPolicy, compilePolicy } from './inputs/compilePolicy.js';
export type { VerifiedEvent } from './inputs/events.js';
export type { BuyerHistory, PaidInvoiceRecord } from './inputs/history.js';
export { type InvoiceInput, invoiceFromIssuedPayload, type TitleOwnerShare } from './inputs/invoice.js';
export {
  type FactoringPolicy,
  type FeeStructure,
  type GradeBand,
  type PolicyChecks,
  type PolicyOverrides,
  pocPolicy,
  standardPolicy,
} from './inputs/policy.js';
export type { BuyerAging, Portfolio } from './inputs/portfolio.js';
export type { StreamOptions } from './inputs/streamOptions.js';
export { type TrustReading, type TrustSource, trustSourceFromRecord } from './inputs/trust.js';
export {
  type InvoiceFingerprintRecord,
  invoiceFingerprint,
  invoiceFingerprints,
  joinedInvoiceNumber,
  normaliseInvoiceNumber,
} from './math/fingerprint.js';
export { clampInt, mulDivCeil, mulDivFloor, trustToPpm } from './math/money.js';
export type {
  DecisionOutcome,
  FactoringDecision,
  Haircut,
  LimitUse,
  Offer,
  PocCompatDecision,
  Reason,
  RiskFigures,
  TraceEntry,
} from './outputs/decision.js';
export {
  REASON_INFO,
  ReasonCode,
  type ReasonCodeValue,
  type ReasonInfo,
  type ReasonSeverity,
} from './outputs/reasonCodes.js';
export {
  type VerificationTask,
  type VerificationTaskCode,
  verificationTasks,
} from './outputs/verificationTasks.js';
export { aprBps, type PricingInput, type PricingResult, pocOffer, priceInvoice } from './pricing/pricing.js';
export { reserveApproval } from './reserveApproval.js';
export {
  applyLedgerFindings,
  DEFAULT_LEDGER_FINDING_POLICY,
  type LedgerFinding,
  type LedgerFindingInput,
  type LedgerFindingPolicy,
} from './rules/ledgerFindings.js';
export {
  applyRecentKeyEvents,
  DEFAULT_KEY_EVENT_POLICY,
  type KeyEventInput,
  type KeyEventParties,
  type KeyEventPolicy,
  type RecentKeyEvent,
} from './rules/recentKeyEvents.js';

/**
 * Python `'%.{digits}f' % x`, used for the proof of concept's messages.
 *
 * @deprecated Internal formatting for PoC-compatible messages; it leaves the public API in the
 * next minor release. Read the figures from the decision (`offer`, `compat`) instead.
 * @example
 * ```ts
 * formatFixedPython(0.125, 2); // '0.12'
 * ```
 */
export const formatFixedPython: (x: number, digits: number) => string = formatFixedPythonInternal;

/**
 * Python `repr(float)`, used for the proof of concept's messages.
 *
 * @deprecated Internal formatting for PoC-compatible messages; it leaves the public API in the
 * next minor release.
 * @example
 * ```ts
 * pythonFloatRepr(1); // '1.0'
 * ```
 */
export const pythonFloatRepr: (x: number) => string = pythonFloatReprInternal;
