// Guardian recovery on the devnode with its clock option: the time lock, veto races, replays,
// resignations, and the node's real 'drop' behaviour.

import {
  anchorWireJson,
  buildGuardianResignation,
  buildGuardianSetUpdate,
  buildIdentity,
  buildRecoveryCommit,
  buildRecoveryInit,
  buildRecoveryVeto,
  type GuardianAnchor,
  type GuardianSet,
  keyValidAt,
  GUARDIAN_REJECTION_MESSAGES as M,
  type Signer,
  toWireJson,
} from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { createDevNode, type DevNode } from '../src/index.js';
import { actor } from './support/actors.js';

const T0 = 1_745_000_000;

async function setup(mode: 'apply' | 'drop' = 'apply') {
  let clock = T0 * 1000;
  const node = createDevNode({ blockIntervalMs: 0, limits: 'off', now: () => clock, guardianAnchors: mode });
  const call = async (method: string, path: string, body?: string) => {
    const res = await node.fetch(
      new Request(`http://devnode.test${path}`, { method, ...(body ? { body } : {}) }),
    );
    const text = await res.text();
    return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
  };
  const [s, g1, g2, g3, fresh] = ['s', 'g1', 'g2', 'g3', 'fresh'].map((n) =>
    actor(`guardians:${mode}:${n}`),
  ) as [Signer, Signer, Signer, Signer, Signer];
  for (const who of [s, g1, g2, g3]) {
    const id = await buildIdentity({
      signer: who,
      trustDomain: 'default',
      name: who.quidId,
      updateNonce: 1,
      timestamp: T0,
    });
    expect((await call('POST', '/api/v1/transactions/identity', toWireJson(id))).status).toBe(200);
  }
  node.mineBlock();
  const post = (route: string, a: GuardianAnchor) =>
    call('POST', `/api/v2/guardian/${route}`, anchorWireJson(a));
  return {
    node: node as DevNode,
    call,
    post,
    s,
    g1,
    g2,
    g3,
    fresh,
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
    now: () => Math.floor(clock / 1000),
  };
}

async function installed(mode: 'apply' | 'drop' = 'apply') {
  const w = await setup(mode);
  const u = await buildGuardianSetUpdate({
    subject: w.s,
    guardians: [{ quid: w.g1.quidId }, { quid: w.g2.quidId }, { quid: w.g3.quidId }],
    threshold: 2,
    recoveryDelaySeconds: 3600,
    anchorNonce: 1,
    validFrom: w.now(),
    consentSigners: [w.g1, w.g2, w.g3],
  });
  expect((await w.post('set-update', u)).status).toBe(202);
  w.node.mineBlock();
  return w;
}

async function opened(w: Awaited<ReturnType<typeof installed>>) {
  const set = (await w.call('GET', `/api/v2/guardian/set/${w.s.quidId}`)).json.data as GuardianSet;
  const init = await buildRecoveryInit({
    subjectQuid: w.s.quidId,
    newPublicKey: w.fresh.publicKey,
    anchorNonce: 2,
    validFrom: w.now(),
    guardianSigners: [w.g1, w.g2],
    set,
  });
  const a = await w.post('recovery/init', init);
  expect(a.status).toBe(202);
  w.node.mineBlock();
  return { set, init, hash: a.json.data.recoveryAnchorHash as string };
}

describe('guardian recovery on the devnode clock', () => {
  it('time lock: commit refused one second before maturity, accepted at it; then the rotation is in effect', async () => {
    const w = await installed();
    const { hash } = await opened(w);
    const commit = (validFrom: number) =>
      buildRecoveryCommit({
        subjectQuid: w.s.quidId,
        recoveryAnchorHash: hash,
        anchorNonce: 3,
        validFrom,
        committer: w.g3,
      });
    w.advance(3599);
    const early = await w.post('recovery/commit', await commit(w.now()));
    expect(early.json.error).toEqual({ code: 'INVALID_ANCHOR', message: M.RECOVERY_IMMATURE });
    w.advance(1);
    expect((await w.post('recovery/commit', await commit(w.now()))).status).toBe(202);
    w.node.mineBlock();
    expect((await w.call('GET', `/api/v2/guardian/pending-recovery/${w.s.quidId}`)).status).toBe(404);
    const events = w.node.keyEvents(w.s.quidId);
    expect(events.map((e) => e.kind)).toEqual([
      'registered',
      'recovery-opened',
      'recovery-closed',
      'rotated',
    ]);
    expect(keyValidAt(events, w.s.publicKey, w.now())).toMatchObject({
      valid: false,
      reason: 'superseded',
      since: w.now(),
    });
    expect(keyValidAt(events, w.fresh.publicKey, w.now())).toEqual({ valid: true, epoch: 1 });
    expect(keyValidAt(events, w.s.publicKey, w.now() - 1)).toMatchObject({ valid: true, epoch: 0 });
  });

  it('a veto after the delay: still accepted while uncommitted (the window closes at commit, not maturity)', async () => {
    const w = await installed();
    const { hash } = await opened(w);
    w.advance(7200);
    const veto = await buildRecoveryVeto({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: w.now(),
      owner: w.s,
    });
    expect((await w.post('recovery/veto', veto)).status).toBe(202);
    w.node.mineBlock();
    expect((await w.call('GET', `/api/v2/guardian/pending-recovery/${w.s.quidId}`)).status).toBe(404);
    const commit = await buildRecoveryCommit({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 4,
      validFrom: w.now(),
      committer: w.g1,
    });
    expect((await w.post('recovery/commit', commit)).json.error.message).toBe(M.RECOVERY_NOT_PENDING);
  });

  it('a veto after the commit is refused: RECOVERY_NOT_PENDING', async () => {
    const w = await installed();
    const { hash } = await opened(w);
    w.advance(3600);
    const commit = await buildRecoveryCommit({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: w.now(),
      committer: w.g1,
    });
    expect((await w.post('recovery/commit', commit)).status).toBe(202);
    w.node.mineBlock();
    const veto = await buildRecoveryVeto({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 4,
      validFrom: w.now(),
      owner: w.s,
    });
    const a = await w.post('recovery/veto', veto);
    expect({ status: a.status, error: a.json.error }).toEqual({
      status: 400,
      error: { code: 'INVALID_ANCHOR', message: M.RECOVERY_NOT_PENDING },
    });
  });

  it('after a rotation the old key can no longer sign at the new epoch, but still vetoes at epoch 0 (node weakness)', async () => {
    const w = await installed();
    const { hash, set } = await opened(w);
    w.advance(3600);
    const commit = await buildRecoveryCommit({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: w.now(),
      committer: w.g1,
    });
    await w.post('recovery/commit', commit);
    w.node.mineBlock();
    const base = {
      guardians: [{ quid: w.g1.quidId }, { quid: w.g2.quidId }],
      threshold: 2,
      recoveryDelaySeconds: 3600,
      anchorNonce: 4,
      validFrom: w.now(),
      consentSigners: [w.g1, w.g2],
      currentGuardianSigners: [w.g1, w.g2],
    };
    const byThief = await buildGuardianSetUpdate({ ...base, subject: w.s, subjectKeyEpoch: 1 });
    expect((await w.post('set-update', byThief)).json.error.message).toBe(M.BAD_PRIMARY_SIGNATURE);
    const freshAsSubject: Signer = { ...w.fresh, quidId: w.s.quidId, sign: (m) => w.fresh.sign(m) };
    const byOwner = await buildGuardianSetUpdate({ ...base, subject: freshAsSubject, subjectKeyEpoch: 1 });
    expect((await w.post('set-update', byOwner)).status).toBe(202);
    w.node.mineBlock();
    // A later recovery: the node still records the epoch-0 key, so the thief's old key vetoes it.
    const next = await buildRecoveryInit({
      subjectQuid: w.s.quidId,
      fromEpoch: 1,
      newPublicKey: w.g3.publicKey,
      anchorNonce: 5,
      validFrom: w.now(),
      guardianSigners: [w.g1, w.g2],
      set,
    });
    const opened2 = await w.post('recovery/init', next);
    expect(opened2.status).toBe(202);
    w.node.mineBlock();
    const thiefVeto = await buildRecoveryVeto({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: opened2.json.data.recoveryAnchorHash,
      anchorNonce: 6,
      validFrom: w.now(),
      owner: w.s,
      ownerKeyEpoch: 0,
    });
    expect((await w.post('recovery/veto', thiefVeto)).status).toBe(202);
  });

  it('replayed init after a veto is refused: NONCE_NOT_MONOTONIC', async () => {
    const w = await installed();
    const { init, hash } = await opened(w);
    const veto = await buildRecoveryVeto({
      subjectQuid: w.s.quidId,
      recoveryAnchorHash: hash,
      anchorNonce: 3,
      validFrom: w.now(),
      owner: w.s,
    });
    await w.post('recovery/veto', veto);
    w.node.mineBlock();
    expect((await w.post('recovery/init', init)).json.error.message).toBe(M.NONCE_NOT_MONOTONIC);
  });

  it('resignation: accepted, weakens a 2-of-3 set only when two resign; a replay is a 200 duplicate', async () => {
    const w = await installed();
    const set = (await w.call('GET', `/api/v2/guardian/set/${w.s.quidId}`)).json.data as GuardianSet;
    const r1 = await buildGuardianResignation({
      guardian: w.g1,
      subjectQuid: w.s.quidId,
      set,
      resignationNonce: 1,
      effectiveAt: w.now(),
    });
    expect((await w.post('resign', r1)).status).toBe(202);
    w.node.mineBlock();
    expect((await w.call('GET', `/api/v2/guardian/resignations/${w.s.quidId}`)).json.data.weakened).toBe(
      false,
    );
    const dup = await w.post('resign', r1);
    expect({ status: dup.status, duplicate: dup.json.data.duplicate }).toEqual({
      status: 200,
      duplicate: true,
    });
    const r2 = await buildGuardianResignation({
      guardian: w.g2,
      subjectQuid: w.s.quidId,
      set,
      resignationNonce: 1,
      effectiveAt: w.now(),
    });
    await w.post('resign', r2);
    w.node.mineBlock();
    expect((await w.call('GET', `/api/v2/guardian/resignations/${w.s.quidId}`)).json.data.weakened).toBe(
      true,
    );
  });

  it("'drop' mode is what the node at dc164c6 does: accepted (202), then lost at the next block", async () => {
    const w = await installed('drop');
    expect((await w.call('GET', `/api/v2/guardian/set/${w.s.quidId}`)).status).toBe(404);
  });

  it('refuses an unknown guardianAnchors option', () => {
    expect(() => createDevNode({ guardianAnchors: 'keep' as never })).toThrow(/guardianAnchors/);
  });
});
