// Key compromise and recovery through the client and the InvoiceLedger, on a devnode whose clock
// the test moves (the time lock is an hour; nobody waits for it).

import {
  buildGuardianResignation,
  buildRecoveryInit,
  type KeyEvent,
  keyValidAt,
  nonceAnchorSignableBytes,
  recoveredSigner,
  type Signer,
  signerFromPrivateKey,
  verifySignature,
} from '@quidfin/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendEvent,
  GuardianRejectedError,
  InvoiceLedger,
  KEY_INVALIDATED_EVENT,
  type QuidnugClient,
  readKeyEvents,
} from '../src/index.js';
import { DOMAIN, type Harness, inProcess, TEST_NODE } from './support/harness.js';

const key = (n: number): Signer => signerFromPrivateKey((0x5eed00 + n).toString(16).padStart(64, '0'));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function world(tag: number) {
  let offsetMs = 0;
  harness = await inProcess({ ...TEST_NODE, now: () => Date.now() + offsetMs });
  const client: QuidnugClient = harness.client();
  const ledger = new InvoiceLedger(client, { trustDomain: DOMAIN });
  const [supplier, cfo, bank, auditor, outsider, newKey] = [1, 2, 3, 4, 5, 6].map((i) =>
    key(tag * 10 + i),
  ) as [Signer, Signer, Signer, Signer, Signer, Signer];
  for (const [s, role] of [
    [supplier, 'supplier'],
    [cfo, 'guardian'],
    [bank, 'guardian'],
    [auditor, 'guardian'],
    [outsider, 'buyer'],
  ] as const) {
    await ledger.registerParticipant(s, { name: `${role}-${s.quidId}`, role });
  }
  await ledger.setGuardians({
    subject: supplier,
    guardians: [{ quid: cfo.quidId }, { quid: bank.quidId }, { quid: auditor.quidId }],
    threshold: 2,
    recoveryDelaySeconds: 3600,
    consentSigners: [cfo, bank, auditor],
  });
  return {
    client,
    ledger,
    supplier,
    cfo,
    bank,
    auditor,
    outsider,
    newKey,
    advance: (s: number) => (offsetMs += s * 1000),
  };
}

describe('guardian recovery through the client', () => {
  it('stolen supplier key: the owner freezes it, guardians recover after the delay, the supplier signs again with the new key', async () => {
    const w = await world(1);
    const set = await w.client.getGuardianSet(w.supplier.quidId);
    expect(set).toMatchObject({ threshold: 2, recoveryDelay: 3_600_000_000_000 });

    const { anchor, event } = await w.ledger.freezeKey({ signer: w.supplier });
    expect(event).toMatchObject({
      subjectId: w.supplier.quidId,
      subjectType: 'QUID',
      eventType: KEY_INVALIDATED_EVENT,
    });
    expect(verifySignature(w.supplier.publicKey, nonceAnchorSignableBytes(anchor), anchor.signature)).toBe(
      true,
    );

    const { recoveryAnchorHash, maturityUnix } = await w.ledger.beginRecovery({
      subjectQuid: w.supplier.quidId,
      newPublicKey: w.newKey.publicKey,
      guardianSigners: [w.cfo, w.bank],
    });
    expect((await w.client.getPendingRecovery(w.supplier.quidId)).initHash).toBe(recoveryAnchorHash);

    const early = await w.ledger
      .completeRecovery({ subjectQuid: w.supplier.quidId, committer: w.auditor })
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(GuardianRejectedError);
    expect((early as GuardianRejectedError).rejection).toBe('RECOVERY_IMMATURE');

    w.advance(3600);
    const { identity } = await w.ledger.completeRecovery({
      subjectQuid: w.supplier.quidId,
      committer: w.auditor,
      newKey: w.newKey,
    });
    expect(identity).toMatchObject({
      quidId: w.supplier.quidId,
      publicKey: w.newKey.publicKey,
      updateNonce: 2,
    });
    expect(await w.client.findPendingRecovery(w.supplier.quidId)).toBeUndefined();

    // The supplier's QUID stream now takes the new key, and its key history tells the keys apart.
    const events: KeyEvent[] = [
      { kind: 'registered', publicKey: w.supplier.publicKey, at: anchor.validFrom - 10 },
      { kind: 'frozen', epoch: 0, at: anchor.validFrom },
      { kind: 'rotated', fromEpoch: 0, toEpoch: 1, newPublicKey: w.newKey.publicKey, at: maturityUnix },
    ];
    expect(keyValidAt(events, w.supplier.publicKey, anchor.validFrom + 1)).toMatchObject({
      valid: false,
      reason: 'frozen',
    });
    expect(keyValidAt(events, w.newKey.publicKey, maturityUnix)).toEqual({ valid: true, epoch: 1 });
    const again = await w.ledger
      .freezeKey({ signer: recoveredSigner(w.newKey, w.supplier.quidId), fromEpoch: 1 })
      .catch((e: unknown) => e);
    expect(again).not.toBeInstanceOf(Error);
  });

  it('recovery by a non-guardian is refused: GuardianRejectedError UNKNOWN_GUARDIAN', async () => {
    const w = await world(2);
    const error = await w.ledger
      .beginRecovery({
        subjectQuid: w.supplier.quidId,
        newPublicKey: w.newKey.publicKey,
        guardianSigners: [w.cfo, w.outsider],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardianRejectedError);
    expect(error).toMatchObject({ rejection: 'UNKNOWN_GUARDIAN', status: 400, serverCode: 'INVALID_ANCHOR' });
  });

  it('guardian threshold not met is refused: THRESHOLD_NOT_MET, and nothing is pending', async () => {
    const w = await world(3);
    const error = await w.ledger
      .beginRecovery({
        subjectQuid: w.supplier.quidId,
        newPublicKey: w.newKey.publicKey,
        guardianSigners: [w.cfo],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ rejection: 'THRESHOLD_NOT_MET' });
    expect(await w.client.findPendingRecovery(w.supplier.quidId)).toBeUndefined();
  });

  it('the owner vetoes during the delay; a veto after the commit is refused (RECOVERY_NOT_PENDING)', async () => {
    const w = await world(4);
    await w.ledger.beginRecovery({
      subjectQuid: w.supplier.quidId,
      newPublicKey: w.newKey.publicKey,
      guardianSigners: [w.cfo, w.bank],
    });
    await w.ledger.vetoRecovery({ subjectQuid: w.supplier.quidId, owner: w.supplier });
    expect(await w.client.findPendingRecovery(w.supplier.quidId)).toBeUndefined();

    const { recoveryAnchorHash } = await w.ledger.beginRecovery({
      subjectQuid: w.supplier.quidId,
      newPublicKey: w.newKey.publicKey,
      guardianSigners: [w.bank, w.auditor],
    });
    w.advance(3600);
    await w.ledger.completeRecovery({ subjectQuid: w.supplier.quidId, committer: w.cfo });
    const late = await w.ledger
      .vetoRecovery({ subjectQuid: w.supplier.quidId, owner: w.supplier, recoveryAnchorHash })
      .catch((e: unknown) => e);
    expect(late).toMatchObject({ rejection: 'RECOVERY_NOT_PENDING' });
  });

  it('a replayed init is refused (NONCE_NOT_MONOTONIC); a replayed resignation is a 200 duplicate', async () => {
    const w = await world(5);
    const set = await w.client.getGuardianSet(w.supplier.quidId);
    const init = await buildRecoveryInit({
      subjectQuid: w.supplier.quidId,
      newPublicKey: w.newKey.publicKey,
      anchorNonce: Date.now() + 1000,
      guardianSigners: [w.cfo, w.bank],
      set,
    });
    await w.client.submitRecoveryInit(init);
    await w.client.waitForCommit(
      async (o) => (await w.client.findPendingRecovery(w.supplier.quidId, o)) !== undefined,
    );
    await w.ledger.vetoRecovery({ subjectQuid: w.supplier.quidId, owner: w.supplier });
    const replay = await w.client.submitRecoveryInit(init).catch((e: unknown) => e);
    expect(replay).toMatchObject({ rejection: 'NONCE_NOT_MONOTONIC' });

    const r = await buildGuardianResignation({
      guardian: w.auditor,
      subjectQuid: w.supplier.quidId,
      set,
      resignationNonce: 1,
    });
    expect(await w.client.submitGuardianResignation(r)).toMatchObject({ duplicate: false });
    await w.client.waitForCommit(
      async (o) => (await w.client.getGuardianResignations(w.supplier.quidId, o)).resignations.length === 1,
    );
    expect(await w.client.submitGuardianResignation(r)).toMatchObject({ duplicate: true });
    expect(await w.client.getGuardianResignations(w.supplier.quidId)).toMatchObject({ weakened: false });
  });

  it('reaches /api/v2 from a base URL ending in /api too; unknown quids read as undefined', async () => {
    harness = await inProcess(TEST_NODE);
    const client = harness.client({ baseUrl: `${harness.url}/api` });
    expect(await client.findGuardianSet('0123456789abcdef')).toBeUndefined();
    expect(await client.findPendingRecovery('0123456789abcdef')).toBeUndefined();
    expect(await client.getGuardianResignations('0123456789abcdef')).toEqual({
      subjectQuid: '0123456789abcdef',
      resignations: [],
      weakened: false,
    });
  });
});

describe('readKeyEvents', () => {
  it('a stolen key used after its freeze is frozen at the freeze block; a tampered freeze is ignored, with why', async () => {
    const w = await world(6);
    w.advance(10); // the freeze commits in a later second than the registration
    const { anchor } = await w.ledger.freezeKey({ signer: w.supplier });
    const tampered = { ...anchor, anchorNonce: anchor.anchorNonce + 1 };
    const { tx } = await appendEvent(w.client, {
      signer: w.supplier,
      trustDomain: DOMAIN,
      subjectId: w.supplier.quidId,
      subjectType: 'QUID',
      eventType: KEY_INVALIDATED_EVENT,
      payload: { anchor: tampered },
    });
    await w.client.waitForCommit(tx);
    const { events, ignored } = await readKeyEvents(w.client, w.supplier.quidId);
    expect(events.map((e) => e.kind)).toEqual(['registered', 'frozen']);
    expect(ignored).toEqual([
      { eventId: tx.id, reason: 'anchor signature does not verify with the epoch-0 key' },
    ]);
    const frozenAt = (events[1] as { at: number }).at;
    expect(keyValidAt(events, w.supplier.publicKey, frozenAt - 1)).toEqual({ valid: true, epoch: 0 });
    expect(keyValidAt(events, w.supplier.publicKey, frozenAt)).toMatchObject({
      valid: false,
      reason: 'frozen',
    });

    await w.ledger.beginRecovery({
      subjectQuid: w.supplier.quidId,
      newPublicKey: w.newKey.publicKey,
      guardianSigners: [w.cfo, w.bank],
    });
    const later = await readKeyEvents(w.client, w.supplier.quidId);
    expect(later.events.map((e) => e.kind)).toEqual(['registered', 'frozen', 'recovery-opened']);
  });
});

describe('pending pool with guardian wrappers (as a dc164c6 node lists them)', () => {
  it('a GUARDIAN_* wrapper in GET /transactions does not break pool reads or commit waits', async () => {
    harness = await inProcess(TEST_NODE);
    const wrapper = {
      id: '',
      type: 'GUARDIAN_SET_UPDATE',
      trustDomain: '',
      timestamp: 1_745_000_000,
      signature: '',
      publicKey: '',
      update: { kind: 7, subjectQuid: '0123456789abcdef' },
    };
    const client = harness.client({}, async (request, respond) => {
      const res = await respond();
      if (!new URL(request.url).pathname.endsWith('/transactions') || request.method !== 'GET') return res;
      const body = (await res.json()) as { data: { data: unknown[]; pagination: { total: number } } };
      body.data.data.unshift(wrapper);
      body.data.pagination.total += 1;
      return new Response(JSON.stringify(body), { status: 200, headers: res.headers });
    });
    const page = await client.listPendingTransactions();
    expect(page.items.every((t) => ['TRUST', 'IDENTITY', 'TITLE', 'EVENT'].includes(t.type))).toBe(true);
    expect(await client.locateTransaction({ ...(await someIdentity()), id: 'f'.repeat(64) })).toBeUndefined();
  });
});

async function someIdentity() {
  const { buildIdentity } = await import('@quidfin/core');
  return buildIdentity({ signer: key(99), trustDomain: DOMAIN, name: 'x', updateNonce: 1 });
}
