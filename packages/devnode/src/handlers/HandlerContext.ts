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
  /** Plain `json.NewDecoder(r.Body).Decode` (unknown fields allowed); false on any error. */
  readonly rawBody: (schema: StructSchema) => Promise<boolean>;
  /** The Content-Length header as Go reads it (-1 when absent or invalid). */
  readonly contentLength: number;
}

/** A route handler. */
export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
