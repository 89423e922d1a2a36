import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';

describe('verified trust exports', () => {
  it.each([
    'TrustGraph',
    'computeRelationalTrust',
    'derivedKeyHistory',
    'trustFindingKind',
    'trustEdgeExpiry',
    'MAX_VALID_UNTIL_SECONDS',
  ])('%s is exported from the package root', (name) => {
    expect((core as Record<string, unknown>)[name]).toBeDefined();
  });

  it('reads validUntil in seconds up to 1e11, as nanoseconds above', () => {
    expect(core.trustEdgeExpiry(0)).toEqual({ expiresAt: undefined, unit: 'none' });
    expect(core.trustEdgeExpiry(1e11)).toEqual({ expiresAt: 1e11, unit: 'seconds' });
    expect(core.trustEdgeExpiry(1_767_225_600_000_000_000)).toEqual({
      expiresAt: 1_767_225_600,
      unit: 'nanoseconds',
    });
  });
});
