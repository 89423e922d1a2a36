// The client: the node API (NodeApi) plus what writing needs on top: sequences, nonces, safe
// submission and commit waits (commit/).
import type { EventTx, IdentityTx, QuidnugTx, TitleTx, TrustTx } from '@quidfin/core';
import { NodeApi } from './api/NodeApi.js';
import { locateTransaction, type TransactionLocation } from './commit/locateTransaction.js';
import { NonceManager } from './commit/NonceManager.js';
import { InMemoryNonceStore } from './commit/NonceStore.js';
import { PendingPoolView } from './commit/PendingPoolView.js';
import { type CommitTarget, pollForCommit, type WaitForCommitOptions } from './commit/pollForCommit.js';
import { SequenceManager, type StreamState } from './commit/SequenceManager.js';
import { sendTransaction } from './commit/sendTransaction.js';
import type { QuidnugClientOptions } from './QuidnugClientOptions.js';
import { readStream, type StreamRead } from './reads/readStream.js';
import { resolveClientOptions } from './resolveClientOptions.js';
import { parsers } from './schemas/responses.js';
import type { EventSubmitResult, SubmitResult } from './schemas/types.js';
import type { CallOptions } from './transport/Transport.js';

/**
 * Typed client for a Quidnug node's v1 API: one method per route (from {@link NodeApi}),
 * responses validated and unwrapped, typed errors, safe retries, commit waiting, sequence and
 * nonce management, failover. Create it with {@link createQuidnugClient}.
 *
 * @example
 * ```ts
 * const client = createQuidnugClient({ baseUrl: 'http://localhost:8080' });
 * await client.ensureDomain('factoring.supply-chain.us');
 * const tx = await buildIdentity({ signer, trustDomain: 'factoring.supply-chain.us', name: 'acme', updateNonce: 1 });
 * await client.submitIdentity(tx);
 * await client.waitForCommit(tx);
 * ```
 */
export class QuidnugClient extends NodeApi {
  readonly nonces: NonceManager;
  readonly sequences: SequenceManager;
  readonly commitTimeoutMs: number;
  readonly resendLimit: number;
  /** Shared view of the pending pool used by commit waits. */
  readonly pendingPool: PendingPoolView;

  /** Checks every option first and throws `ClientOptionsError` listing every problem. */
  constructor(options: QuidnugClientOptions) {
    const resolved = resolveClientOptions(options);
    super(resolved);
    this.nonces = new NonceManager(options.nonceStore ?? new InMemoryNonceStore());
    this.sequences = new SequenceManager();
    this.commitTimeoutMs = resolved.commitTimeoutMs;
    this.resendLimit = resolved.resendLimit;
    this.pendingPool = new PendingPoolView(this, this.pollIntervalMs);
  }

  // ---- transactions -----------------------------------------------------------------------

  /**
   * Finds out whether the node holds `tx`: `'pending'`, `'committed'` or `undefined`.
   *
   * @example
   * ```ts
   * if ((await client.locateTransaction(tx)) === undefined) await client.submitTrust(tx);
   * ```
   */
  locateTransaction(tx: QuidnugTx, o: CallOptions = {}): Promise<TransactionLocation | undefined> {
    return locateTransaction(this, tx, o);
  }

  /** `POST /transactions/identity` (signed IDENTITY, e.g. from `buildIdentity`). */
  submitIdentity(tx: IdentityTx, o: CallOptions = {}): Promise<SubmitResult> {
    return this.#submitTransaction(tx, 'transactions/identity', o);
  }

  /** `POST /transactions/trust` (signed TRUST, e.g. from `buildTrust`). */
  submitTrust(tx: TrustTx, o: CallOptions = {}): Promise<SubmitResult> {
    return this.#submitTransaction(tx, 'transactions/trust', o);
  }

  /** `POST /transactions/title` (signed TITLE or transfer, from `buildTitle` / `buildTitleTransfer`). */
  submitTitle(tx: TitleTx, o: CallOptions = {}): Promise<SubmitResult> {
    return this.#submitTransaction(tx, 'transactions/title', o);
  }

  // IDENTITY, TRUST and TITLE share one answer shape; only where they are posted differs.
  #submitTransaction(tx: QuidnugTx, path: string, o: CallOptions): Promise<SubmitResult> {
    return sendTransaction(
      this,
      tx,
      { path, route: `POST /${path}`, parse: parsers.submitted, found: () => resolved(tx) },
      o,
    );
  }

  /** `POST /events` (signed EVENT): `{ id, sequence }`. No sequence management: see the `appendEvent` function. */
  submitEvent(tx: EventTx, o: CallOptions = {}): Promise<EventSubmitResult> {
    const found = (): EventSubmitResult => ({ id: tx.id, sequence: tx.sequence });
    return sendTransaction(
      this,
      tx,
      { path: 'events', route: 'POST /events', parse: parsers.eventSubmitted, found },
      o,
    );
  }

  /** Committed state of a stream for sequence management: `{ exists, latest }`. */
  async streamState(subjectId: string, o: CallOptions = {}): Promise<StreamState> {
    const stream = await this.findStream(subjectId, {}, o);
    return stream ? { exists: true, latest: stream.latestSequence } : { exists: false, latest: 0 };
  }

  /**
   * Waits until a transaction (or transaction id, or your own predicate) is committed, polling at
   * most once per `pollIntervalMs` (default deadline: `commitTimeoutMs`). Records event commits
   * for sequence management. The `waitForCommit(client, target, o)` function is the same call.
   *
   * @example
   * ```ts
   * await client.waitForCommit(tx, { timeoutMs: 30_000 });
   * ```
   */
  async waitForCommit(target: CommitTarget, o: WaitForCommitOptions = {}): Promise<void> {
    await pollForCommit(this, this.pendingPool, target, {
      ...o,
      timeoutMs: o.timeoutMs ?? this.commitTimeoutMs,
      intervalMs: o.intervalMs ?? this.pollIntervalMs,
    });
    if (typeof target === 'object' && target.type === 'EVENT')
      this.sequences.observeCommit(target.subjectId, target.sequence);
  }

  // ---- streams ----------------------------------------------------------------------------

  /**
   * The whole stream, checked against its metadata (see the `readStream` function): throws
   * `StreamIntegrityError` when the node withholds or replaces events. Pass `{ crossCheck: true }`
   * to compare with a second node.
   *
   * @example
   * ```ts
   * const { stream, events, sequenceGaps } = await client.readStream('inv-1', { crossCheck: true });
   * ```
   */
  readStream(subjectId: string, o: CallOptions = {}): Promise<StreamRead> {
    return readStream(this, subjectId, o);
  }
}

function resolved(tx: QuidnugTx): SubmitResult {
  return {
    transactionId: tx.id,
    status: 'success',
    message: 'already held by the node (resolved after an unknown outcome)',
  };
}
