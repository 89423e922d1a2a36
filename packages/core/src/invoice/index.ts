// Invoice domain of @quidfin/core: event payloads, signer rules, custody, lifecycle, document binding.
export {
  authorizedSignerRoles,
  checkEventSigner,
  type SignerCheckCode,
  type SignerCheckResult,
  type SignerRole,
} from './checkEventSigner.js';
export {
  checkTitleCustody,
  type TitleCustody,
  type TitleCustodyCode,
  type TitleCustodyOptions,
  type TitleCustodyViolation,
} from './checkTitleCustody.js';
export {
  type DisputeRecord,
  deriveInvoiceLifecycle,
  type InvoiceLifecycle,
  type LifecycleConflict,
  type LifecycleOptions,
  type LifecycleTotals,
  type LifecycleTransition,
  type LifecycleViolation,
  type LifecycleViolationCode,
  type PoMatchRecord,
} from './deriveInvoiceLifecycle.js';
export {
  type FixedInvoiceEventType,
  FRAUD_SIGNAL_PREFIX,
  type FraudSignalEventType,
  fraudSignalKind,
  INVOICE_EVENT_TYPES,
  type InvoiceEventType,
  isInvoiceEventType,
} from './eventTypes.js';
export {
  deriveInvoiceParties,
  type InvoiceParties,
  partiesFromIssued,
  type TitleOwner,
} from './InvoiceParties.js';
export { INVOICE_STATES, type InvoiceState } from './InvoiceState.js';
export {
  type InvoiceEventPayloadResult,
  parseInvoiceEventPayload,
  safeParseInvoiceEventPayload,
} from './parseInvoiceEventPayload.js';
export type {
  BuyerAcknowledgedPayload,
  BuyerDisputedPayload,
  CarrierDeliveredPayload,
  CarrierShippedPayload,
  DisputeOutcome,
  DisputeResolvedPayload,
  EarlyPaymentDiscount,
  FactorPurchasedPayload,
  FraudSeverity,
  FraudSignalPayload,
  InvoiceCreditedPayload,
  InvoiceEventPayload,
  InvoiceIssuedPayload,
  InvoiceSentPayload,
  PaymentReceivedPayload,
  PoMatchedPayload,
  PoMatchMode,
  PoMismatchPayload,
  PoMismatchReason,
} from './payloadTypes.js';
export type { VerifiedInvoiceEvent } from './VerifiedInvoiceEvent.js';
export {
  type DocumentVerification,
  type DocumentVerificationCode,
  type VerifyInvoiceDocumentChecks,
  type VerifyInvoiceDocumentOptions,
  verifyInvoiceDocument,
} from './verifyInvoiceDocument.js';
export {
  type InvoiceEventRefusal,
  type InvoiceEventRefusalCode,
  type InvoiceEventVerification,
  type SubjectInvoiceEvent,
  type VerifyInvoiceEventsOptions,
  verifyInvoiceEvents,
} from './verifyInvoiceEvents.js';
