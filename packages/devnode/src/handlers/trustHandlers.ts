// GET /trust/{observer}/{target}, POST /trust/query, GET /trust/edges/{quidId},
// GET /registry/trust.

import type { Engine } from '../engine/Engine.js';
import { GoStruct } from '../json/goJson.js';
import {
  EDGE_SCHEMA,
  ENHANCED_TRUST_RESULT_SCHEMA,
  TRUST_QUERY_SCHEMA,
  TRUST_RESULT_SCHEMA,
} from '../json/schemas.js';
import type { Handler } from './HandlerContext.js';
import { atoi, paginate, parsePage } from './pagination.js';
import { fail, ok, type Reply } from './reply.js';

const WARNING = { 'X-Trust-Computation-Warning': 'resource limits exceeded, partial result returned' };

function pathDepth(path: readonly string[] | undefined): number {
  return path && path.length > 1 ? path.length - 1 : 0;
}

/** The relational answer, enhanced or not, with the warning header on a partial result. */
function trustReply(
  engine: Engine,
  observer: string,
  target: string,
  domain: string,
  maxDepth: number,
  includeUnverified: boolean,
): Reply {
  if (includeUnverified) {
    const r = engine.enhancedTrust(observer, target, maxDepth);
    const body = new GoStruct(ENHANCED_TRUST_RESULT_SCHEMA, {
      observer,
      target,
      trustLevel: r.trustLevel,
      trustPath: r.trustPath ?? null,
      pathDepth: pathDepth(r.trustPath),
      domain,
      confidence: r.unverifiedHops === 0 ? 'high' : r.unverifiedHops === 1 ? 'medium' : 'low',
      unverifiedHops: r.unverifiedHops,
      verificationGaps: r.gaps,
    });
    return ok(body, 200, r.limitHit ? WARNING : undefined);
  }
  const r = engine.relationalTrust(observer, target, maxDepth);
  const body = new GoStruct(TRUST_RESULT_SCHEMA, {
    observer,
    target,
    trustLevel: r.trustLevel,
    trustPath: r.trustPath ?? null,
    pathDepth: pathDepth(r.trustPath),
    domain,
  });
  return ok(body, 200, r.limitHit ? WARNING : undefined);
}

/** `maxDepth` query value: a positive integer, else the default (5). */
function queryDepth(raw: string | null): number {
  if (raw === null || raw === '') return 5;
  const v = atoi(raw);
  return v !== undefined && v > 0 ? v : 5;
}

/** GET /trust/{observer}/{target}. */
export const getTrust: Handler = ({ engine, params, query }) =>
  trustReply(
    engine,
    params['observer']!,
    params['target']!,
    query.get('domain') || 'default',
    queryDepth(query.get('maxDepth')),
    query.get('includeUnverified') === 'true',
  );

/** POST /trust/query. */
export const postTrustQuery: Handler = async (ctx) => {
  const decoded = await ctx.decode(TRUST_QUERY_SCHEMA);
  if ('reply' in decoded) return decoded.reply;
  const q = decoded.value;
  const observer = q['observer'] as string;
  const target = q['target'] as string;
  if (observer === '' || target === '') {
    return fail(400, 'MISSING_PARAMETERS', 'observer and target are required', ['observer', 'target']);
  }
  const maxDepth = q['maxDepth'] as number;
  return trustReply(
    ctx.engine,
    observer,
    target,
    (q['domain'] as string) || 'default',
    maxDepth > 0 ? maxDepth : 5,
    q['includeUnverified'] as boolean,
  );
};

/** GET /trust/edges/{quidId}: an object keyed by trustee; expired edges left out. */
export const getTrustEdges: Handler = ({ engine, params, query }) => {
  const quidId = params['quidId']!;
  const includeUnverified = query.get('includeUnverified') === 'true';
  const edges: Record<string, unknown> = Object.create(null);
  for (const [trustee, edge] of engine.trustEdges(quidId, includeUnverified)) {
    edges[trustee] = new GoStruct(EDGE_SCHEMA, edge);
  }
  return ok({ quidId, includeUnverified, edges });
};

/** GET /registry/trust (four forms; snake_case keys; no warning header). */
export const trustRegistry: Handler = ({ engine, query }) => {
  const observer = query.get('observer') ?? '';
  const target = query.get('target') ?? '';
  const truster = query.get('truster') ?? '';
  const trustee = query.get('trustee') ?? '';
  if (observer !== '' && target !== '') {
    const r = engine.relationalTrust(observer, target, queryDepth(query.get('maxDepth')));
    return ok(
      new GoStruct(TRUST_RESULT_SCHEMA, {
        observer,
        target,
        trustLevel: r.trustLevel,
        trustPath: r.trustPath ?? null,
        pathDepth: pathDepth(r.trustPath),
        domain: '',
      }),
    );
  }
  if (truster !== '' && trustee !== '') {
    return ok({ truster, trustee, trust_level: engine.directTrust(truster, trustee) });
  }
  if (truster !== '') {
    // Expired edges included; an unknown truster gives `relationships: null` (PROTOCOL §15.7).
    const inner = engine.state.trust.get(truster);
    return ok({ truster, relationships: inner ? Object.fromEntries(inner) : null });
  }
  const entries: Record<string, unknown>[] = [];
  for (const [from, inner] of engine.state.trust) {
    for (const [to, level] of inner) entries.push({ truster: from, trustee: to, trust_level: level });
  }
  return ok(paginate(entries, parsePage(query)));
};
