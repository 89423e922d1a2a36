// /api/v2/guardian/* against any target: what the node answers at submission (these need only
// committed identities, so a real node answers them too), and the committed-state flow, which
// skips on a node that never commits guardian anchors (bhmortim/quidnug dc164c6).

import {
  anchorWireJson,
  buildGuardianResignation,
  buildGuardianSetUpdate,
  buildRecoveryCommit,
  buildRecoveryInit,
  buildRecoveryVeto,
  type GuardianAnchor,
  type GuardianSet,
  GUARDIAN_REJECTION_MESSAGES as M,
  type Signer,
} from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../support/http.js';
import type { ConformanceEnv } from './env.js';
import {
  envelopeError,
  expectEnvelope,
  expectOk,
  expectPlain,
  nowSeconds,
  registerAll,
  who,
} from './helpers.js';

// A node at bhmortim/quidnug dc164c6 answers 202 to guardian anchors, but its block builder
// (GenerateBlock) never packs GUARDIAN_* transactions, so no set is ever installed there; the devnode
// applies them by default (guardianAnchors: 'apply'). The committed flow checks whichever it meets.

function postAnchor(env: ConformanceEnv, route: string, anchor: GuardianAnchor | string): Promise<Answer> {
  return env.request(
    'POST',
    `/api/v2/guardian/${route}`,
    typeof anchor === 'string' ? anchor : anchorWireJson(anchor),
  );
}

function expectAccepted(a: Answer, data: Record<string, unknown>): void {
  expect({ status: a.status, body: a.json }).toEqual({ status: 202, body: { success: true, data } });
  expect(a.headers.get('x-api-version')).toBe('1.0');
}

function installOf(subject: Signer, guardians: Signer[], over: Record<string, unknown> = {}) {
  return buildGuardianSetUpdate({
    subject,
    guardians: guardians.map((g) => ({ quid: g.quidId })),
    threshold: 2,
    recoveryDelaySeconds: 3600,
    anchorNonce: 1,
    validFrom: nowSeconds(),
    consentSigners: guardians,
    ...over,
  });
}

/** Guardian routes: submission rules (any node) and the committed flow (skips where not supported). */
export function guardianScenarios(env: () => ConformanceEnv): void {
  describe('guardian routes (/api/v2/guardian)', () => {
    it('accepts a first install signed by the subject with every guardian consenting (202)', async () => {
      const [s, g1, g2] = [who(env(), 'gs-s'), who(env(), 'gs-g1'), who(env(), 'gs-g2')];
      await registerAll(env(), s, g1, g2);
      const u = await installOf(s, [g1, g2]);
      expectAccepted(await postAnchor(env(), 'set-update', u), {
        guardians: 2,
        recoveryDelayNs: 3_600_000_000_000,
        subjectQuid: s.quidId,
        threshold: 2,
      });
    });

    it("refuses conscripted guardians, a stale validFrom and an unregistered subject with the node's reasons", async () => {
      const [s, g1, g2, ghost] = [
        who(env(), 'gr-s'),
        who(env(), 'gr-g1'),
        who(env(), 'gr-g2'),
        who(env(), 'gr-x'),
      ];
      await registerAll(env(), s, g1, g2);
      const noConsent = await installOf(s, [g1, g2], { consentSigners: [g1] });
      expectEnvelope(
        await postAnchor(env(), 'set-update', noConsent),
        400,
        'INVALID_ANCHOR',
        M.MISSING_CONSENT,
      );
      const stale = await installOf(s, [g1, g2], { validFrom: nowSeconds() - 31 * 86_400 });
      expectEnvelope(await postAnchor(env(), 'set-update', stale), 400, 'INVALID_ANCHOR', M.STALE_VALID_FROM);
      const unregistered = await installOf(ghost, [g1, g2]);
      expectEnvelope(
        await postAnchor(env(), 'set-update', unregistered),
        400,
        'INVALID_ANCHOR',
        M.SIGNER_KEY_UNKNOWN,
      );
      const forged = {
        ...(await installOf(s, [g1, g2])),
        primarySignature: { keyEpoch: 0, signature: '00'.repeat(64) },
      };
      expectEnvelope(
        await postAnchor(env(), 'set-update', forged),
        400,
        'INVALID_ANCHOR',
        M.BAD_PRIMARY_SIGNATURE,
      );
    });

    it('malformed bodies: unknown field, negative uint, text number and broken JSON are the plain 400', async () => {
      const s = who(env(), 'gm-s');
      const wire = anchorWireJson(await installOf(s, [who(env(), 'gm-g1'), who(env(), 'gm-g2')]));
      const body = JSON.parse(wire);
      for (const bad of [
        JSON.stringify({ ...body, extra: 1 }),
        JSON.stringify({ ...body, newSet: { ...body.newSet, threshold: -1 } }),
        JSON.stringify({ ...body, anchorNonce: '1' }),
        wire.replace(/"validFrom":\d+/, '"validFrom":1.5e9'),
        '{"subjectQuid":',
      ]) {
        expectPlain(await postAnchor(env(), 'set-update', bad), 400, 'Invalid request body');
      }
    });

    it('recovery, veto and commit without a pending recovery are refused with typed reasons', async () => {
      const [s, g1, g2, fresh] = [
        who(env(), 'gp-s'),
        who(env(), 'gp-g1'),
        who(env(), 'gp-g2'),
        who(env(), 'gp-n'),
      ];
      await registerAll(env(), s, g1, g2);
      const init = await buildRecoveryInit({
        subjectQuid: s.quidId,
        newPublicKey: fresh.publicKey,
        anchorNonce: 2,
        guardianSigners: [g1, g2],
      });
      expectEnvelope(
        await postAnchor(env(), 'recovery/init', init),
        400,
        'INVALID_ANCHOR',
        M.NO_GUARDIAN_SET,
      );
      const hash = 'ab'.repeat(32);
      const veto = await buildRecoveryVeto({
        subjectQuid: s.quidId,
        recoveryAnchorHash: hash,
        anchorNonce: 3,
        owner: s,
      });
      expectEnvelope(
        await postAnchor(env(), 'recovery/veto', veto),
        400,
        'INVALID_ANCHOR',
        M.RECOVERY_NOT_PENDING,
      );
      const both = {
        ...veto,
        guardianSigs: [{ guardianQuid: g1.quidId, keyEpoch: 0, signature: '00'.repeat(64) }],
      };
      expectEnvelope(await postAnchor(env(), 'recovery/veto', both), 400, 'INVALID_ANCHOR', M.VETO_AMBIGUOUS);
      const commit = await buildRecoveryCommit({
        subjectQuid: s.quidId,
        recoveryAnchorHash: hash,
        anchorNonce: 3,
        committer: g1,
      });
      expectEnvelope(
        await postAnchor(env(), 'recovery/commit', { ...commit, committerSig: '' }),
        400,
        'INVALID_ANCHOR',
        M.COMMIT_FIELDS_MISSING,
      );
      expectEnvelope(
        await postAnchor(env(), 'recovery/commit', commit),
        400,
        'INVALID_ANCHOR',
        M.RECOVERY_NOT_PENDING,
      );
    });

    it('reads: no set and no pending recovery are 404 envelopes; resignations list is empty', async () => {
      const s = who(env(), 'gq-s');
      expectEnvelope(
        await env().request('GET', `/api/v2/guardian/set/${s.quidId}`),
        404,
        'NOT_FOUND',
        'no guardian set declared for this quid',
      );
      expectEnvelope(
        await env().request('GET', `/api/v2/guardian/pending-recovery/${s.quidId}`),
        404,
        'NOT_FOUND',
        'no pending recovery for this quid',
      );
      expect(expectOk(await env().request('GET', `/api/v2/guardian/resignations/${s.quidId}`))).toEqual({
        resignations: null,
        subjectQuid: s.quidId,
        weakened: false,
      });
      const set: GuardianSet = {
        guardians: [{ quid: who(env(), 'gq-g').quidId, epoch: 0 }],
        threshold: 1,
        recoveryDelay: 3.6e12,
      };
      const r = await buildGuardianResignation({
        guardian: who(env(), 'gq-g'),
        subjectQuid: s.quidId,
        set,
        resignationNonce: 1,
      });
      const a = await postAnchor(env(), 'resign', r);
      expect({ status: a.status, text: a.text }).toEqual({
        status: 400,
        text: envelopeError('INVALID_RESIGNATION', M.RESIGN_SUBJECT_UNKNOWN),
      });
    });

    it('committed flow: non-guardian, threshold not met, replayed install, then a recovery opens (a dc164c6 node loses the install)', async () => {
      const [s, g1, g2, g3, outsider, fresh] = ['gf-s', 'gf-g1', 'gf-g2', 'gf-g3', 'gf-x', 'gf-n'].map((n) =>
        who(env(), n),
      ) as [Signer, Signer, Signer, Signer, Signer, Signer];
      await registerAll(env(), s, g1, g2, g3, outsider);
      const install = await installOf(s, [g1, g2, g3]);
      expect((await postAnchor(env(), 'set-update', install)).status).toBe(202);
      await registerAll(env(), who(env(), 'gf-tick')); // a block tick
      const setAnswer = await env().request('GET', `/api/v2/guardian/set/${s.quidId}`);
      if (!env().devnode && setAnswer.status === 404) {
        // A real node at dc164c6: the install was accepted (202) and lost. Check exactly that, then stop.
        expectEnvelope(setAnswer, 404, 'NOT_FOUND', 'no guardian set declared for this quid');
        return;
      }
      const set = expectOk<GuardianSet>(setAnswer);
      expect(set.guardians?.map((g) => g.quid)).toEqual([g1.quidId, g2.quidId, g3.quidId]);
      expect(set.updatedAtBlock).toBeGreaterThan(0);
      expectEnvelope(
        await postAnchor(env(), 'set-update', install),
        400,
        'INVALID_ANCHOR',
        M.NONCE_NOT_MONOTONIC,
      );
      const initOf = (signers: Signer[]) =>
        buildRecoveryInit({
          subjectQuid: s.quidId,
          newPublicKey: fresh.publicKey,
          anchorNonce: 2,
          guardianSigners: signers,
          set,
        });
      expectEnvelope(
        await postAnchor(env(), 'recovery/init', await initOf([g1, outsider])),
        400,
        'INVALID_ANCHOR',
        M.UNKNOWN_GUARDIAN,
      );
      expectEnvelope(
        await postAnchor(env(), 'recovery/init', await initOf([g1])),
        400,
        'INVALID_ANCHOR',
        M.THRESHOLD_NOT_MET,
      );
      const init = await initOf([g1, g2]);
      const accepted = await postAnchor(env(), 'recovery/init', init);
      expect(accepted.status).toBe(202);
      await registerAll(env(), who(env(), 'gf-tick2'));
      const pending = expectOk<Record<string, unknown>>(
        await env().request('GET', `/api/v2/guardian/pending-recovery/${s.quidId}`),
      );
      expect(pending).toMatchObject({
        subjectQuid: s.quidId,
        state: 'pending',
        maturityUnix: init.validFrom + 3600,
      });
      expect(pending['initHash']).toBe(
        (accepted.json as { data: { recoveryAnchorHash: string } }).data.recoveryAnchorHash,
      );
      const early = await buildRecoveryCommit({
        subjectQuid: s.quidId,
        recoveryAnchorHash: pending['initHash'] as string,
        anchorNonce: 3,
        committer: g1,
      });
      expectEnvelope(
        await postAnchor(env(), 'recovery/commit', early),
        400,
        'INVALID_ANCHOR',
        M.RECOVERY_IMMATURE,
      );
    });
  });
}
