import type { EventTx, IdentityTx, JsonObject, QuidnugTx, TitleTx } from '@quidfin/core';
import * as z from 'zod/mini';
import { isAnchorWrapper } from './isAnchorWrapper.js';
import { parserFor } from './parse.js';
import type {
  Block,
  CreatedQuid,
  EventSubmitResult,
  Health,
  IdentityRegistryEntry,
  NodeInfo,
  OwnedTitle,
  Page,
  StreamInfo,
  SubmitResult,
  TentativeBlocks,
  TitleRegistryEntry,
  TrustDomain,
  TrustEdges,
  TrustRegistryEdge,
  TrustRelationships,
  TrustResult,
} from './types.js';

// Schemas are built on first use, not at import, so importing the client has no side effects
// and unused parsers cost nothing at start-up.
function build() {
  const base = {
    id: z.string(),
    trustDomain: z.string(),
    timestamp: z.number(),
    signature: z.string(),
    publicKey: z.string(),
  };
  // Parsed from a JSON body, so every value in it is JSON: typed as such for core's tx types.
  const jsonObject = z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((v) => v as JsonObject),
  );
  const stake = z.object({
    ownerId: z.string(),
    percentage: z.number(),
    stakeType: z.exactOptional(z.string()),
  });
  const trustTx = z.object({
    ...base,
    type: z.literal('TRUST'),
    truster: z.string(),
    trustee: z.string(),
    trustLevel: z.number(),
    nonce: z.number(),
    description: z.exactOptional(z.string()),
    validUntil: z.exactOptional(z.number()),
  });
  const identityTx = z.object({
    ...base,
    type: z.literal('IDENTITY'),
    quidId: z.string(),
    name: z.string(),
    description: z.exactOptional(z.string()),
    attributes: z.exactOptional(jsonObject),
    creator: z.string(),
    updateNonce: z.number(),
    homeDomain: z.exactOptional(z.string()),
  });
  const titleTx = z.object({
    ...base,
    type: z.literal('TITLE'),
    assetId: z.string(),
    owners: z.nullable(z.array(stake)),
    previousOwners: z.exactOptional(z.array(stake)),
    signatures: z.nullable(z.record(z.string(), z.string())),
    expiryDate: z.exactOptional(z.number()),
    titleType: z.exactOptional(z.string()),
  });
  const eventTx = z.object({
    ...base,
    type: z.literal('EVENT'),
    subjectId: z.string(),
    subjectType: z.enum(['QUID', 'TITLE']),
    sequence: z.number(),
    eventType: z.string(),
    payload: z.exactOptional(jsonObject),
    payloadCid: z.exactOptional(z.string()),
    previousEventId: z.exactOptional(z.string()),
  });
  const anyTx = z.discriminatedUnion('type', [trustTx, identityTx, titleTx, eventTx]);
  const page = <T extends z.core.SomeType>(item: T) =>
    z.object({
      data: z.pipe(
        z.nullable(z.array(item)),
        z.transform((v) => v ?? []),
      ),
      pagination: z.object({ limit: z.number(), offset: z.number(), total: z.number() }),
    });
  const block = z.object({
    index: z.number(),
    timestamp: z.number(),
    transactions: z.pipe(
      z.nullable(z.array(jsonObject)),
      z.transform((v) => v ?? []),
    ),
    trustProof: jsonObject,
    prevHash: z.string(),
    hash: z.string(),
  });
  const trustResult = z.object({
    observer: z.string(),
    target: z.string(),
    trustLevel: z.number(),
    trustPath: z.optional(z.nullable(z.array(z.string()))),
    pathDepth: z.number(),
    domain: z.optional(z.string()),
    confidence: z.exactOptional(z.enum(['high', 'medium', 'low'])),
    unverifiedHops: z.exactOptional(z.number()),
    verificationGaps: z.optional(
      z.nullable(
        z.array(
          z.object({
            from: z.string(),
            to: z.string(),
            validatorQuid: z.string(),
            validatorTrust: z.number(),
          }),
        ),
      ),
    ),
  });
  const edge = z.object({
    truster: z.string(),
    trustee: z.string(),
    trustLevel: z.number(),
    sourceBlock: z.string(),
    validatorQuid: z.string(),
    verified: z.boolean(),
    timestamp: z.number(),
  });
  const domain = z.object({
    name: z.string(),
    validatorNodes: z.nullable(z.array(z.string())),
    trustThreshold: z.number(),
    blockchainHead: z.string(),
    validators: z.nullable(z.record(z.string(), z.number())),
    validatorPublicKeys: z.nullable(z.record(z.string(), z.string())),
  });
  return {
    trustTx,
    identityTx,
    titleTx,
    eventTx,
    anyTx,
    health: z.object({ status: z.string(), node_id: z.string(), uptime: z.number(), version: z.string() }),
    info: z.object({
      nodeQuid: z.string(),
      managedDomains: z.pipe(
        z.nullable(z.array(z.string())),
        z.transform((v) => v ?? []),
      ),
      blockHeight: z.number(),
      version: z.string(),
      operatorQuid: z.exactOptional(z.object({ id: z.string(), publicKeyHex: z.string() })),
    }),
    domains: z.object({
      domains: z.pipe(
        z.nullable(z.array(domain)),
        z.transform((v) => v ?? []),
      ),
    }),
    domainRegistered: z.object({ status: z.string(), message: z.string() }),
    submitted: z.object({ status: z.string(), transaction_id: z.string(), message: z.string() }),
    eventSubmitted: z.object({ id: z.string(), sequence: z.number() }),
    trustResult,
    edges: z.object({
      quidId: z.string(),
      includeUnverified: z.boolean(),
      edges: z.pipe(
        z.nullable(z.record(z.string(), edge)),
        z.transform((v) => v ?? {}),
      ),
    }),
    registryEdge: z.object({ truster: z.string(), trustee: z.string(), trust_level: z.number() }),
    relationships: z.object({
      truster: z.string(),
      relationships: z.pipe(
        z.nullable(z.record(z.string(), z.number())),
        z.transform((v) => v ?? {}),
      ),
    }),
    registryEdgePage: page(z.object({ truster: z.string(), trustee: z.string(), trust_level: z.number() })),
    ownedTitlePage: page(z.object({ asset_id: z.string(), percentage: z.number(), stake_type: z.string() })),
    titlePage: page(z.object({ asset_id: z.string(), title: anyTx })),
    identityPage: page(
      z.object({
        quid_id: z.string(),
        identity: z.object({
          quidId: z.string(),
          name: z.string(),
          description: z.exactOptional(z.string()),
          attributes: z.exactOptional(z.nullable(jsonObject)),
          creator: z.string(),
          updateNonce: z.number(),
        }),
      }),
    ),
    stream: z.object({
      subjectId: z.string(),
      subjectType: z.string(),
      latestSequence: z.number(),
      eventCount: z.number(),
      createdAt: z.number(),
      updatedAt: z.number(),
      latestEventId: z.string(),
    }),
    eventPage: page(eventTx),
    txPage: page(anyTx),
    blockPage: page(block),
    tentative: z.object({
      domain: z.string(),
      blocks: z.pipe(
        z.nullable(z.array(block)),
        z.transform((v) => v ?? []),
      ),
    }),
    quid: z.object({ quidId: z.string(), publicKey: z.string(), created: z.number() }),
  };
}

type Schemas = ReturnType<typeof build>;
let cache: Schemas | undefined;

type Output<K extends keyof Schemas> = z.output<Schemas[K]>;

// The parsed value has the schema's own output type: what each parser below returns is checked
// against the declared response type by the compiler, with no cast in between.
function parse<K extends keyof Schemas>(key: K, data: unknown): Output<K> {
  cache ??= build();
  return parserFor(cache[key])(data) as Output<K>;
}

interface RawPage<T> {
  data: T[];
  pagination: { limit: number; offset: number; total: number };
}
// The pending pool lists anyone's transactions, including guardian anchor wrappers and a TRUST kept
// with whatever `type` it was sent with (PROTOCOL G7; it poisons its block when mined). Such entries
// are someone else's and can never be ours: leave them out (and count them, so the page checks
// still hold) rather than make the whole page unreadable. Anything else malformed still fails the
// page (a node mangling transactions must not make ours look absent).
function withoutForeignEntries(page: unknown): { readonly page: unknown; readonly skipped: number } {
  const p = page as { data?: unknown } | null;
  if (typeof p !== 'object' || p === null || !Array.isArray(p.data)) return { page, skipped: 0 };
  cache ??= build();
  const s = cache;
  const poison = (t: unknown): boolean =>
    typeof t === 'object' &&
    t !== null &&
    (t as { type?: unknown }).type !== 'TRUST' &&
    !s.anyTx.safeParse(t).success &&
    s.trustTx.safeParse({ ...t, type: 'TRUST' }).success;
  const data = p.data.filter((t) => !isAnchorWrapper(t) && !poison(t));
  return { page: { ...p, data }, skipped: p.data.length - data.length };
}

function toPage<T>(raw: RawPage<T>): Page<T> {
  return { items: raw.data, ...raw.pagination };
}
function mapPage<R, T>(raw: RawPage<R>, map: (item: R) => T): Page<T> {
  return { items: raw.data.map(map), ...raw.pagination };
}

// The node's snake_case registry fields get camelCase twins; the originals stay as deprecated aliases.
function registryEdge(r: Omit<TrustRegistryEdge, 'trustLevel'>): TrustRegistryEdge {
  return { truster: r.truster, trustee: r.trustee, trustLevel: r.trust_level, trust_level: r.trust_level };
}

/**
 * Response parsers for every route, by name. Each validates the envelope's `data` and returns the
 * plain typed value (pages unwrapped from `data.data`, trust edges as a list, missing `trustPath`
 * as `[]`, `null` lists as `[]`).
 *
 * @example
 * ```ts
 * const health = parsers.health(body.data);
 * ```
 */
export const parsers: {
  readonly identityTx: (d: unknown) => IdentityTx;
  readonly titleTx: (d: unknown) => TitleTx;
  readonly health: (d: unknown) => Health;
  readonly info: (d: unknown) => NodeInfo;
  readonly domains: (d: unknown) => readonly TrustDomain[];
  readonly domainRegistered: (d: unknown) => { status: string; message: string };
  readonly submitted: (d: unknown) => SubmitResult;
  readonly eventSubmitted: (d: unknown) => EventSubmitResult;
  readonly trustResult: (d: unknown) => TrustResult;
  readonly edges: (d: unknown) => TrustEdges;
  readonly registryEdge: (d: unknown) => TrustRegistryEdge;
  readonly relationships: (d: unknown) => TrustRelationships;
  readonly registryEdgePage: (d: unknown) => Page<TrustRegistryEdge>;
  readonly ownedTitlePage: (d: unknown) => Page<OwnedTitle>;
  readonly titlePage: (d: unknown) => Page<TitleRegistryEntry>;
  readonly identityPage: (d: unknown) => Page<IdentityRegistryEntry>;
  readonly stream: (d: unknown) => StreamInfo;
  readonly eventPage: (d: unknown) => Page<EventTx>;
  readonly txPage: (d: unknown) => Page<QuidnugTx>;
  readonly blockPage: (d: unknown) => Page<Block>;
  readonly tentative: (d: unknown) => TentativeBlocks;
  readonly quid: (d: unknown) => CreatedQuid;
} = {
  identityTx: (d) => parse('identityTx', d),
  titleTx: (d) => parse('titleTx', d),
  health: (d) => {
    const r = parse('health', d);
    return { status: r.status, nodeId: r.node_id, node_id: r.node_id, uptime: r.uptime, version: r.version };
  },
  info: (d) => parse('info', d),
  domains: (d) => parse('domains', d).domains,
  domainRegistered: (d) => parse('domainRegistered', d),
  submitted: (d) => {
    const r = parse('submitted', d);
    return { transactionId: r.transaction_id, status: r.status, message: r.message };
  },
  eventSubmitted: (d) => parse('eventSubmitted', d),
  trustResult: (d) => {
    const { trustPath, domain, verificationGaps, ...rest } = parse('trustResult', d);
    const out: TrustResult = { ...rest, trustPath: trustPath ?? [], domain: domain ?? '' };
    // Gaps stay absent when the node sent none, and a null list becomes [].
    return verificationGaps === undefined ? out : { ...out, verificationGaps: verificationGaps ?? [] };
  },
  edges: (d) => {
    const r = parse('edges', d);
    const keys = Object.keys(r.edges).sort();
    return {
      quidId: r.quidId,
      includeUnverified: r.includeUnverified,
      edges: keys.flatMap((k) => r.edges[k] ?? []),
    };
  },
  registryEdge: (d) => registryEdge(parse('registryEdge', d)),
  relationships: (d) => parse('relationships', d),
  registryEdgePage: (d) => mapPage(parse('registryEdgePage', d), registryEdge),
  ownedTitlePage: (d) =>
    mapPage(parse('ownedTitlePage', d), (t) => ({
      assetId: t.asset_id,
      asset_id: t.asset_id,
      percentage: t.percentage,
      stakeType: t.stake_type,
      stake_type: t.stake_type,
    })),
  titlePage: (d) =>
    mapPage(parse('titlePage', d), (t) => ({
      assetId: t.asset_id,
      ...t,
    })),
  identityPage: (d) =>
    mapPage(parse('identityPage', d), (e) => ({
      quidId: e.quid_id,
      ...e,
    })),
  stream: (d) => parse('stream', d),
  eventPage: (d) => toPage(parse('eventPage', d)),
  txPage: (d) => {
    const { page, skipped } = withoutForeignEntries(d);
    const parsed = toPage(parse('txPage', page));
    return skipped > 0 ? { ...parsed, skipped } : parsed;
  },
  blockPage: (d) => toPage(parse('blockPage', d)),
  tentative: (d) => parse('tentative', d),
  quid: (d) => parse('quid', d),
};
