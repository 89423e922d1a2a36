import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/ValidationError.js';
import {
  canonicalJson,
  checkInvoiceDocument,
  computeInvoiceTotals,
  documentKeyAttribute,
  documentPublicKey,
  ed25519Sign,
  ed25519Verify,
  generateDocumentKey,
  type InvoiceDocument,
  type InvoiceIssuedPayload,
  invoiceHash,
  isDocumentKeyBound,
  parseInvoiceDocument,
  signInvoiceDocument,
  type VerifyInvoiceDocumentOptions,
  verifyInvoiceDocument,
} from '../../src/index.js';
import { BUYER, ISSUED, SUPPLIER } from './fixtures.js';

const DOC: InvoiceDocument = {
  invoiceNumber: 'INV-2026-0001',
  issueDate: '2026-11-23',
  dueDate: '2027-01-22',
  currency: 'USD',
  supplier: { quid: SUPPLIER, name: 'Acme Widgets', taxId: 'US-12-3456789', iban: 'DE89370400440532013000' },
  buyer: { quid: BUYER, name: 'MegaCorp USA', address: '1 Main St, Springfield' },
  lineItems: [
    {
      description: 'Widget A',
      quantity: '1.5',
      unitPriceMinor: '1001',
      taxRateBps: 2000,
      amountMinor: '1502',
    },
    { description: 'Widget B', quantity: '3', unitPriceMinor: '0.5', taxRateBps: 1000, amountMinor: '2' },
    {
      description: 'Freight',
      quantity: '1',
      unitPriceMinor: '4999996',
      taxRateBps: 0,
      amountMinor: '4999996',
    },
  ],
  subtotalMinor: '5001500',
  taxMinor: '300',
  totalMinor: '5001800',
  paymentReference: 'RF18539007547034',
  poReference: 'PO-789',
  notes: 'Thank you — merci',
};

// RFC 8032 §7.1 TEST 1
const RFC_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC_SIG =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

const SECRET = hexToBytes(RFC_SECRET);
const PUB = documentPublicKey(SECRET);
const ATTRS = { role: 'supplier', documentKeys: [documentKeyAttribute(PUB)] };

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
  return Object.fromEntries(
    seed % 2 ? rotated.reverse() : rotated.map(([k, v]) => [k, shuffleKeys(v, seed)]),
  );
}

describe('Ed25519 (strict RFC 8032)', () => {
  it('reproduces RFC 8032 test vector 1', () => {
    expect(bytesToHex(documentPublicKey(SECRET))).toBe(RFC_PUBLIC);
    const sig = ed25519Sign(new Uint8Array(0), SECRET);
    expect(bytesToHex(sig)).toBe(RFC_SIG);
    expect(ed25519Verify(sig, new Uint8Array(0), PUB)).toBe(true);
    expect(ed25519Verify(sig, new Uint8Array([0]), PUB)).toBe(false);
  });

  it('refuses non-canonical S (s + L) that ZIP215 would also refuse, and malformed input without throwing', () => {
    const sig = hexToBytes(RFC_SIG);
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    const s = BigInt(`0x${bytesToHex(sig.slice(32).reverse())}`) + L;
    const sBytes = hexToBytes(s.toString(16).padStart(64, '0')).reverse();
    const malleated = new Uint8Array([...sig.slice(0, 32), ...sBytes]);
    expect(ed25519Verify(malleated, new Uint8Array(0), PUB)).toBe(false);
    expect(ed25519Verify(sig.slice(1), new Uint8Array(0), PUB)).toBe(false);
    expect(ed25519Verify(sig, new Uint8Array(0), new Uint8Array(32).fill(255))).toBe(false);
  });

  it('generates fresh keys that sign and verify', () => {
    const key = generateDocumentKey();
    expect(key).toHaveLength(32);
    const msg = new TextEncoder().encode('invoice');
    expect(ed25519Verify(ed25519Sign(msg, key), msg, documentPublicKey(key))).toBe(true);
    expect(() => documentPublicKey(new Uint8Array(31))).toThrow(ValidationError);
  });
});

describe('invoice documents: schema and totals', () => {
  it('accepts a valid document and computes its totals exactly', () => {
    expect(parseInvoiceDocument(DOC)).toEqual(DOC);
    expect(computeInvoiceTotals(DOC.lineItems)).toEqual({
      lineAmountsMinor: ['1502', '2', '4999996'],
      lineTaxesMinor: ['300', '0', '0'],
      subtotalMinor: '5001500',
      taxMinor: '300',
      totalMinor: '5001800',
    });
  });

  it('rounds half-up per line and handles amounts beyond 2^53 in strings', () => {
    expect(computeInvoiceTotals([{ quantity: '0.5', unitPriceMinor: '1', taxRateBps: 5000 }])).toMatchObject({
      lineAmountsMinor: ['1'],
      lineTaxesMinor: ['1'],
    });
    expect(computeInvoiceTotals([{ quantity: '0.49', unitPriceMinor: '1', taxRateBps: 0 }]).totalMinor).toBe(
      '0',
    );
    const big = computeInvoiceTotals([
      { quantity: '1000', unitPriceMinor: '90071992547409910', taxRateBps: 1 },
    ]);
    expect(big.subtotalMinor).toBe('90071992547409910000');
    expect(big.taxMinor).toBe('9007199254740991');
  });

  it('refuses totals that do not add up, with paths', () => {
    const lines = DOC.lineItems.map((l, i) => (i === 0 ? { ...l, amountMinor: '1501' } : l));
    const r = checkInvoiceDocument({ ...DOC, lineItems: lines });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('totals');
      expect(r.issues.map((i) => i.path)).toEqual(['lineItems[0].amountMinor']);
      expect(r.issues[0]?.message).toContain('1502');
    }
    const qty = checkInvoiceDocument({
      ...DOC,
      lineItems: DOC.lineItems.map((l, i) => (i === 0 ? { ...l, quantity: '2' } : l)),
    });
    expect(!qty.ok && qty.issues.map((i) => i.path)).toEqual([
      'lineItems[0].amountMinor',
      'subtotalMinor',
      'taxMinor',
      'totalMinor',
    ]);
    const tax = checkInvoiceDocument({ ...DOC, taxMinor: '301', totalMinor: '5001801' });
    expect(!tax.ok && tax.issues.map((i) => i.path)).toEqual(['taxMinor', 'totalMinor']);
    try {
      parseInvoiceDocument({ ...DOC, totalMinor: '5001799' });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).code).toBe('INVALID_DOCUMENT');
      expect((e as ValidationError).path).toBe('totalMinor');
    }
  });

  it('refuses malformed fields with paths', () => {
    const paths = (doc: unknown) => {
      const r = checkInvoiceDocument(doc);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(paths({ ...DOC, totalMinor: 5001800 })).toEqual(['totalMinor']);
    expect(paths({ ...DOC, subtotalMinor: '05001500' })).toEqual(['subtotalMinor']);
    expect(paths({ ...DOC, issueDate: '2026-02-30' })).toEqual(['issueDate']);
    expect(paths({ ...DOC, dueDate: '2026-11-22' })).toEqual(['dueDate']);
    expect(paths({ ...DOC, currency: 'ABC' })).toEqual(['currency']);
    expect(paths({ ...DOC, supplier: { ...DOC.supplier, iban: 'DE89370400440532013001' } })).toEqual([
      'supplier.iban',
    ]);
    expect(paths({ ...DOC, buyer: { ...DOC.buyer, quid: 'x' } })).toEqual(['buyer.quid']);
    expect(paths({ ...DOC, lineItems: [] })).toEqual(['lineItems']);
    expect(paths({ ...DOC, lineItems: [{ ...DOC.lineItems[0], quantity: '-1' }] })).toEqual([
      'lineItems[0].quantity',
    ]);
    expect(paths({ ...DOC, lineItems: [{ ...DOC.lineItems[0], taxRateBps: 2.5 }] })).toEqual([
      'lineItems[0].taxRateBps',
    ]);
    expect(paths({ ...DOC, extra: 1 })).toEqual(['']);
  });
});

describe('invoice documents: canonical bytes and hash', () => {
  it('canonicalizes with RFC 8785 and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'] })).toBe('{"a":[true,null,"é"],"b":1}');
    expect(() => canonicalJson(undefined)).toThrow(ValidationError);
    expect(() => canonicalJson({ a: 1n })).toThrow(ValidationError);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(ValidationError);
  });

  it('hash is stable under key order (property) and is lowercase hex SHA-256', () => {
    const hash = invoiceHash(DOC);
    expect(hash).toMatch(/^[a-f0-9]{64}$/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const shuffled = shuffleKeys(DOC, seed) as InvoiceDocument;
        expect(canonicalJson(shuffled)).toBe(canonicalJson(DOC));
        expect(invoiceHash(shuffled)).toBe(hash);
      }),
    );
  });

  it('any change of any string field changes the hash (property)', () => {
    const hash = invoiceHash(DOC);
    fc.assert(
      fc.property(
        fc.constantFrom('invoiceNumber', 'notes', 'poReference', 'issueDate'),
        fc.string({ minLength: 1 }),
        (key, text) => {
          fc.pre(text !== DOC[key as keyof InvoiceDocument]);
          expect(invoiceHash({ ...DOC, [key]: text })).not.toBe(hash);
        },
      ),
    );
  });
});

describe('invoice documents: detached JWS', () => {
  const jws = signInvoiceDocument(DOC, SECRET, { kid: SUPPLIER });
  const issued: InvoiceIssuedPayload = {
    ...(ISSUED as unknown as InvoiceIssuedPayload),
    amountMinor: 5_001_800,
    invoiceHash: invoiceHash(DOC),
    poReference: 'PO-789',
  };
  const options = { documentPublicKey: PUB, identityAttributes: ATTRS };

  it('has the detached compact shape and a JCS header', () => {
    const [h, payload, sig] = jws.split('.');
    expect(payload).toBe('');
    expect(sig).toMatch(/^[A-Za-z0-9_-]{86}$/);
    const header = JSON.parse(
      new TextDecoder().decode(
        Uint8Array.from(atob(h!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      ),
    );
    expect(header).toEqual({ alg: 'EdDSA', kid: SUPPLIER, 'x-quidfin-hash': invoiceHash(DOC) });
    expect(signInvoiceDocument(shuffleKeys(DOC, 3) as InvoiceDocument, SECRET, { kid: SUPPLIER })).toBe(jws);
  });

  it('verifies with a bound key, the expected hash and the issued event', () => {
    const r = verifyInvoiceDocument(DOC, jws, { ...options, expectedHash: invoiceHash(DOC), issued });
    expect(r).toMatchObject({ ok: true, hash: invoiceHash(DOC), kid: SUPPLIER });
    expect(
      verifyInvoiceDocument(shuffleKeys(DOC, 5), jws, { ...options, documentPublicKey: bytesToHex(PUB) }).ok,
    ).toBe(true);
    expect(isDocumentKeyBound(ATTRS, PUB)).toBe(true);
  });

  it('fails when any field or line is tampered with', () => {
    const tampered: unknown[] = [
      { ...DOC, invoiceNumber: 'INV-2026-0002' },
      { ...DOC, notes: 'Thank you' },
      { ...DOC, buyer: { ...DOC.buyer, name: 'Other Corp' } },
      { ...DOC, supplier: { ...DOC.supplier, iban: 'GB82WEST12345698765432' } },
      { ...DOC, lineItems: DOC.lineItems.map((l, i) => (i === 1 ? { ...l, description: 'Widget C' } : l)) },
      { ...DOC, lineItems: [...DOC.lineItems].reverse() },
    ];
    for (const doc of tampered) {
      expect(verifyInvoiceDocument(doc, jws, options)).toMatchObject({ ok: false, code: 'HASH_MISMATCH' });
    }
    // without the header hash the signature itself catches it
    const [h, , s] = jws.split('.');
    const noHashHeader = btoa(JSON.stringify({ alg: 'EdDSA', kid: SUPPLIER })).replace(/=+$/, '');
    expect(verifyInvoiceDocument(tampered[0], `${noHashHeader}..${s}`, options)).toMatchObject({
      code: 'BAD_SIGNATURE',
    });
    expect(verifyInvoiceDocument(DOC, `${h}..${s!.slice(0, -2)}AA`, options)).toMatchObject({ ok: false });
  });

  it('fails with the wrong key, an unbound key, a wrong signer or a mismatched issued event', () => {
    const other = documentPublicKey(generateDocumentKey());
    expect(
      verifyInvoiceDocument(DOC, jws, {
        documentPublicKey: other,
        identityAttributes: { documentKeys: [documentKeyAttribute(other)] },
      }),
    ).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(
      verifyInvoiceDocument(DOC, jws, {
        documentPublicKey: PUB,
        identityAttributes: { documentKeys: [documentKeyAttribute(other)] },
      }),
    ).toMatchObject({ code: 'KEY_NOT_BOUND' });
    // The type requires the identity's attributes; a lookup that found no identity fails closed,
    // and so does an untyped (JavaScript) caller that passes neither the attributes nor the opt-out.
    expect(
      verifyInvoiceDocument(DOC, jws, { documentPublicKey: PUB, identityAttributes: undefined }),
    ).toMatchObject({
      code: 'KEY_NOT_BOUND',
    });
    const untyped = { documentPublicKey: PUB } as unknown as VerifyInvoiceDocumentOptions;
    expect(verifyInvoiceDocument(DOC, jws, untyped)).toMatchObject({ code: 'KEY_NOT_BOUND' });
    const skipFalse = { documentPublicKey: PUB, skipKeyBinding: false } as VerifyInvoiceDocumentOptions;
    expect(verifyInvoiceDocument(DOC, jws, skipFalse)).toMatchObject({ code: 'KEY_NOT_BOUND' });
    expect(verifyInvoiceDocument(DOC, jws, { documentPublicKey: PUB, skipKeyBinding: true }).ok).toBe(true);
    expect(verifyInvoiceDocument(DOC, jws, { ...options, expectedSignerQuid: BUYER })).toMatchObject({
      code: 'KID_MISMATCH',
    });
    expect(verifyInvoiceDocument(DOC, jws, { ...options, expectedHash: 'ab'.repeat(32) })).toMatchObject({
      code: 'HASH_MISMATCH',
    });
    expect(
      verifyInvoiceDocument(DOC, jws, { ...options, issued: { ...issued, amountMinor: 5_000_000 } }),
    ).toMatchObject({ code: 'ISSUED_MISMATCH' });
    expect(verifyInvoiceDocument(DOC, jws, { ...options, documentPublicKey: 'zz' })).toMatchObject({
      code: 'INVALID_KEY',
    });
  });

  it('fails on totals mismatch and malformed tokens', () => {
    expect(verifyInvoiceDocument({ ...DOC, totalMinor: '1' }, jws, options)).toMatchObject({
      code: 'TOTALS_MISMATCH',
    });
    expect(verifyInvoiceDocument({ ...DOC, currency: 'usd' }, jws, options)).toMatchObject({
      code: 'INVALID_DOCUMENT',
    });
    const [h, , s] = jws.split('.');
    expect(verifyInvoiceDocument(DOC, `${h}.eyJ9.${s}`, options)).toMatchObject({ code: 'MALFORMED_JWS' });
    expect(verifyInvoiceDocument(DOC, `${h}..${s}=`, options)).toMatchObject({ code: 'MALFORMED_JWS' });
    expect(verifyInvoiceDocument(DOC, 'garbage', options)).toMatchObject({ code: 'MALFORMED_JWS' });
    const hs256 = btoa(JSON.stringify({ alg: 'HS256', kid: SUPPLIER })).replace(/=+$/, '');
    expect(verifyInvoiceDocument(DOC, `${hs256}..${s}`, options)).toMatchObject({ code: 'UNSUPPORTED_JWS' });
  });

  it('refuses to sign an invalid document or with a bad kid', () => {
    expect(() => signInvoiceDocument({ ...DOC, totalMinor: '1' }, SECRET, { kid: SUPPLIER })).toThrow(
      ValidationError,
    );
    expect(() => signInvoiceDocument(DOC, SECRET, { kid: 'supplier-a' })).toThrow(/kid/);
    expect(() => signInvoiceDocument(DOC, new Uint8Array(16), { kid: SUPPLIER })).toThrow(ValidationError);
  });

  it('any one-byte change of the signature fails (property)', () => {
    const [h, , s] = jws.split('.');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: s!.length - 2 }),
        fc.constantFrom(...'ABCDEFGHIJabcdefghij0123456789-_'),
        (i, ch) => {
          fc.pre(s![i] !== ch);
          const bad = `${h}..${s!.slice(0, i)}${ch}${s!.slice(i + 1)}`;
          expect(verifyInvoiceDocument(DOC, bad, options).ok).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
