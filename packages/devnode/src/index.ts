// @quidfin/devnode: an embedded Quidnug node for development and tests. Its pipeline, top to bottom:
// http → handlers → engine (with trust/, limits/) → chain → validate → state, json/ at the bottom.
//
// Intentionally not exported: everything inside that pipeline (Engine, NodeState, the validators,
// handlers, the Go JSON emulation, limiters, trust cache). A devnode is used through createDevNode's
// `fetch`, exactly as a client uses a real node; the Node server and snapshot files are in ./node.

export type { BlockResult, CommittedBlock, RejectedBlock } from './chain/mineBlocks.js';
export { createDevNode, type DevNode, type DevNodeFetchInfo } from './createDevNode.js';
export { DevNodeError, type DevNodeErrorCode, isDevNodeError } from './errors/DevNodeError.js';
export { type Limits, type LimitsOption, NODE_LIMITS } from './limits/Limits.js';
export type { DevNodeOptions } from './options.js';
export type { DevNodeSnapshot } from './snapshot.js';
