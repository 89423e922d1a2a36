// The trust graph built only from TRUST transactions the SDK verified itself: signature, key bound
// to the truster, sane fields, nonce order; the latest edge per (truster, trustee) wins and every
// refused transaction is kept as a typed finding.

import type { TrustTx } from '../wire/types.js';
import { verifySignatureAsync } from '../wire/verifySignatureAsync.js';
import { derivedKeyHistory, type KeyHistory, signerQuidOf } from './KeyHistory.js';
import { readCommittedTrust } from './readCommittedTrust.js';
import {
  type TrustFinding,
  type TrustFindingCode,
  type TrustTxOrigin,
  trustFindingKind,
} from './TrustFinding.js';
import { trustEdgeExpiry } from './trustEdgeExpiry.js';
import { hasUnsafeValidUntil, trustSignableBytes } from './trustSignableBytes.js';
import type { VerifiedTrustEdge } from './VerifiedTrustEdge.js';

/**
 * What happened to one transaction given to a {@link TrustGraph}.
 *
 * @example
 * ```ts
 * const a: TrustAdmission = await graph.add(tx);
 * if (!a.accepted) console.warn(a.finding.code, a.finding.message);
 * ```
 */
export type TrustAdmission =
  | { readonly accepted: true; readonly edge: VerifiedTrustEdge; readonly notice: TrustFinding | undefined }
  | { readonly accepted: false; readonly finding: TrustFinding };

/**
 * Options of {@link TrustGraph}.
 *
 * @example
 * ```ts
 * const graph = new TrustGraph({ keyHistory: derivedKeyHistory });
 * ```
 */
export interface TrustGraphOptions {
  /** Which keys count as the truster's (default: only the key the truster's quid derives from). */
  readonly keyHistory?: KeyHistory;
}

/**
 * One committed TRUST transaction and where it was committed.
 *
 * @example
 * ```ts
 * const entry: CommittedTrust = { tx: block.transactions[0], origin: { blockIndex: 3, blockHash, offset: 3, domain } };
 * ```
 */
export interface CommittedTrust {
  /** The transaction as the node served it (parsed JSON or a `TrustTx`). */
  readonly tx: unknown;
  readonly origin?: TrustTxOrigin | undefined;
}

const VERIFY_WINDOW = 16;

interface PairState {
  edge: VerifiedTrustEdge;
  signature: string;
  /** Two different edges with one nonce: counts as no edge until a higher nonce arrives. */
  contested: boolean;
}

type Checked =
  | { readonly tx: TrustTx; readonly signature: 'valid' | 'invalid' | 'unverifiable' }
  | { readonly refused: TrustFinding };

/**
 * A trust graph made only of edges the SDK verified. Add committed TRUST transactions in commit
 * order (oldest first); query it with `computeRelationalTrust`. Like the node, it is global
 * across domains: the latest edge for a pair counts whatever domain it was sent to.
 *
 * @example
 * ```ts
 * const graph = new TrustGraph();
 * const trusts: TrustTx[] = []; // committed TRUST transactions, oldest first (from `GET /blocks`)
 * await graph.addAll(trusts.map((tx) => ({ tx })));
 * computeRelationalTrust(graph, financier.quidId, supplier.quidId).trustLevel;
 * graph.findings.filter((f) => f.kind === 'forged');
 * ```
 */
export class TrustGraph {
  readonly #pairs = new Map<string, Map<string, PairState>>();
  readonly #findings: TrustFinding[] = [];
  readonly #keys: KeyHistory;
  /** Counted edges per truster, built on first read after a change (the search reads them a lot). */
  readonly #lists = new Map<string, VerifiedTrustEdge[]>();

  constructor(options: TrustGraphOptions = {}) {
    this.#keys = options.keyHistory ?? derivedKeyHistory;
  }

  /** Every finding so far, in commit order. */
  get findings(): readonly TrustFinding[] {
    return this.#findings;
  }

  /** Verifies and adds one committed TRUST transaction. */
  async add(tx: unknown, origin?: TrustTxOrigin): Promise<TrustAdmission> {
    return this.#apply(await this.#check(tx, origin), origin);
  }

  /**
   * Verifies a batch in parallel, then applies it in the given (commit) order.
   */
  async addAll(entries: Iterable<CommittedTrust>): Promise<TrustAdmission[]> {
    const list = [...entries];
    const out: TrustAdmission[] = [];
    // A small window of concurrent verifications: thousands at once run slower (measured).
    for (let i = 0; i < list.length; i += VERIFY_WINDOW) {
      const window = list.slice(i, i + VERIFY_WINDOW);
      const checked = await Promise.all(window.map((e) => this.#check(e.tx, e.origin)));
      checked.forEach((c, k) => {
        out.push(this.#apply(c, window[k]?.origin));
      });
    }
    return out;
  }

  /** The counted edge for a pair (`undefined` when none, or contested); expiry not applied. */
  edge(truster: string, trustee: string): VerifiedTrustEdge | undefined {
    const s = this.#pairs.get(truster)?.get(trustee);
    return s && !s.contested ? s.edge : undefined;
  }

  /**
   * `truster`'s edges that count at `nowSeconds`, in the order the node walks them (first commit
   * of each pair first).
   */
  activeEdges(truster: string, nowSeconds: number): VerifiedTrustEdge[] {
    return this.edgesFrom(truster).filter((e) => e.expiresAt === undefined || e.expiresAt > nowSeconds);
  }

  /**
   * `truster`'s counted edges (contested pairs left out), expired ones included, in the order the
   * node walks them. The array is shared: do not modify it.
   */
  edgesFrom(truster: string): readonly VerifiedTrustEdge[] {
    let list = this.#lists.get(truster);
    if (!list) {
      list = [];
      for (const s of this.#pairs.get(truster)?.values() ?? []) if (!s.contested) list.push(s.edge);
      this.#lists.set(truster, list);
    }
    return list;
  }

  /** Findings naming `quid` as truster or trustee. */
  findingsAbout(quid: string): TrustFinding[] {
    return this.#findings.filter((f) => f.truster === quid || f.trustee === quid);
  }

  /** Number of (truster, trustee) pairs holding an edge. */
  get pairCount(): number {
    let n = 0;
    for (const inner of this.#pairs.values()) n += inner.size;
    return n;
  }

  #finding(
    code: TrustFindingCode,
    tx: Partial<TrustTx>,
    origin: TrustTxOrigin | undefined,
    message: string,
  ): TrustFinding {
    const finding: TrustFinding = {
      code,
      kind: trustFindingKind(code),
      txId: tx.id ?? '',
      truster: tx.truster ?? '',
      trustee: tx.trustee ?? '',
      trustLevel: tx.trustLevel ?? 0,
      nonce: tx.nonce ?? 0,
      signerQuid: typeof tx.publicKey === 'string' ? signerQuidOf(tx.publicKey) : '',
      origin,
      message,
    };
    this.#findings.push(finding);
    return finding;
  }

  async #check(raw: unknown, origin: TrustTxOrigin | undefined): Promise<Checked> {
    const read = readCommittedTrust(raw);
    if ('problem' in read)
      return { refused: this.#finding('INVALID_EDGE', read.partial, origin, read.problem) };
    const tx = read.tx;
    const bytes = trustSignableBytes(tx);
    const ok = bytes !== undefined && (await verifySignatureAsync(tx.publicKey, bytes, tx.signature));
    return { tx, signature: ok ? 'valid' : hasUnsafeValidUntil(tx) ? 'unverifiable' : 'invalid' };
  }

  #apply(checked: Checked, origin: TrustTxOrigin | undefined): TrustAdmission {
    if ('refused' in checked) return { accepted: false, finding: checked.refused };
    const { tx } = checked;
    const refuse = (code: TrustFindingCode, message: string): TrustAdmission => ({
      accepted: false,
      finding: this.#finding(code, tx, origin, message),
    });
    const what = `TRUST ${tx.truster} -> ${tx.trustee} ${tx.trustLevel} (nonce ${tx.nonce})`;
    if (checked.signature === 'unverifiable') {
      return refuse(
        'UNVERIFIABLE',
        `${what}: validUntil ${tx.validUntil} is beyond 2^53, so its signature cannot be checked exactly`,
      );
    }
    if (checked.signature === 'invalid')
      return refuse('BAD_SIGNATURE', `${what}: the signature does not verify`);
    const signer = signerQuidOf(tx.publicKey);
    // Judged at the block's time; without one the time is unknown (never the signer's own timestamp).
    const at =
      origin?.blockTimestamp === undefined
        ? undefined
        : { blockIndex: origin.blockIndex, offset: origin.offset, timestamp: origin.blockTimestamp };
    if (!this.#keys.wasKeyOf(tx.truster, tx.publicKey, at)) {
      if (signer === tx.truster) {
        return refuse(
          'TRUSTER_KEY_REVOKED',
          `${what}: signed with a key of ${tx.truster} that its key history says was not valid when the block committed it`,
        );
      }
      if (signer === tx.trustee) {
        return refuse(
          'SELF_ENDORSEMENT',
          `${what}: signed by the trustee ${signer} itself, not by ${tx.truster}`,
        );
      }
      return refuse(
        'SIGNER_NOT_TRUSTER',
        `${what}: signed by ${signer || 'an invalid key'}, not by ${tx.truster}`,
      );
    }
    let inner = this.#pairs.get(tx.truster);
    const current = inner?.get(tx.trustee);
    if (current && tx.nonce <= current.edge.nonce) {
      const same =
        tx.nonce === current.edge.nonce &&
        tx.id === current.edge.txId &&
        tx.trustLevel === current.edge.trustLevel &&
        tx.validUntil === current.edge.validUntil;
      if (tx.nonce < current.edge.nonce || same) {
        return refuse('REPLAYED', `${what}: the pair already holds nonce ${current.edge.nonce}`);
      }
      current.contested = true;
      this.#lists.delete(tx.truster);
      return refuse(
        'NONCE_CONFLICT',
        `${what}: a different edge with nonce ${tx.nonce} was already committed; the pair counts as no edge until a higher nonce`,
      );
    }
    const { expiresAt, unit } = trustEdgeExpiry(tx.validUntil);
    const edge: VerifiedTrustEdge = {
      truster: tx.truster,
      trustee: tx.trustee,
      trustLevel: tx.trustLevel,
      nonce: tx.nonce,
      validUntil: tx.validUntil === 0 ? undefined : tx.validUntil,
      expiresAt,
      txId: tx.id,
      timestamp: tx.timestamp,
      trustDomain: tx.trustDomain,
      origin,
    };
    if (!inner) {
      inner = new Map();
      this.#pairs.set(tx.truster, inner);
    }
    this.#lists.delete(tx.truster);
    if (current) {
      current.edge = edge;
      current.signature = tx.signature;
      current.contested = false;
    } else inner.set(tx.trustee, { edge, signature: tx.signature, contested: false });
    const notice =
      unit === 'nanoseconds'
        ? this.#finding(
            'VALID_UNTIL_NANOSECONDS',
            tx,
            origin,
            `${what}: validUntil ${tx.validUntil} is not Unix seconds; the node never expires it, the SDK reads nanoseconds and expires it at ${expiresAt}`,
          )
        : undefined;
    return { accepted: true, edge, notice };
  }
}
