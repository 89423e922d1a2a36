// Go `encoding/json` output for the node's responses: structs in declaration order with
// omitempty, maps with keys sorted by UTF-8 bytes, HTML-safe string escaping, and float64
// numbers in Go's shortest form (identical to JS for finite values, except -0).

import type { FieldKind, StructSchema } from './goStruct.js';

/** A value to be encoded as a Go struct (declaration order, omitempty) rather than a map. */
export class GoStruct {
  readonly schema: StructSchema;
  readonly value: Readonly<Record<string, unknown>>;
  constructor(schema: StructSchema, value: Readonly<Record<string, unknown>>) {
    this.schema = schema;
    this.value = value;
  }
}

const NEEDS_ESCAPE = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;

/**
 * A JSON string literal exactly as Go writes it.
 *
 * @example
 * ```ts
 * goString('a&b'); // "\"a\\u0026b\""
 * ```
 */
export function goString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += '\ufffd';
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
          out += `\\u${c.toString(16).padStart(4, '0')}`;
        } else out += s[i]!;
    }
  }
  return `${out}"`;
}

/** Go's float64 text: the JS shortest form, except that -0 stays "-0". */
export function goNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError('json: unsupported value');
  return Object.is(n, -0) ? '-0' : String(n);
}

/** Compares strings by UTF-8 byte order (= code point order), as Go sorts map keys. */
export function compareUtf8(a: string, b: string): number {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort above every BMP unit in code point order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function isEmpty(kind: FieldKind, v: unknown): boolean {
  if (v === null || v === undefined || v === '' || v === 0 || v === false) return true;
  if (typeof kind === 'object' && 'struct' in kind) return false;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && !(v instanceof GoStruct)) return Object.keys(v).length === 0;
  return false;
}

function encodeField(kind: FieldKind, v: unknown): string {
  if (typeof kind === 'object') {
    if ('struct' in kind) return encodeStruct(kind.struct, v as Record<string, unknown>);
    if (v === null || v === undefined) return 'null';
    return `[${(v as Record<string, unknown>[]).map((item) => encodeStruct(kind.slice, item)).join(',')}]`;
  }
  return encodeGo(v);
}

function encodeStruct(schema: StructSchema, value: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const f of schema.fields) {
    const v = value[f.name];
    if (f.omitEmpty && isEmpty(f.kind, v)) continue;
    parts.push(`${goString(f.name)}:${encodeField(f.kind, v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** A container being written by {@link encodeGo}: its remaining members. */
interface OpenContainer {
  readonly close: string;
  /** Array items, or [quoted key, value] map entries in Go's key order. */
  readonly members: readonly unknown[];
  readonly isArray: boolean;
  next: number;
}

/**
 * Encodes a value as Go's `json.Marshal` would: {@link GoStruct} in field order, plain objects as
 * maps with sorted keys, `undefined` members skipped. Plain arrays and maps are walked without
 * recursion, so a payload as deep as the node's decoder accepts (10,000 levels) is served and
 * measured like any other (structs only nest a few levels).
 *
 * @example
 * ```ts
 * encodeGo({ success: true, data: { b: 1, a: '<' } }); // {"data":{"a":"\u003c","b":1},"success":true}
 * ```
 */
export function encodeGo(v: unknown): string {
  const stack: OpenContainer[] = [];
  let out = '';
  let current: unknown = v;
  for (;;) {
    if (current === null || current === undefined) out += 'null';
    else if (typeof current === 'string') out += goString(current);
    else if (typeof current === 'number') out += goNumber(current);
    else if (typeof current === 'boolean') out += current ? 'true' : 'false';
    else if (typeof current !== 'object') throw new TypeError(`cannot encode ${typeof current}`);
    else if (current instanceof GoStruct) out += encodeStruct(current.schema, current.value);
    else if (Array.isArray(current)) {
      out += '[';
      stack.push({ close: ']', members: current, isArray: true, next: 0 });
    } else {
      const obj = current as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort(compareUtf8);
      out += '{';
      stack.push({ close: '}', members: keys.map((k) => [goString(k), obj[k]]), isArray: false, next: 0 });
    }
    // Move to the next member, closing finished containers.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) return out;
      if (top.next < top.members.length) {
        const member = top.members[top.next];
        if (top.next++ > 0) out += ',';
        if (top.isArray) current = member;
        else {
          const [key, value] = member as [string, unknown];
          out += `${key}:`;
          current = value;
        }
        break;
      }
      out += top.close;
      stack.pop();
    }
  }
}
