// createDevNode's options: every problem reported at once, in one DevNodeError the guard recognises.
import { isCoreError, isQuidfinError, ValidationError } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { createDevNode, isDevNodeError, NODE_LIMITS } from '../src/index.js';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('createDevNode options', () => {
  it('reports several bad options at once, each at its path', () => {
    const e = thrownBy(() =>
      createDevNode({
        blockIntervalMs: -1,
        bodyLimitBytes: 1.5,
        nodeKey: 'xyz',
        domains: ['', 'ok.example'],
        corsOrigins: ['app.example', 'https://app.example/', 'https://ok.example', '*'],
        guardianAnchors: 'keep' as never,
        limits: { quid: { perMinute: 10 }, trustCacheTTL: 5 } as never,
      }),
    );
    expect(isDevNodeError(e)).toBe(true);
    if (!isDevNodeError(e)) return;
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.issues.map((i) => i.path)).toEqual([
      'blockIntervalMs',
      'bodyLimitBytes',
      'nodeKey',
      'guardianAnchors',
      'domains[0]',
      'corsOrigins[0]',
      'corsOrigins[1]',
      'limits.trustCacheTTL',
      'limits.quid.burst',
    ]);
  });

  it('a rate layer without burst is refused (it used to build a token bucket of NaN tokens)', () => {
    const e = thrownBy(() => createDevNode({ limits: { ip: { perMinute: 60 } } as never }));
    expect(isDevNodeError(e) && e.issues).toEqual([{ path: 'limits.ip.burst', message: 'is required' }]);
  });

  it('limits as an unknown word is refused', () => {
    const e = thrownBy(() => createDevNode({ limits: 'none' as never }));
    expect(isDevNodeError(e) && e.issues.map((i) => i.path)).toEqual(['limits']);
  });

  it('accepts every documented form', async () => {
    for (const limits of [
      'off',
      'node',
      { ...NODE_LIMITS, ip: undefined },
      { trustCacheTtlMs: 0 },
    ] as const) {
      const node = createDevNode({
        blockIntervalMs: 0,
        limits,
        corsOrigins: ['*', 'https://App.example', 'http://localhost:5173'],
      });
      await node.close();
    }
  });

  it('the error belongs to the devnode, not to core, and is still a ValidationError with issues', () => {
    const e = thrownBy(() => createDevNode({ blockIntervalMs: Number.NaN }));
    expect(isQuidfinError(e)).toBe(true);
    expect(isCoreError(e)).toBe(false);
    expect(e).toBeInstanceOf(ValidationError);
    expect(isDevNodeError(e) && e.package).toBe('@quidfin/devnode');
  });

  it('a lookalike without the brand is not a devnode error', () => {
    const fake = { isQuidfinError: true, package: '@quidfin/devnode', code: 'INVALID_OPTIONS', issues: [] };
    expect(isDevNodeError(fake)).toBe(false);
    expect(isDevNodeError({ ...fake, isQuidfinDevNodeError: true, code: 'NOT_A_CODE' })).toBe(false);
  });

  it('restore() of a non-snapshot is a devnode INVALID_SNAPSHOT', async () => {
    const node = createDevNode({ blockIntervalMs: 0 });
    const e = thrownBy(() => node.restore({} as never));
    expect(isDevNodeError(e) && e.code).toBe('INVALID_SNAPSHOT');
    await node.close();
  });
});
