import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8, encodeGo, GoStruct, goString } from '../src/json/goJson.js';
import { decodeStruct, GoDecodeError, toAny, toInt64 } from '../src/json/goStruct.js';
import { JsonSyntaxError, parseFirstValue } from '../src/json/parseFirstValue.js';
import { IDENTITY_SCHEMA, TITLE_SCHEMA } from '../src/json/schemas.js';

const decode = (text: string) => decodeStruct(parseFirstValue(text).value, IDENTITY_SCHEMA);

describe('parseFirstValue', () => {
  it('round-trips any JSON value as Go would decode it into interface{}', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(toAny(parseFirstValue(text).value)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the first value only and reports where it ended', () => {
    expect(parseFirstValue('  {"a":1} {oops').end).toBe(9);
    expect(parseFirstValue('[1,2]]').end).toBe(5);
    expect(toAny(parseFirstValue('12 34').value)).toBe(12);
  });

  it('refuses what Go refuses', () => {
    for (const bad of [
      '',
      '   ',
      '{',
      '[1,]',
      '{"a":1,}',
      '01',
      '-',
      '1.',
      '.5',
      '+1',
      'tru',
      '"\u0001"',
      '"\\x"',
      "'a'",
      '{a:1}',
      'NaN',
    ]) {
      expect(() => parseFirstValue(bad), bad).toThrow(JsonSyntaxError);
    }
  });

  it('marks truncated input as incomplete (so a cut-off body is a 413, not a 400)', () => {
    for (const cut of ['{"a":"bbb', '{"a":[1,2', '{"a":', '"\\u12']) {
      expect(() => parseFirstValue(cut)).toThrow(expect.objectContaining({ incomplete: true }));
    }
    expect(() => parseFirstValue('{"a":x')).toThrow(expect.objectContaining({ incomplete: false }));
  });

  it('allows nesting up to 10000 levels and refuses 10001', () => {
    expect(() => parseFirstValue('['.repeat(10_000) + ']'.repeat(10_000))).not.toThrow();
    expect(() => parseFirstValue('['.repeat(10_001) + ']'.repeat(10_001))).toThrow(/max depth/);
    expect(() => parseFirstValue('['.repeat(200_000))).toThrow(JsonSyntaxError);
  });

  it('replaces lone surrogate escapes with U+FFFD and keeps pairs', () => {
    expect(toAny(parseFirstValue('"\\ud800x"').value)).toBe('\ufffdx');
    expect(toAny(parseFirstValue('"\\udc00"').value)).toBe('\ufffd');
    expect(toAny(parseFirstValue('"\\ud83d\\ude00"').value)).toBe('😀');
    expect(toAny(parseFirstValue('"\\ud83d\\u0041"').value)).toBe('\ufffdA');
  });
});

describe('decodeStruct (Go struct semantics)', () => {
  it('fills zero values and matches names case-insensitively, including ſ and the Kelvin sign', () => {
    const tx = decode(
      '{"NAME":"a","\u017fignature":"s","\u212Aey":1}'.replace('\u212Aey', 'quidId').replace(':1', ':"q"'),
    );
    expect(tx['name']).toBe('a');
    expect(tx['signature']).toBe('s');
    expect(tx['updateNonce']).toBe(0);
    expect(tx['attributes']).toBeNull();
    expect(
      decodeStruct(
        parseFirstValue('{"titleType":"k","\u212Aeep":1}'.replace(',"\u212Aeep":1', '')).value,
        TITLE_SCHEMA,
      )['titleType'],
    ).toBe('k');
  });

  it('lets the last duplicate win and merges duplicate map fields', () => {
    expect(decode('{"name":"a","Name":"b","name":"c"}')['name']).toBe('c');
    const attrs = decode('{"attributes":{"a":1},"attributes":{"b":2}}')['attributes'];
    expect({ ...(attrs as object) }).toEqual({ a: 1, b: 2 });
    expect(decode('{"attributes":{"a":1},"attributes":null}')['attributes']).toBeNull();
  });

  it('ignores null for scalars, refuses unknown fields and wrong types', () => {
    expect(decode('{"name":null,"updateNonce":null}')).toMatchObject({ name: '', updateNonce: 0 });
    expect(() => decode('{"nickname":"x"}')).toThrow(GoDecodeError);
    expect(() => decode('{"name":1}')).toThrow(GoDecodeError);
    expect(() => decode('{"attributes":[]}')).toThrow(GoDecodeError);
    expect(() => decode('[]')).toThrow(GoDecodeError);
  });

  it('decodes int64 from integer literals only', () => {
    expect(toInt64('1745000000')).toBe(1_745_000_000);
    expect(toInt64('-9223372036854775808')).toBe(Number(-(2n ** 63n)));
    for (const bad of ['1e9', '1.0', '1.5', '9223372036854775808', '-0.0'])
      expect(() => toInt64(bad)).toThrow(GoDecodeError);
  });

  it('keeps __proto__ as an ordinary payload key', () => {
    const attrs = decode('{"attributes":{"__proto__":{"polluted":true}}}')['attributes'] as Record<
      string,
      unknown
    >;
    expect(Object.keys(attrs)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('encodeGo', () => {
  it('escapes like Go (HTML characters, U+2028/9, controls) and keeps -0', () => {
    expect(goString('<a & b>\u2028\u2029\u0001\b\f\n\r\t"\\\u007f')).toBe(
      '"\\u003ca \\u0026 b\\u003e\\u2028\\u2029\\u0001\\b\\f\\n\\r\\t\\"\\\\\u007f"',
    );
    expect(encodeGo(-0)).toBe('-0');
    expect(encodeGo(1e21)).toBe('1e+21');
    expect(encodeGo(1e-7)).toBe('1e-7');
  });

  it('sorts map keys by UTF-8 bytes, integer-like keys included', () => {
    expect(encodeGo({ '9': 1, '10': 2, b: 3, a: 4 })).toBe('{"10":2,"9":1,"a":4,"b":3}');
    expect(['\uffff', '😀', 'z'].sort(compareUtf8)).toEqual(['z', '\uffff', '😀']);
  });

  it('writes structs in field order with omitempty', () => {
    const s = new GoStruct(IDENTITY_SCHEMA, decode('{"name":"n","attributes":{}}'));
    expect(encodeGo(s)).toBe(
      '{"id":"","type":"","trustDomain":"","timestamp":0,"signature":"","publicKey":"","quidId":"","name":"n","creator":"","updateNonce":0}',
    );
  });
});
