// GET /health, GET /info, GET /domains, POST /domains, GET /domains/{name}/query.

import { generatePrivateKey, publicKeyFromPrivateKey, quidIdFromPublicKey } from '@quidfin/core';
import { GoStruct } from '../json/goJson.js';
import type { StructSchema } from '../json/goStruct.js';
import { DOMAIN_SCHEMA, IDENTITY_SCHEMA, TITLE_SCHEMA, TRUST_RESULT_SCHEMA } from '../json/schemas.js';
import type { Handler } from './HandlerContext.js';
import { paginate, parsePage } from './pagination.js';
import { fail, ok } from './reply.js';

/** GET /health. */
export const health: Handler = ({ engine }) =>
  ok({
    status: 'ok',
    node_id: engine.key.nodeId,
    uptime: engine.nowSeconds() - engine.state.genesisTime,
    version: '1.0.0',
  });

/** GET /info: blockHeight is the index of the last block added (per-domain indexes). */
export const info: Handler = ({ engine }) => {
  const { blocks, domains } = engine.state;
  return ok({
    nodeQuid: engine.key.nodeId,
    managedDomains: [...domains.keys()],
    blockHeight: blocks[blocks.length - 1]?.index ?? 0,
    version: '1.0.0',
  });
};

/**
 * GET /nodes: the peers this node knows, paginated. A lone node knows none, and the node still
 * answers an empty page (`data: []`, not null: an empty slice), with the parsed limit and offset.
 */
export const listNodes: Handler = ({ query }) => ok(paginate([], parsePage(query)));

/** GET /domains. */
export const listDomains: Handler = ({ engine }) =>
  ok({ domains: [...engine.state.domains.values()].map((d) => new GoStruct(DOMAIN_SCHEMA, d)) });

/** POST /domains. */
export const registerDomain: Handler = async (ctx) => {
  const decoded = await ctx.decode(DOMAIN_SCHEMA);
  if ('reply' in decoded) return decoded.reply;
  const error = ctx.engine.registerDomain(decoded.value);
  if (error) return fail(400, 'BAD_REQUEST', error);
  return ok({
    status: 'success',
    message: 'Trust domain registered successfully',
    domain: decoded.value['name'],
  });
};

/**
 * GET /domains/{name}/query?type=identity|trust|title&param=…: a local lookup; other domains would
 * be forwarded to peers, and a single node knows none.
 */
export const queryDomain: Handler = ({ engine, params, query }) => {
  const name = params['name']!;
  const type = query.get('type') ?? '';
  const param = query.get('param') ?? '';
  if (!engine.state.domains.has(name)) {
    return fail(404, 'NOT_FOUND', `no known nodes manage trust domain: ${name} (or any related domain)`);
  }
  switch (type) {
    case 'identity': {
      const identity = engine.state.identities.get(param);
      return identity
        ? ok(new GoStruct(IDENTITY_SCHEMA, identity))
        : fail(404, 'NOT_FOUND', 'Identity not found');
    }
    case 'title': {
      const title = engine.state.titles.get(param);
      return title ? ok(new GoStruct(TITLE_SCHEMA, title)) : fail(404, 'NOT_FOUND', 'Title not found');
    }
    case 'trust': {
      const parts = param.split(':');
      if (parts.length !== 2) {
        return fail(400, 'BAD_REQUEST', 'Invalid trust query format. Use observer:target');
      }
      const [observer, target] = parts as [string, string];
      const r = engine.relationalTrust(observer, target, 5);
      return ok(
        new GoStruct(TRUST_RESULT_SCHEMA, {
          observer,
          target,
          trustLevel: r.trustLevel,
          trustPath: r.trustPath ?? null,
          pathDepth: r.trustPath && r.trustPath.length > 1 ? r.trustPath.length - 1 : 0,
          domain: name,
        }),
      );
    }
    default:
      return fail(400, 'BAD_REQUEST', 'Unknown query type');
  }
};

const QUIDS_SCHEMA: StructSchema = { fields: [{ name: 'metadata', kind: 'mapAny' }] };

/**
 * POST /quids: a key pair made on the server whose private key is thrown away (useless to an SDK,
 * served for completeness). The body is decoded only when Content-Length > 0, leniently, and a
 * bad one is an envelope 400, unlike the transaction routes.
 */
export const createQuid: Handler = async ({ engine, rawBody, contentLength }) => {
  if (contentLength > 0) {
    const decoded = await rawBody(QUIDS_SCHEMA);
    if (!decoded) return fail(400, 'BAD_REQUEST', 'Invalid request body');
  }
  const publicKey = publicKeyFromPrivateKey(generatePrivateKey());
  return ok({ quidId: quidIdFromPublicKey(publicKey), publicKey, created: engine.nowSeconds() }, 201);
};
