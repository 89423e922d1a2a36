// Signed TRUST transactions for client trust tests, genuine or forged, and raw posting helpers.
import { type Signer, signableJson, signTransaction, type TrustTx, toWireJson } from '@quidfin/core';
import type { DevNode } from '@quidfin/devnode';
import { DOMAIN } from '../support/harness.js';

export async function signedTrust(
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
    timestamp: extra.timestamp ?? Math.floor(Date.now() / 1000),
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

/** A genuine TRUST with a validUntil beyond 2^53, as wire JSON text (the SDK's encoder refuses it). */
export async function bigValidUntilWire(
  signer: Signer,
  trustee: string,
  trustLevel: number,
  nonce: number,
  validUntil: bigint,
  timestamp: number,
): Promise<string> {
  const base = await signedTrust(signer, trustee, trustLevel, nonce, {
    timestamp,
    validUntil: timestamp + 1,
  });
  const json = signableJson({ ...base, validUntil: 1 });
  const signable = `${json.slice(0, -2)}${validUntil.toString()}}`;
  const signature = await signer.sign(new TextEncoder().encode(signable));
  return signable.replace('"signature":""', `"signature":"${signature}"`);
}

/** Posts wire JSON straight to the devnode (what any other client could send) and checks it got in. */
export async function postRaw(node: DevNode, path: string, body: string): Promise<void> {
  const res = await node.fetch(
    new Request(`http://devnode.test/api/v1/${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    }),
  );
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

export const postTrust = (node: DevNode, tx: TrustTx): Promise<void> =>
  postRaw(node, 'transactions/trust', toWireJson(tx));
