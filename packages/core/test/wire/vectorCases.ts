// Loads every conformance vector case with its signer key (imported JSON works in Node and Chromium).

import type { QuidnugTx } from '../../src/wire/types.js';
import b2b from '../vectors/b2b-extra-vectors.json' with { type: 'json' };
import eventTx from '../vectors/event-tx.json' with { type: 'json' };
import identityTx from '../vectors/identity-tx.json' with { type: 'json' };
import alice from '../vectors/test-keys/key-alice.json' with { type: 'json' };
import bob from '../vectors/test-keys/key-bob.json' with { type: 'json' };
import carol from '../vectors/test-keys/key-carol.json' with { type: 'json' };
import titleTx from '../vectors/title-tx.json' with { type: 'json' };
import trustTx from '../vectors/trust-tx.json' with { type: 'json' };

export interface TestKey {
  name: string;
  seed: string;
  private_scalar_hex: string;
  public_key_sec1_hex: string;
  quid_id: string;
}

export interface VectorCase {
  file: string;
  name: string;
  key: TestKey;
  input: QuidnugTx;
  expected: {
    canonical_signable_bytes_hex: string;
    canonical_signable_bytes_utf8: string;
    sha256_of_canonical_hex: string;
    expected_id: string;
    reference_signature_hex: string;
    owner_signable_bytes_utf8?: string;
    owner_signature_hex?: Record<string, string>;
  };
}

export const keys: { alice: TestKey; bob: TestKey; carol: TestKey } = { alice, bob, carol };

type RawFile = { cases: { name: string; signer_key_ref: string; input: unknown; expected: unknown }[] };

const files: [string, RawFile][] = [
  ['trust-tx.json', trustTx as RawFile],
  ['identity-tx.json', identityTx as RawFile],
  ['title-tx.json', titleTx as RawFile],
  ['event-tx.json', eventTx as RawFile],
  ['b2b-extra-vectors.json', b2b as RawFile],
];

/** All 20 cases, deep-copied so tests can mutate them. */
export function vectorCases(): VectorCase[] {
  return files.flatMap(([file, data]) =>
    data.cases.map((c) => ({
      file,
      name: c.name,
      key: keys[c.signer_key_ref as keyof typeof keys],
      input: structuredClone(c.input) as QuidnugTx,
      expected: structuredClone(c.expected) as VectorCase['expected'],
    })),
  );
}

/** Lowercase hex of bytes (test helper). */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
