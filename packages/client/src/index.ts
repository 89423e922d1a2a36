// @quidfin/client: typed, reliable client for the Quidnug node API, and the invoice ledger on top.
//
// Floors, bottom up (each imports only from floors below; `npm run check:imports` fails on an
// import cycle between files or folders): errors/ → schemas/ (zod schemas, response types) →
// transport/ → guardian/, wire/ → api/ (NodeApi: one method per route, knows nothing of commits)
// → commit/, reads/ (on NodeApi) → QuidnugClient (NodeApi plus sequences, nonces, submit, commit
// waits) → actions/, history/, validators/ → trust/ → ledger/.
//
// Intentionally not exported (internal, may change in any release): the Transport and NodePool
// classes (reach them as `client.transport`), `poolKey` and `pollForCommit` (commit internals;
// use `client.waitForCommit`), the response `parsers` and schemas, `crossChecked`, `isAnchorWrapper`,
// `resolveClientOptions`, `isInRecentBlocks`, `sameSignature`, `backoffDelay`, `sleep`, `readBody`.

export { type AppendEventInput, appendEvent } from './actions/appendEvent.js';
export { type GrantTrustInput, grantTrust } from './actions/grantTrust.js';
export { waitForCommit } from './actions/waitForCommit.js';
export { NodeApi, type NodeApiSettings, type TrustQueryParams } from './api/NodeApi.js';
export { hasNextPage, type PaginateOptions, paginate } from './api/paginate.js';
export {
  isCommitted,
  isPending,
  locateTransaction,
  type TransactionLocation,
} from './commit/locateTransaction.js';
export { NonceManager } from './commit/NonceManager.js';
export { InMemoryNonceStore, type NonceStore } from './commit/NonceStore.js';
export { PendingPoolView } from './commit/PendingPoolView.js';
export type { CommitTarget, WaitForCommitOptions } from './commit/pollForCommit.js';
export { SequenceManager, type StreamState } from './commit/SequenceManager.js';
export { sendTransaction, type TransactionRoute } from './commit/sendTransaction.js';
export { createQuidnugClient } from './createQuidnugClient.js';
export { ClientInputError } from './errors/ClientInputError.js';
export { ClientOptionsError } from './errors/ClientOptionsError.js';
export { ClientValidationError } from './errors/ClientValidationError.js';
export { CommitTimeoutError } from './errors/CommitTimeoutError.js';
export { CrossCheckError } from './errors/CrossCheckError.js';
export { GuardianRejectedError } from './errors/GuardianRejectedError.js';
export { HttpError, type HttpErrorDetails, isHttpError } from './errors/HttpError.js';
export { IdentityTakeoverError } from './errors/IdentityTakeoverError.js';
export { isAbortError } from './errors/isAbortError.js';
export { type ClientError, type ClientErrorCode, isClientError } from './errors/isClientError.js';
export { isQuidfinClientError } from './errors/isQuidfinClientError.js';
export { LedgerVerificationError, type LedgerVerificationReason } from './errors/LedgerVerificationError.js';
export { NetworkError } from './errors/NetworkError.js';
export { NoHealthyNodeError } from './errors/NoHealthyNodeError.js';
export { NotFoundError } from './errors/NotFoundError.js';
export { PaginationError, type PaginationFault } from './errors/PaginationError.js';
export { PayloadTooLargeError } from './errors/PayloadTooLargeError.js';
export { QuidfinClientError } from './errors/QuidfinClientError.js';
export { RateLimitError, type RateLimitLayer } from './errors/RateLimitError.js';
export { ResponseTooLargeError } from './errors/ResponseTooLargeError.js';
export { type ResponseIssue, ResponseValidationError } from './errors/ResponseValidationError.js';
export { StreamIntegrityError, type StreamIntegrityFault } from './errors/StreamIntegrityError.js';
export { TimeoutError, type TimeoutKind } from './errors/TimeoutError.js';
export { TransactionLostError } from './errors/TransactionLostError.js';
export { TransactionOutcomeUnknownError } from './errors/TransactionOutcomeUnknownError.js';
export { TransactionRejectedError } from './errors/TransactionRejectedError.js';
export { UnknownFieldError } from './errors/UnknownFieldError.js';
export { ValidatorRoutingError, type ValidatorRoutingReason } from './errors/ValidatorRoutingError.js';
export { type GuardianApiHost, guardianApi } from './guardian/guardianApi.js';
export type {
  GuardianResignations,
  GuardianSetUpdateAccepted,
  PendingRecovery,
  RecoveryAccepted,
  ResignationAccepted,
} from './guardian/guardianTypes.js';
export { KEY_INVALIDATED_EVENT } from './guardian/keyInvalidatedEvent.js';
// Shared incremental block history (custody checks and verified trust).
export type { BlockCursor } from './history/BlockCursor.js';
export { BlockHistory, type BlockHistoryOptions } from './history/BlockHistory.js';
export type { BlockRebuildReason, BlockSyncResult } from './history/BlockSyncResult.js';
export type { TitleVersion } from './history/TitleVersion.js';
export {
  beginRecovery,
  completeRecovery,
  freezeKey,
  type GuardianLedgerContext,
  type SetGuardiansInput,
  setGuardians,
  vetoRecovery,
} from './ledger/guardianOperations.js';
export {
  InvoiceLedger,
  type InvoiceLedgerOptions,
  type IssueInvoiceInput,
  type ParticipantRole,
  type RegisterParticipantInput,
  type ReportFraudInput,
  type TransferToFinancierInput,
} from './ledger/InvoiceLedger.js';
export { type InvoiceOwnerInput, invoiceOwners, ownersAfterFactoring } from './ledger/invoiceOwners.js';
export { type KeyEventSource, nodeKeyEvents } from './ledger/KeyEventSource.js';
export {
  type InvoiceView,
  type LedgerViolation,
  type LedgerViolationCode,
  type ReadInvoiceOptions,
  type RecoveryPendingHold,
  type RejectedInvoiceEvent,
  readInvoice,
} from './ledger/readInvoice.js';
export { readTitleHistory, type TitleHistory } from './ledger/readTitleHistory.js';
export { QuidnugClient } from './QuidnugClient.js';
export type { QuidnugClientOptions } from './QuidnugClientOptions.js';
export { type KeyHistoryReading, readKeyEvents } from './reads/readKeyEvents.js';
export { readStream, type SequenceGap, type StreamRead } from './reads/readStream.js';
export type * from './schemas/types.js';
export type { ClientHooks, ErrorContext, RequestContext, ResponseContext } from './transport/hooks.js';
export { type NodeAuth, nodeAuthHeaders } from './transport/nodeAuthHeaders.js';
export { normalizeBaseUrl } from './transport/normalizeBaseUrl.js';
export type { RetryOptions } from './transport/RetryOptions.js';
export type { CallOptions } from './transport/Transport.js';
export { InMemoryTrustStore, type TrustCursor, type TrustStore } from './trust/TrustStore.js';
export type { TrustSyncResult } from './trust/TrustSyncResult.js';
export { VerifiedTrust, type VerifiedTrustOptions } from './trust/VerifiedTrust.js';
export type {
  TrustReadParams,
  UnverifiedTrustResult,
  VerifiedTrustReading,
  VerifiedTrustResult,
} from './trust/VerifiedTrustResult.js';
export type { DomainTopology, NodeView } from './validators/DomainTopology.js';
export { type KnownNode, listKnownNodes } from './validators/listKnownNodes.js';
export type { ValidatedWrite } from './validators/ValidatedWrite.js';
export {
  type DecisionReadParams,
  ValidatorRouter,
  type ValidatorRouterOptions,
} from './validators/ValidatorRouter.js';
export { canonicalSignature } from './wire/canonicalSignature.js';
