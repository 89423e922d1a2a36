// POST /transactions/{trust,identity,title} and POST /events.

import { EVENT_SCHEMA, IDENTITY_SCHEMA, TITLE_SCHEMA, TRUST_SCHEMA } from '../json/schemas.js';
import type { TxKind } from '../state/state.js';
import type { Handler, HandlerContext } from './HandlerContext.js';
import { fail, ok, type Reply } from './reply.js';

const MESSAGES: Record<Exclude<TxKind, 'EVENT'>, string> = {
  TRUST: 'Trust transaction added to pending pool',
  IDENTITY: 'Identity transaction added to pending pool',
  TITLE: 'Title transaction added to pending pool',
};

async function submitTx(ctx: HandlerContext, kind: Exclude<TxKind, 'EVENT'>): Promise<Reply> {
  const schema = kind === 'TRUST' ? TRUST_SCHEMA : kind === 'IDENTITY' ? IDENTITY_SCHEMA : TITLE_SCHEMA;
  const decoded = await ctx.decode(schema);
  if ('reply' in decoded) return decoded.reply;
  const outcome = await ctx.engine.submit(kind, decoded.value);
  if (!outcome.ok) return fail(400, 'BAD_REQUEST', outcome.message);
  return ok({ status: 'success', transaction_id: outcome.id, message: MESSAGES[kind] });
}

/** POST /transactions/trust. */
export const submitTrust: Handler = (ctx) => submitTx(ctx, 'TRUST');
/** POST /transactions/identity. */
export const submitIdentity: Handler = (ctx) => submitTx(ctx, 'IDENTITY');
/** POST /transactions/title. */
export const submitTitle: Handler = (ctx) => submitTx(ctx, 'TITLE');

/** POST /events: answers `{id, sequence}`. */
export const submitEvent: Handler = async (ctx) => {
  const decoded = await ctx.decode(EVENT_SCHEMA);
  if ('reply' in decoded) return decoded.reply;
  const outcome = await ctx.engine.submit('EVENT', decoded.value);
  if (!outcome.ok) return fail(400, 'BAD_REQUEST', outcome.message);
  return ok({ id: outcome.id, sequence: outcome.sequence });
};
