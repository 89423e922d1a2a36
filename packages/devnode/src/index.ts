// @quidfin/devnode: an embedded Quidnug node for development and tests.

export type { BlockResult, CommittedBlock, RejectedBlock } from './chain/mineBlocks.js';
export { createDevNode, type DevNode, type DevNodeFetchInfo } from './createDevNode.js';
export { type DevNodeOptions, type Limits, NODE_LIMITS } from './options.js';
export type { DevNodeSnapshot } from './snapshot.js';
