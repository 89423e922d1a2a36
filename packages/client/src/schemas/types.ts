// Plain TypeScript shapes of what the client's methods return (envelopes unwrapped). Field names
// are camelCase; where the node's JSON uses snake_case (PROTOCOL §9.9) the node's name is kept
// beside the camelCase one as a deprecated alias.
import type { QuidnugTx } from '@quidfin/core';

/**
 * `GET /health`.
 *
 * @example
 * ```ts
 * const { status, uptime, nodeId }: Health = await client.health();
 * ```
 */
export interface Health {
  readonly status: string;
  /** The node's quid (named `nodeQuid` in {@link NodeInfo}). */
  readonly nodeId: string;
  /** @deprecated The node's JSON name; use `nodeId`. */
  readonly node_id: string;
  /** Seconds since the genesis block. */
  readonly uptime: number;
  readonly version: string;
}

/**
 * `GET /info`.
 *
 * @example
 * ```ts
 * const { managedDomains, blockHeight }: NodeInfo = await client.info();
 * ```
 */
export interface NodeInfo {
  readonly nodeQuid: string;
  readonly managedDomains: readonly string[];
  /** Index of the last block added (per domain; PROTOCOL §15.5). */
  readonly blockHeight: number;
  readonly version: string;
  readonly operatorQuid?: { readonly id: string; readonly publicKeyHex: string };
}

/**
 * A trust domain as `GET /domains` lists it (extra governance keys are kept in `extra`).
 *
 * @example
 * ```ts
 * const names = (await client.listDomains()).map((d: TrustDomain) => d.name);
 * ```
 */
export interface TrustDomain {
  readonly name: string;
  readonly validatorNodes: readonly string[] | null;
  readonly trustThreshold: number;
  readonly blockchainHead: string;
  readonly validators: Readonly<Record<string, number>> | null;
  readonly validatorPublicKeys: Readonly<Record<string, string>> | null;
}

/**
 * `POST /domains` success, or the idempotent result of `ensureDomain`.
 *
 * @example
 * ```ts
 * const { created }: DomainRegistration = await client.ensureDomain('factoring.supply-chain.us');
 * ```
 */
export interface DomainRegistration {
  readonly name: string;
  /** False when the domain already existed (only from `ensureDomain`). */
  readonly created: boolean;
  readonly message: string;
}

/**
 * `POST /transactions/{trust,identity,title}`: the transaction is in the pending pool.
 *
 * @example
 * ```ts
 * const { transactionId }: SubmitResult = await client.submitIdentity(tx);
 * ```
 */
export interface SubmitResult {
  readonly transactionId: string;
  readonly status: string;
  readonly message: string;
}

/**
 * `POST /events`: `{id, sequence}`.
 *
 * @example
 * ```ts
 * const { id, sequence }: EventSubmitResult = await client.submitEvent(eventTx);
 * ```
 */
export interface EventSubmitResult {
  readonly id: string;
  readonly sequence: number;
}

/**
 * One unverified hop of a trust path (`includeUnverified=true`).
 *
 * @example
 * ```ts
 * for (const gap of (await client.getTrust(a, b, { includeUnverified: true })).verificationGaps ?? []) console.log(gap.validatorQuid);
 * ```
 */
export interface VerificationGap {
  readonly from: string;
  readonly to: string;
  readonly validatorQuid: string;
  readonly validatorTrust: number;
}

/**
 * `GET /trust/{observer}/{target}` and `POST /trust/query`.
 *
 * @example
 * ```ts
 * const { trustLevel, trustPath }: TrustResult = await client.getTrust(financier.quidId, supplier.quidId);
 * ```
 */
export interface TrustResult {
  readonly observer: string;
  readonly target: string;
  readonly trustLevel: number;
  /** Quids along the best path found; `[]` when there is no path (the node omits the key). */
  readonly trustPath: readonly string[];
  readonly pathDepth: number;
  /** Echoed only: the node ignores it. */
  readonly domain: string;
  readonly confidence?: 'high' | 'medium' | 'low';
  readonly unverifiedHops?: number;
  /** `[]` when the node sends `null`. */
  readonly verificationGaps?: readonly VerificationGap[];
  /** Set when the node's search hit its limits (`X-Trust-Computation-Warning`); never set today. */
  readonly partial?: boolean;
}

/**
 * One direct trust edge (`GET /trust/edges/{quidId}`).
 *
 * @example
 * ```ts
 * for (const edge of (await client.getTrustEdges(bureau.quidId)).edges) console.log(edge.trustee, edge.trustLevel);
 * ```
 */
export interface TrustEdge {
  readonly truster: string;
  readonly trustee: string;
  readonly trustLevel: number;
  readonly sourceBlock: string;
  readonly validatorQuid: string;
  readonly verified: boolean;
  readonly timestamp: number;
}

/**
 * `GET /trust/edges/{quidId}`: the node's object keyed by trustee, as a list sorted by trustee.
 *
 * @example
 * ```ts
 * const { edges }: TrustEdges = await client.getTrustEdges(bureau.quidId);
 * ```
 */
export interface TrustEdges {
  readonly quidId: string;
  readonly includeUnverified: boolean;
  readonly edges: readonly TrustEdge[];
}

/**
 * `GET /registry/trust?truster&trustee`.
 *
 * @example
 * ```ts
 * const { trustLevel }: TrustRegistryEdge = await client.getTrustRegistryEdge(bureau.quidId, supplier.quidId);
 * ```
 */
export interface TrustRegistryEdge {
  readonly truster: string;
  readonly trustee: string;
  /** 0 when expired. */
  readonly trustLevel: number;
  /** @deprecated The node's JSON name; use `trustLevel`. */
  readonly trust_level: number;
}

/**
 * `GET /registry/trust?truster`: expired edges included. `{}` when the node sends `null`.
 *
 * @example
 * ```ts
 * const { relationships }: TrustRelationships = await client.getTrustRelationships(bureau.quidId);
 * ```
 */
export interface TrustRelationships {
  readonly truster: string;
  readonly relationships: Readonly<Record<string, number>>;
}

/**
 * `GET /registry/identity` without parameters: one identity of the registry (summary fields).
 *
 * @example
 * ```ts
 * for await (const e of client.iterateIdentities()) console.log(e.quidId, e.identity.name);
 * ```
 */
export interface IdentityRegistryEntry {
  readonly quidId: string;
  /** @deprecated The node's JSON name; use `quidId`. */
  readonly quid_id: string;
  readonly identity: {
    readonly quidId: string;
    readonly name: string;
    readonly description?: string;
    /** `null` when the node sends it so. */
    readonly attributes?: Readonly<Record<string, unknown>> | null;
    readonly creator: string;
    readonly updateNonce: number;
  };
}

/**
 * `GET /registry/title?owner_id`: one title an owner holds.
 *
 * @example
 * ```ts
 * for await (const t of client.iterateTitlesByOwner(supplier.quidId)) console.log(t.assetId, t.stakeType);
 * ```
 */
export interface OwnedTitle {
  readonly assetId: string;
  /** @deprecated The node's JSON name; use `assetId`. */
  readonly asset_id: string;
  readonly percentage: number;
  readonly stakeType: string;
  /** @deprecated The node's JSON name; use `stakeType`. */
  readonly stake_type: string;
}

/**
 * `GET /registry/title` without parameters: one title of the registry.
 *
 * @example
 * ```ts
 * for await (const e of client.iterateTitles()) console.log(e.assetId);
 * ```
 */
export interface TitleRegistryEntry {
  readonly assetId: string;
  /** @deprecated The node's JSON name; use `assetId`. */
  readonly asset_id: string;
  readonly title: QuidnugTx;
}

/**
 * `GET /streams/{subjectId}`.
 *
 * @example
 * ```ts
 * const { latestSequence }: StreamInfo = await client.getStream('inv-1');
 * ```
 */
export interface StreamInfo {
  readonly subjectId: string;
  readonly subjectType: string;
  /** Sequence of the last event applied (not the highest; PROTOCOL §15.3). */
  readonly latestSequence: number;
  readonly eventCount: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly latestEventId: string;
}

/**
 * One block (`GET /blocks`). Transactions are kept as the node sent them.
 *
 * @example
 * ```ts
 * for await (const block of client.iterateBlocks()) console.log(block.index, block.transactions.length);
 * ```
 */
export interface Block {
  readonly index: number;
  readonly timestamp: number;
  readonly transactions: readonly Readonly<Record<string, unknown>>[];
  readonly trustProof: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * `GET /blocks/tentative/{domain}`.
 *
 * @example
 * ```ts
 * const { blocks }: TentativeBlocks = await client.getTentativeBlocks('factoring.supply-chain.us');
 * ```
 */
export interface TentativeBlocks {
  readonly domain: string;
  readonly blocks: readonly Block[];
}

/**
 * `POST /quids` (the node throws the private key away; never build on it).
 *
 * @example
 * ```ts
 * const { quidId }: CreatedQuid = await client.createQuid({ label: 'throwaway' });
 * ```
 */
export interface CreatedQuid {
  readonly quidId: string;
  readonly publicKey: string;
  readonly created: number;
}

/**
 * One page of a paginated list (`body.data.data` and `body.data.pagination`, unwrapped).
 *
 * @example
 * ```ts
 * const page: Page<EventTx> = await client.listStreamEvents('inv-1', { limit: 100 });
 * const more = page.offset + page.items.length < page.total;
 * ```
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
  /**
   * Entries the node served on this page that the client left out on purpose (guardian anchor
   * wrappers in the pending pool): they still count against `total` and `limit`.
   */
  readonly skipped?: number;
}

/**
 * `limit` (1..1000, node default 50) and `offset` for list calls.
 *
 * @example
 * ```ts
 * await client.listBlocks({ limit: 100, offset: 200 } satisfies PageParams);
 * ```
 */
export interface PageParams {
  readonly limit?: number;
  readonly offset?: number;
}
