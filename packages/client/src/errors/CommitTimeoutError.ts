import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * `waitForCommit` reached its deadline before the transaction (or predicate) was seen committed.
 * The transaction may still commit later.
 *
 * @example
 * ```ts
 * try {
 *   await ledger.acknowledge(buyer, 'inv-1', { acknowledgedAmountMinor: 5_000_000 });
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'COMMIT_TIMEOUT') {
 *     const { target, timeoutMs } = e as CommitTimeoutError;
 *     console.log(target, timeoutMs);
 *   }
 * }
 * ```
 */
export class CommitTimeoutError extends QuidfinClientError<'COMMIT_TIMEOUT'> {
  override readonly name: string = 'CommitTimeoutError';
  /** Transaction id or a description of the predicate. */
  readonly target: string;
  readonly timeoutMs: number;

  constructor(target: string, timeoutMs: number) {
    super('COMMIT_TIMEOUT', `not committed within ${timeoutMs} ms: ${target}`);
    this.target = target;
    this.timeoutMs = timeoutMs;
  }
}
