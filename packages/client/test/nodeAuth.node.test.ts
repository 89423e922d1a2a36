import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildEvent, buildIdentity, buildTitle, generateSigner } from '@quidfin/core';
import { createDevNode } from '@quidfin/devnode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuidnugClient, type QuidfinClientError } from '../src/index.js';
import { DOMAIN, TEST_CLIENT, TEST_NODE } from './support/harness.js';

const SECRET = 'node-auth-secret';
const GUARDED = /\/transactions\/(trust|identity|title)$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// A loopback front for the devnode that enforces the node's HMAC rule (PROTOCOL §9.6) the way
// REQUIRE_NODE_AUTH=true does: POSTs to the three /transactions routes need a fresh timestamp and
// base64(HMAC-SHA256(secret, METHOD\nPATH\nBODY\nTIMESTAMP)); anything else is 401 plain text.
describe('HMAC node auth over loopback HTTP', () => {
  const node = createDevNode(TEST_NODE);
  let server: Server;
  let url = '';
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'POST' && GUARDED.test(path)) {
        const ts = String(req.headers['x-node-timestamp'] ?? '');
        const sig = Buffer.from(String(req.headers['x-node-signature'] ?? ''), 'base64');
        const want = createHmac('sha256', SECRET).update(`POST\n${path}\n${body}\n${ts}`).digest();
        const fresh = Math.abs(Date.now() / 1000 - Number(ts)) <= 300;
        const good = fresh && sig.length === want.length && timingSafeEqual(sig, want);
        seen.push(`${path} ${good ? 'ok' : 'refused'}`);
        if (!good) {
          res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
          return;
        }
      }
      const init: RequestInit = {
        method: req.method ?? 'GET',
        headers: { 'content-type': 'application/json' },
      };
      if (req.method === 'POST') init.body = body;
      const answer = await node.fetch(new Request(`http://devnode${req.url ?? '/'}`, init));
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await node.close();
  });

  it('signed transaction POSTs pass; the same POST without auth is a 401 HttpError; events need none', async () => {
    const signed = createQuidnugClient({ ...TEST_CLIENT, baseUrl: url, nodeAuth: { secret: SECRET } });
    const plain = createQuidnugClient({ ...TEST_CLIENT, baseUrl: url, retry: 0 });
    const { signer } = generateSigner();
    const id = await buildIdentity({ signer, trustDomain: DOMAIN, name: 'authed', updateNonce: 1 });
    try {
      await plain.submitIdentity(id);
      expect.unreachable();
    } catch (e) {
      expect([(e as QuidfinClientError).code, (e as { status?: number }).status]).toEqual([
        'HTTP_ERROR',
        401,
      ]);
    }
    await signed.submitIdentity(id);
    await signed.waitForCommit(id);
    const title = await buildTitle({
      signer,
      trustDomain: DOMAIN,
      assetId: 'auth-1',
      owners: [{ ownerId: signer.quidId, percentage: 1 }],
    });
    await signed.submitTitle(title);
    await signed.waitForCommit(title);
    const event = await buildEvent({
      signer,
      trustDomain: DOMAIN,
      subjectId: 'auth-1',
      subjectType: 'TITLE',
      sequence: 1,
      eventType: 'x.y',
      payload: { a: 1 },
    });
    await plain.submitEvent(event);
    expect(seen).toEqual([
      '/api/v1/transactions/identity refused',
      '/api/v1/transactions/identity ok',
      '/api/v1/transactions/title ok',
    ]);
  });
});
