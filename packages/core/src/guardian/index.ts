// Barrel of the guardian layer: QDP-0002 recovery anchors, QDP-0006 resignations, key history.

export { guardianSetHash, recoveryInitHash } from './anchorHashes.js';
export {
  guardianSetUpdateSignableBytes,
  nonceAnchorSignableBytes,
  recoveryCommitSignableBytes,
  recoveryInitSignableBytes,
  recoveryVetoSignableBytes,
  resignationSignableBytes,
} from './anchorSignableBytes.js';
export { anchorWireJson, type GuardianAnchor } from './anchorWireJson.js';
export { buildGuardianResignation } from './buildGuardianResignation.js';
export {
  buildGuardianSetUpdate,
  draftGuardianSetUpdate,
  type GuardianSetUpdateInput,
} from './buildGuardianSetUpdate.js';
export { buildKeyInvalidation } from './buildKeyInvalidation.js';
export { buildRecoveryCommit } from './buildRecoveryCommit.js';
export { buildRecoveryInit, draftRecoveryInit, type RecoveryInitInput } from './buildRecoveryInit.js';
export { buildRecoveryVeto, type RecoveryVetoInput } from './buildRecoveryVeto.js';
export {
  checkGuardianSetUpdate,
  checkGuardianThreshold,
  checkRecoveryCommit,
  checkRecoveryInit,
  checkRecoveryVeto,
  checkResignation,
  MAX_RECOVERY_DELAY_NS,
  MIN_RECOVERY_DELAY_NS,
} from './checkGuardianAnchor.js';
export type { GuardianLedgerView } from './GuardianLedgerView.js';
export {
  GUARDIAN_REJECTION_MESSAGES,
  type GuardianRejection,
  guardianRejectionFromMessage,
} from './guardianRejections.js';
export { guardianSignature } from './guardianSignature.js';
export { type KeyEvent, type KeyInvalidReason, type KeyValidity, keyValidAt } from './keyValidAt.js';
export { recoveredSigner } from './recoveredSigner.js';
export {
  ANCHOR_KIND,
  type GuardianRecoveryCommit,
  type GuardianRecoveryInit,
  type GuardianRecoveryVeto,
  type GuardianRef,
  type GuardianResignation,
  type GuardianSet,
  type GuardianSetUpdate,
  type GuardianSignature,
  type NonceAnchor,
  type PrimarySignature,
} from './types.js';
