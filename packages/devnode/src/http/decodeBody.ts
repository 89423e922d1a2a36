// DecodeJSONBody (internal/core/middleware.go): strict decode of the first JSON value, unknown
// fields refused; 413 when the body passes the size limit before the value ends.

import type { Decoded } from '../handlers/HandlerContext.js';
import { text } from '../handlers/reply.js';
import { decodeStruct, GoDecodeError, type StructSchema } from '../json/goStruct.js';
import { JsonSyntaxError, parseFirstValue } from '../json/parseFirstValue.js';
import { readLimitedBody } from './readBody.js';

/** Reads and decodes `request`'s body into `schema`. */
export async function decodeBody(request: Request, schema: StructSchema, limit: number): Promise<Decoded> {
  const body = await readLimitedBody(request, limit);
  try {
    const { value } = parseFirstValue(body.text);
    return { value: decodeStruct(value, schema) };
  } catch (e) {
    if (e instanceof JsonSyntaxError && e.incomplete && body.truncated) {
      return { reply: text(413, 'Payload Too Large') };
    }
    if (e instanceof JsonSyntaxError || e instanceof GoDecodeError) {
      return { reply: text(400, 'Invalid request body') };
    }
    throw e;
  }
}

/** Lenient decode (unknown fields allowed), as handlers that call json.NewDecoder directly do. */
export async function decodeLenient(request: Request, schema: StructSchema, limit: number): Promise<boolean> {
  const body = await readLimitedBody(request, limit);
  try {
    decodeStruct(parseFirstValue(body.text).value, schema, undefined, true);
    return true;
  } catch (e) {
    if (e instanceof JsonSyntaxError || e instanceof GoDecodeError) return false;
    throw e;
  }
}
