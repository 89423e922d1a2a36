import { EncodingError } from '../errors/EncodingError.js';
import { compareUtf8 } from './compareUtf8.js';
import { describeValue } from './describeValue.js';
import { formatGoFloat } from './goNumber.js';
import { type LoneSurrogateMode, quoteGoString } from './goString.js';
import { MAX_JSON_NESTING } from './maxJsonNesting.js';
import { childPath, indexPath, type LazyPath, resolvePath } from './path.js';

/** True for `{}`-style objects (prototype Object.prototype or null), the only maps Go can mirror. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** One open array or map while writing: its remaining members and where it sits. */
interface Frame {
  readonly container: object;
  /** Array items, or map entries as [quotedKey, value, key] in Go's key order. */
  readonly members: readonly unknown[] | readonly (readonly [string, unknown, string])[];
  readonly isArray: boolean;
  next: number;
  /** Key or index of this container in its parent (undefined for the root). */
  readonly at: string | number | undefined;
}

/** Path of the value at `at` under the open frames (built only when an error is raised). */
function pathOf(base: LazyPath, frames: readonly Frame[], at: string | number | undefined): string {
  let path = resolvePath(base);
  const steps = [...frames.slice(1).map((f) => f.at), ...(frames.length > 0 ? [at] : [])];
  for (const step of steps) {
    if (step === undefined) continue;
    path = typeof step === 'number' ? indexPath(path, step) : childPath(path, step);
  }
  return path;
}

/** A Go map's entries: keys (after lone-surrogate handling, as Go decodes them) by UTF-8 bytes. */
function mapEntries(
  map: Record<string, unknown>,
  mode: LoneSurrogateMode,
  keyPath: (key: string) => string,
): (readonly [string, unknown, string])[] {
  const entries: [quotedKey: string, sortKey: string, value: unknown, key: string][] = [];
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) continue;
    const quoted = quoteGoString(key, mode, () => keyPath(key));
    // Sort on the decoded key Go would see: lone surrogates become U+FFFD first.
    const sortKey =
      mode === 'replace'
        ? key.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        : key;
    entries.push([quoted, sortKey, v, key]);
  }
  entries.sort((a, b) => compareUtf8(a[1], b[1]));
  return entries.map(([quoted, , v, key]) => [quoted, v, key] as const);
}

/**
 * Writes `value` the way Go marshals the same value decoded into `any`: maps sorted by UTF-8 key
 * bytes (serialized by hand: JS objects put integer-like keys first), HTML escaping, shortest
 * float formatting. `undefined` object members are skipped (a Go map cannot hold them).
 * Iterative, so nesting as deep as the node accepts never overflows the call stack; containers
 * deeper than {@link MAX_JSON_NESTING} (counting `openAbove` already open around `value`) are an
 * `EncodingError`. Internal: callers pass the lone-surrogate policy and the path of `value`.
 */
export function writeGoJsonValue(
  value: unknown,
  mode: LoneSurrogateMode,
  path: LazyPath,
  openAbove = 0,
): string {
  const frames: Frame[] = [];
  const open = new Set<object>();
  let out = '';
  let current: unknown = value;
  let at: string | number | undefined;
  for (;;) {
    // Write `current` (a primitive fully, a container by opening a frame).
    const where = (): string => pathOf(path, frames, at);
    switch (typeof current) {
      case 'string':
        out += quoteGoString(current, mode, where);
        break;
      case 'number':
        out += formatGoFloat(current, where);
        break;
      case 'boolean':
        out += current ? 'true' : 'false';
        break;
      case 'object': {
        if (current === null) {
          out += 'null';
          break;
        }
        if (open.has(current)) throw new EncodingError(where(), 'circular reference');
        if (frames.length + openAbove >= MAX_JSON_NESTING) {
          throw new EncodingError(
            where(),
            `nested deeper than ${MAX_JSON_NESTING} levels (the node's JSON decoder limit)`,
          );
        }
        if (Array.isArray(current)) {
          frames.push({ container: current, members: current, isArray: true, next: 0, at });
          out += '[';
        } else if (isPlainObject(current)) {
          const entries = mapEntries(current, mode, (key) => childPath(where(), key));
          frames.push({ container: current, members: entries, isArray: false, next: 0, at });
          out += '{';
        } else {
          throw new EncodingError(
            where(),
            `${describeValue(current)} is not a plain object, array or JSON primitive`,
          );
        }
        open.add(current);
        break;
      }
      default:
        throw new EncodingError(where(), `${describeValue(current)} has no JSON form`);
    }
    // Find the next member to write, closing every container that is done.
    for (;;) {
      const top = frames[frames.length - 1];
      if (!top) return out;
      if (top.next < top.members.length) {
        const i = top.next++;
        if (i > 0) out += ',';
        if (top.isArray) {
          at = i;
          current = top.members[i];
          if (current === undefined)
            throw new EncodingError(pathOf(path, frames, at), 'undefined array item');
        } else {
          const [quoted, v, key] = top.members[i] as readonly [string, unknown, string];
          out += `${quoted}:`;
          at = key;
          current = v;
        }
        break;
      }
      out += top.isArray ? ']' : '}';
      open.delete(top.container);
      frames.pop();
    }
  }
}

/** A Go map (see {@link writeGoJsonValue}); `openAbove` containers are already open around it. */
export function writeGoJsonMap(
  map: Record<string, unknown>,
  mode: LoneSurrogateMode,
  path: LazyPath,
  openAbove = 0,
): string {
  return writeGoJsonValue(map, mode, path, openAbove);
}
