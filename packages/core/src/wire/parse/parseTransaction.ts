import type * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from '../../errors/ValidationError.js';
import { checkJsonObject } from '../build/checks.js';
import { Issues } from '../build/Issues.js';
import { describeValue } from '../describeValue.js';
import { childPath } from '../path.js';
import type { EventTx, IdentityTx, QuidnugTx, TitleTx, TrustTx } from '../types.js';
import { eventSchema, identitySchema, titleSchema, trustSchema } from './schemas.js';

type Schema = typeof trustSchema | typeof identitySchema | typeof titleSchema | typeof eventSchema;

function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : childPath(p, String(k))), '');
}

function toIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.flatMap((i): ValidationIssue[] => {
    const path = issuePath(i.path);
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ path: childPath(path, k), message: 'unknown field' }));
    let message = i.message;
    if (message === 'Invalid input') {
      if (i.code === 'invalid_type') message = `expected ${i.expected}`;
      else if (i.code === 'invalid_value')
        message = `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return [{ path, message }];
  });
}

function decode(json: unknown): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json);
  } catch (e) {
    throw new ValidationError('INVALID_TRANSACTION', [
      { path: '', message: `not valid JSON (${(e as Error).message})` },
    ]);
  }
}

// Go decodes `null` into a nil map / slice, which marshals like an absent field: drop it.
function dropNulls(tx: Record<string, unknown>): void {
  for (const key of ['attributes', 'payload', 'previousOwners']) if (tx[key] === null) delete tx[key];
}

function parseWith<T extends QuidnugTx>(schema: Schema, json: unknown): T {
  const value = decode(json);
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError('INVALID_TRANSACTION', toIssues(result.error));
  const tx = result.data as Record<string, unknown>;
  dropNulls(tx);
  const issues = new Issues();
  for (const key of ['attributes', 'payload'])
    if (tx[key] !== undefined) checkJsonObject(issues, key, tx[key], true);
  issues.throwIfAny();
  return tx as unknown as T;
}

/**
 * Validates the wire shape of a TRUST transaction (a parsed object or JSON text): exact keys,
 * types, quid IDs, 128-hex signature, 130-hex key. Throws `ValidationError('INVALID_TRANSACTION')`
 * with paths. Does not verify the signature: call `verifyTransaction` next.
 *
 * @example
 * ```ts
 * const tx = parseTrustTx(await request.json());
 * if (!verifyTransaction(tx)) reject();
 * ```
 */
export function parseTrustTx(json: unknown): TrustTx {
  return parseWith<TrustTx>(trustSchema, json);
}

/**
 * {@link parseTrustTx} for IDENTITY.
 *
 * @example
 * ```ts
 * const tx = parseIdentityTx(body);
 * ```
 */
export function parseIdentityTx(json: unknown): IdentityTx {
  return parseWith<IdentityTx>(identitySchema, json);
}

/**
 * {@link parseTrustTx} for TITLE (new titles and transfers).
 *
 * @example
 * ```ts
 * const tx = parseTitleTx(body);
 * ```
 */
export function parseTitleTx(json: unknown): TitleTx {
  return parseWith<TitleTx>(titleSchema, json);
}

/**
 * {@link parseTrustTx} for EVENT.
 *
 * @example
 * ```ts
 * const tx = parseEventTx(body);
 * ```
 */
export function parseEventTx(json: unknown): EventTx {
  return parseWith<EventTx>(eventSchema, json);
}

/**
 * Parses any of the four transactions, picking the schema from `type`. Throws
 * `ValidationError('INVALID_TRANSACTION')` with paths on anything that is not a well-formed,
 * signed wire transaction.
 *
 * @example
 * ```ts
 * const tx = parseTransaction('{"id":"…","type":"EVENT",…}');
 * tx.type; // 'EVENT'
 * ```
 */
export function parseTransaction(json: unknown): QuidnugTx {
  const value = decode(json);
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  switch (type) {
    case 'TRUST':
      return parseTrustTx(value);
    case 'IDENTITY':
      return parseIdentityTx(value);
    case 'TITLE':
      return parseTitleTx(value);
    case 'EVENT':
      return parseEventTx(value);
    default:
      throw new ValidationError('INVALID_TRANSACTION', [
        {
          path: typeof value === 'object' && value !== null ? 'type' : '',
          message: `expected a TRUST, IDENTITY, TITLE or EVENT transaction, got ${describeValue(type ?? value)}`,
        },
      ]);
  }
}
