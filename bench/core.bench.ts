// Benchmarks of @quidfin/core's wire layer. Every figure is a ratio against a baseline measured in
// the same run: SDK signing vs raw noble signing of the same bytes, SDK async verification vs raw
// WebCrypto verification of the same bytes, and serialization + ID cost as a share of crypto cost.
// Run: npx tsx --conditions=@quidfin/source bench/core.bench.ts

import { p256 } from '@noble/curves/nist.js';
import {
  buildEvent,
  type EventTx,
  signableBytes,
  signerFromPrivateKey,
  signTransaction,
  transactionId,
  verifyTransaction,
  verifyTransactionAsync,
} from '@quidfin/core';
import { measure, report } from './harness.ts';

const ALICE = '1ccb11c6f8ca348eb189672eb2e793da0a1a3967105a3107a871010c9aad07af';

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

async function main(): Promise<void> {
  const signer = signerFromPrivateKey(ALICE);
  const secret = hexToBytes(ALICE);
  // A realistic invoice.issued event (PROTOCOL Appendix B shape, amounts in minor units).
  const signed: EventTx = await buildEvent({
    signer,
    trustDomain: 'factoring.supply-chain.us',
    subjectId: 'inv-2026-000123',
    subjectType: 'TITLE',
    sequence: 1,
    eventType: 'invoice.issued',
    timestamp: 1763900000,
    payload: {
      invoiceId: 'inv-2026-000123',
      invoiceNumber: 'INV-2026-000123',
      supplierQuid: signer.quidId,
      buyerQuid: '4ef5d5d0f15ff46d',
      amountMinor: 12_500_000,
      currency: 'EUR',
      issuedAt: 1763900000,
      dueAt: 1769084000,
      terms: 'NET-60',
      invoiceHash: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
      poReference: 'PO-88812',
      paymentReference: 'RF18539007547034',
      taxMinor: 2_375_000,
      earlyPaymentDiscount: { rateBps: 150, withinDays: 10 },
    },
  });
  const unsigned: EventTx = { ...signed, id: '', signature: '' };
  const bytes = signableBytes(signed) as Uint8Array<ArrayBuffer>;
  const sig = hexToBytes(signed.signature);
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey(
    'raw',
    hexToBytes(signed.publicKey),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );

  const rawSign = await measure('raw p256.sign(bytes)', () => p256.sign(bytes, secret));
  const sdkSign = await measure('signTransaction(event)', () => signTransaction(unsigned, signer));
  report('EVENT sign', rawSign, [sdkSign]);

  const rawVerify = await measure('raw subtle.verify(bytes)', () =>
    subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, bytes),
  );
  const asyncVerify = await measure('verifyTransactionAsync(event)', () => verifyTransactionAsync(signed));
  const syncVerify = await measure('verifyTransaction(event) [noble]', () => verifyTransaction(signed));
  report('EVENT verify', rawVerify, [asyncVerify, syncVerify]);

  const encode = await measure('signableBytes + transactionId', () => {
    signableBytes(signed);
    transactionId(signed);
  });
  // Verifying needs the signable bytes only (the node never checks the id), so measure that too.
  const encodeOnly = await measure('signableBytes', () => signableBytes(signed));
  report('Serialization + id vs crypto (ops/s)', encode, [encodeOnly, rawSign, rawVerify]);
  const pct = (m: { opsPerSec: number }, of = encode) => ((m.opsPerSec / of.opsPerSec) * 100).toFixed(2);
  console.log(`signing path: serialization+id cost = ${pct(rawSign)}% of one noble sign (target < 10%)`);
  console.log(
    `verify path: signableBytes cost = ${pct(rawVerify, encodeOnly)}% of one WebCrypto verify (target < 10%)`,
  );
  console.log(
    `sign overhead ratio sdk/raw = ${(rawSign.opsPerSec / sdkSign.opsPerSec).toFixed(3)}; async verify overhead ratio sdk/raw = ${(rawVerify.opsPerSec / asyncVerify.opsPerSec).toFixed(3)}; WebCrypto vs noble verify speed-up = ${(asyncVerify.opsPerSec / syncVerify.opsPerSec).toFixed(1)}x`,
  );
}

await main();
