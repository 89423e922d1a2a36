import { describe, expect, it } from 'vitest';
import {
  computeRelationalTrust,
  derivedKeyHistory,
  keyHistoryFromEvents,
  TrustGraph,
} from '../../src/index.js';
import {
  bureau,
  buyer,
  financier,
  stranger,
  supplier,
  T0,
  trust,
  trustWithBigValidUntil,
} from './trustFixtures.js';

// The forged-trust catalogue (issue 18): each committed TRUST the node would count, and what the
// verified graph does with it. The node itself counts every one of them (PROTOCOL §6.2 step 9).

const NOW = T0 + 1000;
const level = (g: TrustGraph, target = supplier.quidId): number =>
  computeRelationalTrust(g, financier.quidId, target, { nowSeconds: NOW }).trustLevel;

async function baseGraph(): Promise<TrustGraph> {
  const g = new TrustGraph();
  await g.addAll([{ tx: await trust(financier, bureau.quidId, 0.9, 1) }]);
  return g;
}

describe('forged trust catalogue', () => {
  it("stranger-signed edge: 'bureau -> supplier 1.0' signed by a stranger is SIGNER_NOT_TRUSTER and gives no trust", async () => {
    const g = await baseGraph();
    const forged = await trust(stranger, supplier.quidId, 1, 1, { truster: bureau.quidId });
    const a = await g.add(forged);
    expect(a.accepted).toBe(false);
    expect(!a.accepted && a.finding).toMatchObject({
      code: 'SIGNER_NOT_TRUSTER',
      kind: 'forged',
      truster: bureau.quidId,
      trustee: supplier.quidId,
      signerQuid: stranger.quidId,
      txId: forged.id,
    });
    expect(level(g)).toBe(0);
    expect(g.edge(bureau.quidId, supplier.quidId)).toBeUndefined();
  });

  it("supplier self-endorsement: 'bureau -> supplier 1.0' signed by the supplier is SELF_ENDORSEMENT and gives no trust", async () => {
    const g = await baseGraph();
    const forged = await trust(supplier, supplier.quidId, 1, 1, { truster: bureau.quidId });
    const a = await g.add(forged);
    expect(!a.accepted && a.finding.code).toBe('SELF_ENDORSEMENT');
    expect(!a.accepted && a.finding.kind).toBe('forged');
    expect(level(g)).toBe(0);
    expect(g.findingsAbout(supplier.quidId).map((f) => f.code)).toEqual(['SELF_ENDORSEMENT']);
  });

  it('the genuine bureau edge next to a forged one counts, and only it (0.9 x 0.85)', async () => {
    const g = await baseGraph();
    await g.addAll([
      { tx: await trust(stranger, supplier.quidId, 1, 5, { truster: bureau.quidId }) },
      { tx: await trust(bureau, supplier.quidId, 0.85, 1) },
    ]);
    expect(level(g)).toBeCloseTo(0.765, 12);
    expect(g.findings.map((f) => f.code)).toEqual(['SIGNER_NOT_TRUSTER']);
  });

  it('a forged edge with a higher nonce cannot displace the genuine one', async () => {
    const g = await baseGraph();
    await g.add(await trust(bureau, supplier.quidId, 0.2, 1));
    await g.add(await trust(stranger, supplier.quidId, 1, 99, { truster: bureau.quidId }));
    expect(level(g)).toBeCloseTo(0.18, 12);
  });

  it('tampered level: a genuine edge whose trustLevel was changed after signing is BAD_SIGNATURE', async () => {
    const g = await baseGraph();
    const tx = await trust(bureau, supplier.quidId, 0.3, 1);
    const a = await g.add({ ...tx, trustLevel: 1 });
    expect(!a.accepted && a.finding).toMatchObject({ code: 'BAD_SIGNATURE', kind: 'forged' });
    expect(level(g)).toBe(0);
  });

  it('expired then renewed: the edge stops counting at validUntil and counts again after a renewal with a higher nonce', async () => {
    const g = await baseGraph();
    await g.add(await trust(bureau, supplier.quidId, 0.8, 1, { validUntil: T0 + 500 }));
    const at = (now: number): number =>
      computeRelationalTrust(g, financier.quidId, supplier.quidId, { nowSeconds: now }).trustLevel;
    expect(at(T0 + 499)).toBeCloseTo(0.72, 12);
    expect(at(T0 + 500)).toBe(0); // validUntil <= now: expired, as on the node
    await g.add(await trust(bureau, supplier.quidId, 0.7, 2, { timestamp: T0 + 600, validUntil: T0 + 5000 }));
    expect(at(T0 + 700)).toBeCloseTo(0.63, 12);
    expect(at(T0 + 5000)).toBe(0);
    expect(g.findings).toEqual([]);
  });

  it('expired then "renewed" under the same nonce: the renewal is a NONCE_CONFLICT and the edge stays out', async () => {
    const g = await baseGraph();
    await g.add(await trust(bureau, supplier.quidId, 0.8, 2, { validUntil: T0 + 500 }));
    const stale = await g.add(
      await trust(bureau, supplier.quidId, 0.8, 2, { timestamp: T0 + 1, validUntil: T0 + 9000 }),
    );
    expect(!stale.accepted && stale.finding.code).toBe('NONCE_CONFLICT');
    expect(level(g)).toBe(0);
  });

  it('replayed old edge: an old 0.9 edge seen again after a revocation is REPLAYED and the revocation stands', async () => {
    const g = await baseGraph();
    const old = await trust(bureau, supplier.quidId, 0.9, 1);
    await g.add(old);
    await g.add(await trust(bureau, supplier.quidId, 0, 2, { timestamp: T0 + 10 }));
    const replay = await g.add(old);
    expect(!replay.accepted && replay.finding).toMatchObject({
      code: 'REPLAYED',
      kind: 'refused',
      txId: old.id,
    });
    expect(g.edge(bureau.quidId, supplier.quidId)?.trustLevel).toBe(0);
    expect(level(g)).toBe(0);
  });

  it('the same transaction committed twice is REPLAYED, not a conflict', async () => {
    const g = await baseGraph();
    const tx = await trust(bureau, supplier.quidId, 0.5, 1);
    await g.add(tx);
    const again = await g.add(tx);
    expect(!again.accepted && again.finding.code).toBe('REPLAYED');
    expect(level(g)).toBeCloseTo(0.45, 12);
  });

  it('nonce conflict: two different genuine edges with one nonce leave the pair without an edge until a higher nonce', async () => {
    const g = await baseGraph();
    await g.add(await trust(bureau, supplier.quidId, 0.2, 3));
    const second = await g.add(await trust(bureau, supplier.quidId, 1, 3, { timestamp: T0 + 1 }));
    expect(!second.accepted && second.finding.code).toBe('NONCE_CONFLICT');
    expect(level(g)).toBe(0);
    await g.add(await trust(bureau, supplier.quidId, 0.5, 4, { timestamp: T0 + 2 }));
    expect(level(g)).toBeCloseTo(0.45, 12);
  });

  it('nanosecond validUntil: the node never expires it; the SDK expires it on the date it encodes and says so', async () => {
    const g = await baseGraph();
    const expiresAt = T0 + 800;
    const tx = await trustWithBigValidUntil(bureau, supplier.quidId, 0.8, 1, expiresAt * 1e9);
    const a = await g.add(tx);
    expect(a.accepted).toBe(true);
    expect(a.accepted && a.notice?.code).toBe('VALID_UNTIL_NANOSECONDS');
    expect(a.accepted && a.edge.expiresAt).toBe(expiresAt);
    const at = (now: number): number =>
      computeRelationalTrust(g, financier.quidId, supplier.quidId, { nowSeconds: now }).trustLevel;
    expect(at(expiresAt - 1)).toBeCloseTo(0.72, 12);
    expect(at(expiresAt)).toBe(0);
  });

  it('millisecond validUntil (too large for seconds) reads as a 1970 date: already expired', async () => {
    const g = await baseGraph();
    const a = await g.add(await trust(bureau, supplier.quidId, 0.8, 1, { validUntil: (T0 + 9000) * 1000 }));
    expect(a.accepted && a.notice?.code).toBe('VALID_UNTIL_NANOSECONDS');
    expect(level(g)).toBe(0);
  });

  it('a validUntil beyond 2^53 that JavaScript had to round is UNVERIFIABLE, not called forged', async () => {
    const g = await baseGraph();
    const tx = await trustWithBigValidUntil(bureau, supplier.quidId, 0.8, 1, 1_767_225_600_000_000_000);
    // The digits the node holds differ from what JSON.parse gives JavaScript (spacing 256 up here).
    const a = await g.add({ ...tx, validUntil: 1_767_225_600_000_000_000 + 512 });
    expect(!a.accepted && a.finding.code).toBe('UNVERIFIABLE');
    expect(!a.accepted && a.finding.kind).toBe('refused');
  });

  it('a genuine edge with a level above 1 or an expiry before its timestamp is INVALID_EDGE', async () => {
    const g = await baseGraph();
    const high = await g.add(await trust(bureau, supplier.quidId, 1.5, 1));
    const backwards = await g.add(await trust(bureau, buyer.quidId, 0.5, 1, { validUntil: T0 - 1 }));
    expect(!high.accepted && high.finding.code).toBe('INVALID_EDGE');
    expect(!backwards.accepted && backwards.finding.code).toBe('INVALID_EDGE');
    expect(!backwards.accepted && backwards.finding.message).toMatch(/validUntil .* not after timestamp/);
    expect(level(g)).toBe(0);
  });

  it('something that is not a TRUST transaction at all is INVALID_EDGE with the parser’s reason', async () => {
    const g = new TrustGraph();
    const a = await g.add({ type: 'TRUST', truster: bureau.quidId });
    expect(!a.accepted && a.finding.code).toBe('INVALID_EDGE');
    expect(!a.accepted && a.finding.message).toMatch(/id|trustee|signature/);
  });

  it('a verified key history can admit a rotated key; the default admits only the derived key', async () => {
    const rotated = await trust(stranger, supplier.quidId, 0.6, 1, { truster: bureau.quidId });
    const strict = await baseGraph();
    expect((await strict.add(rotated)).accepted).toBe(false);
    const withHistory = new TrustGraph({
      keyHistory: {
        wasKeyOf: (quid, key, origin) =>
          derivedKeyHistory.wasKeyOf(quid, key, origin) ||
          (quid === bureau.quidId && key === stranger.publicKey),
      },
    });
    await withHistory.add(await trust(financier, bureau.quidId, 0.9, 1));
    expect((await withHistory.add(rotated)).accepted).toBe(true);
    expect(level(withHistory)).toBeCloseTo(0.54, 12);
  });
  it('a key history is asked about the block and time of each edge: a key valid until block 5 counts in block 3, not in block 7', async () => {
    const asked: unknown[] = [];
    const g = new TrustGraph({
      keyHistory: {
        wasKeyOf: (quid, key, origin) => {
          asked.push(origin);
          if (derivedKeyHistory.wasKeyOf(quid, key, origin)) return true;
          return quid === bureau.quidId && key === stranger.publicKey && (origin?.blockIndex ?? 99) < 5;
        },
      },
    });
    await g.add(await trust(financier, bureau.quidId, 0.9, 1));
    const at = (blockIndex: number) => ({
      blockIndex,
      blockHash: `h${blockIndex}`,
      offset: blockIndex,
      domain: 'd',
      blockTimestamp: T0 + 100 * blockIndex,
    });
    const early = await g.add(
      await trust(stranger, supplier.quidId, 0.5, 1, { truster: bureau.quidId }),
      at(3),
    );
    const late = await g.add(
      await trust(stranger, supplier.quidId, 0.9, 2, { truster: bureau.quidId, timestamp: T0 + 9 }),
      at(7),
    );
    expect(early.accepted).toBe(true);
    expect(!late.accepted && late.finding.code).toBe('SIGNER_NOT_TRUSTER');
    // Judged at the block's time, never the signer's own timestamp.
    expect(asked).toContainEqual({ blockIndex: 7, offset: 7, timestamp: T0 + 700 });
    expect(level(g)).toBeCloseTo(0.45, 12);
  });

  it("stolen key after freeze: a backdated edge signed with the truster's frozen key is TRUSTER_KEY_REVOKED, judged by its block", async () => {
    const events = [
      { kind: 'registered' as const, publicKey: bureau.publicKey, at: T0 - 100 },
      { kind: 'frozen' as const, epoch: 0, at: T0 + 200 },
    ];
    const g = new TrustGraph({
      keyHistory: keyHistoryFromEvents((q) => (q === bureau.quidId ? events : [])),
    });
    const origin = (blockTimestamp: number) => ({
      blockIndex: 1,
      blockHash: 'h',
      offset: 1,
      domain: 'd',
      blockTimestamp,
    });
    await g.add(await trust(financier, bureau.quidId, 0.9, 1), origin(T0));
    const before = await g.add(await trust(bureau, supplier.quidId, 0.5, 1), origin(T0 + 150));
    // The thief backdates the edge's own timestamp; the block that committed it came after the freeze.
    const stolen = await g.add(
      await trust(bureau, supplier.quidId, 1, 2, { timestamp: T0 + 10 }),
      origin(T0 + 250),
    );
    const noBlockTime = await g.add(await trust(bureau, stranger.quidId, 1, 1));
    expect(before.accepted).toBe(true);
    expect(!stolen.accepted && stolen.finding).toMatchObject({ code: 'TRUSTER_KEY_REVOKED', kind: 'forged' });
    expect(!noBlockTime.accepted && noBlockTime.finding.code).toBe('TRUSTER_KEY_REVOKED');
    expect(level(g)).toBeCloseTo(0.45, 12);
  });

  it('keyHistoryFromEvents: a quid whose key never changed is judged by the derived-key rule, with or without a block time', async () => {
    const history = keyHistoryFromEvents(() => [
      { kind: 'registered', publicKey: bureau.publicKey, at: T0 + 500 },
    ]);
    expect(history.wasKeyOf(bureau.quidId, bureau.publicKey, undefined)).toBe(true);
    expect(history.wasKeyOf(bureau.quidId, stranger.publicKey, undefined)).toBe(false);
    const frozen = keyHistoryFromEvents(() => [
      { kind: 'registered', publicKey: bureau.publicKey, at: T0 + 500 },
      { kind: 'frozen', epoch: 0, at: T0 + 900 },
    ]);
    // Before its registration block, the key the quid derives from is still its key.
    expect(
      frozen.wasKeyOf(bureau.quidId, bureau.publicKey, { blockIndex: 1, offset: 1, timestamp: T0 }),
    ).toBe(true);
    expect(
      frozen.wasKeyOf(bureau.quidId, bureau.publicKey, { blockIndex: 9, offset: 9, timestamp: T0 + 901 }),
    ).toBe(false);
  });
});
