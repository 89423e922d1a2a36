import { toWireJson } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceEnv } from './env.js';
import { expectEnvelope, expectOk, expectPlain, identityOf, post, who } from './helpers.js';

const SUBMIT_PATHS = ['/transactions/identity', '/transactions/title', '/transactions/trust', '/events'];
const NAMES: Record<string, string> = {
  '/transactions/identity': 'identity',
  '/transactions/title': 'title',
  '/transactions/trust': 'trust',
  '/events': 'event',
};

/** Strict body decoding: plain-text 400 / 413, the `null` quirk, first value only. */
export function decodingScenarios(env: () => ConformanceEnv): void {
  describe('request body decoding', () => {
    it('answers malformed JSON with the plain-text 400 on every submit route', async () => {
      for (const path of SUBMIT_PATHS) {
        for (const body of [
          '',
          '{',
          '{"id":}',
          '[1,2',
          'nul',
          '{"id":"a",}',
          '{"id" "a"}',
          '\u00ef\u00bb\u00bf{}',
        ]) {
          expectPlain(await post(env(), path, body), 400, 'Invalid request body');
        }
      }
    });

    it('answers a body of null with the envelope 400 (the struct stays zero)', async () => {
      for (const path of SUBMIT_PATHS) {
        expectEnvelope(
          await post(env(), path, 'null'),
          400,
          'BAD_REQUEST',
          `invalid ${NAMES[path]} transaction`,
        );
      }
    });

    it('refuses unknown fields, also inside nested structs', async () => {
      const tx = await identityOf(env(), who(env(), 'unknown-field'));
      const wire = JSON.parse(toWireJson(tx)) as Record<string, unknown>;
      expectPlain(
        await post(env(), '/transactions/identity', JSON.stringify({ ...wire, domain: 'x' })),
        400,
        'Invalid request body',
      );
      const title =
        '{"type":"TITLE","assetId":"a","owners":[{"ownerId":"0123456789abcdef","percentage":1,"share":1}]}';
      expectPlain(await post(env(), '/transactions/title', title), 400, 'Invalid request body');
    });

    it('refuses int64 fields written as 1e9, 1.0 or 1.5, and strings for numbers', async () => {
      for (const ts of ['1e9', '1745000000.0', '1.5', '"1745000000"', '99999999999999999999']) {
        expectPlain(
          await post(env(), '/transactions/identity', `{"timestamp":${ts}}`),
          400,
          'Invalid request body',
        );
      }
      expectPlain(await post(env(), '/events', '{"sequence":1.0}'), 400, 'Invalid request body');
      expectPlain(await post(env(), '/transactions/trust', '{"nonce":2e0}'), 400, 'Invalid request body');
    });

    it('refuses wrong types', async () => {
      const cases: Array<[string, string]> = [
        ['/transactions/identity', '{"name":5}'],
        ['/transactions/identity', '{"attributes":[1]}'],
        ['/transactions/trust', '{"trustLevel":"0.5"}'],
        ['/transactions/title', '{"owners":{}}'],
        ['/transactions/title', '{"signatures":{"a":1}}'],
        ['/events', '{"payload":"x"}'],
        ['/events', '{"payload":{"n":1e999}}'],
        ['/transactions/identity', '"just a string"'],
        ['/transactions/identity', '[]'],
      ];
      for (const [path, body] of cases)
        expectPlain(await post(env(), path, body), 400, 'Invalid request body');
    });

    it('refuses raw control characters in strings and nesting deeper than 10000', async () => {
      expectPlain(
        await post(env(), '/transactions/identity', '{"name":"a\u0001b"}'),
        400,
        'Invalid request body',
      );
      const deep = `{"payload":{"a":${'['.repeat(10_001)}${']'.repeat(10_001)}}}`;
      expectPlain(await post(env(), '/events', deep), 400, 'Invalid request body');
    });

    it('reads only the first JSON value and matches keys case-insensitively', async () => {
      const a = await identityOf(env(), who(env(), 'trailing'));
      expectOk(await post(env(), '/transactions/identity', `${toWireJson(a)} {"garbage": [`));
      const b = await identityOf(env(), who(env(), 'case-insensitive'));
      const shouted = toWireJson(b).replace('"trustDomain":', '"TRUSTDOMAIN":').replace('"name":', '"Name":');
      const r = expectOk<Record<string, unknown>>(await post(env(), '/transactions/identity', shouted));
      expect(r['transaction_id']).toBe(b.id);
    });

    it('answers a body over 1 MiB with the plain-text 413', async () => {
      const body = `{"name":"${'a'.repeat(1024 * 1024 + 100)}"}`;
      expectPlain(await post(env(), '/transactions/identity', body), 413, 'Payload Too Large');
      expectPlain(await post(env(), '/events', body), 413, 'Payload Too Large');
    });

    it('treats escaped control characters as data that fails validation (envelope)', async () => {
      const tx = await identityOf(env(), who(env(), 'ctl'));
      const hostile = toWireJson(tx).replace(/"name":"[^"]*"/, '"name":"bad\\u0007name"');
      expectEnvelope(
        await post(env(), '/transactions/identity', hostile),
        400,
        'BAD_REQUEST',
        'invalid identity transaction',
      );
    });
  });
}
