// Attack catalogue, finding 5 of issue #10: payloads nested as deep as the node accepts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EncodingError } from '../../src/errors/EncodingError.js';
import { ValidationError } from '../../src/errors/ValidationError.js';
import {
  buildEvent,
  encodeGoJson,
  generateSigner,
  MAX_JSON_NESTING,
  parseEventTx,
  toWireJson,
  verifyTransaction,
  verifyTransactionAsync,
} from '../../src/wire/index.js';
import type { JsonObject } from '../../src/wire/types.js';

/** `{"k":{"k":…{"k":1}}}` with `depth` objects, built without recursion. */
function nested(depth: number, arrays = false): JsonObject {
  let value: unknown = 1;
  for (let i = 1; i < depth; i++) value = arrays && i % 2 ? [value] : { k: value };
  return { k: value } as JsonObject;
}

/** Same chain written by hand, the way Go writes it. */
function nestedJson(depth: number, arrays = false): string {
  let s = '1';
  for (let i = 1; i < depth; i++) s = arrays && i % 2 ? `[${s}]` : `{"k":${s}}`;
  return `{"k":${s}}`;
}

/** What a thrown value is: its class name, or 'none'. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('deep payloads (finding 5)', () => {
  const { signer } = generateSigner();
  // The node's decoder allows 10,000 nested containers in a request body; the transaction object
  // is the first, so a payload may hold 9,999 levels (itself included).
  const NODE_PAYLOAD_DEPTH = MAX_JSON_NESTING - 1;

  it('the nesting limit is the node decoder limit (10,000), not lower', () => {
    expect(MAX_JSON_NESTING).toBe(10_000);
  });

  it('deep payload: a payload nested as deep as the node accepts is serialized exactly, without a stack overflow', () => {
    for (const arrays of [false, true]) {
      expect(encodeGoJson(nested(MAX_JSON_NESTING, arrays))).toBe(nestedJson(MAX_JSON_NESTING, arrays));
    }
  });

  it('deep payload: one level past the limit is a typed EncodingError with the reason, never a RangeError', () => {
    const e = thrown(() => encodeGoJson(nested(MAX_JSON_NESTING + 1)));
    expect(e).toBeInstanceOf(EncodingError);
    expect((e as EncodingError).message).toContain('10000');
    const far = thrown(() => encodeGoJson(nested(50_000)));
    expect(far).toBeInstanceOf(EncodingError);
    expect(far).not.toBeInstanceOf(RangeError);
  });

  it('deep payload: buildEvent signs an event 4,000 and 9,999 levels deep and it verifies (sync and async)', async () => {
    for (const depth of [4_000, NODE_PAYLOAD_DEPTH]) {
      const tx = await buildEvent({
        signer,
        trustDomain: 'd.example',
        subjectId: 'inv-deep',
        subjectType: 'TITLE',
        sequence: 1,
        eventType: 'fraud.signal.nested',
        payload: nested(depth),
      });
      expect(verifyTransaction(tx)).toBe(true);
      expect(await verifyTransactionAsync(tx)).toBe(true);
      // A reader parses it back from the wire and still verifies it.
      const back = parseEventTx(toWireJson(tx));
      expect(verifyTransaction(back)).toBe(true);
    }
  });

  it('deep payload: buildEvent refuses a payload the node would refuse with a typed ValidationError naming payload', async () => {
    let error: unknown;
    try {
      await buildEvent({
        signer,
        trustDomain: 'd.example',
        subjectId: 'inv-deep',
        subjectType: 'TITLE',
        sequence: 1,
        eventType: 'fraud.signal.nested',
        payload: nested(NODE_PAYLOAD_DEPTH + 1),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).not.toBeInstanceOf(RangeError);
    expect((error as ValidationError).path).toMatch(/^payload/);
    expect((error as ValidationError).message).toContain('nest');
  });

  it('deep payload: a received event nested past every limit is a typed parse error, not a RangeError', () => {
    const wire = `{"id":"${'a'.repeat(64)}","type":"EVENT","trustDomain":"d","timestamp":1,"signature":"${'b'.repeat(128)}","publicKey":"04${'c'.repeat(128)}","subjectId":"s","subjectType":"TITLE","sequence":1,"eventType":"e","payload":${nestedJson(30_000)}}`;
    const e = thrown(() => parseEventTx(wire));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).not.toBeInstanceOf(RangeError);
  });

  it('property: the iterative serializer writes what JSON.stringify writes for sorted plain keys', () => {
    const word = fc.stringMatching(/^[a-z]{0,4}$/);
    const leaf = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), word);
    const key = fc.stringMatching(/^[a-y]{0,4}$/);
    const shape = fc.array(fc.tuple(fc.boolean(), key), { maxLength: 300 });
    fc.assert(
      fc.property(shape, leaf, (levels, bottom) => {
        let value: unknown = bottom;
        // Keys sort before "zz", so insertion order is already Go's order for JSON.stringify.
        for (const [array, key] of levels) value = array ? [value, 0] : { [key]: value, zz: 0 };
        expect(encodeGoJson({ root: value })).toBe(JSON.stringify({ root: value }));
      }),
      { numRuns: 200 },
    );
  });
});
