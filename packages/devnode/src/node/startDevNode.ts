// One call for examples: create a node, restore it from a snapshot file if there is one, listen
// on loopback, and on close save everything (pending pool included) back to the file.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDevNode, type DevNode } from '../createDevNode.js';
import type { DevNodeOptions } from '../options.js';
import type { DevNodeSnapshot } from '../snapshot.js';
import { type ListenOptions, listen } from './listen.js';

/**
 * Options of {@link startDevNode}.
 *
 * @example
 * ```ts
 * const options: StartDevNodeOptions = { port: 0, snapshotFile: '.devnode/state.json' };
 * ```
 */
export interface StartDevNodeOptions extends DevNodeOptions, ListenOptions {
  /** JSON snapshot file: restored on start when it exists, written on close. */
  readonly snapshotFile?: string;
}

/**
 * A started node.
 *
 * @example
 * ```ts
 * const started: StartedDevNode = await startDevNode();
 * await started.close();
 * ```
 */
export interface StartedDevNode {
  readonly node: DevNode;
  readonly url: string;
  /** Stops the server and the block timer, then writes the snapshot file. */
  close(): Promise<void>;
}

async function readSnapshot(file: string): Promise<DevNodeSnapshot | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DevNodeSnapshot;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Writes a snapshot file atomically (temp file + rename), so a crash never leaves half a snapshot.
 *
 * @example
 * ```ts
 * await writeSnapshotFile('.devnode/state.json', node.snapshot());
 * ```
 */
export async function writeSnapshotFile(file: string, snapshot: DevNodeSnapshot): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(snapshot)}\n`, 'utf8');
  await rename(tmp, file);
}

/**
 * Creates, restores and serves a devnode.
 *
 * @example
 * ```ts
 * const { url, close } = await startDevNode({ snapshotFile: '.devnode.json', domains: ['factoring.supply-chain.us'] });
 * // … run the example against url …
 * await close();
 * ```
 */
export async function startDevNode(options: StartDevNodeOptions = {}): Promise<StartedDevNode> {
  const node = createDevNode(options);
  const file = options.snapshotFile;
  if (file !== undefined) {
    const saved = await readSnapshot(file);
    if (saved) node.restore(saved);
    // Domains asked for at start that the snapshot does not have are registered again.
    for (const name of options.domains ?? []) {
      await node.fetch(
        new Request('http://devnode/api/v1/domains', { method: 'POST', body: JSON.stringify({ name }) }),
      );
    }
  }
  const listenOptions: { port?: number; host?: string } = {};
  if (options.port !== undefined) listenOptions.port = options.port;
  if (options.host !== undefined) listenOptions.host = options.host;
  const server = await listen(node, listenOptions);
  let closed = false;
  return {
    node,
    url: server.url,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await node.close();
      if (file !== undefined) await writeSnapshotFile(file, node.snapshot());
    },
  };
}
