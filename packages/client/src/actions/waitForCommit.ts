// The function form of `client.waitForCommit`: one operation, one behaviour, two spellings.
import type { CommitTarget, WaitForCommitOptions } from '../commit/pollForCommit.js';
import type { QuidnugClient } from '../QuidnugClient.js';

/**
 * Waits until `target` (a signed transaction, a transaction id or a predicate) is committed.
 * The same call as `client.waitForCommit(target, options)`: the client's `commitTimeoutMs` and
 * `pollIntervalMs` are the defaults, and an EVENT's commit is recorded for sequence management.
 * A transaction that leaves the pending pool without being committed throws
 * `TransactionLostError`; the deadline throws `CommitTimeoutError`.
 *
 * @example
 * ```ts
 * await waitForCommit(client, identityTx, { timeoutMs: 30_000, signal });
 * await waitForCommit(client, async () => (await client.findTitle('inv-1')) !== undefined);
 * ```
 */
export function waitForCommit(
  client: QuidnugClient,
  target: CommitTarget,
  options: WaitForCommitOptions = {},
): Promise<void> {
  return client.waitForCommit(target, options);
}
