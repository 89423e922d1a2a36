import { isPlainObject } from '../encodeGoJsonValue.js';
import { describe } from '../goNumber.js';
import { utf8Length } from '../hex.js';
import { childPath, indexPath } from '../path.js';
import type { Issues } from './Issues.js';

// Field rules shared by the builders: what the node drops, rewrites or chokes on (PROTOCOL §6, §13).

/** Quid IDs: 16 lowercase hex chars. */
export const QUID_RE: RegExp = /^[a-f0-9]{16}$/;
/** Asset IDs (and TITLE subjects) become URL path segments: keep to this set (G10). */
export const ASSET_ID_RE: RegExp = /^[A-Za-z0-9._:-]+$/;
/** IPFS CIDs the node accepts (v0 or base32 v1). */
export const CID_RE: RegExp = /^(?:Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{58,})$/;
/** Go `unicode.IsControl`: C0, DEL and C1. */
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
/** Same, but tab, newline and carriage return are allowed (descriptions). */
const CONTROL_EXCEPT_WS_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Above this a "seconds" value is really milliseconds or nanoseconds (year 5138). */
export const MAX_SECONDS = 1e11;

/** Options of {@link checkString}. */
export interface StringRule {
  readonly required?: boolean;
  readonly maxBytes?: number;
  readonly control?: 'none' | 'allow-whitespace' | 'any';
  readonly pattern?: RegExp;
  readonly patternText?: string;
}

/** A string field; `undefined` is fine unless required. Returns true when usable. */
export function checkString(issues: Issues, path: string, value: unknown, rule: StringRule = {}): boolean {
  if (value === undefined) {
    if (rule.required) issues.add(path, 'is required');
    return !rule.required;
  }
  if (typeof value !== 'string') {
    issues.add(path, `expected a string, got ${describe(value)}`);
    return false;
  }
  const before = issues.list.length;
  if (value === '' && rule.required) issues.add(path, 'must not be empty');
  if (LONE_SURROGATE_RE.test(value))
    issues.add(path, 'contains a lone UTF-16 surrogate (not encodable as UTF-8)');
  if (rule.maxBytes !== undefined && utf8Length(value) > rule.maxBytes) {
    issues.add(path, `must be at most ${rule.maxBytes} UTF-8 bytes, got ${utf8Length(value)}`);
  }
  const control = rule.control ?? 'none';
  if (control === 'none' && CONTROL_RE.test(value)) issues.add(path, 'must not contain control characters');
  if (control === 'allow-whitespace' && CONTROL_EXCEPT_WS_RE.test(value)) {
    issues.add(path, 'must not contain control characters other than tab, newline and carriage return');
  }
  if (rule.pattern && value !== '' && !rule.pattern.test(value)) {
    issues.add(path, `must match ${rule.patternText ?? String(rule.pattern)}, got ${describe(value)}`);
  }
  return issues.list.length === before;
}

/** A quid ID field (required). */
export function checkQuid(issues: Issues, path: string, value: unknown): boolean {
  return checkString(issues, path, value, {
    required: true,
    pattern: QUID_RE,
    patternText: 'a quid ID (16 lowercase hex chars)',
  });
}

/** An int64 field: safe integer in [min, max]. */
export function checkInt(
  issues: Issues,
  path: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): boolean {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    issues.add(path, `expected a safe integer, got ${describe(value)}`);
    return false;
  }
  if (value < min || value > max) {
    issues.add(path, `must be between ${min} and ${max}, got ${value}`);
    return false;
  }
  return true;
}

/** A Unix-seconds field; rejects 0 and values that look like milliseconds or nanoseconds. */
export function checkSeconds(issues: Issues, path: string, value: unknown): boolean {
  if (!checkInt(issues, path, value, 1, Number.MAX_SAFE_INTEGER)) return false;
  if ((value as number) > MAX_SECONDS) {
    issues.add(path, `must be Unix seconds; ${value} looks like milliseconds or nanoseconds`);
    return false;
  }
  return true;
}

/** A float64 field: finite number in [min, max]. */
export function checkFloat(issues: Issues, path: string, value: unknown, min: number, max: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.add(path, `expected a finite number, got ${describe(value)}`);
    return false;
  }
  if (value < min || value > max) {
    issues.add(path, `must be between ${min} and ${max}, got ${value}`);
    return false;
  }
  return true;
}

/** Refuses keys outside `allowed` (typos would otherwise be silently ignored). */
export function checkKnownKeys(issues: Issues, input: object, allowed: readonly string[]): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) issues.add(childPath('', key), 'unknown field');
  }
}

/**
 * A JSON object for `payload` / `attributes`: plain objects and arrays only, finite numbers,
 * integers within the safe range (payload numbers pass through float64), no lone surrogates.
 */
export function checkJsonObject(issues: Issues, path: string, value: unknown, received = false): boolean {
  if (!isPlainObject(value)) {
    issues.add(path, `expected a plain JSON object, got ${describe(value)}`);
    return false;
  }
  const before = issues.list.length;
  checkJsonValue(issues, path, value, [], received);
  return issues.list.length === before;
}

// `received`: a value decoded from someone else's JSON; Go copes with unsafe integers (float64)
// and lone surrogates (U+FFFD) there, so only shapes that cannot come from JSON are refused.
function checkJsonValue(
  issues: Issues,
  path: string,
  value: unknown,
  ancestors: unknown[],
  received: boolean,
): void {
  switch (typeof value) {
    case 'string':
      if (!received && LONE_SURROGATE_RE.test(value))
        issues.add(path, 'contains a lone UTF-16 surrogate (not encodable as UTF-8)');
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) issues.add(path, `expected a finite number, got ${value}`);
      else if (!received && Number.isInteger(value) && !Number.isSafeInteger(value)) {
        issues.add(path, `integer ${value} is outside ±(2^53−1) and would lose precision; use a string`);
      }
      return;
    case 'object':
      break;
    default:
      issues.add(path, `${describe(value)} has no JSON form`);
      return;
  }
  if (value === null) return;
  if (ancestors.includes(value)) {
    issues.add(path, 'circular reference');
    return;
  }
  ancestors.push(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) issues.add(indexPath(path, i), 'undefined array item');
      else checkJsonValue(issues, indexPath(path, i), item, ancestors, received);
    }
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!received && LONE_SURROGATE_RE.test(k))
        issues.add(childPath(path, k), 'key contains a lone UTF-16 surrogate');
      if (v !== undefined) checkJsonValue(issues, childPath(path, k), v, ancestors, received);
    }
  } else {
    issues.add(path, `${describe(value)} is not a plain object, array or JSON primitive`);
  }
  ancestors.pop();
}

/** Deep copy of a checked JSON value: `undefined` members dropped, -0 turned into 0. */
export function cloneJson<T>(value: T): T {
  if (typeof value === 'number') return (value === 0 ? 0 : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = cloneJson(v);
  return out as T;
}
