// Public API of @quidfin/factoring: what is exported, and what is intentionally not.

export { FactoringInputError } from './errors/FactoringInputError.js';
export {
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
  normaliseInvoiceNumber,
} from './math/fingerprint.js';
export { clampInt, mulDivCeil, mulDivFloor, trustToPpm } from './math/money.js';
export { formatFixedPython, pythonFloatRepr } from './math/pythonFormat.js';
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
export { aprBps, type PricingInput, type PricingResult, pocOffer, priceInvoice } from './pricing/pricing.js';
export {
  applyRecentKeyEvents,
  DEFAULT_KEY_EVENT_POLICY,
  type KeyEventPolicy,
  type RecentKeyEvent,
} from './rules/recentKeyEvents.js';
