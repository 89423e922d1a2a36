import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '../../src/errors/SdkError.js';
import { encodeGoJson, signableJson, toWireJson, transactionId } from '../../src/wire/index.js';
import type { EventTx, IdentityTx, TitleTx, TrustTx } from '../../src/wire/types.js';

const KEY = `04${'ab'.repeat(64)}`;

function event(payload?: EventTx['payload']): EventTx {
  return {
    id: '',
    type: 'EVENT',
    trustDomain: 'd',
    timestamp: 1,
    signature: 'ff',
    publicKey: KEY,
    subjectId: 's',
    subjectType: 'TITLE',
    sequence: 1,
    eventType: 'e',
    ...(payload === undefined ? {} : { payload }),
  };
}

function thrownPath(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isSdkError(e)) return (e as unknown as { path: string }).path;
    throw e;
  }
  return undefined;
}

describe('Go string escaping', () => {
  it.each([
    ['<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['"\\', '"\\"\\\\"'],
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\u0000\u0001\u001f\u000b', '"\\u0000\\u0001\\u001f\\u000b"'],
    ['\u007f\u0080é€😀', '"\u007f\u0080é€😀"'],
    ['/', '"/"'],
  ])('%j → %s', (input, expected) => {
    expect(encodeGoJson(input)).toBe(expected);
  });

  it('escapes map keys too', () => {
    expect(encodeGoJson({ '<k>': 1, 'a&b': 2 })).toBe('{"\\u003ck\\u003e":1,"a\\u0026b":2}');
  });

  it('refuses lone surrogates by default, with the path', () => {
    expect(thrownPath(() => encodeGoJson({ a: [1, 'x\ud800'] }))).toBe('a[1]');
    expect(thrownPath(() => encodeGoJson({ 'k\udc00': 1 }))).toBe('["k\\udc00"]');
    expect(thrownPath(() => signableJson(event({ note: '\ud83d' })))).toBe('payload.note');
  });

  it('replaces lone surrogates with U+FFFD in replace mode (as Go decodes them)', () => {
    expect(encodeGoJson('a\ud800b\udc00', { loneSurrogates: 'replace' })).toBe('"a\ufffdb\ufffd"');
    expect(encodeGoJson('\ud83d\ude00', { loneSurrogates: 'replace' })).toBe('"😀"');
    // Keys are sorted after replacement: U+FFFD sorts after "z" but before astral characters.
    expect(encodeGoJson({ '\ud800': 1, z: 2, '😀': 3 }, { loneSurrogates: 'replace' })).toBe(
      '{"z":2,"\ufffd":1,"😀":3}',
    );
  });
});

describe('Go map key order', () => {
  it('sorts integer-like keys as strings (JS would put them first numerically)', () => {
    expect(encodeGoJson({ 9: 'y', 10: 'x', role: 's', 1: 0, '-1': 0 })).toBe(
      '{"-1":0,"1":0,"10":"x","9":"y","role":"s"}',
    );
  });

  it('sorts by UTF-8 bytes, not UTF-16 units (astral after U+FFFF-range chars)', () => {
    expect(encodeGoJson({ '😀': 1, '\uff5e': 2, '\ue000': 3, a: 4 })).toBe(
      '{"a":4,"\ue000":3,"～":2,"😀":1}',
    );
  });

  it('sorts nested maps and keeps array order', () => {
    expect(encodeGoJson({ z: 1, a: [{ y: 1, b: 2 }, 3] })).toBe('{"a":[{"b":2,"y":1},3],"z":1}');
  });
});

describe('numbers', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1.0, '1'],
    [0.1, '0.1'],
    [1e-6, '0.000001'],
    [1e-7, '1e-7'],
    [-2.5e-8, '-2.5e-8'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [5e-324, '5e-324'],
    [1.79e308, '1.79e+308'],
    [Number('12345678901234567890'), '12345678901234567000'],
  ])('%d → %s', (n, s) => {
    expect(encodeGoJson(n)).toBe(s);
  });

  it('refuses NaN and Infinity with the path', () => {
    expect(thrownPath(() => encodeGoJson({ a: { b: Number.NaN } }))).toBe('a.b');
    expect(thrownPath(() => encodeGoJson([Number.POSITIVE_INFINITY]))).toBe('[0]');
  });

  it('int64 fields must be safe integers', () => {
    expect(thrownPath(() => signableJson({ ...event(), timestamp: 1.5 }))).toBe('timestamp');
    expect(thrownPath(() => signableJson({ ...event(), sequence: 2 ** 53 }))).toBe('sequence');
    expect(signableJson({ ...event(), timestamp: -0 })).toContain('"timestamp":0,');
  });

  it('refuses non-JSON values', () => {
    expect(thrownPath(() => encodeGoJson({ d: new Date(0) }))).toBe('d');
    expect(thrownPath(() => encodeGoJson({ b: 1n }))).toBe('b');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(thrownPath(() => encodeGoJson(cyclic))).toBe('self');
    expect(encodeGoJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('struct order and omitempty', () => {
  it('EVENT: payload {} is dropped, optional strings omitted when empty', () => {
    expect(signableJson(event({}))).toBe(
      `{"id":"","type":"EVENT","trustDomain":"d","timestamp":1,"signature":"","publicKey":"${KEY}","subjectId":"s","subjectType":"TITLE","sequence":1,"eventType":"e"}`,
    );
    expect(signableJson({ ...event({ b: 1, a: 2 }), payloadCid: '', previousEventId: 'p' })).toMatch(
      /"eventType":"e","payload":\{"a":2,"b":1\},"previousEventId":"p"\}$/,
    );
  });

  it('IDENTITY: name, creator and updateNonce always emitted; attributes {} dropped', () => {
    const tx: IdentityTx = {
      id: '',
      type: 'IDENTITY',
      trustDomain: '',
      timestamp: 1,
      signature: '',
      publicKey: '',
      quidId: 'q',
      name: '',
      attributes: {},
      creator: '',
      updateNonce: 0,
      description: '',
      homeDomain: '',
    };
    expect(signableJson(tx)).toBe(
      '{"id":"","type":"IDENTITY","trustDomain":"","timestamp":1,"signature":"","publicKey":"","quidId":"q","name":"","creator":"","updateNonce":0}',
    );
  });

  it('TRUST: trustLevel 0 emitted, validUntil 0 omitted, -0 written as 0', () => {
    const tx: TrustTx = {
      id: 'i',
      type: 'TRUST',
      trustDomain: 'd',
      timestamp: 5,
      signature: 'sig',
      publicKey: 'k',
      truster: 'a',
      trustee: 'b',
      trustLevel: -0,
      nonce: 1,
      validUntil: 0,
    };
    expect(signableJson(tx)).toBe(
      '{"id":"i","type":"TRUST","trustDomain":"d","timestamp":5,"signature":"","publicKey":"k","truster":"a","trustee":"b","trustLevel":0,"nonce":1}',
    );
    expect(toWireJson(tx)).toContain('"signature":"sig"');
    expect(transactionId(tx)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('TITLE: owners null vs [], signatures null vs {}, previousOwners [] omitted, stakeType omitempty', () => {
    const tx: TitleTx = {
      id: '',
      type: 'TITLE',
      trustDomain: 'd',
      timestamp: 1,
      signature: '',
      publicKey: '',
      assetId: 'a',
      owners: null,
      previousOwners: [],
      signatures: null,
    };
    expect(signableJson(tx)).toContain('"assetId":"a","owners":null,"signatures":null}');
    expect(signableJson({ ...tx, owners: [], signatures: {} })).toContain('"owners":[],"signatures":{}}');
    expect(
      signableJson({
        ...tx,
        owners: [{ ownerId: 'o', percentage: 1, stakeType: '' }],
        signatures: { b: 's', a: 't' },
      }),
    ).toContain('"owners":[{"ownerId":"o","percentage":1}],"signatures":{"a":"t","b":"s"}}');
  });
});

// Arbitrary payload maps with the characters that trip naive serializers.
const trickyString = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'Z',
      '9',
      '<',
      '>',
      '&',
      '\u2028',
      '\u2029',
      '"',
      '\\',
      '\n',
      '\u0001',
      'é',
      '\ue000',
      '😀',
      '𝄞',
    ),
  }),
  fc.string(),
  fc.constantFrom('10', '9', '0', '-1', '01', '4294967295', '4294967294'),
);
const jsonLeaf = fc.oneof(
  trickyString,
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(5e-324, 1e21, 1e-7, -2.5e-8, 1.79e308, 0.1),
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, jsonLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(trickyString, tie('value'), { maxKeys: 5 }),
})).object as fc.Arbitrary<Record<string, unknown>>;

function noLoneSurrogates(v: unknown): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
    JSON.stringify(v) ?? '',
  );
}

describe('properties', () => {
  it('Go JSON output parses back to the same value (with -0 as 0)', () => {
    fc.assert(
      fc.property(jsonValue.filter(noLoneSurrogates), (v) => {
        const normalised = JSON.parse(JSON.stringify(v));
        expect(JSON.parse(encodeGoJson(v))).toEqual(normalised);
      }),
      { numRuns: 300 },
    );
  });

  it('output is pure ASCII-safe for HTML: never contains raw < > & U+2028 U+2029', () => {
    fc.assert(
      fc.property(jsonValue.filter(noLoneSurrogates), (v) => {
        expect(encodeGoJson(v)).not.toMatch(/[<>&\u2028\u2029]/);
      }),
      { numRuns: 200 },
    );
  });

  it('key insertion order never changes the bytes', () => {
    fc.assert(
      fc.property(jsonValue.filter(noLoneSurrogates), fc.integer(), (v, seed) => {
        const shuffled = shuffleDeep(v, seed);
        expect(signableJson(event(shuffled as EventTx['payload']))).toBe(
          signableJson(event(v as EventTx['payload'])),
        );
      }),
      { numRuns: 200 },
    );
  });
});

function shuffleDeep(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleDeep(x, seed));
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v);
  let s = seed >>> 0;
  for (let i = entries.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const out: Record<string, unknown> = {};
  // defineProperty, so an own "__proto__" key stays a key (plain assignment would set the prototype).
  for (const [k, x] of entries)
    Object.defineProperty(out, k, {
      value: shuffleDeep(x, seed + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
