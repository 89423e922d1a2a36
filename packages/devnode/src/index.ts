// @quidfin/devnode: an embedded Quidnug node for development and tests.

export type { BlockResult, CommittedBlock, RejectedBlock } from './chain/mineBlocks.js';
export { createDevNode, type DevNode, type DevNodeFetchInfo } from './createDevNode.js';
export { DevNodeError, type DevNodeErrorCode, isDevNodeError } from './errors/DevNodeError.js';
export { type Limits, type LimitsOption, NODE_LIMITS } from './limits/Limits.js';
export type { DevNodeOptions } from './options.js';
export type { DevNodeSnapshot } from './snapshot.js';
