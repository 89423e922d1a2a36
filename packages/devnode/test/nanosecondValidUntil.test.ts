import { generateSigner, signableJson, signTransaction, type TrustTx } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { createDevNode } from '../src/index.js';

// PROTOCOL G12: the node stores TRUST validUntil in seconds but accepts any int64 after the
// timestamp, so a nanosecond value (beyond 2^53) is admitted and never expires.

describe('a TRUST with a nanosecond validUntil', () => {
  it('is admitted, committed and never expires, as on the node', async () => {
    const clock = { ms: 1_767_225_600_000 };
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off', now: () => clock.ms });
    const a = generateSigner().signer;
    const b = generateSigner().signer;
    const t = 1_767_225_600;
    const draft: TrustTx = {
      id: '',
      type: 'TRUST',
      trustDomain: '',
      timestamp: t,
      signature: '',
      publicKey: '',
      truster: a.quidId,
      trustee: b.quidId,
      trustLevel: 0.8,
      nonce: 1,
      validUntil: t + 1,
    };
    const base = await signTransaction(draft, a);
    const json = signableJson({ ...base, validUntil: 1 });
    const signable = `${json.slice(0, -2)}${(BigInt(t + 60) * 1_000_000_000n).toString()}}`;
    const sig = await a.sign(new TextEncoder().encode(signable));
    const body = signable.replace('"signature":""', `"signature":"${sig}"`);
    const post = await node.fetch(
      new Request('http://devnode/api/v1/transactions/trust', { method: 'POST', body }),
    );
    expect(post.status).toBe(200);
    expect(node.mineBlock().committed).toHaveLength(1);
    clock.ms += 86_400_000;
    const res = await node.fetch(new Request(`http://devnode/api/v1/trust/${a.quidId}/${b.quidId}`));
    expect(((await res.json()) as { data: { trustLevel: number } }).data.trustLevel).toBe(0.8);
    await node.close();
  });

  it('with a tampered digit is still refused (the spliced digits are what is verified)', async () => {
    const node = createDevNode({ blockIntervalMs: 0, limits: 'off' });
    const a = generateSigner().signer;
    const b = generateSigner().signer;
    const t = 1_767_225_600;
    const base = await signTransaction(
      {
        id: '',
        type: 'TRUST',
        trustDomain: '',
        timestamp: t,
        signature: '',
        publicKey: '',
        truster: a.quidId,
        trustee: b.quidId,
        trustLevel: 0.8,
        nonce: 1,
        validUntil: t + 1,
      } as TrustTx,
      a,
    );
    const json = signableJson({ ...base, validUntil: 1 });
    const signable = `${json.slice(0, -2)}1767225660000000000}`;
    const sig = await a.sign(new TextEncoder().encode(signable));
    const body = signable
      .replace('"signature":""', `"signature":"${sig}"`)
      .replace('1767225660000000000', '1867225660000000000');
    const post = await node.fetch(
      new Request('http://devnode/api/v1/transactions/trust', { method: 'POST', body }),
    );
    expect(post.status).toBe(400);
    await node.close();
  });
});
