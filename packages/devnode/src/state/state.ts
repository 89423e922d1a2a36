// Everything a node holds: committed registries, the pending pool, the chain and the domains.
// Maps keep insertion order, which stands in for Go's random map order (documented in README).

import type { GoValue } from '../json/goStruct.js';

/** The four transaction kinds the v1 routes accept (the Go type, not the `type` field). */
export type TxKind = 'TRUST' | 'IDENTITY' | 'TITLE' | 'EVENT';

/** A transaction in the pending pool or in a block: its Go struct after the handler's rewrites. */
export interface StoredTx {
  readonly kind: TxKind;
  readonly tx: GoValue;
}

/** A trust edge with provenance (`GET /trust/edges`). */
export interface TrustEdgeRecord {
  truster: string;
  trustee: string;
  trustLevel: number;
  sourceBlock: string;
  validatorQuid: string;
  verified: boolean;
  timestamp: number;
}

/** Event stream metadata (`GET /streams/{id}`). */
export interface StreamRecord {
  subjectId: string;
  subjectType: string;
  latestSequence: number;
  eventCount: number;
  createdAt: number;
  updatedAt: number;
  latestEventId: string;
}

/** A block as the node stores it. */
export interface BlockRecord {
  index: number;
  timestamp: number;
  transactions: StoredTx[];
  trustProof: {
    trustDomain: string;
    validatorId: string;
    validatorPublicKey: string;
    validatorTrustInCreator: number;
    validatorSigs: string[];
    validationTime: number;
  };
  prevHash: string;
  hash: string;
}

/** Two-level map truster → trustee → value. */
export type PairMap<V> = Map<string, Map<string, V>>;

/** The node's whole state. */
export interface NodeState {
  genesisTime: number;
  domains: Map<string, GoValue>;
  blocks: BlockRecord[];
  pending: StoredTx[];
  identities: Map<string, GoValue>;
  titles: Map<string, GoValue>;
  trust: PairMap<number>;
  trustNonces: PairMap<number>;
  trustExpiry: PairMap<number>;
  verifiedEdges: PairMap<TrustEdgeRecord>;
  unverifiedEdges: PairMap<TrustEdgeRecord>;
  events: Map<string, GoValue[]>;
  streams: Map<string, StreamRecord>;
}

/** Reads `map[a][b]`. */
export function pairGet<V>(map: PairMap<V>, a: string, b: string): V | undefined {
  return map.get(a)?.get(b);
}

/** Writes `map[a][b] = v`. */
export function pairSet<V>(map: PairMap<V>, a: string, b: string, v: V): void {
  let inner = map.get(a);
  if (!inner) {
    inner = new Map();
    map.set(a, inner);
  }
  inner.set(b, v);
}

/** Deletes `map[a][b]`, dropping `map[a]` when it empties. */
export function pairDelete<V>(map: PairMap<V>, a: string, b: string): void {
  const inner = map.get(a);
  if (!inner) return;
  inner.delete(b);
  if (inner.size === 0) map.delete(a);
}

/** A fresh state holding only the genesis block and the `default` domain. */
export function createState(genesis: BlockRecord, defaultDomain: GoValue): NodeState {
  return {
    genesisTime: genesis.timestamp,
    domains: new Map([['default', defaultDomain]]),
    blocks: [genesis],
    pending: [],
    identities: new Map(),
    titles: new Map(),
    trust: new Map(),
    trustNonces: new Map(),
    trustExpiry: new Map(),
    verifiedEdges: new Map(),
    unverifiedEdges: new Map(),
    events: new Map(),
    streams: new Map(),
  };
}
