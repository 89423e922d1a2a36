// Keys and signed TRUST transactions for the verified-trust tests (fixed keys: reproducible).
import { type Signer, signerFromPrivateKey, signTransaction, type TrustTx } from '../../src/index.js';
import { utf8 } from '../../src/wire/hex.js';
import { signableJson } from '../../src/wire/signableBytes.js';

const key = (n: number): string => n.toString(16).padStart(64, '0');

export const financier: Signer = signerFromPrivateKey(key(0xf1));
export const bureau: Signer = signerFromPrivateKey(key(0xb0));
export const supplier: Signer = signerFromPrivateKey(key(0x51));
export const buyer: Signer = signerFromPrivateKey(key(0xb1));
export const stranger: Signer = signerFromPrivateKey(key(0x66));

export const DOMAIN = 'factoring.supply-chain.us';
export const T0 = 1_767_225_600; // 2026-01-01

/**
 * A TRUST signed by `signer`, claiming `truster` (default: the signer's own quid, i.e. genuine).
 */
export async function trust(
  signer: Signer,
  trustee: string,
  trustLevel: number,
  nonce: number,
  extra: { truster?: string; validUntil?: number; timestamp?: number } = {},
): Promise<TrustTx> {
  const draft: TrustTx = {
    id: '',
    type: 'TRUST',
    trustDomain: DOMAIN,
    timestamp: extra.timestamp ?? T0,
    signature: '',
    publicKey: '',
    truster: extra.truster ?? signer.quidId,
    trustee,
    trustLevel,
    nonce,
  };
  if (extra.validUntil !== undefined) draft.validUntil = extra.validUntil;
  return signTransaction(draft, signer);
}

/**
 * A genuine TRUST with a nanosecond-sized `validUntil` (beyond 2^53: the SDK's builders refuse it,
 * other SDKs following the public docs send it). Signed over the node's bytes, exact digits.
 */
export async function trustWithBigValidUntil(
  signer: Signer,
  trustee: string,
  trustLevel: number,
  nonce: number,
  validUntil: number,
): Promise<TrustTx> {
  const base = await trust(signer, trustee, trustLevel, nonce, { validUntil: T0 + 1 });
  const json = signableJson({ ...base, validUntil: 1 });
  const bytes = utf8(`${json.slice(0, -'1}'.length)}${BigInt(validUntil).toString()}}`);
  return { ...base, validUntil, signature: await signer.sign(bytes) };
}
