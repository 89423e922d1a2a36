import type { QuidnugTx } from '@quidfin/core';
import { CommitTimeoutError } from '../errors/CommitTimeoutError.js';
import { TransactionLostError } from '../errors/TransactionLostError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import { sleep } from '../transport/sleep.js';
import type { CallOptions } from '../transport/Transport.js';
import { isCommitted, isInRecentBlocks, isPending } from './locateTransaction.js';

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
 * Polls until `target` is committed, spacing every request by at least `intervalMs` so a wait
 * stays within the node's per-IP budget. A transaction that leaves the pending pool without being
 * committed throws `TransactionLostError`; the deadline throws `CommitTimeoutError`.
 *
 * @example
 * ```ts
 * await waitForCommit(client, identityTx, { timeoutMs: 30_000, intervalMs: 1000, signal });
 * await waitForCommit(client, async () => (await client.findTitle('inv-1')) !== undefined, { timeoutMs: 30_000, intervalMs: 1000 });
 * ```
 */
export async function waitForCommit(
  client: QuidnugClient,
  target: CommitTarget,
  options: WaitForCommitOptions & { readonly timeoutMs: number; readonly intervalMs: number },
): Promise<void> {
  const { signal, timeoutMs, intervalMs } = options;
  const deadline = Date.now() + timeoutMs;
  const label = typeof target === 'function' ? 'predicate' : typeof target === 'string' ? target : target.id;
  let next = 0;
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
    if (typeof target === 'string') {
      for await (const tx of client.iteratePendingTransactions({ limit: 1000 }, call))
        if (tx.id === target) return true;
      return false;
    }
    return isPending(client, target as QuidnugTx, call);
  };
  for (;;) {
    signal?.throwIfAborted();
    if (typeof target === 'function') {
      await pace();
      if (await target(call)) return;
      continue;
    }
    if (await committed()) return;
    if (!(await pending())) {
      // Gone from the pool: committed just now, or lost with its block.
      if (await committed()) return;
      throw new TransactionLostError(label);
    }
  }
}
