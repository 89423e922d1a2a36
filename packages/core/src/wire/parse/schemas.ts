import * as z from 'zod/mini';
import { isPlainObject } from '../encodeGoJsonValue.js';
import { QUID_ID_PATTERN } from '../protocol.js';
import type { JsonObject } from '../types.js';

// Strict zod/mini schemas of the four wire transactions (internal: zod types stay out of the
// public .d.ts; callers use the parse functions). Unknown keys are refused, like the node does.

/** What parseTransaction needs of a schema (declared, so the module's types need no inference). */
export type WireSchema = z.ZodMiniType<Record<string, unknown>>;

const quid = z.string().check(z.regex(QUID_ID_PATTERN, 'expected a quid ID (16 lowercase hex chars)'));
const txId = z
  .string()
  .check(z.regex(/^(?:[a-f0-9]{64})?$/, 'expected a transaction ID (64 lowercase hex chars)'));
const signature = z
  .string()
  .check(z.regex(/^[0-9a-fA-F]{128}$/, 'expected a raw r||s signature (128 hex chars)'));
const publicKey = z
  .string()
  .check(z.regex(/^04[0-9a-fA-F]{128}$/, 'expected an uncompressed P-256 public key (04 + 128 hex chars)'));
const int = z.int();
const float = z.number();
const jsonMap = z.custom<JsonObject>((v) => isPlainObject(v), 'expected a JSON object');

const base = {
  id: txId,
  trustDomain: z.string(),
  timestamp: int,
  signature,
  publicKey,
};

export const trustSchema: WireSchema = z.strictObject({
  ...base,
  type: z.literal('TRUST'),
  truster: quid,
  trustee: quid,
  trustLevel: float,
  nonce: int,
  description: z.optional(z.string()),
  validUntil: z.optional(int),
});

export const identitySchema: WireSchema = z.strictObject({
  ...base,
  type: z.literal('IDENTITY'),
  quidId: quid,
  name: z.string(),
  description: z.optional(z.string()),
  attributes: z.optional(z.nullable(jsonMap)),
  creator: quid,
  updateNonce: int,
  homeDomain: z.optional(z.string()),
});

const stake = z.strictObject({
  ownerId: quid,
  percentage: float,
  stakeType: z.optional(z.string()),
});

export const titleSchema: WireSchema = z.strictObject({
  ...base,
  type: z.literal('TITLE'),
  assetId: z.string(),
  owners: z.nullable(z.array(stake)),
  previousOwners: z.optional(z.nullable(z.array(stake))),
  signatures: z.nullable(z.record(quid, signature)),
  expiryDate: z.optional(int),
  titleType: z.optional(z.string()),
});

export const eventSchema: WireSchema = z.strictObject({
  ...base,
  type: z.literal('EVENT'),
  subjectId: z.string(),
  subjectType: z.enum(['QUID', 'TITLE']),
  sequence: int,
  eventType: z.string(),
  payload: z.optional(z.nullable(jsonMap)),
  payloadCid: z.optional(z.string()),
  previousEventId: z.optional(z.string()),
});
