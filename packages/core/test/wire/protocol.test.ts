// Protocol facts: the byte counting the node does (Go len() over UTF-8, lone surrogates as U+FFFD)
// and the shapes and limits every package now takes from one place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CID_PATTERN,
  isQuidId,
  MAX_DESCRIPTION_BYTES,
  MAX_DOMAIN_BYTES,
  MAX_EVENT_TYPE_BYTES,
  MAX_NAME_BYTES,
  MAX_PAYLOAD_BYTES,
  QUID_ID_PATTERN,
  utf8Length,
} from '../../src/index.js';

const goBytes = (s: string) => new TextEncoder().encode(s).length;

describe('utf8Length counts what the node counts', () => {
  it('a lone high surrogate before a 2-byte char is U+FFFD (3) + 2, and does not swallow the char', () => {
    // The devnode's old copy counted this pair as 4 bytes (surrogate pair), so an eventType of
    // 13 × '\ud800é' passed its 64-byte check (52) while the node counts 65 and refuses it.
    expect(utf8Length('\ud800é')).toBe(5);
    expect(utf8Length('\ud800é'.repeat(13))).toBe(65);
    expect(utf8Length('\ud800é'.repeat(13))).toBeGreaterThan(MAX_EVENT_TYPE_BYTES);
  });

  it('a lone high surrogate before a 3-byte char counts 3 + 3', () => {
    expect(utf8Length('\ud800€')).toBe(6);
  });

  it('two high surrogates in a row are two U+FFFD', () => {
    expect(utf8Length('\ud800\ud800')).toBe(6);
  });

  it('a lone low surrogate and a trailing high surrogate are U+FFFD each', () => {
    expect(utf8Length('\udc00')).toBe(3);
    expect(utf8Length('a\ud800')).toBe(4);
  });

  it('a real pair is 4 bytes', () => {
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\ud83d\ude00x')).toBe(5);
  });

  it('equals the UTF-8 length of the U+FFFD-replaced string for any UTF-16 string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect(utf8Length(s)).toBe(goBytes(s));
      }),
      { numRuns: 2000 },
    );
    // The same with lone surrogates forced in, which `binary` units only produce now and then.
    const unit = fc.oneof(
      fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', 'a', 'é', '€', '😀'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        expect(utf8Length(s)).toBe(goBytes(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('protocol constants are the node Go constants', () => {
  it('limits match internal/core (middleware.go, validation.go)', () => {
    expect([MAX_NAME_BYTES, MAX_DESCRIPTION_BYTES, MAX_DOMAIN_BYTES]).toEqual([256, 4096, 253]);
    expect([MAX_EVENT_TYPE_BYTES, MAX_PAYLOAD_BYTES]).toEqual([64, 65536]);
  });

  it('quid IDs are 16 lowercase hex chars and nothing else', () => {
    expect(isQuidId('c31907f180e6e1e0')).toBe(true);
    expect(isQuidId('C31907F180E6E1E0')).toBe(false);
    expect(isQuidId('c31907f180e6e1e')).toBe(false);
    expect(isQuidId('c31907f180e6e1e0\n')).toBe(false);
    expect(isQuidId(42)).toBe(false);
    expect(QUID_ID_PATTERN.test('c31907f180e6e1e00')).toBe(false);
  });

  it('CIDs: v0 base58 and v1 base32 only', () => {
    expect(CID_PATTERN.test(`Qm${'a'.repeat(44)}`)).toBe(true);
    expect(CID_PATTERN.test(`b${'a'.repeat(58)}`)).toBe(true);
    expect(CID_PATTERN.test(`Qm${'0'.repeat(44)}`)).toBe(false);
    expect(CID_PATTERN.test(`B${'a'.repeat(58)}`)).toBe(false);
  });
});
