// What the client learned about one domain across its configured nodes.

import type { TrustDomain } from '../schemas/types.js';
import type { KnownNode } from './listKnownNodes.js';

/**
 * One configured node as seen while learning a domain's topology.
 *
 * @example
 * ```ts
 * for (const n of topology.nodes) console.log(n.url, n.nodeId, n.domain?.blockchainHead);
 * ```
 */
export interface NodeView {
  /** Index into the client's `nodes`. */
  readonly index: number;
  readonly url: string;
  /** `node_id` from `/health`; `undefined` when the node did not answer. */
  readonly nodeId: string | undefined;
  /** The domain as this node lists it in `/domains`; `undefined` when it does not know it. */
  readonly domain: TrustDomain | undefined;
}

/**
 * A domain's validators and how they map onto the configured nodes.
 *
 * @example
 * ```ts
 * const t: DomainTopology = await router.topology('factoring.supply-chain.us');
 * t.validatorIndexes; // e.g. [1]: writes go to the client's second node
 * ```
 */
export interface DomainTopology {
  readonly domain: string;
  /** Validator node ids (quids) the nodes agree on (`validatorNodes` plus weighted `validators`). */
  readonly validators: readonly string[];
  /** Configured nodes that are validators, in the client's preference order. */
  readonly validatorIndexes: readonly number[];
  readonly nodes: readonly NodeView[];
  /** Peers the nodes listed in `/nodes` (addresses of validators that are not configured). */
  readonly peers: readonly KnownNode[];
  /** `Date.now()` when learned. */
  readonly learnedAt: number;
}
