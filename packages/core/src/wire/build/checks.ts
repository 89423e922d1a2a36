import { describeValue } from '../describeValue.js';
import { isPlainObject } from '../encodeGoJsonValue.js';
import { MAX_JSON_NESTING } from '../maxJsonNesting.js';
import { childPath, indexPath } from '../path.js';
import { QUID_ID_PATTERN, utf8Length } from '../protocol.js';
import type { Issues } from './Issues.js';

// Field rules shared by the builders: what the node drops, rewrites or chokes on (PROTOCOL §6, §13).

/** Asset IDs (and TITLE subjects) become URL path segments: keep to this set (G10). */
export const ASSET_ID_RE: RegExp = /^[A-Za-z0-9._:-]+$/;
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
    issues.add(path, `expected a string, got ${describeValue(value)}`);
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
    issues.add(path, `must match ${rule.patternText ?? String(rule.pattern)}, got ${describeValue(value)}`);
  }
  return issues.list.length === before;
}

/** A quid ID field (required). */
export function checkQuid(issues: Issues, path: string, value: unknown): boolean {
  return checkString(issues, path, value, {
    required: true,
    pattern: QUID_ID_PATTERN,
    patternText: 'a quid ID (16 lowercase hex chars)',
  });
}

/** An int64 field: safe integer in [min, max]. */
export function checkInt(
  issues: Issues,
  path: string,
  value: unknown,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): boolean {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    issues.add(path, `expected a safe integer, got ${describeValue(value)}`);
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
    issues.add(path, `expected a finite number, got ${describeValue(value)}`);
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

/** A location in a checked value: built lazily, only when an issue is raised. */
interface At {
  readonly parent: At | undefined;
  readonly step: string | number;
}

function pathAt(base: string, at: At | undefined): string {
  const steps: (string | number)[] = [];
  for (let a = at; a; a = a.parent) steps.push(a.step);
  let path = base;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    path = typeof step === 'number' ? indexPath(path, step) : childPath(path, step);
  }
  return path;
}

/**
 * A JSON object for `payload` / `attributes`: plain objects and arrays only, finite numbers,
 * integers within the safe range (payload numbers pass through float64), no lone surrogates, and
 * no deeper than the node's decoder accepts inside a transaction ({@link MAX_JSON_NESTING} − 1).
 * Walks without recursion, so a deep value gets an issue, never a stack overflow.
 */
export function checkJsonObject(issues: Issues, path: string, value: unknown, received = false): boolean {
  if (!isPlainObject(value)) {
    issues.add(path, `expected a plain JSON object, got ${describeValue(value)}`);
    return false;
  }
  const before = issues.list.length;
  checkJsonValue(issues, path, value, received);
  return issues.list.length === before;
}

// `received`: a value decoded from someone else's JSON; Go copes with unsafe integers (float64)
// and lone surrogates (U+FFFD) there, so only shapes that cannot come from JSON are refused.
function checkJsonValue(issues: Issues, base: string, root: unknown, received: boolean): void {
  const maxDepth = MAX_JSON_NESTING - 1;
  // Depth-first; an `exit` entry closes a container so cycles are told from shared subtrees.
  type Item = { value: unknown; at: At | undefined; depth: number } | { exit: object };
  const stack: Item[] = [{ value: root, at: undefined, depth: 1 }];
  const open = new Set<object>();
  for (let item = stack.pop(); item; item = stack.pop()) {
    if ('exit' in item) {
      open.delete(item.exit);
      continue;
    }
    const { value, at, depth } = item;
    const here = () => pathAt(base, at);
    switch (typeof value) {
      case 'string':
        if (!received && LONE_SURROGATE_RE.test(value))
          issues.add(here(), 'contains a lone UTF-16 surrogate (not encodable as UTF-8)');
        continue;
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(value)) issues.add(here(), `expected a finite number, got ${value}`);
        else if (!received && Number.isInteger(value) && !Number.isSafeInteger(value)) {
          issues.add(here(), `integer ${value} is outside ±(2^53−1) and would lose precision; use a string`);
        }
        continue;
      case 'object':
        break;
      default:
        issues.add(here(), `${describeValue(value)} has no JSON form`);
        continue;
    }
    if (value === null) continue;
    if (open.has(value)) {
      issues.add(here(), 'circular reference');
      continue;
    }
    if (depth > maxDepth) {
      issues.add(
        here(),
        `nested deeper than ${maxDepth} levels: the node's JSON decoder refuses more than ${MAX_JSON_NESTING} in a transaction`,
      );
      return;
    }
    const children: Item[] = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (child === undefined) issues.add(pathAt(base, { parent: at, step: i }), 'undefined array item');
        else children.push({ value: child, at: { parent: at, step: i }, depth: depth + 1 });
      }
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (!received && LONE_SURROGATE_RE.test(k))
          issues.add(pathAt(base, { parent: at, step: k }), 'key contains a lone UTF-16 surrogate');
        if (v !== undefined) children.push({ value: v, at: { parent: at, step: k }, depth: depth + 1 });
      }
    } else {
      issues.add(here(), `${describeValue(value)} is not a plain object, array or JSON primitive`);
      continue;
    }
    open.add(value);
    stack.push({ exit: value });
    // Reversed, so members are checked (and reported) in their own order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/**
 * Deep copy of a checked JSON value: `undefined` members dropped, -0 turned into 0. Iterative, so
 * any depth the checks let through is copied without recursion.
 */
export function cloneJson<T>(value: T): T {
  const copy = (v: unknown): unknown => {
    if (typeof v === 'number') return v === 0 ? 0 : v;
    if (typeof v !== 'object' || v === null) return v;
    return Array.isArray(v) ? new Array<unknown>(v.length) : {};
  };
  const root = copy(value);
  const work: [source: object, target: Record<string, unknown> | unknown[]][] = [];
  if (typeof root === 'object' && root !== null) work.push([value as object, root as never]);
  for (let item = work.pop(); item; item = work.pop()) {
    const [source, target] = item;
    if (Array.isArray(source)) {
      const out = target as unknown[];
      for (let i = 0; i < source.length; i++) {
        const c = copy(source[i]);
        out[i] = c;
        if (typeof c === 'object' && c !== null) work.push([source[i] as object, c as never]);
      }
    } else {
      const out = target as Record<string, unknown>;
      for (const [k, v] of Object.entries(source)) {
        if (v === undefined) continue;
        const c = copy(v);
        // An own "__proto__" key (JSON.parse makes one) is data: assigning it would set the
        // copy's prototype and silently drop the member from what gets signed.
        if (k === '__proto__')
          Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else out[k] = c;
        if (typeof c === 'object' && c !== null) work.push([v as object, c as never]);
      }
    }
  }
  return root as T;
}
