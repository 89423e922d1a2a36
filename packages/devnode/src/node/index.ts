// @quidfin/devnode/node: the loopback HTTP server and file snapshots (Node only).

export { type DevNodeServer, type ListenOptions, listen } from './listen.js';
export {
  type StartDevNodeOptions,
  type StartedDevNode,
  startDevNode,
  writeSnapshotFile,
} from './startDevNode.js';
