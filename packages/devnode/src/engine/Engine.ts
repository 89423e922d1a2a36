// The node's engine: state, limiters, trust cache and the submit / commit / query operations the
// HTTP handlers call. Synchronous except for the signature pre-check on submission.

import { blockHash } from '../chain/blockHash.js';
import { type BlockResult, mineBlocks } from '../chain/mineBlocks.js';
import { createNodeKey, type NodeKey } from '../chain/nodeKey.js';
import type { GoValue } from '../json/goStruct.js';
import { KeyedLimiter } from '../limits/KeyedLimiter.js';
import type { Limits } from '../limits/Limits.js';
import { type BlockRecord, createState, type NodeState, pairGet, type TxKind } from '../state/state.js';
import { TrustCache } from '../trust/TrustCache.js';
import { type SearchEdge, searchTrust, type VerificationGap } from '../trust/trustSearch.js';
import type { ValidationContext } from '../validate/context.js';
import { quidFromPublicKeyHex } from '../validate/fieldRules.js';
import { issuerSignableBytes, ownerSignableBytes, SignatureChecker } from '../validate/signatures.js';
import { validateEvent } from '../validate/validateEvent.js';
import { validateIdentity } from '../validate/validateIdentity.js';
import { validateTitle } from '../validate/validateTitle.js';
import { validateTrust } from '../validate/validateTrust.js';
import { derivedId } from './derivedId.js';
import { tickGuardians } from './tickGuardians.js';

/** Outcome of a submission. */
export type SubmitOutcome =
  | { readonly ok: true; readonly id: string; readonly sequence: number }
  | { readonly ok: false; readonly message: string };

/** A relational trust answer. */
export interface TrustAnswer {
  readonly trustLevel: number;
  readonly trustPath: readonly string[] | undefined;
  readonly limitHit: boolean;
}

/** An enhanced (includeUnverified) trust answer. */
export interface EnhancedTrustAnswer extends TrustAnswer {
  readonly unverifiedHops: number;
  /** `null` on a self query, as the node sends it (PROTOCOL §15.7). */
  readonly gaps: readonly VerificationGap[] | null;
}

const DEFAULT_MAX_DEPTH = 5;

/** Engine construction parameters. */
export interface EngineConfig {
  readonly limits: Limits;
  readonly now: () => number;
  readonly nodeKey?: string | undefined;
}

/** The node's core. Handlers and the block timer drive it. */
export class Engine {
  state: NodeState;
  readonly key: NodeKey;
  readonly limits: Limits;
  readonly now: () => number;
  readonly ipLimiter: KeyedLimiter;
  private readonly quidLimiter: KeyedLimiter;
  private readonly domainLimiter: KeyedLimiter;
  private readonly trustCache: TrustCache<TrustAnswer>;
  private readonly enhancedCache: TrustCache<EnhancedTrustAnswer>;
  readonly signatures: SignatureChecker = new SignatureChecker();

  constructor(config: EngineConfig) {
    this.limits = config.limits;
    this.now = config.now;
    this.key = createNodeKey(config.nodeKey);
    this.ipLimiter = new KeyedLimiter(config.limits.ip, this.now);
    this.quidLimiter = new KeyedLimiter(config.limits.quid, this.now);
    this.domainLimiter = new KeyedLimiter(config.limits.domain, this.now);
    this.trustCache = new TrustCache(config.limits.trustCacheTtlMs, this.now);
    this.enhancedCache = new TrustCache(config.limits.trustCacheTtlMs, this.now);
    this.state = this.freshState();
  }

  /** Unix seconds on the node's clock. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** A state with only genesis and the `default` domain. */
  freshState(): NodeState {
    const t = this.nowSeconds();
    const genesis: BlockRecord = {
      index: 0,
      timestamp: t,
      transactions: [],
      trustProof: {
        trustDomain: 'genesis',
        validatorId: this.key.nodeId,
        validatorPublicKey: this.key.publicKeyHex,
        validatorTrustInCreator: 1,
        validatorSigs: [],
        validationTime: t,
      },
      prevHash: '0',
      hash: '',
    };
    genesis.hash = blockHash(genesis);
    const defaultDomain: GoValue = {
      name: 'default',
      validatorNodes: [this.key.nodeId],
      trustThreshold: 0.75,
      blockchainHead: genesis.hash,
      validators: { [this.key.nodeId]: 1 },
      validatorPublicKeys: { [this.key.nodeId]: this.key.publicKeyHex },
      governors: null,
      governorPublicKeys: null,
      governanceQuorum: 0,
      governanceNonce: 0,
      parentDelegationMode: '',
      delegatedFrom: '',
    };
    return createState(genesis, defaultDomain);
  }

  private get ctx(): ValidationContext {
    return { state: this.state, nowSeconds: () => this.nowSeconds(), signatures: this.signatures };
  }

  /**
   * Registers a domain (RegisterTrustDomain); returns the error message on refusal. The parent
   * check always passes on a single node (it validates both), so it is not modelled.
   */
  registerDomain(domain: GoValue): string | undefined {
    const name = domain['name'] as string;
    const nodeId = this.key.nodeId;
    const validatorNodes = [...((domain['validatorNodes'] as string[] | null) ?? [])];
    if (!validatorNodes.includes(nodeId)) validatorNodes.push(nodeId);
    const validators = { ...((domain['validators'] as Record<string, number> | null) ?? {}), [nodeId]: 1 };
    const validatorPublicKeys = {
      ...((domain['validatorPublicKeys'] as Record<string, string> | null) ?? {}),
      [nodeId]: this.key.publicKeyHex,
    };
    const givenGovernors = domain['governors'] as Record<string, number> | null;
    const governors =
      givenGovernors && Object.keys(givenGovernors).length > 0 ? givenGovernors : { [nodeId]: 1 };
    const governorPublicKeys = { ...((domain['governorPublicKeys'] as Record<string, string> | null) ?? {}) };
    if (!(nodeId in governorPublicKeys) && nodeId in governors)
      governorPublicKeys[nodeId] = this.key.publicKeyHex;
    if (this.state.domains.has(name)) return `trust domain ${name} already exists`;
    this.state.domains.set(name, {
      ...domain,
      validatorNodes,
      validators,
      validatorPublicKeys,
      governors,
      governorPublicKeys,
      governanceQuorum: (domain['governanceQuorum'] as number) === 0 ? 1 : domain['governanceQuorum'],
      parentDelegationMode: (domain['parentDelegationMode'] as string) || 'self',
    });
    return undefined;
  }

  /** The handler rewrites of PROTOCOL §6.1, applied in place. */
  private rewrite(kind: TxKind, tx: GoValue): void {
    if (tx['timestamp'] === 0) tx['timestamp'] = this.nowSeconds();
    if (kind === 'EVENT' && tx['sequence'] === 0) {
      const list = this.state.events.get(tx['subjectId'] as string);
      const last = list?.[list.length - 1];
      tx['sequence'] = last ? (last['sequence'] as number) + 1 : 1;
    }
    if (kind !== 'TRUST') {
      tx['type'] = kind;
      if (tx['id'] === '') tx['id'] = derivedId(kind, tx);
    }
  }

  /** QDP-0016 write admission (TRUST and EVENT): quid layer, then domain layer. */
  private admitWrite(quid: string, domain: string): string | undefined {
    if (!this.quidLimiter.allow(quid)) return 'rate limit exceeded at quid layer';
    if (!this.domainLimiter.allow(domain)) return 'rate limit exceeded at domain layer';
    return undefined;
  }

  /** Warms the signature memo asynchronously (WebCrypto) before the synchronous validation. */
  private async precheckSignatures(kind: TxKind, tx: GoValue): Promise<void> {
    const sig = tx['signature'] as string;
    const pub = tx['publicKey'] as string;
    if (sig === '' || pub === '') return;
    await this.signatures.precheck(tx, 'issuer', pub, () => issuerSignableBytes(kind, tx), sig);
    if (kind !== 'TITLE') return;
    const previous = (tx['previousOwners'] as Array<{ ownerId: string }> | null) ?? [];
    const signatures = (tx['signatures'] as Record<string, string> | null) ?? {};
    for (const s of previous) {
      const ownerKey = this.state.identities.get(s.ownerId)?.['publicKey'];
      const ownerSig = Object.hasOwn(signatures, s.ownerId) ? signatures[s.ownerId] : undefined;
      if (typeof ownerKey === 'string' && ownerKey !== '' && ownerSig) {
        await this.signatures.precheck(tx, 'owner', ownerKey, () => ownerSignableBytes(tx), ownerSig);
      }
    }
  }

  /** The submit path of one transaction (decoded struct, not yet rewritten). */
  async submit(kind: TxKind, tx: GoValue): Promise<SubmitOutcome> {
    this.rewrite(kind, tx);
    if (kind === 'TRUST' || kind === 'EVENT') {
      const quid =
        kind === 'TRUST' ? (tx['truster'] as string) : quidFromPublicKeyHex(tx['publicKey'] as string);
      const denied = this.admitWrite(quid, tx['trustDomain'] as string);
      if (denied) return { ok: false, message: denied };
    }
    await this.precheckSignatures(kind, tx);
    const ctx = this.ctx;
    const valid =
      kind === 'TRUST'
        ? validateTrust(ctx, tx)
        : kind === 'IDENTITY'
          ? validateIdentity(ctx, tx)
          : kind === 'TITLE'
            ? validateTitle(ctx, tx)
            : validateEvent(ctx, tx);
    if (!valid) return { ok: false, message: `invalid ${kind.toLowerCase()} transaction` };
    this.state.pending.push({ kind, tx });
    return { ok: true, id: tx['id'] as string, sequence: (tx['sequence'] as number | undefined) ?? 0 };
  }

  /** One block tick now. */
  mine(): BlockResult {
    const result = mineBlocks(this.ctx, this.key, this.nowSeconds(), () => this.clearTrustCaches());
    tickGuardians(this, result);
    return result;
  }

  /** Clears both trust caches (a TRUST committed, or the state was replaced). */
  clearTrustCaches(): void {
    this.trustCache.clear();
    this.enhancedCache.clear();
  }

  private edgeValid(truster: string, trustee: string, nowSeconds: number = this.nowSeconds()): boolean {
    const until = pairGet(this.state.trustExpiry, truster, trustee) ?? 0;
    return until === 0 || until > nowSeconds;
  }

  /** GetDirectTrustees: committed, non-expired edges in insertion order. */
  private directEdges(quid: string, nowSeconds: number): SearchEdge[] {
    const inner = this.state.trust.get(quid);
    if (!inner) return [];
    const expiry = this.state.trustExpiry.get(quid);
    const out: SearchEdge[] = [];
    for (const [trustee, level] of inner) {
      const until = expiry?.get(trustee) ?? 0;
      if (until !== 0 && until <= nowSeconds) continue;
      out.push({ trustee, level, verified: true, validatorQuid: '' });
    }
    return out;
  }

  /** GetTrustEdges: verified edges, plus unverified ones not shadowed by a verified edge. */
  trustEdges(quid: string, includeUnverified: boolean): Map<string, GoValue> {
    const out = new Map<string, GoValue>();
    for (const [trustee, edge] of this.state.verifiedEdges.get(quid) ?? []) {
      if (this.edgeValid(quid, trustee)) out.set(trustee, { ...edge });
    }
    if (includeUnverified) {
      for (const [trustee, edge] of this.state.unverifiedEdges.get(quid) ?? []) {
        if (!out.has(trustee) && this.edgeValid(quid, trustee)) out.set(trustee, { ...edge });
      }
    }
    return out;
  }

  /** ComputeRelationalTrust, cached per (observer, target, maxDepth). */
  relationalTrust(observer: string, target: string, maxDepth: number): TrustAnswer {
    const depth = maxDepth > 0 ? maxDepth : DEFAULT_MAX_DEPTH;
    if (observer === target) return { trustLevel: 1, trustPath: [observer], limitHit: false };
    const cacheKey = `${observer}\u0000${target}\u0000${depth}`;
    const cached = this.trustCache.get(cacheKey);
    if (cached) return cached;
    const now = this.nowSeconds();
    const r = searchTrust(
      observer,
      target,
      depth,
      (q) => this.directEdges(q, now),
      () => 0,
      {
        maxQueue: this.limits.trustMaxQueue,
        maxVisited: this.limits.trustMaxVisited,
      },
    );
    const answer: TrustAnswer = { trustLevel: r.trustLevel, trustPath: r.trustPath, limitHit: r.limitHit };
    if (!r.limitHit) this.trustCache.set(cacheKey, answer);
    return answer;
  }

  /** ComputeRelationalTrustEnhanced with includeUnverified, cached separately. */
  enhancedTrust(observer: string, target: string, maxDepth: number): EnhancedTrustAnswer {
    const depth = maxDepth > 0 ? maxDepth : DEFAULT_MAX_DEPTH;
    if (observer === target) {
      return { trustLevel: 1, trustPath: [observer], limitHit: false, unverifiedHops: 0, gaps: null };
    }
    const cacheKey = `${observer}\u0000${target}\u0000${depth}\u0000u`;
    const cached = this.enhancedCache.get(cacheKey);
    if (cached) return cached;
    const edgesOf = (q: string): SearchEdge[] =>
      [...this.trustEdges(q, true)].map(([trustee, e]) => ({
        trustee,
        level: e['trustLevel'] as number,
        verified: e['verified'] as boolean,
        validatorQuid: e['validatorQuid'] as string,
      }));
    const validatorTrust = (v: string): number => {
      const t = this.relationalTrust(observer, v, DEFAULT_MAX_DEPTH);
      return t.limitHit ? 0 : t.trustLevel;
    };
    const r = searchTrust(observer, target, depth, edgesOf, validatorTrust, {
      maxQueue: this.limits.trustMaxQueue,
      maxVisited: this.limits.trustMaxVisited,
    });
    const answer: EnhancedTrustAnswer = {
      trustLevel: r.trustLevel,
      trustPath: r.trustPath,
      limitHit: r.limitHit,
      unverifiedHops: r.unverifiedHops,
      gaps: r.gaps ?? [],
    };
    if (!r.limitHit) this.enhancedCache.set(cacheKey, answer);
    return answer;
  }

  /** GetTrustLevel: direct trust, 0 when missing or expired. */
  directTrust(truster: string, trustee: string): number {
    const level = pairGet(this.state.trust, truster, trustee);
    if (level === undefined || !this.edgeValid(truster, trustee)) return 0;
    return level;
  }
}
