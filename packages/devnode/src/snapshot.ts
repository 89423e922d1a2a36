// A JSON-serializable copy of a node's state, so examples can stop and resume.

import { DevNodeError } from './errors/DevNodeError.js';
import type { GoValue } from './json/goStruct.js';
import type {
  BlockRecord,
  NodeState,
  PairMap,
  StoredTx,
  StreamRecord,
  TrustEdgeRecord,
} from './state/state.js';

/**
 * A node's state as plain JSON (pending pool included, so a clean close loses nothing).
 *
 * @example
 * ```ts
 * const saved: DevNodeSnapshot = JSON.parse(JSON.stringify(node.snapshot()));
 * createDevNode().restore(saved);
 * ```
 */
export interface DevNodeSnapshot {
  readonly format: 'quidfin-devnode-snapshot';
  readonly version: 1;
  readonly nodeId: string;
  readonly genesisTime: number;
  readonly domains: ReadonlyArray<readonly [string, GoValue]>;
  readonly blocks: readonly BlockRecord[];
  readonly pending: readonly StoredTx[];
  readonly identities: ReadonlyArray<readonly [string, GoValue]>;
  readonly titles: ReadonlyArray<readonly [string, GoValue]>;
  readonly trust: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]>;
  readonly trustNonces: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]>;
  readonly trustExpiry: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, number]>]>;
  readonly verifiedEdges: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, TrustEdgeRecord]>]>;
  readonly unverifiedEdges: ReadonlyArray<
    readonly [string, ReadonlyArray<readonly [string, TrustEdgeRecord]>]
  >;
  readonly events: ReadonlyArray<readonly [string, readonly GoValue[]]>;
  readonly streams: ReadonlyArray<readonly [string, StreamRecord]>;
}

const pairs = <V>(m: PairMap<V>): Array<[string, Array<[string, V]>]> =>
  [...m].map(([k, inner]) => [k, [...inner]]);
const unpairs = <V>(a: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, V]>]>): PairMap<V> =>
  new Map(a.map(([k, inner]) => [k, new Map(inner)]));

/** Copies a state into a snapshot (deep copy through JSON). */
export function takeSnapshot(state: NodeState, nodeId: string): DevNodeSnapshot {
  const snapshot: DevNodeSnapshot = {
    format: 'quidfin-devnode-snapshot',
    version: 1,
    nodeId,
    genesisTime: state.genesisTime,
    domains: [...state.domains],
    blocks: state.blocks,
    pending: state.pending,
    identities: [...state.identities],
    titles: [...state.titles],
    trust: pairs(state.trust),
    trustNonces: pairs(state.trustNonces),
    trustExpiry: pairs(state.trustExpiry),
    verifiedEdges: pairs(state.verifiedEdges),
    unverifiedEdges: pairs(state.unverifiedEdges),
    events: [...state.events],
    streams: [...state.streams],
  };
  return JSON.parse(JSON.stringify(snapshot)) as DevNodeSnapshot;
}

/** Rebuilds a state from a snapshot; throws `INVALID_SNAPSHOT` when it is not one. */
export function stateFromSnapshot(input: unknown): NodeState {
  const s = input as Partial<DevNodeSnapshot> | null;
  if (s === null || typeof s !== 'object' || s.format !== 'quidfin-devnode-snapshot' || s.version !== 1) {
    throw new DevNodeError('INVALID_SNAPSHOT', [
      { path: 'format', message: 'expected a quidfin-devnode-snapshot, version 1' },
    ]);
  }
  const copy = JSON.parse(JSON.stringify(s)) as DevNodeSnapshot;
  if (!Array.isArray(copy.blocks) || copy.blocks.length === 0) {
    throw new DevNodeError('INVALID_SNAPSHOT', [
      { path: 'blocks', message: 'expected at least the genesis block' },
    ]);
  }
  return {
    genesisTime: copy.genesisTime,
    domains: new Map(copy.domains),
    blocks: [...copy.blocks],
    pending: [...copy.pending],
    identities: new Map(copy.identities),
    titles: new Map(copy.titles),
    trust: unpairs(copy.trust),
    trustNonces: unpairs(copy.trustNonces),
    trustExpiry: unpairs(copy.trustExpiry),
    verifiedEdges: unpairs(copy.verifiedEdges),
    unverifiedEdges: unpairs(copy.unverifiedEdges),
    events: new Map(copy.events.map(([k, list]) => [k, [...list]])),
    streams: new Map(copy.streams),
  };
}
