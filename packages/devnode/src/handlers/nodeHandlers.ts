// GET /health, GET /info, GET /domains, POST /domains.

import type { Handler } from '../http/HandlerContext.js';
import { fail, ok } from '../http/reply.js';
import { GoStruct } from '../json/goJson.js';
import { DOMAIN_SCHEMA } from '../json/schemas.js';

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
