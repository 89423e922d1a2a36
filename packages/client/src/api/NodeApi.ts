// The node's HTTP API, one method per route, responses validated: knows nothing of commits,
// sequences or nonces (those live in commit/ and QuidnugClient, which build on this).
import type {
  EventTx,
  GuardianRecoveryCommit,
  GuardianRecoveryInit,
  GuardianRecoveryVeto,
  GuardianResignation,
  GuardianSet,
  GuardianSetUpdate,
  IdentityTx,
  JsonObject,
  QuidnugTx,
  TitleTx,
} from '@quidfin/core';
import { isHttpError } from '../errors/HttpError.js';
import { isClientError } from '../errors/isClientError.js';
import { guardianApi } from '../guardian/guardianApi.js';
import type {
  GuardianResignations,
  GuardianSetUpdateAccepted,
  PendingRecovery,
  RecoveryAccepted,
  ResignationAccepted,
} from '../guardian/guardianTypes.js';
import { parsers } from '../schemas/responses.js';
import type {
  Block,
  CreatedQuid,
  DomainRegistration,
  Health,
  IdentityRegistryEntry,
  NodeInfo,
  OwnedTitle,
  Page,
  PageParams,
  StreamInfo,
  TentativeBlocks,
  TitleRegistryEntry,
  TrustDomain,
  TrustEdges,
  TrustRegistryEdge,
  TrustRelationships,
  TrustResult,
} from '../schemas/types.js';
import type { CallOptions, CallSpec, Transport } from '../transport/Transport.js';
import { canonicalSignature } from '../wire/canonicalSignature.js';
import { crossChecked } from './crossChecked.js';
import { paginate } from './paginate.js';

/**
 * Query options of the relational trust routes.
 *
 * @example
 * ```ts
 * await client.getTrust(financier.quidId, supplier.quidId, { maxDepth: 4, includeUnverified: true });
 * ```
 */
export interface TrustQueryParams {
  /** Echoed only; the node ignores it. */
  readonly domain?: string;
  /** Maximum number of edges in a path (node default 5). */
  readonly maxDepth?: number;
  readonly includeUnverified?: boolean;
}

const enc = encodeURIComponent;
/**
 * What a {@link NodeApi} is built from: the transport and the read settings resolved from the
 * client options.
 *
 * @example
 * ```ts
 * const settings: NodeApiSettings = { transport: client.transport, maxPages: 1000, pollIntervalMs: 1000 };
 * ```
 */
export interface NodeApiSettings {
  readonly transport: Transport;
  /** Most pages one paginated walk requests. */
  readonly maxPages: number;
  /** Spacing in ms between re-reads (stream and cross-check rounds). */
  readonly pollIntervalMs: number;
}

/**
 * The node's v1 API (and the guardian routes of v2): one method per route, responses validated
 * and unwrapped, typed errors, safe retries and failover. It knows nothing of commits, sequences
 * or nonces; {@link QuidnugClient} adds those on top, and is what {@link createQuidnugClient}
 * returns. Functions that only read (`locateTransaction`, `readStream`, ...) accept any `NodeApi`.
 *
 * @example
 * ```ts
 * const api: NodeApi = createQuidnugClient({ baseUrl: 'http://localhost:8080' });
 * const { status } = await api.health();
 * ```
 */
export class NodeApi {
  readonly transport: Transport;
  /** Most pages one paginated walk requests (see `QuidnugClientOptions.maxPages`). */
  readonly maxPages: number;
  /** Minimum spacing in ms between re-reads (see `QuidnugClientOptions.pollIntervalMs`). */
  readonly pollIntervalMs: number;

  constructor(settings: NodeApiSettings) {
    this.transport = settings.transport;
    this.maxPages = settings.maxPages;
    this.pollIntervalMs = settings.pollIntervalMs;
  }

  #get<T>(
    path: string,
    route: string,
    parse: (d: unknown) => T,
    o: CallOptions,
    searchParams?: CallSpec<T>['searchParams'],
  ): Promise<T> {
    return this.transport.call(
      { method: 'GET', path, route, parse, retry: 'read', ...(searchParams ? { searchParams } : {}) },
      o,
    );
  }

  // Every iterate* walk: the requested limit and the page cap go to paginate, which checks each page.
  #walk<T>(
    fetchPage: (offset: number) => Promise<Page<T>>,
    page: PageParams,
    o: CallOptions,
    filtered = false,
  ): AsyncGenerator<T, void> {
    return paginate(fetchPage, {
      start: page.offset,
      // No limit sent means the node's default, 50.
      limit: page.limit ?? 50,
      maxPages: o.maxPages ?? this.maxPages,
      filtered,
    });
  }

  async #orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      return await p;
    } catch (error) {
      if (isClientError(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  // ---- node -------------------------------------------------------------------------------

  /** `GET /health`. */
  health(o: CallOptions = {}): Promise<Health> {
    return this.#get('health', 'GET /health', parsers.health, o);
  }

  /** `GET /info`. */
  info(o: CallOptions = {}): Promise<NodeInfo> {
    return this.#get('info', 'GET /info', parsers.info, o);
  }

  /**
   * Health-checks every configured node and makes the first healthy one (in preference order)
   * the one writes go to. Returns its base URL. Throws `NoHealthyNodeError` if none answers.
   */
  async selectNode(o: CallOptions = {}): Promise<string> {
    const index = await this.transport.pool.select(async (node) => {
      await this.transport.call(
        { method: 'GET', path: 'health', route: 'GET /health', parse: parsers.health, retry: 'none', node },
        o,
      );
    });
    o.signal?.throwIfAborted();
    return this.transport.settings.nodes[index] ?? '';
  }

  /** Index of the node writes go to (health-checks first when several nodes are configured). */
  async writeNode(o: CallOptions = {}): Promise<number> {
    if (o.node !== undefined) return o.node;
    if (!this.transport.pool.selected) await this.selectNode(o);
    return this.transport.pool.current;
  }

  /** `GET /domains`. */
  listDomains(o: CallOptions = {}): Promise<readonly TrustDomain[]> {
    return this.#get('domains', 'GET /domains', parsers.domains, o);
  }

  /** `POST /domains`: registers `name`; throws `HttpError` (400) if it already exists. */
  async registerDomain(name: string, o: CallOptions = {}): Promise<DomainRegistration> {
    const r = await this.transport.call(
      {
        method: 'POST',
        path: 'domains',
        route: 'POST /domains',
        body: JSON.stringify({ name }),
        parse: parsers.domainRegistered,
        retry: 'refusal',
      },
      o,
    );
    return { name, created: true, message: r.message };
  }

  /**
   * Registers `name` unless it exists already: idempotent, and therefore retried like a read.
   *
   * @example
   * ```ts
   * await client.ensureDomain('factoring.supply-chain.us'); // { created: true } then { created: false }
   * ```
   */
  async ensureDomain(name: string, o: CallOptions = {}): Promise<DomainRegistration> {
    try {
      const r = await this.transport.call(
        {
          method: 'POST',
          path: 'domains',
          route: 'POST /domains',
          body: JSON.stringify({ name }),
          parse: parsers.domainRegistered,
          retry: 'read',
        },
        o,
      );
      return { name, created: true, message: r.message };
    } catch (error) {
      if (isHttpError(error) && error.status === 400 && /already exists/.test(error.message)) {
        return { name, created: false, message: error.message };
      }
      throw error;
    }
  }

  /** `POST /quids`: the node makes a key pair and throws the private key away. Do not build on it. */
  createQuid(metadata: JsonObject = {}, o: CallOptions = {}): Promise<CreatedQuid> {
    return this.transport.call(
      {
        method: 'POST',
        path: 'quids',
        route: 'POST /quids',
        body: JSON.stringify({ metadata }),
        parse: parsers.quid,
        retry: 'refusal',
      },
      o,
    );
  }

  /** `GET /domains/{name}/query?type&param` (raw object; the node forwards to peers). */
  queryDomain(
    name: string,
    type: 'identity' | 'trust' | 'title',
    param: string,
    o: CallOptions = {},
  ): Promise<unknown> {
    return this.#get(`domains/${enc(name)}/query`, 'GET /domains/{name}/query', (d) => d, o, { type, param });
  }

  // ---- identity ---------------------------------------------------------------------------

  /** `GET /identity/{quidId}`: the latest committed IDENTITY; `NotFoundError` if none. */
  getIdentity(quidId: string, o: CallOptions = {}): Promise<IdentityTx> {
    if (o.crossCheck)
      return crossChecked(this, o, 'GET /identity/{quidId}', (c) => this.getIdentity(quidId, c), txKey);
    return this.#get(`identity/${enc(quidId)}`, 'GET /identity/{quidId}', parsers.identityTx, o);
  }

  /** Like `getIdentity`, but `undefined` instead of `NotFoundError`. */
  findIdentity(quidId: string, o: CallOptions = {}): Promise<IdentityTx | undefined> {
    return this.#orUndefined(this.getIdentity(quidId, o));
  }

  /** `GET /registry/identity?quid_id`: the identity through the registry route. */
  getIdentityRegistryEntry(quidId: string, o: CallOptions = {}): Promise<IdentityTx> {
    return this.#get('registry/identity', 'GET /registry/identity', parsers.identityTx, o, {
      quid_id: quidId,
    });
  }

  /** `GET /registry/identity`: one page of every identity (summary fields). */
  listIdentities(page: PageParams = {}, o: CallOptions = {}): Promise<Page<IdentityRegistryEntry>> {
    return this.#get('registry/identity', 'GET /registry/identity', parsers.identityPage, o, { ...page });
  }

  /** Every identity of the registry, for `for await`. */
  iterateIdentities(page: PageParams = {}, o: CallOptions = {}): AsyncGenerator<IdentityRegistryEntry, void> {
    return this.#walk((offset) => this.listIdentities({ ...page, offset }, o), page, o);
  }

  // ---- trust ------------------------------------------------------------------------------

  /** `GET /trust/{observer}/{target}`: relational trust (a missing `trustPath` becomes `[]`). */
  getTrust(
    observer: string,
    target: string,
    params: TrustQueryParams = {},
    o: CallOptions = {},
  ): Promise<TrustResult> {
    return this.#get(
      `trust/${enc(observer)}/${enc(target)}`,
      'GET /trust/{observer}/{target}',
      parsers.trustResult,
      o,
      {
        domain: params.domain,
        maxDepth: params.maxDepth,
        includeUnverified: params.includeUnverified ? 'true' : undefined,
      },
    );
  }

  /** `POST /trust/query`: the same as `getTrust` (read-only, so retried like a read). */
  queryTrust(
    query: { observer: string; target: string } & TrustQueryParams,
    o: CallOptions = {},
  ): Promise<TrustResult> {
    return this.transport.call(
      {
        method: 'POST',
        path: 'trust/query',
        route: 'POST /trust/query',
        body: JSON.stringify(query),
        parse: parsers.trustResult,
        retry: 'read',
      },
      o,
    );
  }

  /** `GET /trust/edges/{quidId}`: direct, non-expired edges as a list (the node sends an object). */
  getTrustEdges(
    quidId: string,
    params: { includeUnverified?: boolean } = {},
    o: CallOptions = {},
  ): Promise<TrustEdges> {
    return this.#get(`trust/edges/${enc(quidId)}`, 'GET /trust/edges/{quidId}', parsers.edges, o, {
      includeUnverified: params.includeUnverified ? 'true' : undefined,
    });
  }

  /** `GET /registry/trust?observer&target[&maxDepth]`: relational trust via the registry route. */
  getRegistryTrust(
    query: { observer: string; target: string; maxDepth?: number },
    o: CallOptions = {},
  ): Promise<TrustResult> {
    return this.#get('registry/trust', 'GET /registry/trust', parsers.trustResult, o, { ...query });
  }

  /** `GET /registry/trust?truster&trustee`: the direct level (0 when expired or absent). */
  getTrustRegistryEdge(truster: string, trustee: string, o: CallOptions = {}): Promise<TrustRegistryEdge> {
    return this.#get('registry/trust', 'GET /registry/trust', parsers.registryEdge, o, { truster, trustee });
  }

  /** `GET /registry/trust?truster`: every trustee and level of `truster` (expired included). */
  getTrustRelationships(truster: string, o: CallOptions = {}): Promise<TrustRelationships> {
    return this.#get('registry/trust', 'GET /registry/trust', parsers.relationships, o, { truster });
  }

  /** `GET /registry/trust`: one page of every edge. */
  listTrustRegistry(page: PageParams = {}, o: CallOptions = {}): Promise<Page<TrustRegistryEdge>> {
    return this.#get('registry/trust', 'GET /registry/trust', parsers.registryEdgePage, o, { ...page });
  }

  /** Every edge of the trust registry, for `for await`. */
  iterateTrustRegistry(page: PageParams = {}, o: CallOptions = {}): AsyncGenerator<TrustRegistryEdge, void> {
    return this.#walk((offset) => this.listTrustRegistry({ ...page, offset }, o), page, o);
  }

  // ---- titles -----------------------------------------------------------------------------

  /** `GET /title/{assetId}`: the latest committed TITLE; `NotFoundError` if none. */
  getTitle(assetId: string, o: CallOptions = {}): Promise<TitleTx> {
    if (o.crossCheck)
      return crossChecked(this, o, 'GET /title/{assetId}', (c) => this.getTitle(assetId, c), txKey);
    return this.#get(`title/${enc(assetId)}`, 'GET /title/{assetId}', parsers.titleTx, o);
  }

  /** Like `getTitle`, but `undefined` instead of `NotFoundError`. */
  findTitle(assetId: string, o: CallOptions = {}): Promise<TitleTx | undefined> {
    return this.#orUndefined(this.getTitle(assetId, o));
  }

  /** `GET /registry/title?asset_id`: the title through the registry route. */
  getTitleRegistryEntry(assetId: string, o: CallOptions = {}): Promise<TitleTx> {
    return this.#get('registry/title', 'GET /registry/title', parsers.titleTx, o, { asset_id: assetId });
  }

  /** `GET /registry/title?owner_id`: one page of the titles `ownerId` holds. */
  listTitlesByOwner(ownerId: string, page: PageParams = {}, o: CallOptions = {}): Promise<Page<OwnedTitle>> {
    return this.#get('registry/title', 'GET /registry/title', parsers.ownedTitlePage, o, {
      owner_id: ownerId,
      ...page,
    });
  }

  /** Every title `ownerId` holds, for `for await`. */
  iterateTitlesByOwner(
    ownerId: string,
    page: PageParams = {},
    o: CallOptions = {},
  ): AsyncGenerator<OwnedTitle, void> {
    return this.#walk((offset) => this.listTitlesByOwner(ownerId, { ...page, offset }, o), page, o);
  }

  /** `GET /registry/title`: one page of every title. */
  listTitles(page: PageParams = {}, o: CallOptions = {}): Promise<Page<TitleRegistryEntry>> {
    return this.#get('registry/title', 'GET /registry/title', parsers.titlePage, o, { ...page });
  }

  /** Every title of the registry, for `for await`. */
  iterateTitles(page: PageParams = {}, o: CallOptions = {}): AsyncGenerator<TitleRegistryEntry, void> {
    return this.#walk((offset) => this.listTitles({ ...page, offset }, o), page, o);
  }

  // ---- streams ----------------------------------------------------------------------------

  /** `GET /streams/{subjectId}`; `NotFoundError` before the stream's first commit. */
  getStream(
    subjectId: string,
    params: { includeHidden?: boolean } = {},
    o: CallOptions = {},
  ): Promise<StreamInfo> {
    return this.#get(`streams/${enc(subjectId)}`, 'GET /streams/{subjectId}', parsers.stream, o, {
      includeHidden: params.includeHidden ? 'true' : undefined,
    });
  }

  /** Like `getStream`, but `undefined` instead of `NotFoundError`. */
  findStream(
    subjectId: string,
    params: { includeHidden?: boolean } = {},
    o: CallOptions = {},
  ): Promise<StreamInfo | undefined> {
    return this.#orUndefined(this.getStream(subjectId, params, o));
  }

  /** `GET /streams/{subjectId}/events`: one page, in commit order (empty for an unknown subject). */
  listStreamEvents(
    subjectId: string,
    params: PageParams & { includeExpired?: boolean; includeHidden?: boolean } = {},
    o: CallOptions = {},
  ): Promise<Page<EventTx>> {
    return this.#get(
      `streams/${enc(subjectId)}/events`,
      'GET /streams/{subjectId}/events',
      parsers.eventPage,
      o,
      {
        limit: params.limit,
        offset: params.offset,
        include_expired: params.includeExpired ? 'true' : undefined,
        includeHidden: params.includeHidden ? 'true' : undefined,
      },
    );
  }

  /** Every event of a stream in commit order, for `for await`. */
  iterateStreamEvents(
    subjectId: string,
    params: PageParams & { includeExpired?: boolean; includeHidden?: boolean } = {},
    o: CallOptions = {},
  ): AsyncGenerator<EventTx, void> {
    // The node leaves expired and moderated events out of a page after slicing it: short pages are honest.
    return this.#walk(
      (offset) => this.listStreamEvents(subjectId, { ...params, offset }, o),
      params,
      o,
      true,
    );
  }

  // ---- pool and blocks --------------------------------------------------------------------

  /** `GET /transactions`: one page of the pending pool. */
  listPendingTransactions(page: PageParams = {}, o: CallOptions = {}): Promise<Page<QuidnugTx>> {
    return this.#get('transactions', 'GET /transactions', parsers.txPage, o, { ...page });
  }

  /** Every pending transaction, for `for await`. */
  iteratePendingTransactions(page: PageParams = {}, o: CallOptions = {}): AsyncGenerator<QuidnugTx, void> {
    return this.#walk((offset) => this.listPendingTransactions({ ...page, offset }, o), page, o);
  }

  /** `GET /blocks`: one page of blocks from genesis. */
  listBlocks(page: PageParams = {}, o: CallOptions = {}): Promise<Page<Block>> {
    return this.#get('blocks', 'GET /blocks', parsers.blockPage, o, { ...page });
  }

  /** Every block from genesis, for `for await`. */
  iterateBlocks(page: PageParams = {}, o: CallOptions = {}): AsyncGenerator<Block, void> {
    return this.#walk((offset) => this.listBlocks({ ...page, offset }, o), page, o);
  }

  /** `GET /blocks/tentative/{domain}`. */
  getTentativeBlocks(domain: string, o: CallOptions = {}): Promise<TentativeBlocks> {
    return this.#get(
      `blocks/tentative/${enc(domain)}`,
      'GET /blocks/tentative/{domain}',
      parsers.tentative,
      o,
    );
  }

  // ---- guardians (/api/v2/guardian, QDP-0002 / QDP-0006) ------------------------------------

  /** `POST /api/v2/guardian/set-update` (from core's `buildGuardianSetUpdate`); `GuardianRejectedError` when refused. */
  submitGuardianSetUpdate(u: GuardianSetUpdate, o: CallOptions = {}): Promise<GuardianSetUpdateAccepted> {
    return guardianApi.submitGuardianSetUpdate(this, u, o);
  }

  /** `POST /api/v2/guardian/recovery/init` (from `buildRecoveryInit`): `{ recoveryAnchorHash, toEpoch }`. */
  submitRecoveryInit(a: GuardianRecoveryInit, o: CallOptions = {}): Promise<RecoveryAccepted> {
    return guardianApi.submitRecoveryInit(this, a, o);
  }

  /** `POST /api/v2/guardian/recovery/veto` (from `buildRecoveryVeto`). */
  submitRecoveryVeto(v: GuardianRecoveryVeto, o: CallOptions = {}): Promise<RecoveryAccepted> {
    return guardianApi.submitRecoveryVeto(this, v, o);
  }

  /** `POST /api/v2/guardian/recovery/commit` (from `buildRecoveryCommit`). */
  submitRecoveryCommit(c: GuardianRecoveryCommit, o: CallOptions = {}): Promise<RecoveryAccepted> {
    return guardianApi.submitRecoveryCommit(this, c, o);
  }

  /** `POST /api/v2/guardian/resign` (from `buildGuardianResignation`); `duplicate` on a replayed nonce. */
  submitGuardianResignation(r: GuardianResignation, o: CallOptions = {}): Promise<ResignationAccepted> {
    return guardianApi.submitGuardianResignation(this, r, o);
  }

  /** `GET /api/v2/guardian/set/{quid}`: the installed set; `NotFoundError` if none. */
  getGuardianSet(quid: string, o: CallOptions = {}): Promise<GuardianSet> {
    return guardianApi.getGuardianSet(this, quid, o);
  }

  /** Like `getGuardianSet`, but `undefined` instead of `NotFoundError`. */
  findGuardianSet(quid: string, o: CallOptions = {}): Promise<GuardianSet | undefined> {
    return guardianApi.findGuardianSet(this, quid, o);
  }

  /** `GET /api/v2/guardian/pending-recovery/{quid}`; `NotFoundError` when nothing is pending. */
  getPendingRecovery(quid: string, o: CallOptions = {}): Promise<PendingRecovery> {
    return guardianApi.getPendingRecovery(this, quid, o);
  }

  /** Like `getPendingRecovery`, but `undefined` instead of `NotFoundError`. */
  findPendingRecovery(quid: string, o: CallOptions = {}): Promise<PendingRecovery | undefined> {
    return guardianApi.findPendingRecovery(this, quid, o);
  }

  /** `GET /api/v2/guardian/resignations/{quid}`: resignations and whether the set is weakened. */
  getGuardianResignations(quid: string, o: CallOptions = {}): Promise<GuardianResignations> {
    return guardianApi.getGuardianResignations(this, quid, o);
  }
}

// What two nodes must agree on for a transaction: its id and its signature (up to the high-s twin).
const txKey = (tx: QuidnugTx): string => `${tx.id}/${canonicalSignature(tx.signature)}`;
