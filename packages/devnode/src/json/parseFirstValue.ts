// A strict JSON reader that behaves like Go's json.Decoder.Decode: it reads only the first JSON
// value of the input (trailing bytes are never looked at), refuses what Go's scanner refuses
// (raw control characters in strings, leading zeros, depth above 10000), replaces lone surrogate
// escapes with U+FFFD, keeps number literals as text (so int64 fields can refuse `1e9` and `1.0`)
// and keeps object members in document order with duplicates (Go: the last one wins). It is
// iterative, so hostile nesting cannot overflow the JS stack.

/** A JSON number kept as its literal text. */
export class JsonNumber {
  readonly raw: string;
  constructor(raw: string) {
    this.raw = raw;
  }
}

/** A JSON object with members in document order (duplicates kept). */
export class JsonObjectNode {
  readonly keys: string[] = [];
  readonly values: JsonNode[] = [];
}

/** Any value produced by {@link parseFirstValue}. */
export type JsonNode = string | boolean | null | JsonNumber | JsonObjectNode | JsonNode[];

/** Result of reading the first value: the value and the offset just past it. */
export interface ParsedValue {
  readonly value: JsonNode;
  readonly end: number;
}

/** Go's scanner refuses nesting deeper than this. */
const MAX_DEPTH = 10_000;

/** Thrown for any syntax problem; the caller answers with the node's plain-text 400. */
export class JsonSyntaxError extends Error {
  override readonly name: string = 'JsonSyntaxError';
  /** True when the input ended before the first value did (more bytes could have completed it). */
  readonly incomplete: boolean;
  constructor(message: string, incomplete: boolean) {
    super(message);
    this.incomplete = incomplete;
  }
}

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Reads the first JSON value of `text`. Throws {@link JsonSyntaxError} when the first value is
 * malformed or incomplete (empty input included).
 *
 * @example
 * ```ts
 * parseFirstValue('{"a":1} trailing').end; // 7
 * ```
 */
export function parseFirstValue(text: string): ParsedValue {
  let i = 0;
  const n = text.length;
  type Frame = { container: JsonObjectNode | JsonNode[]; key: string | undefined };
  const stack: Frame[] = [];
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at offset ${i}`, i >= n);
  };
  const skipWs = (): void => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  const readString = (): string => {
    // text[i] is the opening quote
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c >= 0xd800 && c <= 0xdfff) {
        // A raw lone surrogate cannot come from UTF-8 input; keep pairs, replace lone halves.
        const next = text.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
        out += text.slice(start, i) + '\uFFFD';
        i++;
        start = i;
        continue;
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      const e = text[i + 1];
      i += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const unit = readHex4();
          if (unit >= 0xd800 && unit <= 0xdbff) {
            if (text[i] === '\\' && text[i + 1] === 'u') {
              const save = i;
              i += 2;
              const low = readHex4();
              if (low >= 0xdc00 && low <= 0xdfff) {
                out += String.fromCharCode(unit, low);
                break;
              }
              i = save;
            }
            out += '\uFFFD';
          } else if (unit >= 0xdc00 && unit <= 0xdfff) {
            out += '\uFFFD';
          } else {
            out += String.fromCharCode(unit);
          }
          break;
        }
        default:
          i -= 1;
          fail('invalid escape');
      }
      start = i;
    }
  };
  const readHex4 = (): number => {
    const hex = text.slice(i, i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
      if (i + hex.length >= n && /^[0-9a-fA-F]*$/.test(hex)) i = n;
      fail('invalid \\u escape');
    }
    i += 4;
    return Number.parseInt(hex, 16);
  };
  const readScalar = (): JsonNode => {
    const c = text[i];
    if (c === '"') return readString();
    if (c === 't' && text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (c === 'f' && text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (c === 'n' && text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (!m) return fail('invalid value');
    const raw = m[0];
    i += raw.length;
    // Go's scanner is greedy: `01`, `1.`, `1.x`, `1e` and `1e+` are errors, not a number and a rest.
    const next = text[i];
    if (next !== undefined && /[0-9.eE]/.test(next)) fail('invalid number');
    return new JsonNumber(raw);
  };

  let result: JsonNode | undefined;
  let done = false;
  skipWs();
  if (i >= n) fail('empty input');
  // `pending` is a value that has just been completed and must be attached to its parent.
  let pending: { value: JsonNode } | undefined;
  while (!done) {
    if (pending) {
      const top = stack[stack.length - 1];
      if (!top) {
        result = pending.value;
        done = true;
        break;
      }
      if (Array.isArray(top.container)) top.container.push(pending.value);
      else {
        top.container.keys.push(top.key as string);
        top.container.values.push(pending.value);
      }
      pending = undefined;
      skipWs();
      const c = text[i];
      if (c === ',') {
        i++;
        skipWs();
        if (!Array.isArray(top.container)) {
          if (text[i] !== '"') fail('expected object key');
          top.key = readString();
          skipWs();
          if (text[i] !== ':') fail('expected colon');
          i++;
        }
        skipWs();
      } else if (c === (Array.isArray(top.container) ? ']' : '}')) {
        i++;
        stack.pop();
        pending = { value: top.container };
        continue;
      } else {
        fail(i >= n ? 'unexpected end of input' : 'expected comma or end of container');
      }
    }
    // Read the start of a value.
    skipWs();
    if (i >= n) fail('unexpected end of input');
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_DEPTH) fail('exceeded max depth');
      i++;
      skipWs();
      if (c === '[') {
        const arr: JsonNode[] = [];
        if (text[i] === ']') {
          i++;
          pending = { value: arr };
          continue;
        }
        stack.push({ container: arr, key: undefined });
        continue;
      }
      const obj = new JsonObjectNode();
      if (text[i] === '}') {
        i++;
        pending = { value: obj };
        continue;
      }
      if (text[i] !== '"') fail('expected object key');
      const key = readString();
      skipWs();
      if (text[i] !== ':') fail('expected colon');
      i++;
      stack.push({ container: obj, key });
      continue;
    }
    if (c === ']' && stack.length > 0) {
      // `[1,]` or `[ ]` handled above; a bare `]` here means a trailing comma.
      fail('unexpected ]');
    }
    pending = { value: readScalar() };
  }
  return { value: result as JsonNode, end: i };
}
