// Invoice domain of @quidfin/core: money, event payloads, signer rules, lifecycle, documents.
export { allocateMinor } from './allocateMinor.js';
export { canonicalJson, canonicalJsonBytes } from './canonicalJson.js';
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
export { computeInvoiceTotals, type InvoiceTotals } from './computeInvoiceTotals.js';
export { type CurrencyCode, currencyExponent, ISO_4217_EXPONENTS, isCurrencyCode } from './currencies.js';
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
export { DOCUMENT_KEYS_ATTRIBUTE, documentKeyAttribute, isDocumentKeyBound } from './documentKeyAttribute.js';
export { documentPublicKey, ed25519Sign, ed25519Verify, generateDocumentKey } from './ed25519.js';
export {
  type FixedInvoiceEventType,
  FRAUD_SIGNAL_PREFIX,
  type FraudSignalEventType,
  fraudSignalKind,
  INVOICE_EVENT_TYPES,
  type InvoiceEventType,
  isInvoiceEventType,
} from './eventTypes.js';
export { formatMoney } from './formatMoney.js';
export type { InvoiceDocument, InvoiceDocumentParty, InvoiceLineItem } from './InvoiceDocument.js';
export {
  deriveInvoiceParties,
  type InvoiceParties,
  partiesFromIssued,
  type TitleOwner,
} from './InvoiceParties.js';
export { INVOICE_STATES, type InvoiceState } from './InvoiceState.js';
export { invoiceHash } from './invoiceHash.js';
export {
  assertSafeMinor,
  exponentOf,
  type Money,
  minorFromBigInt,
  minorToBigInt,
  requireCurrency,
} from './Money.js';
export { addMinor, subtractMinor, sumMinor } from './moneyArithmetic.js';
export {
  checkInvoiceDocument,
  type InvoiceDocumentCheck,
  parseInvoiceDocument,
} from './parseInvoiceDocument.js';
export {
  type InvoiceEventPayloadResult,
  parseInvoiceEventPayload,
  safeParseInvoiceEventPayload,
} from './parseInvoiceEventPayload.js';
export { parseMoney } from './parseMoney.js';
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
export { type InvoiceJwsHeader, signInvoiceDocument } from './signInvoiceDocument.js';
export { toDecimalString } from './toDecimalString.js';
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
