// Polling for a commit: what to wait for, the wait's options, and the paced loop itself.
import type { QuidnugTx } from '@quidfin/core';
import type { NodeApi } from '../api/NodeApi.js';
import { CommitTimeoutError } from '../errors/CommitTimeoutError.js';
import { TransactionLostError } from '../errors/TransactionLostError.js';
import { sleep } from '../transport/sleep.js';
import type { CallOptions } from '../transport/Transport.js';
import { isCommitted, isInRecentBlocks } from './locateTransaction.js';
import { type PendingPoolView, poolKey } from './PendingPoolView.js';

/**
 * What to wait for: a signed transaction, a transaction id, or a check of your own.
 *
 * @example
 * ```ts
 * await client.waitForCommit(tx); await client.waitForCommit(tx.id); await client.waitForCommit(async () => true);
 * ```
 */
export type CommitTarget = QuidnugTx | string | ((options: CallOptions) => Promise<boolean>);

/**
 * Options of `waitForCommit`.
 *
 * @example
 * ```ts
 * await client.waitForCommit(tx, { timeoutMs: 30_000, intervalMs: 1000, signal });
 * ```
 */
export interface WaitForCommitOptions {
  readonly signal?: AbortSignal | undefined;
  /** Deadline in ms (default: the client's `commitTimeoutMs`). */
  readonly timeoutMs?: number | undefined;
  /** Minimum spacing between requests in ms (default: the client's `pollIntervalMs`). */
  readonly intervalMs?: number | undefined;
  /** Node to watch (the one that received the transaction). */
  readonly node?: number | undefined;
}

/**
 * The polling behind `client.waitForCommit` (which fills in the client's defaults and records
 * event commits): polls until `target` is committed, spacing every request by at least
 * `intervalMs` so a wait stays within the node's per-IP budget; concurrent waits share one
 * pending-pool read per interval (`pool`). A transaction that leaves the pending pool without
 * being committed throws `TransactionLostError`; the deadline throws `CommitTimeoutError`.
 */
export async function pollForCommit(
  client: NodeApi,
  pool: PendingPoolView,
  target: CommitTarget,
  options: WaitForCommitOptions & { readonly timeoutMs: number; readonly intervalMs: number },
): Promise<void> {
  const { signal, timeoutMs, intervalMs } = options;
  const deadline = Date.now() + timeoutMs;
  const label = typeof target === 'function' ? 'predicate' : typeof target === 'string' ? target : target.id;
  let next = 0;
  let missed = 0;
  let missedAt = 0;
  // Every request of the wait goes through the pacer: at most one per interval.
  const call: CallOptions = { signal, node: options.node };
  const pace = async (): Promise<void> => {
    const wait = Math.max(0, next - Date.now());
    if (Date.now() + wait > deadline) throw new CommitTimeoutError(label, timeoutMs);
    if (wait > 0) await sleep(wait, signal);
    next = Date.now() + intervalMs;
  };
  const committed = async (): Promise<boolean> => {
    if (typeof target === 'string') {
      await pace();
      return isInRecentBlocks(client, target, call);
    }
    await pace();
    return isCommitted(client, target as QuidnugTx, call);
  };
  const pending = async (): Promise<boolean> => {
    await pace();
    // After a miss, insist on a pool read that started after it, so a cached read cannot fake a loss.
    const keys = await pool.keys(call, missedAt);
    if (typeof target === 'string') return keys.has(poolKey(target));
    const tx = target as QuidnugTx;
    return keys.has(poolKey(tx.id, tx.signature));
  };
  for (;;) {
    signal?.throwIfAborted();
    if (typeof target === 'function') {
      await pace();
      if (await target(call)) return;
      continue;
    }
    // While the transaction sits in the pool, a wait costs only its share of one shared pool
    // read; committed state is read once it has left the pool (pool first, so a block committing
    // between the two reads cannot hide it).
    if (await pending()) {
      missed = 0;
      continue;
    }
    if (await committed()) return;
    // Not pending and not committed: lost with a rejected block (or never received).
    if (++missed >= 2) throw new TransactionLostError(label);
    missedAt = Date.now();
  }
}
