// Regenerates guardian-vectors.json: builds each anchor with @quidfin/core, then records what Go's
// encoding/json makes of the same HTTP body (go-check.go.txt, structs shaped like the node's).
// Run: npx tsx packages/core/test/vectors/guardian/generate.ts <go-results.json>  (see README.md)

import { readFileSync, writeFileSync } from 'node:fs';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  anchorWireJson,
  buildGuardianResignation,
  buildGuardianSetUpdate,
  buildKeyInvalidation,
  buildRecoveryCommit,
  buildRecoveryInit,
  buildRecoveryVeto,
  type GuardianSet,
  recoveryInitHash,
  signerFromPrivateKey,
} from '../../../src/index.js';
import alice from '../test-keys/key-alice.json' with { type: 'json' };
import bob from '../test-keys/key-bob.json' with { type: 'json' };
import carol from '../test-keys/key-carol.json' with { type: 'json' };

const N = p256.Point.Fn.ORDER;
const daveSeed = 'quidfin-test-key-dave-v1';
const daveScalar = ((BigInt(`0x${bytesToHex(sha256(new TextEncoder().encode(daveSeed)))}`) % (N - 1n)) + 1n)
  .toString(16)
  .padStart(64, '0');
const A = signerFromPrivateKey(alice.private_scalar_hex);
const B = signerFromPrivateKey(bob.private_scalar_hex);
const C = signerFromPrivateKey(carol.private_scalar_hex);
const D = signerFromPrivateKey(daveScalar);
const T = 1_745_000_000;

type Case = { name: string; type: string; body: string; keys: Record<string, string>; sigs: Record<string, string> };
const cases: Case[] = [];
const keyOf: Record<string, string> = { alice: A.publicKey, bob: B.publicKey, carol: C.publicKey, dave: D.publicKey };
const labelOf = (quid: string): string =>
  ({ [A.quidId]: 'alice', [B.quidId]: 'bob', [C.quidId]: 'carol', [D.quidId]: 'dave' })[quid] ?? quid;

const first = await buildGuardianSetUpdate({
  subject: A,
  guardians: [{ quid: B.quidId }, { quid: C.quidId, weight: 2 }],
  threshold: 2,
  recoveryDelaySeconds: 3600,
  anchorNonce: 1,
  validFrom: T,
  consentSigners: [B, C],
});
const sigsOfUpdate = (u: typeof first): Record<string, string> => ({
  ...(u.primarySignature ? { primary_alice: u.primarySignature.signature } : {}),
  ...Object.fromEntries((u.newGuardianConsents ?? []).map((s) => [`consent_${labelOf(s.guardianQuid)}`, s.signature])),
  ...Object.fromEntries((u.currentGuardianSigs ?? []).map((s) => [`current_${labelOf(s.guardianQuid)}`, s.signature])),
});
const keysFor = (sigs: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(sigs).map((k) => [k, keyOf[k.split('_').pop() as string] as string]));
const push = (name: string, type: string, body: string, sigs: Record<string, string>): void => {
  cases.push({ name, type, body, keys: keysFor(sigs), sigs });
};
push('set_update_first_install', 'update', anchorWireJson(first), sigsOfUpdate(first));

const served: GuardianSet = { ...first.newSet, updatedAtBlock: 7 };
const replace = await buildGuardianSetUpdate({
  subject: A,
  guardians: [{ quid: C.quidId, epoch: 0 }, { quid: D.quidId }],
  threshold: 2,
  recoveryDelaySeconds: 31_536_000,
  requireGuardianRotation: true,
  anchorNonce: 2,
  validFrom: T + 60,
  consentSigners: [C, D],
  currentSet: served,
  currentGuardianSigners: [B, C],
});
push('set_update_replace_one_year_require_rotation', 'update', anchorWireJson(replace), sigsOfUpdate(replace));
push('guardian_set_as_served', 'set', JSON.stringify(served), {});

const init = await buildRecoveryInit({
  subjectQuid: A.quidId,
  newPublicKey: D.publicKey,
  maxAcceptedOldNonce: 42,
  anchorNonce: 3,
  validFrom: T + 120,
  expiresAt: T + 120 + 7200,
  set: served,
  guardianSigners: [B, C],
});
const initSigs = Object.fromEntries((init.guardianSigs ?? []).map((s) => [`guardian_${labelOf(s.guardianQuid)}`, s.signature]));
push('recovery_init_two_guardians_with_expiry', 'init', anchorWireJson(init), initSigs);
const init2 = await buildRecoveryInit({
  subjectQuid: A.quidId,
  fromEpoch: 1,
  toEpoch: 3,
  newPublicKey: D.publicKey,
  anchorNonce: 4,
  validFrom: T + 180,
  set: served,
  guardianSigners: [C],
});
push('recovery_init_weighted_single_guardian_epoch_jump', 'init', anchorWireJson(init2), {
  guardian_carol: init2.guardianSigs?.[0]?.signature as string,
});
const hash = recoveryInitHash(init);
const vetoOwner = await buildRecoveryVeto({ subjectQuid: A.quidId, recoveryAnchorHash: hash, anchorNonce: 5, validFrom: T + 240, owner: A });
push('recovery_veto_owner', 'veto', anchorWireJson(vetoOwner), { primary_alice: vetoOwner.primarySignature?.signature as string });
const vetoG = await buildRecoveryVeto({
  subjectQuid: A.quidId,
  recoveryAnchorHash: hash,
  anchorNonce: 5,
  validFrom: T + 240,
  guardianSigners: [B, C],
  set: served,
});
push('recovery_veto_guardians', 'veto', anchorWireJson(vetoG), {
  guardian_bob: vetoG.guardianSigs?.[0]?.signature as string,
  guardian_carol: vetoG.guardianSigs?.[1]?.signature as string,
});
const commit = await buildRecoveryCommit({ subjectQuid: A.quidId, recoveryAnchorHash: hash, anchorNonce: 6, validFrom: T + 7300, committer: B });
push('recovery_commit_by_guardian', 'commit', anchorWireJson(commit), { committer_bob: commit.committerSig });
const resign = await buildGuardianResignation({ guardian: B, subjectQuid: A.quidId, set: served, resignationNonce: 1, effectiveAt: T + 300 });
push('guardian_resignation', 'resign', anchorWireJson(resign), { guardian_bob: resign.signature });
const freeze = await buildKeyInvalidation({ signer: A, fromEpoch: 0, anchorNonce: 7, maxAcceptedOldNonce: 17, validFrom: T + 360 });
push('key_invalidation_owner_freeze', 'anchor', anchorWireJson(freeze), { signer_alice: freeze.signature });

const out = process.argv[2];
if (!out) {
  writeFileSync('/tmp/gv/cases.json', JSON.stringify(cases, null, 2));
  console.log('wrote /tmp/gv/cases.json; now run the Go checker and pass its output file');
} else {
  const go = JSON.parse(readFileSync(out, 'utf8')) as Array<Record<string, unknown>>;
  const fixture = {
    schema_version: '1.0',
    source:
      'bhmortim/quidnug dc164c6 internal/core guardian.go, guardian_validation.go, guardian_resignation.go, anchor.go, handlers_guardian*.go: ' +
      'the node has no byte vectors for these messages (its Go tests sign with fresh random keys), so each case was built by ' +
      '@quidfin/core and then decoded, re-marshalled, hashed and signature-checked by Go encoding/json with DisallowUnknownFields ' +
      'into structs shaped like the node\'s (go-check.go.txt, Go 1.19). "go" holds what Go produced.',
    signing: 'RFC6979 deterministic ECDSA P-256/SHA-256, low-s, IEEE-1363 r||s hex',
    keys: { alice: 'test-keys/key-alice.json', bob: 'test-keys/key-bob.json', carol: 'test-keys/key-carol.json', dave: { seed: daveSeed, private_scalar_hex: daveScalar, public_key_sec1_hex: D.publicKey, quid_id: D.quidId } },
    cases: cases.map((c, i) => ({ ...c, go: go[i] })),
  };
  writeFileSync(new URL('./guardian-vectors.json', import.meta.url), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log('wrote guardian-vectors.json');
}
