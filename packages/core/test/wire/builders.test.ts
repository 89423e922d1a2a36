import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '../../src/errors/SdkError.js';
import type { ValidationIssue } from '../../src/errors/ValidationError.js';
import {
  buildEvent,
  buildIdentity,
  buildTitle,
  buildTitleTransfer,
  buildTrust,
  draftTitleTransfer,
  signableJson,
  signerFromPrivateKey,
  signTitleAsOwner,
  verifyOwnerSignature,
  verifyTransaction,
} from '../../src/wire/index.js';
import type { Signer } from '../../src/wire/types.js';
import { keys } from './vectorCases.js';

const alice = signerFromPrivateKey(keys.alice.private_scalar_hex);
const bob = signerFromPrivateKey(keys.bob.private_scalar_hex);
const carol = signerFromPrivateKey(keys.carol.private_scalar_hex);
const D = 'factoring.supply-chain.us';
const T = 1745000000;

async function issuesOf(p: Promise<unknown>): Promise<ValidationIssue[]> {
  try {
    await p;
  } catch (e) {
    if (isSdkError(e) && e.code === 'INVALID_TRANSACTION')
      return [...(e as unknown as { issues: ValidationIssue[] }).issues];
    throw e;
  }
  throw new Error('expected a refusal');
}

async function refusedAt(p: Promise<unknown>): Promise<string[]> {
  return (await issuesOf(p)).map((i) => i.path);
}

const trust = { signer: alice, trustDomain: D, trustee: bob.quidId, trustLevel: 0.5, nonce: 1, timestamp: T };
const identity = { signer: alice, trustDomain: D, name: 'Acme', updateNonce: 1, timestamp: T };
const owners = [
  { ownerId: alice.quidId, percentage: 0.92, stakeType: 'supplier' },
  { ownerId: bob.quidId, percentage: 0.04, stakeType: 'buyer' },
  { ownerId: carol.quidId, percentage: 0.04, stakeType: 'carrier' },
];
const title = { signer: alice, trustDomain: D, assetId: 'inv-1', owners, titleType: 'invoice', timestamp: T };
const event = {
  signer: alice,
  trustDomain: D,
  subjectId: 'inv-1',
  subjectType: 'TITLE' as const,
  sequence: 1,
  eventType: 'invoice.issued',
  payload: { amountMinor: 5000000, currency: 'USD' },
  timestamp: T,
};

describe('builders: refusals carry the right path', () => {
  it.each<[string, () => Promise<unknown>, string]>([
    ['trust empty trustee', () => buildTrust({ ...trust, trustee: '' }), 'trustee'],
    ['trust non-quid trustee', () => buildTrust({ ...trust, trustee: 'C31907F180E6E1E0' }), 'trustee'],
    ['trust level > 1', () => buildTrust({ ...trust, trustLevel: 1.5 }), 'trustLevel'],
    ['trust level < 0', () => buildTrust({ ...trust, trustLevel: -0.1 }), 'trustLevel'],
    ['trust level NaN', () => buildTrust({ ...trust, trustLevel: Number.NaN }), 'trustLevel'],
    [
      'trust level Infinity',
      () => buildTrust({ ...trust, trustLevel: Number.POSITIVE_INFINITY }),
      'trustLevel',
    ],
    ['nonce 0', () => buildTrust({ ...trust, nonce: 0 }), 'nonce'],
    ['nonce 1.5', () => buildTrust({ ...trust, nonce: 1.5 }), 'nonce'],
    ['nonce unsafe', () => buildTrust({ ...trust, nonce: 2 ** 53 }), 'nonce'],
    ['validUntil before timestamp', () => buildTrust({ ...trust, validUntil: T }), 'validUntil'],
    ['validUntil in ms', () => buildTrust({ ...trust, validUntil: T * 1000 }), 'validUntil'],
    ['timestamp 0', () => buildTrust({ ...trust, timestamp: 0 }), 'timestamp'],
    ['timestamp in ms', () => buildTrust({ ...trust, timestamp: Date.now() }), 'timestamp'],
    ['foreign truster', () => buildTrust({ ...trust, truster: bob.quidId }), 'truster'],
    ['description with NUL', () => buildTrust({ ...trust, description: 'a\u0000b' }), 'description'],
    ['description too long', () => buildTrust({ ...trust, description: 'é'.repeat(2049) }), 'description'],
    ['unknown field', () => buildTrust({ ...trust, ballotProof: 'x' } as never), 'ballotProof'],
    ['wrong type', () => buildTrust({ ...trust, type: 'trust' } as never), 'type'],
    ['identity foreign quidId', () => buildIdentity({ ...identity, quidId: bob.quidId }), 'quidId'],
    ['identity foreign creator', () => buildIdentity({ ...identity, creator: bob.quidId }), 'creator'],
    ['identity name > 256 bytes', () => buildIdentity({ ...identity, name: 'x'.repeat(257) }), 'name'],
    ['identity updateNonce 0', () => buildIdentity({ ...identity, updateNonce: 0 }), 'updateNonce'],
    [
      'identity NaN attribute',
      () => buildIdentity({ ...identity, attributes: { a: { b: Number.NaN } } }),
      'attributes.a.b',
    ],
    ['identity lone surrogate', () => buildIdentity({ ...identity, name: 'x\ud800' }), 'name'],
    ['title empty owners', () => buildTitle({ ...title, owners: [] }), 'owners'],
    ['title shares sum', () => buildTitle({ ...title, owners: owners.slice(0, 2) }), 'owners'],
    [
      'title duplicate owner',
      () => buildTitle({ ...title, owners: [owners[0]!, { ...owners[0]!, percentage: 0.08 }] }),
      'owners[1].ownerId',
    ],
    [
      'title non-quid owner',
      () => buildTitle({ ...title, owners: [{ ownerId: 'bob', percentage: 1 }] }),
      'owners[0].ownerId',
    ],
    [
      'title NaN share',
      () => buildTitle({ ...title, owners: [{ ownerId: alice.quidId, percentage: Number.NaN }] }),
      'owners[0].percentage',
    ],
    ['title assetId slash', () => buildTitle({ ...title, assetId: 'inv/1' }), 'assetId'],
    ['title assetId empty', () => buildTitle({ ...title, assetId: '' }), 'assetId'],
    ['title assetId > 256', () => buildTitle({ ...title, assetId: 'a'.repeat(257) }), 'assetId'],
    ['event no domain', () => buildEvent({ ...event, trustDomain: '' }), 'trustDomain'],
    ['event sequence 0', () => buildEvent({ ...event, sequence: 0 }), 'sequence'],
    ['event empty type', () => buildEvent({ ...event, eventType: '' }), 'eventType'],
    ['event type > 64 bytes', () => buildEvent({ ...event, eventType: 'é'.repeat(33) }), 'eventType'],
    ['event no payload', () => buildEvent({ ...event, payload: {} }), 'payload'],
    ['event bad CID', () => buildEvent({ ...event, payloadCid: 'Qm123' }), 'payloadCid'],
    ['event payload too big', () => buildEvent({ ...event, payload: { big: 'x'.repeat(65536) } }), 'payload'],
    [
      'event expiresAt seconds',
      () => buildEvent({ ...event, payload: { expiresAt: T } }),
      'payload.expiresAt',
    ],
    ['event unsafe integer', () => buildEvent({ ...event, payload: { n: 2 ** 60 } }), 'payload.n'],
    [
      'event Date in payload',
      () => buildEvent({ ...event, payload: { at: new Date() } as never }),
      'payload.at',
    ],
    ['event QUID subject not a quid', () => buildEvent({ ...event, subjectType: 'QUID' }), 'subjectId'],
    ['event bad subjectType', () => buildEvent({ ...event, subjectType: 'ASSET' as never }), 'subjectType'],
    ['event previousEventId', () => buildEvent({ ...event, previousEventId: 'nope' }), 'previousEventId'],
  ])('%s', async (_, run, path) => {
    expect(await refusedAt(run())).toContain(path);
  });

  it('says so when shares do not sum to 1.0', async () => {
    const [issue] = await issuesOf(buildTitle({ ...title, owners: owners.slice(0, 2) }));
    expect(issue?.message).toMatch(/sum to 1\.0 within 1e-6, got 0\.96/);
  });

  it('lists every problem at once', async () => {
    expect(await refusedAt(buildTrust({ ...trust, trustee: '', nonce: 0, trustLevel: 2 }))).toEqual([
      'trustee',
      'trustLevel',
      'nonce',
    ]);
  });
});

describe('builders: outputs', () => {
  it('binds truster / creator / quidId to the signer and fills id, timestamp, publicKey', async () => {
    const before = Math.floor(Date.now() / 1000);
    const t = await buildTrust({ ...trust, timestamp: undefined as never, trustLevel: -0 });
    expect(t.truster).toBe(alice.quidId);
    expect(Object.is(t.trustLevel, 0)).toBe(true);
    expect(t.timestamp).toBeGreaterThanOrEqual(before);
    expect(t.id).toMatch(/^[0-9a-f]{64}$/);
    expect(t.publicKey).toBe(alice.publicKey);
    expect(verifyTransaction(t)).toBe(true);
    const i = await buildIdentity(identity);
    expect([i.quidId, i.creator]).toEqual([alice.quidId, alice.quidId]);
    expect(verifyTransaction(i)).toBe(true);
    const ti = await buildTitle(title);
    expect(ti.signatures).toEqual({});
    expect(verifyTransaction(ti)).toBe(true);
    const e = await buildEvent({ ...event, payload: { z: -0, a: undefined, n: [1, -0] } as never });
    expect(e.payload).toEqual({ z: 0, n: [1, 0] });
    expect(verifyTransaction(e)).toBe(true);
  });

  it('accepts a payloadCid without payload', async () => {
    const e = await buildEvent({
      ...event,
      payload: undefined as never,
      payloadCid: 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
    });
    expect(e.payload).toBeUndefined();
    expect(verifyTransaction(e)).toBe(true);
  });

  it('a payload key named "__proto__" (as JSON.parse makes it) is signed as data, not silently dropped', async () => {
    const payload = JSON.parse('{"__proto__":{"amountMinor":5},"note":"x"}') as Record<string, unknown>;
    const e = await buildEvent({ ...event, payload: payload as never });
    expect(Object.keys(e.payload ?? {})).toEqual(['__proto__', 'note']);
    expect(Object.getPrototypeOf(e.payload)).toBe(Object.prototype);
    expect(signableJson(e)).toContain('"payload":{"__proto__":{"amountMinor":5},"note":"x"}');
    expect(verifyTransaction(e)).toBe(true);
  });

  it('refuses a signer whose signatures do not verify', async () => {
    const liar: Signer = { publicKey: alice.publicKey, quidId: alice.quidId, sign: (m) => bob.sign(m) };
    await expect(buildTrust({ ...trust, signer: liar })).rejects.toMatchObject({ code: 'SIGNING_FAILED' });
  });
});

describe('title transfer', () => {
  it('previous owners co-sign, the issuer signs last; pre-made signatures work too', async () => {
    const current = await buildTitle(title);
    const next = [{ ownerId: bob.quidId, percentage: 1, stakeType: 'financier' }];
    const tx = await buildTitleTransfer({
      signer: bob,
      current,
      owners: next,
      previousOwnerSigners: [alice, bob, carol],
      timestamp: T + 5,
    });
    expect(tx.previousOwners).toEqual(owners);
    expect(Object.keys(tx.signatures ?? {}).sort()).toEqual([alice.quidId, bob.quidId, carol.quidId].sort());
    expect(verifyTransaction(tx)).toBe(true);
    for (const s of [alice, bob, carol]) expect(verifyOwnerSignature(tx, s.quidId, s.publicKey)).toBe(true);

    const draft = draftTitleTransfer({ signer: bob, current, owners: next, timestamp: T + 5 });
    const aliceSig = await signTitleAsOwner(draft, alice);
    expect(aliceSig).toBe(tx.signatures?.[alice.quidId]);
    const mixed = await buildTitleTransfer({
      signer: bob,
      current,
      owners: next,
      timestamp: T + 5,
      ownerSignatures: { [alice.quidId]: aliceSig },
      previousOwnerSigners: [bob, carol],
    });
    expect(mixed).toEqual(tx);
  });

  it('refuses a missing co-signature and a signer who is not a previous owner', async () => {
    const current = await buildTitle({ ...title, owners: [{ ownerId: alice.quidId, percentage: 1 }] });
    const next = [{ ownerId: bob.quidId, percentage: 1 }];
    expect(await refusedAt(buildTitleTransfer({ signer: bob, current, owners: next }))).toEqual([
      `ownerSignatures.${alice.quidId}`,
    ]);
    expect(
      await refusedAt(
        buildTitleTransfer({ signer: bob, current, owners: next, previousOwnerSigners: [alice, carol] }),
      ),
    ).toEqual(['previousOwnerSigners[1]']);
    expect(
      await refusedAt(
        buildTitleTransfer({ signer: bob, current, owners: next, ownerSignatures: { [alice.quidId]: 'AB' } }),
      ),
    ).toContain(`ownerSignatures.${alice.quidId}`);
  });
});

describe('builder properties', () => {
  const quid = fc.constantFrom(alice.quidId, bob.quidId, carol.quidId);
  const text = fc
    .string({ maxLength: 40 })
    .filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s));
  const safeLeaf = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.boolean(),
    fc.constant(null),
    fc.integer(),
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
  );
  const payload = fc
    .dictionary(
      fc.string({ maxLength: 12 }).filter((k) => k !== 'expiresAt'),
      fc.oneof(safeLeaf, fc.array(safeLeaf, { maxLength: 3 })),
      {
        minKeys: 1,
        maxKeys: 6,
      },
    )
    .filter((p) => !/[\ud800-\udfff]/.test(JSON.stringify(p)));

  it('every built transaction verifies', async () => {
    await fc.assert(
      fc.asyncProperty(
        quid,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        text,
        fc.integer({ min: 1, max: 4e9 }),
        payload,
        async (trustee, level, nonce, description, timestamp, p) => {
          const t = await buildTrust({
            signer: carol,
            trustDomain: D,
            trustee,
            trustLevel: level,
            nonce,
            description,
            timestamp,
          });
          expect(verifyTransaction(t)).toBe(true);
          const e = await buildEvent({ ...event, signer: carol, payload: p, timestamp, sequence: nonce });
          expect(verifyTransaction(e)).toBe(true);
          const i = await buildIdentity({
            ...identity,
            signer: carol,
            name: description || 'x',
            attributes: p,
            timestamp,
          });
          expect(verifyTransaction(i)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses any trustLevel outside [0, 1] at path trustLevel', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.double({ min: 1, minExcluded: true }),
          fc.double({ max: 0, maxExcluded: true }).filter((d) => d < 0),
          fc.constant(Number.NaN),
        ),
        async (level) => {
          expect(await refusedAt(buildTrust({ ...trust, trustLevel: level }))).toEqual(['trustLevel']);
        },
      ),
      { numRuns: 50 },
    );
  });
});
