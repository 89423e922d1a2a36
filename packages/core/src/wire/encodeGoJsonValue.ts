import { EncodingError } from '../errors/EncodingError.js';
import { compareUtf8 } from './compareUtf8.js';
import { describe, formatGoFloat } from './goNumber.js';
import { type LoneSurrogateMode, quoteGoString } from './goString.js';
import { childPath, indexPath, type LazyPath, resolvePath } from './path.js';

/** True for `{}`-style objects (prototype Object.prototype or null), the only maps Go can mirror. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Writes `value` the way Go marshals the same value decoded into `any`: maps sorted by UTF-8 key
 * bytes (serialized by hand: JS objects put integer-like keys first), HTML escaping, shortest
 * float formatting. `undefined` object members are skipped (a Go map cannot hold them).
 * Internal: callers pass the lone-surrogate policy and the path of `value`.
 */
export function writeGoJsonValue(
  value: unknown,
  mode: LoneSurrogateMode,
  path: LazyPath,
  ancestors: unknown[] = [],
): string {
  switch (typeof value) {
    case 'string':
      return quoteGoString(value, mode, path);
    case 'number':
      return formatGoFloat(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new EncodingError(resolvePath(path), `${describe(value)} has no JSON form`);
  }
  if (value === null) return 'null';
  if (ancestors.includes(value)) throw new EncodingError(resolvePath(path), 'circular reference');
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const itemPath = () => indexPath(resolvePath(path), i);
      if (item === undefined) throw new EncodingError(itemPath(), 'undefined array item');
      out += (i ? ',' : '') + writeGoJsonValue(item, mode, itemPath, ancestors);
    }
    out += ']';
  } else if (isPlainObject(value)) {
    out = writeGoJsonMap(value, mode, path, ancestors);
  } else {
    throw new EncodingError(
      resolvePath(path),
      `${describe(value)} is not a plain object, array or JSON primitive`,
    );
  }
  ancestors.pop();
  return out;
}

/** A Go map: keys (after lone-surrogate handling, as Go decodes them) sorted by UTF-8 bytes. */
export function writeGoJsonMap(
  map: Record<string, unknown>,
  mode: LoneSurrogateMode,
  path: LazyPath,
  ancestors: unknown[] = [],
): string {
  const entries: [quotedKey: string, sortKey: string, value: unknown, key: string][] = [];
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) continue;
    const quoted = quoteGoString(key, mode, () => childPath(resolvePath(path), key));
    // Sort on the decoded key Go would see: lone surrogates become U+FFFD first.
    const sortKey =
      mode === 'replace'
        ? key.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
        : key;
    entries.push([quoted, sortKey, v, key]);
  }
  entries.sort((a, b) => compareUtf8(a[1], b[1]));
  let out = '{';
  for (let i = 0; i < entries.length; i++) {
    const [quoted, , v, key] = entries[i]!;
    out +=
      (i ? ',' : '') +
      quoted +
      ':' +
      writeGoJsonValue(v, mode, () => childPath(resolvePath(path), key), ancestors);
  }
  return out + '}';
}
