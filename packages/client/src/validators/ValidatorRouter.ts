// Validator-aware routing over the client's nodes: learn each domain's validators from /domains
// and /nodes, send writes there and confirm them there, and serve decision-grade reads only from a
// node whose block head for the domain equals the validator's.

import type { QuidnugTx } from '@quidfin/core';
import { isClientError } from '../errors/isClientError.js';
import { ValidatorRoutingError } from '../errors/ValidatorRoutingError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import { sleep } from '../transport/sleep.js';
import type { CallOptions } from '../transport/Transport.js';
import { checkValidatorRouterOptions } from './checkValidatorRouterOptions.js';
import type { DomainTopology } from './DomainTopology.js';
import { learnDomainTopology } from './learnDomainTopology.js';
import type { ValidatedWrite } from './ValidatedWrite.js';

/**
 * Options of {@link ValidatorRouter}.
 *
 * @example
 * ```ts
 * const router = new ValidatorRouter(client, { topologyTtlMs: 60_000, forwardGraceMs: 20_000 });
 * ```
 */
export interface ValidatorRouterOptions {
  /** How long a learned topology is reused, in ms (default 30 000). */
  readonly topologyTtlMs?: number;
  /**
   * How long a transaction acknowledged by another node may take to show up at the validator
   * (pending or committed) before the SDK sends it there itself, in ms (default 10 000; a real
   * node forwards TRUST, IDENTITY and TITLE at once and loses EVENTs).
   */
  readonly forwardGraceMs?: number;
  /** Default deadline of a `wait` read for a lagging node, in ms (default 30 000). */
  readonly catchUpTimeoutMs?: number;
}

/**
 * How {@link ValidatorRouter.readOptions} picks a node: `failover` (default) takes the first node,
 * in the client's preference order, whose head equals the validator's (the validator itself
 * always qualifies); `wait` polls the preferred node until it catches up, or throws `NODE_BEHIND`.
 *
 * @example
 * ```ts
 * const o = await router.readOptions(domain, { strategy: 'wait', prefer: 0, timeoutMs: 10_000 });
 * ```
 */
export interface DecisionReadParams {
  readonly strategy?: 'failover' | 'wait';
  /** Node index to prefer (default: the client's current node). */
  readonly prefer?: number;
  /** Deadline of `wait`, in ms. */
  readonly timeoutMs?: number;
}

const domainOf = (tx: QuidnugTx): string => (tx.trustDomain === '' ? 'default' : tx.trustDomain);

/**
 * Routes writes to a domain's validator and decision-grade reads to a node that has caught up
 * with it. Measured on real nodes (issue 18): a block reaches a peer only by a pull every 30 s; an
 * EVENT written to a non-validator gets HTTP 200 and is lost; a lagging node refuses valid writes.
 * So a write is reported done only once committed at the validator, and a read a decision rests
 * on comes from a node whose `blockchainHead` for the domain is the validator's.
 *
 * @example
 * ```ts
 * const client = createQuidnugClient({ nodes: ['http://node-b:8080', 'http://validator:8080'] });
 * const router = new ValidatorRouter(client);
 * await router.submit(eventTx);                                  // sent to and committed at the validator
 * const view = await ledger.getInvoice('inv-1', await router.readOptions('factoring.supply-chain.us'));
 * ```
 */
export class ValidatorRouter {
  readonly client: QuidnugClient;
  readonly #options: ValidatorRouterOptions;
  readonly #topologies = new Map<string, Promise<DomainTopology>>();

  constructor(client: QuidnugClient, options: ValidatorRouterOptions = {}) {
    checkValidatorRouterOptions(options);
    this.client = client;
    this.#options = options;
  }

  /** Learns (or reuses, within the TTL) the domain's validators and the configured nodes' view. */
  topology(domain: string, o: CallOptions = {}): Promise<DomainTopology> {
    const ttl = this.#options.topologyTtlMs ?? 30_000;
    const cached = this.#topologies.get(domain);
    if (cached) {
      return cached.then((t) => (Date.now() - t.learnedAt < ttl ? t : this.#learnAndKeep(domain, o)));
    }
    return this.#learnAndKeep(domain, o);
  }

  /** Forgets learned topologies (after a validator change, for instance). */
  forget(domain?: string): void {
    if (domain === undefined) this.#topologies.clear();
    else this.#topologies.delete(domain);
  }

  #learnAndKeep(domain: string, o: CallOptions): Promise<DomainTopology> {
    const p = learnDomainTopology(this.client, domain, o);
    this.#topologies.set(domain, p);
    p.catch(() => {
      if (this.#topologies.get(domain) === p) this.#topologies.delete(domain);
    });
    return p;
  }

  /** Index of the domain's validator among the client's nodes (the first that answers). */
  async validatorNode(domain: string, o: CallOptions = {}): Promise<number> {
    const t = await this.topology(domain, o);
    let last: unknown;
    for (const index of t.validatorIndexes) {
      try {
        await this.client.health({ ...o, node: index });
        return index;
      } catch (error) {
        if (o.signal?.aborted) throw o.signal.reason;
        last = error;
      }
    }
    throw new ValidatorRoutingError('VALIDATOR_UNREACHABLE', domain, 'no configured validator answers', {
      cause: last,
    });
  }

  /** The domain's `blockchainHead` on one node (fresh, not cached). */
  async head(domain: string, node: number, o: CallOptions = {}): Promise<string | undefined> {
    const domains = await this.client.listDomains({ ...o, node });
    return domains.find((d) => d.name === domain)?.blockchainHead;
  }

  /**
   * Call options that pin a read to a node whose block head for `domain` equals the validator's
   * head (read now): pass them to any client or ledger read a decision rests on.
   */
  async readOptions(
    domain: string,
    params: DecisionReadParams = {},
    o: CallOptions = {},
  ): Promise<CallOptions> {
    const v = await this.validatorNode(domain, o);
    const validatorHead = async (): Promise<string | undefined> => this.head(domain, v, o);
    let target = await validatorHead();
    const caughtUp = async (i: number): Promise<boolean> => {
      if (i === v) return true;
      const h = await this.head(domain, i, o);
      if (h === undefined) return false;
      if (h === target) return true;
      // The validator may have moved on between the two reads: ask it again once.
      target = await validatorHead();
      return h === target;
    };
    const preferred = params.prefer ?? this.client.transport.pool.current;
    if (params.strategy === 'wait') {
      const timeoutMs = params.timeoutMs ?? this.#options.catchUpTimeoutMs ?? 30_000;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (await caughtUp(preferred)) return { ...o, node: preferred };
        if (Date.now() + this.client.pollIntervalMs > deadline) {
          throw new ValidatorRoutingError(
            'NODE_BEHIND',
            domain,
            `${this.client.transport.settings.nodes[preferred]} did not reach the validator's head ${target} within ${timeoutMs} ms`,
          );
        }
        await sleep(this.client.pollIntervalMs, o.signal);
      }
    }
    const order = [preferred, ...this.client.transport.pool.order().filter((i) => i !== preferred)];
    for (const i of order) {
      try {
        if (await caughtUp(i)) return { ...o, node: i };
      } catch (error) {
        if (o.signal?.aborted) throw o.signal.reason;
        if (!isClientError(error)) throw error;
      }
    }
    return { ...o, node: v };
  }

  async #send(tx: QuidnugTx, o: CallOptions): Promise<void> {
    switch (tx.type) {
      case 'IDENTITY':
        await this.client.submitIdentity(tx, o);
        return;
      case 'TRUST':
        await this.client.submitTrust(tx, o);
        return;
      case 'TITLE':
        await this.client.submitTitle(tx, o);
        return;
      case 'EVENT':
        await this.client.submitEvent(tx, o);
        return;
    }
  }

  /** Waits for the commit at `node`; a loss (block rejected) re-sends there, up to the client's resend limit. */
  async #commitAt(
    tx: QuidnugTx,
    node: number,
    o: CallOptions,
    resent: number,
    timeoutMs?: number,
  ): Promise<number> {
    for (let n = resent; ; n++) {
      try {
        await this.client.waitForCommit(tx, {
          signal: o.signal,
          node,
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        });
        return n;
      } catch (error) {
        if (
          !(isClientError(error) && error.code === 'TRANSACTION_LOST') ||
          n - resent >= this.client.resendLimit
        )
          throw error;
        await this.#send(tx, { ...o, node });
      }
    }
  }

  /**
   * Sends a signed transaction to its domain's validator and returns once it is committed there.
   * A transaction lost with a rejected block is re-sent to the validator (same bytes).
   */
  async submit(
    tx: QuidnugTx,
    o: CallOptions & { readonly commitTimeoutMs?: number } = {},
  ): Promise<ValidatedWrite> {
    const domain = domainOf(tx);
    const node = await this.validatorNode(domain, o);
    await this.#send(tx, { ...o, node });
    const resent = await this.#commitAt(tx, node, o, 0, o.commitTimeoutMs);
    return { transactionId: tx.id, validatorId: await this.#idOf(domain, node, o), node, resent };
  }

  /**
   * Confirms at the validator a transaction another node acknowledged. If it shows up at the
   * validator (pending or committed) within `forwardGraceMs`, waits for its commit there;
   * otherwise (a non-validator that accepted it and lost it) sends it to the validator itself.
   * Returns only once it is committed at the validator.
   */
  async confirm(
    tx: QuidnugTx,
    o: CallOptions & { readonly commitTimeoutMs?: number } = {},
  ): Promise<ValidatedWrite> {
    const domain = domainOf(tx);
    const node = await this.validatorNode(domain, o);
    const pinned = { ...o, node };
    const deadline = Date.now() + (this.#options.forwardGraceMs ?? 10_000);
    let resent = 0;
    for (;;) {
      const where = await this.client.locateTransaction(tx, pinned);
      if (where !== undefined) break;
      if (Date.now() >= deadline) {
        await this.#send(tx, pinned);
        resent = 1;
        break;
      }
      await sleep(this.client.pollIntervalMs, o.signal);
    }
    resent = await this.#commitAt(tx, node, o, resent, o.commitTimeoutMs);
    return { transactionId: tx.id, validatorId: await this.#idOf(domain, node, o), node, resent };
  }

  async #idOf(domain: string, node: number, o: CallOptions): Promise<string> {
    const t = await this.topology(domain, o);
    return t.nodes[node]?.nodeId ?? '';
  }
}
