import { StatementParseError } from '../errors/StatementParseError.js';

/**
 * Character encodings the parsers accept for byte input.
 *
 * @example
 * ```ts
 * const enc: InputEncoding = 'windows-1252';
 * ```
 */
export type InputEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'utf-16le' | 'utf-16be';

/**
 * Common options for every parser.
 *
 * @example
 * ```ts
 * parseCamt(bytes, { encoding: 'iso-8859-1', maxBytes: 8 * 1024 * 1024 });
 * ```
 */
export interface DecodeOptions {
  /** Encoding of byte input; default UTF-8 (strict), or what an XML declaration / BOM says. */
  readonly encoding?: InputEncoding;
  /** Refuse inputs larger than this many bytes (or UTF-16 code units); default 64 MiB. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX = 64 * 1024 * 1024;

/**
 * Turns parser input (string or bytes) into text. Bytes are decoded strictly: invalid UTF-8 is a
 * typed `ENCODING_ERROR` with the byte offset, never replacement characters that would corrupt a
 * reference. A BOM or an XML `encoding="..."` declaration picks the decoder when the caller did
 * not.
 *
 * @example
 * ```ts
 * decodeInput(new TextEncoder().encode(':20:X'), 'mt940'); // ':20:X'
 * ```
 */
export function decodeInput(input: string | Uint8Array, format: string, options: DecodeOptions = {}): string {
  const max = options.maxBytes ?? DEFAULT_MAX;
  if (input.length > max) {
    throw new StatementParseError(
      'INPUT_TOO_LARGE',
      format,
      { path: '' },
      `input has ${input.length} bytes, limit is ${max}`,
    );
  }
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const { label, skip } = sniffEncoding(input, options.encoding);
  try {
    return new TextDecoder(label, { fatal: true }).decode(input.subarray(skip));
  } catch {
    throw encodingError(input, 0, 1, label, format);
  }
}

/**
 * Which decoder the first bytes call for: a BOM, else an XML `encoding="..."` declaration, else
 * the caller's choice or UTF-8. `skip` is the BOM's length.
 *
 * @example
 * ```ts
 * sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]), undefined); // { label: 'utf-8', skip: 3 }
 * ```
 */
export function sniffEncoding(
  head: Uint8Array,
  given: InputEncoding | undefined,
): { label: string; skip: number } {
  let encoding = given;
  let skip = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding ??= 'utf-8';
    skip = 3;
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding ??= 'utf-16le';
    skip = 2;
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding ??= 'utf-16be';
    skip = 2;
  }
  if (encoding === undefined) {
    const text = String.fromCharCode(...head.subarray(0, 200));
    const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(text)?.[1]?.toLowerCase();
    if (declared === 'iso-8859-1' || declared === 'latin1') encoding = 'iso-8859-1';
    else if (declared === 'windows-1252' || declared === 'cp1252') encoding = 'windows-1252';
  }
  return { label: encoding ?? 'utf-8', skip };
}

/**
 * A located `ENCODING_ERROR` for bytes that do not decode: `bytes` starts at byte `offset` of the
 * input, on line `line`.
 *
 * @example
 * ```ts
 * throw encodingError(chunk, 4096, 120, 'utf-8', 'camt');
 * ```
 */
export function encodingError(
  bytes: Uint8Array,
  offset: number,
  line: number,
  label: string,
  format: string,
): StatementParseError {
  const bad = firstInvalidUtf8(bytes);
  let lineNo = line;
  let lineStart = -offset;
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      lineNo++;
      lineStart = i + 1;
    }
  }
  return new StatementParseError(
    'ENCODING_ERROR',
    format,
    {
      path: `byte ${offset + bad}`,
      line: lineNo,
      ...(lineStart >= 0 ? { column: bad - lineStart + 1 } : {}),
    },
    `input is not valid ${label}; pass options.encoding (e.g. 'windows-1252') if the bank sends another encoding`,
  );
}

/** Byte offset of the first invalid UTF-8 sequence (only used to locate the error). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix; a prefix cut inside a sequence also fails,
  // so the answer can be off by up to 3 bytes, which is fine for a location.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
