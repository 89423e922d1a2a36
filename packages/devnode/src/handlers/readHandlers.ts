// GET /identity/{id}, /title/{assetId}, /registry/title, /registry/identity, /streams/…,
// /transactions (pending pool), /blocks, /blocks/tentative/{domain}.

import { GoStruct } from '../json/goJson.js';
import type { GoValue } from '../json/goStruct.js';
import { BLOCK_SCHEMA, EVENT_SCHEMA, IDENTITY_SCHEMA, STREAM_SCHEMA, TITLE_SCHEMA } from '../json/schemas.js';
import { txStruct } from '../state/txStruct.js';
import type { Handler } from './HandlerContext.js';
import { paginate, parsePage } from './pagination.js';
import { fail, ok } from './reply.js';

/** GET /identity/{quidId}: the latest committed IDENTITY. */
export const getIdentity: Handler = ({ engine, params }) => {
  const identity = engine.state.identities.get(params['quidId']!);
  return identity
    ? ok(new GoStruct(IDENTITY_SCHEMA, identity))
    : fail(404, 'NOT_FOUND', 'Identity not found');
};

/** GET /title/{assetId}: the latest committed TITLE. */
export const getTitle: Handler = ({ engine, params }) => {
  const title = engine.state.titles.get(params['assetId']!);
  return title ? ok(new GoStruct(TITLE_SCHEMA, title)) : fail(404, 'NOT_FOUND', 'Title not found');
};

/** GET /registry/title?asset_id= | ?owner_id= | (all). */
export const titleRegistry: Handler = ({ engine, query }) => {
  const assetId = query.get('asset_id') ?? '';
  const ownerId = query.get('owner_id') ?? '';
  if (assetId !== '') {
    const title = engine.state.titles.get(assetId);
    return title ? ok(new GoStruct(TITLE_SCHEMA, title)) : fail(404, 'NOT_FOUND', 'Title not found');
  }
  const page = parsePage(query);
  if (ownerId !== '') {
    const owned: Record<string, unknown>[] = [];
    for (const [id, title] of engine.state.titles) {
      const stakes =
        (title['owners'] as Array<{ ownerId: string; percentage: number; stakeType: string }>) ?? [];
      const stake = stakes.find((s) => s.ownerId === ownerId);
      if (stake) owned.push({ asset_id: id, percentage: stake.percentage, stake_type: stake.stakeType });
    }
    return ok(paginate(owned, page));
  }
  const entries = [...engine.state.titles].map(([id, title]) => ({
    asset_id: id,
    title: new GoStruct(TITLE_SCHEMA, title),
  }));
  return ok(paginate(entries, page));
};

/** GET /registry/identity?quid_id= | (all, paginated). */
export const identityRegistry: Handler = ({ engine, query }) => {
  const quidId = query.get('quid_id') ?? '';
  if (quidId !== '') {
    const identity = engine.state.identities.get(quidId);
    return identity
      ? ok(new GoStruct(IDENTITY_SCHEMA, identity))
      : fail(404, 'NOT_FOUND', 'Identity not found');
  }
  const entries = [...engine.state.identities].map(([id, i]) => ({
    quid_id: id,
    identity: {
      quidId: i['quidId'],
      name: i['name'],
      description: i['description'],
      attributes: i['attributes'],
      creator: i['creator'],
      updateNonce: i['updateNonce'],
    },
  }));
  return ok(paginate(entries, parsePage(query)));
};

/** GET /streams/{subjectId}: 404 until the first event commits. */
export const getStream: Handler = ({ engine, params }) => {
  const stream = engine.state.streams.get(params['subjectId']!);
  return stream
    ? ok(new GoStruct(STREAM_SCHEMA, { ...stream }))
    : fail(404, 'NOT_FOUND', 'Event stream not found');
};

/** True when the payload's `expiresAt` (Unix nanoseconds) has passed (QDP-0022). */
function payloadExpired(payload: unknown, nowMs: number): boolean {
  if (payload === null || typeof payload !== 'object') return false;
  const raw = (payload as Record<string, unknown>)['expiresAt'];
  if (typeof raw !== 'number') return false;
  // Go's int64(float64): out-of-range values become math.MinInt64 on amd64 (so they count as past).
  const expiresAt = Math.abs(raw) >= 2 ** 63 ? -(2 ** 63) : Math.trunc(raw);
  if (expiresAt === 0) return false;
  return expiresAt < nowMs * 1e6;
}

/** GET /streams/{subjectId}/events: commit order, paginated before filtering expired events. */
export const getStreamEvents: Handler = ({ engine, params, query }) => {
  const page = parsePage(query);
  const events = engine.state.events.get(params['subjectId']!) ?? [];
  const { data, pagination } = paginate(events, page);
  const includeExpired = query.get('include_expired') === 'true';
  const now = engine.now();
  const visible = includeExpired ? data : data.filter((e: GoValue) => !payloadExpired(e['payload'], now));
  return ok({ data: visible.map((e) => new GoStruct(EVENT_SCHEMA, e)), pagination });
};

/** GET /transactions: the pending pool, in submission order. */
export const pendingTransactions: Handler = ({ engine, query }) => {
  const { data, pagination } = paginate(engine.state.pending, parsePage(query));
  return ok({ data: data.map(txStruct), pagination });
};

function blockStruct(block: GoValue): GoStruct {
  return new GoStruct(BLOCK_SCHEMA, block);
}

/** GET /blocks: the chain from genesis. */
export const listBlocks: Handler = ({ engine, query }) => {
  const { data, pagination } = paginate(engine.state.blocks, parsePage(query));
  return ok({
    data: data.map((b) => blockStruct({ ...b, transactions: b.transactions.map(txStruct) })),
    pagination,
  });
};

/** GET /blocks/tentative/{domain}: a single node never holds tentative blocks. */
export const tentativeBlocks: Handler = ({ params }) => ok({ domain: params['domain'], blocks: null });
