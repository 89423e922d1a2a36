export { type CompiledPolicy, compilePolicy } from './compilePolicy.js';
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
} from './decision.js';
export {
  createDuplicateIndex,
  type DuplicateIndex,
  type DuplicateMatch,
  scoreDuplicate,
} from './duplicateIndex.js';
export { FactoringInputError } from './errors.js';
export {
  type BatchItem,
  type BatchRequest,
  type BatchResult,
  type BatchSummary,
  evaluateBatch,
} from './evaluateBatch.js';
export { decide, type EvaluationRequest, evaluateInvoice } from './evaluateInvoice.js';
export type { VerifiedEvent } from './events.js';
export { type InvoiceFingerprintRecord, invoiceFingerprint, normaliseInvoiceNumber } from './fingerprint.js';
export type { BuyerHistory, PaidInvoiceRecord } from './history.js';
export { type InvoiceInput, invoiceFromIssuedPayload, type TitleOwnerShare } from './invoice.js';
export { clampInt, mulDivCeil, mulDivFloor, trustToPpm } from './money.js';
export {
  type FactoringPolicy,
  type FeeStructure,
  type GradeBand,
  type PolicyChecks,
  type PolicyOverrides,
  pocPolicy,
  standardPolicy,
} from './policy.js';
export type { BuyerAging, Portfolio } from './portfolio.js';
export { createPortfolioState, type PortfolioState } from './portfolioState.js';
export {
  type BuyerProfile,
  type PaymentPrediction,
  predictCollection,
  profileBuyer,
} from './predictPayment.js';
export { aprBps, type PricingInput, type PricingResult, pocOffer, priceInvoice } from './pricing.js';
export { formatFixedPython, pythonFloatRepr } from './pythonFormat.js';
export {
  REASON_INFO,
  ReasonCode,
  type ReasonCodeValue,
  type ReasonInfo,
  type ReasonSeverity,
} from './reasonCodes.js';
export {
  applyRecentKeyEvents,
  DEFAULT_KEY_EVENT_POLICY,
  type KeyEventPolicy,
  type RecentKeyEvent,
} from './recentKeyEvents.js';
export {
  type EventKey,
  extractStreamFacts,
  type FraudSignalFact,
  type SequenceConflict,
  type SignerMismatch,
  type StreamFacts,
  type StreamOptions,
  type UnusableEvent,
} from './streamFacts.js';
export { type TrustReading, type TrustSource, trustSourceFromRecord } from './trust.js';
