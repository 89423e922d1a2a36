import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '../../src/errors/SdkError.js';
import {
  buildEvent,
  createWebCryptoSigner,
  generatePrivateKey,
  generateSigner,
  generateWebCryptoSigner,
  publicKeyFromPrivateKey,
  quidIdFromPublicKey,
  signerFromPrivateKey,
  signTransaction,
  verifySignature,
  verifySignatureAsync,
  verifyTransaction,
  verifyTransactionAsync,
} from '../../src/wire/index.js';
import { hex, keys } from './vectorCases.js';

const alice = keys.alice;

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (isSdkError(e)) return e.code;
    throw e;
  }
  return undefined;
}

describe('keys', () => {
  it('derives the quid from the public key, accepting upper-case hex', () => {
    expect(quidIdFromPublicKey(alice.public_key_sec1_hex)).toBe(alice.quid_id);
    expect(quidIdFromPublicKey(alice.public_key_sec1_hex.toUpperCase().replace(/^04/, '04'))).toBe(
      alice.quid_id,
    );
  });

  it('refuses malformed public keys', () => {
    const k = alice.public_key_sec1_hex;
    for (const bad of [
      k.slice(0, 128),
      `02${k.slice(2, 66)}`,
      `05${k.slice(2)}`,
      `${k.slice(0, 129)}0`,
      `${k}00`,
      `04${'zz'.repeat(64)}`,
    ]) {
      expect(code(() => quidIdFromPublicKey(bad))).toBe('INVALID_KEY');
    }
  });

  it('refuses private keys of the wrong length or range', () => {
    expect(code(() => signerFromPrivateKey('00'.repeat(31)))).toBe('INVALID_KEY');
    expect(code(() => signerFromPrivateKey(new Uint8Array(33)))).toBe('INVALID_KEY');
    expect(code(() => signerFromPrivateKey('00'.repeat(32)))).toBe('INVALID_KEY');
    expect(code(() => signerFromPrivateKey(p256.Point.Fn.ORDER.toString(16)))).toBe('INVALID_KEY');
    expect(code(() => signerFromPrivateKey('xy'.repeat(32)))).toBe('INVALID_KEY');
    expect(code(() => publicKeyFromPrivateKey('1234'))).toBe('INVALID_KEY');
  });

  it('accepts hex or bytes and copies the key', async () => {
    const bytes = Uint8Array.from(alice.private_scalar_hex.match(/../g)!.map((b) => Number.parseInt(b, 16)));
    const signer = signerFromPrivateKey(bytes);
    bytes.fill(0);
    expect(signer.publicKey).toBe(alice.public_key_sec1_hex);
    expect(signer.quidId).toBe(alice.quid_id);
    const msg = new TextEncoder().encode('hello');
    const sig = await signer.sign(msg);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(verifySignature(signer.publicKey, msg, sig)).toBe(true);
  });

  it('generates fresh keys and signers', async () => {
    const a = generatePrivateKey();
    expect(a).toHaveLength(32);
    expect(hex(a)).not.toBe(hex(generatePrivateKey()));
    const { signer, privateKey } = generateSigner();
    expect(signerFromPrivateKey(privateKey).publicKey).toBe(signer.publicKey);
    expect(quidIdFromPublicKey(signer.publicKey)).toBe(signer.quidId);
  });
});

describe('WebCrypto signer', () => {
  it('uses a non-extractable private key and produces low-s signatures that both verifiers accept', async () => {
    const { signer, keyPair } = await generateWebCryptoSigner();
    expect(keyPair.privateKey.extractable).toBe(false);
    expect(signer.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(signer.quidId).toBe(quidIdFromPublicKey(signer.publicKey));
    const half = p256.Point.Fn.ORDER >> 1n;
    for (let i = 0; i < 8; i++) {
      const msg = new TextEncoder().encode(`message ${i}`);
      const sig = await signer.sign(msg);
      expect(BigInt(`0x${sig.slice(64)}`) <= half).toBe(true);
      expect(verifySignature(signer.publicKey, msg, sig)).toBe(true);
      expect(await verifySignatureAsync(signer.publicKey, msg, sig)).toBe(true);
    }
    const tx = await buildEvent({
      signer,
      trustDomain: 'factoring.supply-chain.us',
      subjectId: signer.quidId,
      subjectType: 'QUID',
      sequence: 1,
      eventType: 'profile.updated',
      payload: { note: 'Smith & Sons <ok>' },
    });
    expect(verifyTransaction(tx)).toBe(true);
    expect(await verifyTransactionAsync(tx)).toBe(true);
  });

  it('wraps an existing key pair', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const signer = await createWebCryptoSigner(pair);
    const msg = new Uint8Array([1, 2, 3]);
    expect(verifySignature(signer.publicKey, msg, await signer.sign(msg))).toBe(true);
  });

  it('throws CRYPTO_UNAVAILABLE when crypto.subtle is missing', async () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true, writable: true });
    try {
      await expect(generateWebCryptoSigner()).rejects.toMatchObject({ code: 'CRYPTO_UNAVAILABLE' });
    } finally {
      if (original) Object.defineProperty(globalThis, 'crypto', original);
    }
  });

  it('signTransaction refuses a signer that does not hold tx.publicKey', async () => {
    const { signer } = generateSigner();
    const tx = await buildEvent({
      signer,
      trustDomain: 'd',
      subjectId: signer.quidId,
      subjectType: 'QUID',
      sequence: 1,
      eventType: 'x',
      payload: { a: 1 },
    });
    await expect(signTransaction(tx, generateSigner().signer)).rejects.toMatchObject({
      code: 'SIGNER_MISMATCH',
    });
  });
});
