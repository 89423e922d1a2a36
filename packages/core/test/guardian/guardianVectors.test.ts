// Guardian anchor vectors (test/vectors/guardian): our bytes, hashes and signatures against what Go's
// encoding/json made of the same HTTP bodies. Runs in Node and Chromium.

import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  anchorWireJson,
  type GuardianAnchor,
  type GuardianRecoveryInit,
  type GuardianResignation,
  type GuardianSet,
  guardianSetHash,
  guardianSetUpdateSignableBytes,
  nonceAnchorSignableBytes,
  recoveryCommitSignableBytes,
  recoveryInitHash,
  recoveryInitSignableBytes,
  recoveryVetoSignableBytes,
  resignationSignableBytes,
} from '../../src/guardian/index.js';
import { utf8 } from '../../src/wire/hex.js';
import { verifySignature } from '../../src/wire/verifySignature.js';
import fixture from '../vectors/guardian/guardian-vectors.json' with { type: 'json' };
import alice from '../vectors/test-keys/key-alice.json' with { type: 'json' };
import bob from '../vectors/test-keys/key-bob.json' with { type: 'json' };
import carol from '../vectors/test-keys/key-carol.json' with { type: 'json' };

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const scalars: Record<string, string> = {
  alice: alice.private_scalar_hex,
  bob: bob.private_scalar_hex,
  carol: carol.private_scalar_hex,
  dave: fixture.keys.dave.private_scalar_hex,
};

function signableOf(type: string, value: unknown): Uint8Array {
  switch (type) {
    case 'update':
      return guardianSetUpdateSignableBytes(value as never);
    case 'init':
      return recoveryInitSignableBytes(value as never);
    case 'veto':
      return recoveryVetoSignableBytes(value as never);
    case 'commit':
      return recoveryCommitSignableBytes((value as { recoveryAnchorHash: string }).recoveryAnchorHash);
    case 'resign':
      return resignationSignableBytes(value as never);
    case 'anchor':
      return nonceAnchorSignableBytes(value as never);
    default:
      return utf8(anchorWireJson(value as GuardianAnchor));
  }
}

describe('guardian vectors (Go encoding/json differential)', () => {
  it('has every case, each accepted by the Go decoder', () => {
    expect(fixture.cases.map((c) => c.name)).toHaveLength(10);
    for (const c of fixture.cases) expect((c.go as { error?: string }).error ?? '').toBe('');
  });

  describe.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const value = JSON.parse(c.body) as Record<string, unknown>;

    it('reproduces the signable bytes and their SHA-256', () => {
      if (c.type === 'set') {
        expect(guardianSetHash(value as unknown as GuardianSet)).toBe(c.go.sha256);
        return;
      }
      const bytes = signableOf(c.type, value);
      expect(new TextDecoder().decode(bytes)).toBe(c.go.signable);
      expect(hex(sha256(bytes))).toBe(c.go.sha256);
    });

    it('writes the same HTTP body Go re-marshals', () => {
      if (c.type === 'set') return expect(JSON.stringify(value)).toBe(c.go.remarshal);
      expect(anchorWireJson(value as unknown as GuardianAnchor)).toBe(c.body);
      expect(c.go.remarshal).toBe(c.body);
    });

    it('every signature verifies (as Go found) and re-signing with RFC 6979 reproduces it', () => {
      const bytes = c.type === 'set' ? new Uint8Array() : signableOf(c.type, value);
      for (const [label, sig] of Object.entries(c.sigs)) {
        expect((c.go.verified as Record<string, boolean>)[label]).toBe(true);
        expect(verifySignature(c.keys[label as keyof typeof c.keys] as string, bytes, sig)).toBe(true);
        const who = label.split('_').pop() as string;
        const again = hex(
          p256.sign(bytes, hexToBytes(scalars[who] as string), { prehash: true, lowS: true }),
        );
        expect(again).toBe(sig);
      }
    });

    it('a changed anchor nonce breaks every signature', () => {
      if (c.type === 'set' || c.type === 'commit') return;
      const nonceKey = c.type === 'resign' ? 'resignationNonce' : 'anchorNonce';
      const tampered = { ...value, [nonceKey]: (value[nonceKey] as number) + 1 };
      const bytes = signableOf(c.type, tampered);
      for (const [label, sig] of Object.entries(c.sigs)) {
        expect(verifySignature(c.keys[label as keyof typeof c.keys] as string, bytes, sig)).toBe(false);
      }
    });
  });

  it('the recovery anchor hash a veto and commit name is the init hash', () => {
    const init = fixture.cases.find((c) => c.name === 'recovery_init_two_guardians_with_expiry');
    const veto = fixture.cases.find((c) => c.name === 'recovery_veto_owner');
    const commit = fixture.cases.find((c) => c.name === 'recovery_commit_by_guardian');
    const hash = recoveryInitHash(JSON.parse(init?.body ?? '') as GuardianRecoveryInit);
    expect(hash).toBe(init?.go.sha256);
    expect(JSON.parse(veto?.body ?? '').recoveryAnchorHash).toBe(hash);
    expect(JSON.parse(commit?.body ?? '').recoveryAnchorHash).toBe(hash);
  });

  it('a resignation names the hash of the set as the node serves it (with updatedAtBlock)', () => {
    const set = fixture.cases.find((c) => c.name === 'guardian_set_as_served');
    const resign = JSON.parse(
      fixture.cases.find((c) => c.name === 'guardian_resignation')?.body ?? '',
    ) as GuardianResignation;
    expect(resign.guardianSetHash).toBe(set?.go.sha256);
    const submitted = { ...(JSON.parse(set?.body ?? '') as GuardianSet), updatedAtBlock: 0 };
    expect(guardianSetHash(submitted)).not.toBe(resign.guardianSetHash);
  });
});
