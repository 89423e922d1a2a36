// The conformance suite: the same HTTP-level scenarios, run against any target. Expectations are
// PROTOCOL.md's (exact statuses and bodies), so a real node can be checked with the same code.

import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { basicsScenarios } from './basicsScenarios.js';
import { decodingScenarios } from './decodingScenarios.js';
import type { ConformanceEnv } from './env.js';
import { eventScenarios } from './eventScenarios.js';
import { guardianScenarios } from './guardianScenarios.js';
import { identityTitleScenarios } from './identityTitleScenarios.js';
import { limitsBlocksScenarios } from './limitsBlocksScenarios.js';
import { trustScenarios } from './trustScenarios.js';

/**
 * Registers the whole suite against the env `start` creates. `timeoutMs` bounds each scenario
 * (a real node needs several block ticks per scenario).
 */
export function defineConformance(
  label: string,
  start: () => Promise<ConformanceEnv>,
  timeoutMs = 30_000,
): void {
  describe(`conformance: ${label}`, { timeout: timeoutMs }, () => {
    let env: ConformanceEnv | undefined;
    beforeAll(async () => {
      env = await start();
    });
    afterAll(async () => {
      await env?.close();
    });
    beforeEach(() => {
      env?.nextClient();
    });
    const get = (): ConformanceEnv => {
      if (!env) throw new Error('conformance env not started');
      return env;
    };
    basicsScenarios(get);
    decodingScenarios(get);
    identityTitleScenarios(get);
    eventScenarios(get);
    trustScenarios(get);
    limitsBlocksScenarios(get);
    guardianScenarios(get);
  });
}
