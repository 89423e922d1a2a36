// Barrel of verified trust: the graph of TRUST edges the SDK checked itself, and the node's search on it.

export {
  computeRelationalTrust,
  type RelationalTrust,
  type RelationalTrustOptions,
} from './computeRelationalTrust.js';
export { derivedKeyHistory, type KeyHistory } from './KeyHistory.js';
export { keyHistoryFromEvents } from './keyHistoryFromEvents.js';
export {
  type TrustFinding,
  type TrustFindingCode,
  type TrustFindingKind,
  type TrustTxOrigin,
  trustFindingKind,
} from './TrustFinding.js';
export {
  type CommittedTrust,
  type TrustAdmission,
  TrustGraph,
  type TrustGraphOptions,
} from './TrustGraph.js';
export { MAX_VALID_UNTIL_SECONDS, trustEdgeExpiry, type ValidUntilUnit } from './trustEdgeExpiry.js';
export type { VerifiedTrustEdge } from './VerifiedTrustEdge.js';
