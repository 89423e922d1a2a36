import { describe, expect, it } from 'vitest';
import type { ConformanceEnv } from './env.js';
import { expectEnvelope, expectOk, expectPlain } from './helpers.js';

/** Routes, prefixes, envelopes, headers, 404/405/204, domains. */
export function basicsScenarios(env: () => ConformanceEnv): void {
  describe('routing, envelopes and headers', () => {
    it('GET /health answers the envelope with the node headers', async () => {
      const a = await env().request('GET', '/api/v1/health', undefined, { 'X-Request-ID': 'conf-req-1' });
      const data = expectOk<Record<string, unknown>>(a);
      expect(data).toMatchObject({ status: 'ok', version: '1.0.0' });
      expect(data['node_id']).toMatch(/^[0-9a-f]{16}$/);
      expect(typeof data['uptime']).toBe('number');
      expect(a.headers.get('content-type')).toBe('application/json');
      expect(a.headers.get('x-api-version')).toBe('1.0');
      expect(a.headers.get('x-request-id')).toBe('conf-req-1');
      expect(a.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(a.text.startsWith('{"data":')).toBe(true);
    });

    it('generates a request ID when none is sent', async () => {
      const a = await env().request('GET', '/api/v1/health');
      expect(a.headers.get('x-request-id')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });

    it('GET /nodes answers a page of known peers under /api/v1 and /api (an empty one on a lone node)', async () => {
      for (const prefix of ['/api/v1', '/api']) {
        const page = expectOk<{ data: unknown[]; pagination: Record<string, number> }>(
          await env().request('GET', `${prefix}/nodes?limit=7`),
        );
        expect(Array.isArray(page.data)).toBe(true);
        expect(page.pagination).toEqual({ limit: 7, offset: 0, total: page.data.length });
      }
    });

    it('mounts every route under /api as well as /api/v1', async () => {
      const a = expectOk<Record<string, unknown>>(await env().request('GET', '/api/health'));
      expect(a['status']).toBe('ok');
      const info = expectOk<Record<string, unknown>>(await env().request('GET', '/api/info'));
      expect(info['managedDomains']).toContain(env().domain);
    });

    it('answers unknown routes and wrong methods with the plain-text 404', async () => {
      const cases: Array<[string, string]> = [
        ['GET', '/api/v1/nope'],
        ['GET', '/api/v1/transactions/trust'],
        ['POST', '/api/v1/health'],
        ['PUT', '/api/v1/domains'],
        ['DELETE', '/api/v1/identity/0123456789abcdef'],
        ['GET', '/api/v1/trust/query'],
        ['GET', '/api/v1/health/'],
        ['GET', '/api/v2/nothing-here'],
      ];
      for (const [method, path] of cases) {
        expectPlain(
          await env().request(method, path, method === 'GET' ? undefined : '{}'),
          404,
          '404 page not found',
        );
      }
    });

    it('answers POST / with an empty 405', async () => {
      const a = await env().request('POST', '/', '{}');
      expect(a.status).toBe(405);
      expect(a.text).toBe('');
    });

    it('answers OPTIONS with 204', async () => {
      const a = await env().request('OPTIONS', '/api/v1/transactions/identity');
      expect(a.status).toBe(204);
      expect(a.text).toBe('');
    });

    it('GET /info lists the managed domains and the block height', async () => {
      const info = expectOk<Record<string, unknown>>(await env().request('GET', '/api/v1/info'));
      expect(info['nodeQuid']).toMatch(/^[0-9a-f]{16}$/);
      expect(info['managedDomains']).toEqual(expect.arrayContaining(['default', env().domain]));
      expect(typeof info['blockHeight']).toBe('number');
      expect(info['version']).toBe('1.0.0');
    });
  });

  describe('domains', () => {
    it('registers a domain once, refuses a duplicate, and lists it', async () => {
      const name = `dup-${env().run}.quidfin.test`;
      const first = expectOk(await env().request('POST', '/api/v1/domains', { name }));
      expect(first).toEqual({
        status: 'success',
        message: 'Trust domain registered successfully',
        domain: name,
      });
      expectEnvelope(
        await env().request('POST', '/api/v1/domains', { name }),
        400,
        'BAD_REQUEST',
        `trust domain ${name} already exists`,
      );
      const list = expectOk<{ domains: Array<{ name: string; validators: object }> }>(
        await env().request('GET', '/api/v1/domains'),
      );
      const entry = list.domains.find((d) => d.name === name);
      expect(entry).toBeDefined();
      expect(entry).toHaveProperty('validatorNodes');
      expect(entry).toHaveProperty('blockchainHead');
    });

    it('refuses unknown keys in a domain body (plain text)', async () => {
      expectPlain(
        await env().request('POST', '/api/v1/domains', { name: `x-${env().run}.test`, owner: 'me' }),
        400,
        'Invalid request body',
      );
    });
  });
}
