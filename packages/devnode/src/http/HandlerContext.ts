import type { Engine } from '../engine/Engine.js';
import type { GoValue, StructSchema } from '../json/goStruct.js';
import type { Reply } from './reply.js';

/** A decoded body, or the node's plain-text 400 / 413 answer. */
export type Decoded = { readonly value: GoValue } | { readonly reply: Reply };

/** What a route handler gets. */
export interface HandlerContext {
  readonly engine: Engine;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  /** Reads and strictly decodes the body into `schema` (DecodeJSONBody). */
  readonly decode: (schema: StructSchema) => Promise<Decoded>;
}

/** A route handler. */
export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
