// Go `encoding/json` struct semantics for the node's request and response types: one field list
// drives both decoding (DisallowUnknownFields, case-insensitive names, null = no effect, int64
// refusing non-integer literals) and encoding (declaration order, omitempty).

import { type JsonNode, JsonNumber, JsonObjectNode } from './parseFirstValue.js';

/** Go field kinds used by the node's types. */
export type FieldKind =
  | 'string'
  | 'int64'
  | 'float64'
  | 'bool'
  | 'any'
  | 'mapAny'
  | 'mapString'
  | 'mapFloat'
  | 'stringSlice'
  | { readonly struct: StructSchema }
  | { readonly slice: StructSchema };

/** One struct field: JSON name, kind, omitempty. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly omitEmpty?: boolean;
}

/** A Go struct: fields in declaration order. */
export interface StructSchema {
  readonly fields: readonly FieldSpec[];
}

/** A decoded Go struct value (field name → value). */
export type GoValue = Record<string, unknown>;

/** Raised for anything Go's decoder refuses: the caller answers `400 Invalid request body`. */
export class GoDecodeError extends Error {
  override readonly name: string = 'GoDecodeError';
}

const INT64_RE = /^-?(?:0|[1-9][0-9]*)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go folds `ſ` to `s` and the Kelvin sign to `k` when matching field names. */
function foldName(name: string): string {
  return name.replace(/\u017f/g, 's').toLowerCase();
}

/** The zero value Go gives each kind. */
export function zeroValue(kind: FieldKind): unknown {
  if (typeof kind === 'object') return 'struct' in kind ? zeroStruct(kind.struct) : null;
  switch (kind) {
    case 'string':
      return '';
    case 'int64':
    case 'float64':
      return 0;
    case 'bool':
      return false;
    default:
      return null;
  }
}

/** A struct with every field at its zero value. */
export function zeroStruct(schema: StructSchema): GoValue {
  const out: GoValue = {};
  for (const f of schema.fields) out[f.name] = zeroValue(f.kind);
  return out;
}

/**
 * Symbol key under which a decoded struct keeps the exact digits of int64 fields that no JS number
 * holds (beyond ±2^53, e.g. a `validUntil` in nanoseconds), by field name. The number stored in
 * the field itself is rounded; signature bytes are rebuilt from these digits.
 */
export const EXACT_INT64: unique symbol = Symbol('exactInt64');

/** Exact digits of the unsafe int64 fields of `value` (empty when there are none). */
export function exactInt64Digits(value: GoValue): Readonly<Record<string, string>> {
  return ((value as Record<symbol, unknown>)[EXACT_INT64] as Record<string, string> | undefined) ?? {};
}

/** Go's decoding of a number into int64: integer digits only, in range. */
export function toInt64(raw: string): number {
  if (!INT64_RE.test(raw)) throw new GoDecodeError(`cannot decode ${raw} into int64`);
  const big = BigInt(raw);
  if (big < INT64_MIN || big > INT64_MAX) throw new GoDecodeError(`${raw} overflows int64`);
  // Values beyond 2^53 lose precision here (documented limitation of the devnode).
  return Number(big);
}

function toFloat64(raw: string): number {
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new GoDecodeError(`${raw} overflows float64`);
  return v;
}

/**
 * Converts a parsed node to a plain JS value as Go decodes into `interface{}`: objects become
 * null-prototype records (last duplicate wins), numbers become float64. Iterative.
 */
export function toAny(node: JsonNode): unknown {
  const root: { v: unknown } = { v: undefined };
  const work: Array<[JsonNode, (v: unknown) => void]> = [[node, (v) => (root.v = v)]];
  while (work.length > 0) {
    const [n, set] = work.pop()!;
    if (n instanceof JsonNumber) set(toFloat64(n.raw));
    else if (Array.isArray(n)) {
      const arr: unknown[] = new Array(n.length);
      set(arr);
      n.forEach((item, idx) => {
        work.push([item, (v) => (arr[idx] = v)]);
      });
    } else if (n instanceof JsonObjectNode) {
      const obj: Record<string, unknown> = Object.create(null);
      set(obj);
      // Duplicate keys: the last occurrence wins.
      const lastIndex = new Map<string, number>();
      n.keys.forEach((k, idx) => {
        lastIndex.set(k, idx);
      });
      for (const [k, idx] of lastIndex) {
        obj[k] = null;
        work.push([n.values[idx]!, (v) => (obj[k] = v)]);
      }
    } else set(n);
  }
  return root.v;
}

function decodeMap(node: JsonNode, current: unknown, elem: 'any' | 'string' | 'float64'): unknown {
  if (node === null) return null;
  if (!(node instanceof JsonObjectNode)) throw new GoDecodeError('expected object');
  // Go reuses an existing map (duplicate field occurrences merge).
  const out: Record<string, unknown> =
    current !== null && typeof current === 'object'
      ? (current as Record<string, unknown>)
      : Object.create(null);
  node.keys.forEach((k, idx) => {
    const v = node.values[idx]!;
    if (elem === 'any') out[k] = toAny(v);
    else if (elem === 'string') {
      if (v === null) out[k] = '';
      else if (typeof v === 'string') out[k] = v;
      else throw new GoDecodeError('expected string');
    } else if (v === null) out[k] = 0;
    else if (v instanceof JsonNumber) out[k] = toFloat64(v.raw);
    else throw new GoDecodeError('expected number');
  });
  return out;
}

function decodeField(kind: FieldKind, node: JsonNode, current: unknown): unknown {
  if (typeof kind === 'object') {
    if ('struct' in kind) {
      if (node === null) return current;
      return decodeStruct(node, kind.struct, current as GoValue);
    }
    if (node === null) return null;
    if (!Array.isArray(node)) throw new GoDecodeError('expected array');
    return node.map((item) => (item === null ? zeroStruct(kind.slice) : decodeStruct(item, kind.slice)));
  }
  // JSON null has no effect on non-reference kinds; it resets maps, slices and interfaces.
  if (node === null) {
    return kind === 'string' || kind === 'int64' || kind === 'float64' || kind === 'bool' ? current : null;
  }
  switch (kind) {
    case 'string':
      if (typeof node !== 'string') throw new GoDecodeError('expected string');
      return node;
    case 'int64':
      if (!(node instanceof JsonNumber)) throw new GoDecodeError('expected number');
      return toInt64(node.raw);
    case 'float64':
      if (!(node instanceof JsonNumber)) throw new GoDecodeError('expected number');
      return toFloat64(node.raw);
    case 'bool':
      if (typeof node !== 'boolean') throw new GoDecodeError('expected bool');
      return node;
    case 'any':
      return toAny(node);
    case 'mapAny':
      return decodeMap(node, current, 'any');
    case 'mapString':
      return decodeMap(node, current, 'string');
    case 'mapFloat':
      return decodeMap(node, current, 'float64');
    case 'stringSlice':
      if (!Array.isArray(node)) throw new GoDecodeError('expected array');
      return node.map((s) => {
        if (s === null) return '';
        if (typeof s !== 'string') throw new GoDecodeError('expected string');
        return s;
      });
  }
}

/**
 * Decodes a parsed JSON value into a Go struct, with unknown fields disallowed. `null` at the top
 * leaves the struct at its zero value (Go: no effect).
 *
 * @example
 * ```ts
 * decodeStruct(parseFirstValue('{"Name":"x"}').value, { fields: [{ name: 'name', kind: 'string' }] }); // { name: 'x' }
 * ```
 */
export function decodeStruct(
  node: JsonNode,
  schema: StructSchema,
  into?: GoValue,
  allowUnknown = false,
): GoValue {
  const out = into ?? zeroStruct(schema);
  if (node === null) return out;
  if (!(node instanceof JsonObjectNode)) throw new GoDecodeError('expected object');
  node.keys.forEach((key, idx) => {
    const field = findField(schema, key);
    if (!field) {
      if (allowUnknown) return;
      throw new GoDecodeError(`unknown field "${key}"`);
    }
    const value = node.values[idx]!;
    out[field.name] = decodeField(field.kind, value, out[field.name]);
    if (field.kind === 'int64') {
      // Keep the digits Go would re-marshal when the JS number cannot hold them exactly.
      const exact = { ...exactInt64Digits(out) };
      if (value instanceof JsonNumber && !Number.isSafeInteger(out[field.name]))
        exact[field.name] = value.raw;
      else delete exact[field.name];
      (out as Record<symbol, unknown>)[EXACT_INT64] = exact;
    }
  });
  return out;
}

function findField(schema: StructSchema, key: string): FieldSpec | undefined {
  for (const f of schema.fields) if (f.name === key) return f;
  const folded = foldName(key);
  for (const f of schema.fields) if (f.name.toLowerCase() === folded) return f;
  return undefined;
}
