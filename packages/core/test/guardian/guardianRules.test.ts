// The node's guardian admission rules as core implements them: each attack gets the node's refusal.

import { describe, expect, it } from 'vitest';
import {
  buildGuardianResignation,
  buildGuardianSetUpdate,
  buildRecoveryCommit,
  buildRecoveryInit,
  buildRecoveryVeto,
  checkGuardianSetUpdate,
  checkRecoveryCommit,
  checkRecoveryInit,
  checkRecoveryVeto,
  checkResignation,
  GUARDIAN_REJECTION_MESSAGES,
  type GuardianSet,
  guardianRejectionFromMessage,
  recoveryInitHash,
} from '../../src/guardian/index.js';
import { ValidationError } from '../../src/index.js';
import { signerFromPrivateKey } from '../../src/wire/signerFromPrivateKey.js';
import type { Signer } from '../../src/wire/types.js';
import { memoryView } from './memoryView.js';

const T = 1_745_000_000;
const NOW = T * 1000;
const key = (n: number): Signer => signerFromPrivateKey(n.toString(16).padStart(64, '0'));
const [subject, g1, g2, g3, stranger, fresh] = [key(11), key(12), key(13), key(14), key(15), key(16)] as [
  Signer,
  Signer,
  Signer,
  Signer,
  Signer,
  Signer,
];

function world() {
  const view = memoryView();
  for (const s of [subject, g1, g2, g3, stranger]) view.keys.set(`${s.quidId}/0`, s.publicKey);
  const set: GuardianSet = {
    guardians: [
      { quid: g1.quidId, epoch: 0 },
      { quid: g2.quidId, epoch: 0 },
      { quid: g3.quidId, epoch: 0 },
    ],
    threshold: 2,
    recoveryDelay: 3_600_000_000_000,
    updatedAtBlock: 4,
  };
  return { view, set };
}

const install = (over: Partial<Parameters<typeof buildGuardianSetUpdate>[0]> = {}) =>
  buildGuardianSetUpdate({
    subject,
    guardians: [{ quid: g1.quidId }, { quid: g2.quidId }, { quid: g3.quidId }],
    threshold: 2,
    recoveryDelaySeconds: 3600,
    anchorNonce: 1,
    validFrom: T,
    consentSigners: [g1, g2, g3],
    ...over,
  });

describe('guardian set update rules', () => {
  it('first install: primary signature plus every consent is accepted', async () => {
    expect(checkGuardianSetUpdate(world().view, await install(), NOW)).toBeUndefined();
  });

  it('conscripted guardian: a set naming a quid that did not consent is MISSING_CONSENT', async () => {
    const u = await install({ consentSigners: [g1, g2] });
    expect(checkGuardianSetUpdate(world().view, u, NOW)).toBe('MISSING_CONSENT');
  });

  it("forged consent: a stranger signing in a guardian's name is BAD_SIGNATURE", async () => {
    const u = await install();
    const forged = {
      ...u,
      newGuardianConsents: (u.newGuardianConsents ?? []).map((c, i) =>
        i === 0 ? { ...c, signature: u.primarySignature?.signature ?? '' } : c,
      ),
    };
    expect(checkGuardianSetUpdate(world().view, forged, NOW)).toBe('BAD_SIGNATURE');
  });

  it('stolen primary key swaps in colluders: replacing a set without the current threshold is THRESHOLD_NOT_MET', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    const swap = await install({
      guardians: [{ quid: stranger.quidId }],
      threshold: 1,
      consentSigners: [stranger],
      anchorNonce: 2,
    });
    expect(checkGuardianSetUpdate(view, swap, NOW)).toBe('THRESHOLD_NOT_MET');
    const withOne = await install({
      guardians: [{ quid: stranger.quidId }],
      threshold: 1,
      consentSigners: [stranger],
      anchorNonce: 2,
      currentSet: set,
      currentGuardianSigners: [g1],
    });
    expect(checkGuardianSetUpdate(view, withOne, NOW)).toBe('THRESHOLD_NOT_MET');
    const withTwo = await install({
      guardians: [{ quid: stranger.quidId }],
      threshold: 1,
      consentSigners: [stranger],
      anchorNonce: 2,
      currentSet: set,
      currentGuardianSigners: [g1, g2],
    });
    expect(checkGuardianSetUpdate(view, withTwo, NOW)).toBeUndefined();
  });

  it('replayed update: an anchor nonce at or below the last applied one is NONCE_NOT_MONOTONIC', async () => {
    const { view } = world();
    view.nonces.set(subject.quidId, 1);
    expect(checkGuardianSetUpdate(view, await install(), NOW)).toBe('NONCE_NOT_MONOTONIC');
  });

  it('validFrom older than 30 days or more than 5 minutes ahead is STALE_VALID_FROM', async () => {
    const u = await install();
    expect(checkGuardianSetUpdate(world().view, u, NOW + 30 * 86_400_000 + 1)).toBe('STALE_VALID_FROM');
    expect(checkGuardianSetUpdate(world().view, u, NOW + 30 * 86_400_000)).toBeUndefined();
    expect(checkGuardianSetUpdate(world().view, u, NOW - 300_001)).toBe('STALE_VALID_FROM');
  });

  it('an unregistered subject (no epoch-0 key) is SIGNER_KEY_UNKNOWN', async () => {
    const { view } = world();
    view.keys.delete(`${subject.quidId}/0`);
    expect(checkGuardianSetUpdate(view, await install(), NOW)).toBe('SIGNER_KEY_UNKNOWN');
  });

  it('the builder refuses what the node would refuse, and self-guardianship, with paths', async () => {
    await expect(install({ threshold: 4 })).rejects.toThrow(ValidationError);
    await expect(install({ recoveryDelaySeconds: 60 })).rejects.toThrow(/recoveryDelaySeconds/);
    await expect(
      install({ guardians: [{ quid: subject.quidId }], threshold: 1, consentSigners: [] }),
    ).rejects.toThrow(/cannot guard itself/);
    await expect(install({ consentSigners: [stranger] })).rejects.toThrow(/not in the new set/);
  });
});

describe('recovery rules', () => {
  const init = (signers: Signer[], over: Partial<Parameters<typeof buildRecoveryInit>[0]> = {}) =>
    buildRecoveryInit({
      subjectQuid: subject.quidId,
      newPublicKey: fresh.publicKey,
      anchorNonce: 2,
      validFrom: T,
      guardianSigners: signers,
      ...over,
    });

  it('threshold met by two of three guardians is accepted', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    expect(checkRecoveryInit(view, await init([g1, g2]), NOW)).toBeUndefined();
  });

  it('threshold not met: one guardian of a 2-of-3 set is THRESHOLD_NOT_MET', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    expect(checkRecoveryInit(view, await init([g1]), NOW)).toBe('THRESHOLD_NOT_MET');
  });

  it("recovery by a non-guardian: a stranger's signature is UNKNOWN_GUARDIAN, even beside a real one", async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    expect(checkRecoveryInit(view, await init([g1, stranger]), NOW)).toBe('UNKNOWN_GUARDIAN');
  });

  it('one guardian signing twice counts once: DUPLICATE_SIGNER', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    const once = await init([g1]);
    const twice = { ...once, guardianSigs: [...(once.guardianSigs ?? []), ...(once.guardianSigs ?? [])] };
    expect(checkRecoveryInit(view, twice, NOW)).toBe('DUPLICATE_SIGNER');
  });

  it('a guardian whose pinned epoch differs signs in vain: UNKNOWN_GUARDIAN', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, {
      ...set,
      guardians: [{ quid: g1.quidId, epoch: 1 }, ...(set.guardians ?? []).slice(1)],
    });
    expect(checkRecoveryInit(view, await init([g1, g2]), NOW)).toBe('UNKNOWN_GUARDIAN');
  });

  it('no set, a second init while one is pending, and a backwards epoch are refused', async () => {
    const { view, set } = world();
    expect(checkRecoveryInit(view, await init([g1, g2]), NOW)).toBe('NO_GUARDIAN_SET');
    view.sets.set(subject.quidId, set);
    view.pending.set(subject.quidId, { initHash: 'x', maturityUnix: T + 3600 });
    expect(checkRecoveryInit(view, await init([g1, g2]), NOW)).toBe('RECOVERY_IN_FLIGHT');
    await expect(init([g1], { fromEpoch: 2, toEpoch: 1 })).rejects.toThrow(/toEpoch/);
  });

  it('veto: owner path accepted, both paths VETO_AMBIGUOUS, wrong hash RECOVERY_NOT_PENDING', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    const hash = recoveryInitHash(await init([g1, g2]));
    view.pending.set(subject.quidId, { initHash: hash, maturityUnix: T + 3600 });
    view.nonces.set(subject.quidId, 2);
    const veto = await buildRecoveryVeto({
      subjectQuid: subject.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: T,
      owner: subject,
    });
    expect(checkRecoveryVeto(view, veto, NOW)).toBeUndefined();
    const byGuardians = await buildRecoveryVeto({
      subjectQuid: subject.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: T,
      guardianSigners: [g1, g2],
      set,
    });
    expect(checkRecoveryVeto(view, { ...veto, guardianSigs: byGuardians.guardianSigs ?? [] }, NOW)).toBe(
      'VETO_AMBIGUOUS',
    );
    expect(checkRecoveryVeto(view, { ...veto, recoveryAnchorHash: 'ab'.repeat(32) }, NOW)).toBe(
      'RECOVERY_NOT_PENDING',
    );
    expect(checkRecoveryVeto(view, { ...veto, anchorNonce: 2 }, NOW)).toBe('NONCE_NOT_MONOTONIC');
    const thin = await buildRecoveryVeto({
      subjectQuid: subject.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: T,
      guardianSigners: [g3],
      set,
    });
    expect(checkRecoveryVeto(view, thin, NOW)).toBe('THRESHOLD_NOT_MET');
  });

  it('commit: refused before maturity (RECOVERY_IMMATURE), accepted from the maturity second', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    const hash = recoveryInitHash(await init([g1, g2]));
    view.pending.set(subject.quidId, { initHash: hash, maturityUnix: T + 3600 });
    view.nonces.set(subject.quidId, 2);
    const commit = await buildRecoveryCommit({
      subjectQuid: subject.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: T,
      committer: g1,
    });
    expect(checkRecoveryCommit(view, commit, (T + 3599) * 1000 + 999)).toBe('RECOVERY_IMMATURE');
    expect(checkRecoveryCommit(view, commit, (T + 3600) * 1000)).toBeUndefined();
    const ghost = await buildRecoveryCommit({
      subjectQuid: subject.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: T,
      committer: fresh,
    });
    expect(checkRecoveryCommit(view, ghost, (T + 3600) * 1000)).toBe('SIGNER_KEY_UNKNOWN');
    expect(checkRecoveryCommit(view, { ...commit, committerSig: '' }, (T + 3600) * 1000)).toBe(
      'COMMIT_FIELDS_MISSING',
    );
  });
});

describe('resignation rules', () => {
  it('a member resigns once; a replay, an outsider and a superseded set hash are refused', async () => {
    const { view, set } = world();
    view.sets.set(subject.quidId, set);
    const r = await buildGuardianResignation({
      guardian: g1,
      subjectQuid: subject.quidId,
      set,
      resignationNonce: 1,
      effectiveAt: T,
    });
    expect(checkResignation(view, r, NOW)).toBeUndefined();
    view.resignations.set(`${g1.quidId}/${subject.quidId}`, 1);
    expect(checkResignation(view, r, NOW)).toBe('RESIGN_REPLAY');
    view.sets.set(subject.quidId, { ...set, updatedAtBlock: 9 });
    view.resignations.clear();
    expect(checkResignation(view, r, NOW)).toBe('RESIGN_SET_HASH_MISMATCH');
    await expect(
      buildGuardianResignation({ guardian: stranger, subjectQuid: subject.quidId, set, resignationNonce: 1 }),
    ).rejects.toThrow(/not a member/);
    expect(checkResignation(view, r, (T + 301) * 1000)).toBe('RESIGN_EFFECTIVE_AT_PAST');
  });
});

describe('node messages', () => {
  it("every code maps to the node's text and back, including the BAD_NEW_KEY suffix", () => {
    for (const [code, text] of Object.entries(GUARDIAN_REJECTION_MESSAGES)) {
      expect(guardianRejectionFromMessage(text)).toBe(code);
    }
    expect(
      guardianRejectionFromMessage(
        `${GUARDIAN_REJECTION_MESSAGES.BAD_NEW_KEY}: encoding/hex: odd length hex string`,
      ),
    ).toBe('BAD_NEW_KEY');
    expect(guardianRejectionFromMessage('something else')).toBeUndefined();
  });
});
