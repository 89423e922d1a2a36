import { buildTrust, generateSigner, toWireJson } from '@quidfin/core';
import { createDevNode, type DevNode } from '@quidfin/devnode';
import { describe, expect, it } from 'vitest';
import {
  createQuidnugClient,
  isQuidfinClientError,
  ValidatorRouter,
  ValidatorRoutingError,
} from '../../src/index.js';
import { devnodeFetch } from '../support/devnodeFetch.js';
import { DOMAIN, TEST_CLIENT } from '../support/harness.js';
import { postTrust, signedTrust } from '../trust/trustTx.js';

// In process (Node and browser): two devnodes behind one fetch, told apart by host name. The peer
// holds a copy of the validator's state taken at `copy()` time (a lagging node).

function network(): { validator: DevNode; peer: DevNode; copy: () => void; fetch: typeof globalThis.fetch } {
  const validator = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
  const peer = createDevNode({ blockIntervalMs: 0, limits: 'off', nodeKey: '5'.repeat(64) });
  const copy = (): void => peer.restore({ ...validator.snapshot(), pending: [] });
  copy();
  const v = devnodeFetch(validator);
  const p = devnodeFetch(peer);
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    return new URL(request.url).hostname === 'validator.test' ? v(request) : p(request);
  }) as typeof globalThis.fetch;
  return { validator, peer, copy, fetch };
}

describe('ValidatorRouter (in process)', () => {
  it('maps the validator named in /domains onto the configured nodes by node id', async () => {
    const n = network();
    const client = createQuidnugClient({
      ...TEST_CLIENT,
      nodes: ['http://peer.test', 'http://validator.test'],
      fetch: n.fetch,
    });
    const router = new ValidatorRouter(client);
    const t = await router.topology(DOMAIN);
    expect(t.validators).toEqual([n.validator.nodeId]);
    expect(t.validatorIndexes).toEqual([1]);
    expect(await router.validatorNode(DOMAIN)).toBe(1);
  });

  it('decision-grade reads come from the preferred node only while its head equals the validator’s', async () => {
    const n = network();
    const client = createQuidnugClient({
      ...TEST_CLIENT,
      nodes: ['http://peer.test', 'http://validator.test'],
      fetch: n.fetch,
    });
    const router = new ValidatorRouter(client);
    expect((await router.readOptions(DOMAIN)).node).toBe(0); // level with the validator
    const [a, b] = [generateSigner().signer, generateSigner().signer];
    await postTrust(n.validator, await signedTrust(a, b.quidId, 0.5, 1));
    n.validator.mineBlock();
    expect((await router.readOptions(DOMAIN)).node).toBe(1); // the peer is one block behind
    n.copy();
    expect((await router.readOptions(DOMAIN)).node).toBe(0);
  });

  it('an unknown domain is DOMAIN_UNKNOWN; the error has a literal code and a reason', async () => {
    const n = network();
    const client = createQuidnugClient({ ...TEST_CLIENT, nodes: ['http://validator.test'], fetch: n.fetch });
    const error = await new ValidatorRouter(client).validatorNode('nobody.example').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidatorRoutingError);
    expect(isQuidfinClientError(error) && error.code).toBe('VALIDATOR_ROUTING');
    expect((error as ValidatorRoutingError).reason).toBe('DOMAIN_UNKNOWN');
    expect((error as ValidatorRoutingError).domain).toBe('nobody.example');
  });

  it('a validator that stops answering is VALIDATOR_UNREACHABLE; no write is sent elsewhere', async () => {
    const n = network();
    let down = false;
    let peerPosts = 0;
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const host = new URL(request.url).hostname;
      if (host === 'validator.test' && down) return Promise.reject(new TypeError('fetch failed'));
      if (host !== 'validator.test' && request.method === 'POST') peerPosts++;
      return n.fetch(request);
    }) as typeof globalThis.fetch;
    const client = createQuidnugClient({
      ...TEST_CLIENT,
      retry: 0,
      nodes: ['http://peer.test', 'http://validator.test'],
      fetch,
    });
    const router = new ValidatorRouter(client);
    await router.topology(DOMAIN);
    down = true;
    const error = await router
      .submit(await signedTrust(generateSigner().signer, generateSigner().signer.quidId, 0.5, 1))
      .catch((e: unknown) => e);
    expect((error as ValidatorRoutingError).reason).toBe('VALIDATOR_UNREACHABLE');
    expect(peerPosts).toBe(0);
  });
  it('router.submit re-sends to the validator a transaction lost with a rejected block, and returns once it commits', async () => {
    const validator = createDevNode({ blockIntervalMs: 0, limits: 'off', domains: [DOMAIN] });
    const a = generateSigner().signer;
    const b = generateSigner().signer;
    // A TRUST whose type is not "TRUST" passes admission and poisons its whole block (PROTOCOL G7).
    const bad = await buildTrust({
      signer: b,
      trustDomain: DOMAIN,
      trustee: a.quidId,
      trustLevel: 0.1,
      nonce: 1,
    });
    const unsigned = toWireJson(bad)
      .replace(`"signature":"${bad.signature}"`, '"signature":""')
      .replace('"type":"TRUST"', '"type":"TRUSTX"');
    const poison = unsigned.replace(
      '"signature":""',
      `"signature":"${await b.sign(new TextEncoder().encode(unsigned))}"`,
    );
    let posts = 0;
    const fetch = devnodeFetch(validator, async (request, respond) => {
      if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/transactions/trust'))
        return respond();
      posts++;
      if (posts === 1) {
        const r = await validator.fetch(
          new Request('http://validator.test/api/v1/transactions/trust', { method: 'POST', body: poison }),
        );
        expect(r.status).toBe(200);
      }
      const answer = await respond();
      validator.mineBlock(); // the first block holds the poison and is rejected whole
      return answer;
    });
    const client = createQuidnugClient({ ...TEST_CLIENT, nodes: ['http://validator.test'], fetch });
    const tx = await signedTrust(a, b.quidId, 0.6, 1);
    const w = await new ValidatorRouter(client).submit(tx);
    expect(w).toMatchObject({ transactionId: tx.id, node: 0, resent: 1 });
    expect(posts).toBe(2);
    expect((await client.getTrustRegistryEdge(a.quidId, b.quidId)).trust_level).toBe(0.6);
    await validator.close();
  });
});
