import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import {
  ownerSignableBytes,
  publicKeyFromPrivateKey,
  quidIdFromPublicKey,
  signableBytes,
  signableJson,
  signerFromPrivateKey,
  signTitleAsOwner,
  signTransaction,
  toWireJson,
  transactionId,
  verifyOwnerSignature,
  verifySignature,
  verifySignatureAsync,
  verifyTransaction,
  verifyTransactionAsync,
} from '../../src/wire/index.js';
import type { TitleTx } from '../../src/wire/types.js';
import { hex, keys, vectorCases } from './vectorCases.js';

const cases = vectorCases();
const N = p256.Point.Fn.ORDER;

function highS(sigHex: string): string {
  const s = BigInt(`0x${sigHex.slice(64)}`);
  return sigHex.slice(0, 64) + (N - s).toString(16).padStart(64, '0');
}

function der(sigHex: string): string {
  const part = (h: string) => {
    let b = h.replace(/^(00)+/, '');
    if (Number.parseInt(b.slice(0, 2), 16) >= 0x80) b = `00${b}`;
    return `02${(b.length / 2).toString(16).padStart(2, '0')}${b}`;
  };
  const body = part(sigHex.slice(0, 64)) + part(sigHex.slice(64));
  return `30${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
}

describe('conformance vectors', () => {
  it('has all 20 cases', () => {
    expect(cases).toHaveLength(20);
  });

  describe.each(cases.map((c) => [`${c.file} ${c.name}`, c] as const))('%s', (_, c) => {
    it('key derivation matches the test key', () => {
      expect(publicKeyFromPrivateKey(c.key.private_scalar_hex)).toBe(c.key.public_key_sec1_hex);
      expect(quidIdFromPublicKey(c.key.public_key_sec1_hex)).toBe(c.key.quid_id);
      expect(c.input.publicKey).toBe(c.key.public_key_sec1_hex);
      const d = (BigInt(`0x${hex(sha256(new TextEncoder().encode(c.key.seed)))}`) % (N - 1n)) + 1n;
      expect(d.toString(16).padStart(64, '0')).toBe(c.key.private_scalar_hex);
    });

    it('reproduces canonical bytes, digest and id', () => {
      const bytes = signableBytes(c.input);
      expect(hex(bytes)).toBe(c.expected.canonical_signable_bytes_hex);
      expect(signableJson(c.input)).toBe(c.expected.canonical_signable_bytes_utf8);
      expect(hex(sha256(bytes))).toBe(c.expected.sha256_of_canonical_hex);
      expect(transactionId(c.input)).toBe(c.expected.expected_id);
      expect(c.input.id).toBe(c.expected.expected_id);
    });

    it('re-signs to the reference signature', async () => {
      const signer = signerFromPrivateKey(c.key.private_scalar_hex);
      expect(signer.quidId).toBe(c.key.quid_id);
      const signed = await signTransaction({ ...c.input, id: '', signature: '' }, signer);
      expect(signed.signature).toBe(c.expected.reference_signature_hex);
      expect(signed.id).toBe(c.expected.expected_id);
      expect(c.input.signature).toBe(c.expected.reference_signature_hex);
    });

    it('verifies as submitted (sync and async), incl. high-s and upper case; rejects DER, short, corrupt', async () => {
      expect(verifyTransaction(c.input)).toBe(true);
      expect(await verifyTransactionAsync(c.input)).toBe(true);
      const bytes = signableBytes(c.input);
      const sig = c.expected.reference_signature_hex;
      const variants: [string, boolean][] = [
        [highS(sig), true],
        [sig.toUpperCase(), true],
        [der(sig), false],
        [sig.slice(0, 126), false],
        [`${sig}00`, false],
        [sig.slice(0, 10) + ((Number.parseInt(sig[10]!, 16) + 1) % 16).toString(16) + sig.slice(11), false],
      ];
      for (const [variant, ok] of variants) {
        expect(verifySignature(c.input.publicKey, bytes, variant)).toBe(ok);
        expect(await verifySignatureAsync(c.input.publicKey, bytes, variant)).toBe(ok);
        expect(verifyTransaction({ ...c.input, signature: variant })).toBe(ok);
        expect(await verifyTransactionAsync({ ...c.input, signature: variant })).toBe(ok);
      }
      const changed = bytes.slice();
      changed[changed.length - 2] = (changed[changed.length - 2] as number) ^ 1;
      expect(verifySignature(c.input.publicKey, changed, sig)).toBe(false);
      expect(await verifySignatureAsync(c.input.publicKey, changed, sig)).toBe(false);
    });

    it('wire JSON round-trips to the same signable bytes', () => {
      const wire = toWireJson(c.input);
      expect(wire).toBe(
        c.expected.canonical_signable_bytes_utf8.replace(
          '"signature":""',
          `"signature":"${c.expected.reference_signature_hex}"`,
        ),
      );
      const reparsed = JSON.parse(wire);
      expect(signableJson(reparsed)).toBe(c.expected.canonical_signable_bytes_utf8);
    });
  });

  it('b2b title transfer: owner bytes and owner co-signature', async () => {
    const c = cases.find((x) => x.name === 'b2b_title_transfer_supplier_to_financier')!;
    const tx = c.input as TitleTx;
    const ownerBytes = ownerSignableBytes(tx);
    expect(new TextDecoder().decode(ownerBytes)).toBe(c.expected.owner_signable_bytes_utf8);
    const entries = Object.entries(c.expected.owner_signature_hex ?? {});
    expect(entries.length).toBe(1);
    for (const [ownerId, ownerSig] of entries) {
      const key = Object.values(keys).find((k) => k.quid_id === ownerId)!;
      expect(await signTitleAsOwner(tx, signerFromPrivateKey(key.private_scalar_hex))).toBe(ownerSig);
      expect(tx.signatures?.[ownerId]).toBe(ownerSig);
      expect(verifyOwnerSignature(tx, ownerId, key.public_key_sec1_hex)).toBe(true);
      expect(verifyOwnerSignature(tx, ownerId, c.key.public_key_sec1_hex)).toBe(false);
      expect(
        verifyOwnerSignature({ ...tx, timestamp: tx.timestamp + 1 }, ownerId, key.public_key_sec1_hex),
      ).toBe(false);
    }
  });
});

describe('node view of received transactions', () => {
  it('fills an empty IDENTITY/TITLE/EVENT id before verifying, keeps TRUST ids as sent', () => {
    for (const c of cases) {
      const blank = { ...c.input, id: '' };
      expect(verifyTransaction(blank)).toBe(c.input.type !== 'TRUST');
    }
  });

  it('refuses timestamp 0 and EVENT sequence 0 (the node rewrites them after signing)', async () => {
    const signer = signerFromPrivateKey(keys.alice.private_scalar_hex);
    const ev = cases.find((c) => c.name === 'b2b_event_invoice_issued')!.input;
    const zeroTs = await signTransaction({ ...ev, timestamp: 0 }, signer);
    const zeroSeq = await signTransaction({ ...ev, sequence: 0 } as typeof ev, signer);
    expect(verifySignature(zeroTs.publicKey, signableBytes(zeroTs), zeroTs.signature)).toBe(true);
    expect(verifyTransaction(zeroTs)).toBe(false);
    expect(verifyTransaction(zeroSeq)).toBe(false);
    expect(await verifyTransactionAsync(zeroTs)).toBe(false);
  });

  it('never throws on garbage', async () => {
    for (const junk of [
      null,
      42,
      'x',
      [],
      {},
      { type: 'TRUST' },
      { type: 'EVENT', payload: { a: Number.NaN } },
    ]) {
      expect(verifyTransaction(junk as never)).toBe(false);
      expect(await verifyTransactionAsync(junk as never)).toBe(false);
      expect(verifyOwnerSignature(junk as never, 'a', 'b')).toBe(false);
    }
  });
});
