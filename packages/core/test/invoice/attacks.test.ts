// Attack catalogue of issue #10 for core's lifecycle, parties and title custody (findings 1, 3, 4).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTitleCustody,
  deriveInvoiceLifecycle,
  deriveInvoiceParties,
  type VerifiedInvoiceEvent,
} from '../../src/index.js';
import {
  buildTitle,
  draftTitleTransfer,
  generateSigner,
  type OwnershipStake,
  type Signer,
  signTitleAsOwner,
  signTransaction,
  type TitleTx,
} from '../../src/wire/index.js';
import {
  acknowledged,
  BUYER,
  CARRIER,
  delivered,
  FIN_F,
  FIN_G,
  ISSUED,
  issued,
  OWNERS,
  paid,
  purchased,
  SUPPLIER,
  shipped,
  stream,
} from './fixtures.js';

const OPTIONS = { invoiceId: 'inv-0001', titleOwners: OWNERS } as const;
const T_BASE = 1_790_000_000;

/** The stream up to a purchase by F. */
const factoredStream = (): VerifiedInvoiceEvent[] =>
  stream(issued(), shipped(), delivered(), acknowledged(), purchased());

describe('event id collision (finding 4)', () => {
  // The node's EVENT id hashes subject, type, sequence, domain and second only.
  const collide = (events: VerifiedInvoiceEvent[], a: number, b: number): VerifiedInvoiceEvent[] =>
    events.map((e, i) => (i === b ? { ...e, id: events[a]!.id, sequence: events[a]!.sequence } : e));

  it("event id collision: a supplier's payment.received of 1 under the financier's id does not drop the financier's 3,000,000", () => {
    const events = collide(
      [
        ...factoredStream(),
        { ...stream(paid('p-s', 1, SUPPLIER))[0]!, id: 'e6', sequence: 6, signature: 'aa'.repeat(64) },
        { ...stream(paid('p-f', 3_000_000, FIN_F))[0]!, id: 'e7', sequence: 7, signature: 'bb'.repeat(64) },
      ],
      5,
      6,
    );
    const life = deriveInvoiceLifecycle(events, OPTIONS);
    expect(life.violations.map((v) => v.code)).not.toContain('DUPLICATE_EVENT');
    expect(life.payments.map((p) => [p.signerQuid, p.amountMinor])).toEqual([
      [SUPPLIER, 1],
      [FIN_F, 3_000_000],
    ]);
    expect(life.totals.paidMinor).toBe(3_000_001);
    expect(life.conflicts).toEqual([
      expect.objectContaining({
        code: 'EVENT_ID_CONFLICT',
        key: 'e6',
        events: [
          expect.objectContaining({ signerQuid: SUPPLIER }),
          expect.objectContaining({ signerQuid: FIN_F }),
        ],
      }),
    ]);
  });

  it("event id collision, financier first: the supplier's colliding event is judged too, and flagged", () => {
    const events = collide(
      [
        ...factoredStream(),
        { ...stream(paid('p-f', 3_000_000, FIN_F))[0]!, id: 'e6', sequence: 6, signature: 'bb'.repeat(64) },
        { ...stream(paid('p-s', 1, SUPPLIER))[0]!, id: 'e7', sequence: 7, signature: 'aa'.repeat(64) },
      ],
      5,
      6,
    );
    const life = deriveInvoiceLifecycle(events, OPTIONS);
    expect(life.totals.paidMinor).toBe(3_000_001);
    expect(life.conflicts.map((c) => c.code)).toEqual(['EVENT_ID_CONFLICT']);
  });

  it("event id collision by a party not entitled to the event: the entitled financier's event is the one that counts", () => {
    const base = factoredStream();
    const buyerPayment: VerifiedInvoiceEvent = {
      ...stream(paid('p-b', 4_999_999, BUYER))[0]!,
      id: 'e6',
      sequence: 6,
      signature: 'cc'.repeat(64),
    };
    const finPayment: VerifiedInvoiceEvent = {
      ...stream(paid('p-f', 5_000_000, FIN_F))[0]!,
      id: 'e6',
      sequence: 6,
      signature: 'dd'.repeat(64),
    };
    const life = deriveInvoiceLifecycle([...base, buyerPayment, finPayment], OPTIONS);
    expect(life.payments.map((p) => p.signerQuid)).toEqual([FIN_F]);
    expect(life.totals.paidMinor).toBe(5_000_000);
    expect(life.violations.map((v) => [v.code, v.signerQuid])).toEqual([['SIGNER_NOT_AUTHORIZED', BUYER]]);
    expect(life.conflicts.map((c) => c.code)).toEqual(['EVENT_ID_CONFLICT']);
  });

  it('a true repeat (same id, signer and signature) is still one DUPLICATE_EVENT, not a conflict', () => {
    const events = stream(issued(), paid('p-1', 100));
    const repeat = { ...events[1]!, signature: 'ee'.repeat(64) };
    const life = deriveInvoiceLifecycle([events[0]!, { ...events[1]!, signature: 'ee'.repeat(64) }, repeat]);
    expect(life.violations.map((v) => v.code)).toEqual(['DUPLICATE_EVENT']);
    expect(life.conflicts).toEqual([]);
    expect(life.totals.paidMinor).toBe(100);
  });

  it('a re-signed twin (same id, signer and payload, another signature, e.g. high-s) is a duplicate, not a second payment', () => {
    const events = stream(issued(), paid('p-1', 100));
    const life = deriveInvoiceLifecycle([
      events[0]!,
      { ...events[1]!, signature: '11'.repeat(64) },
      { ...events[1]!, signature: '22'.repeat(64) },
    ]);
    expect(life.violations.map((v) => v.code)).toEqual(['DUPLICATE_EVENT']);
    expect(life.totals.paidMinor).toBe(100);
  });

  it('double-factoring race: two factor.purchased on one sequence are a flagged SEQUENCE_CONFLICT', () => {
    const events = stream(
      issued(),
      shipped(),
      delivered(),
      acknowledged(),
      purchased(FIN_F),
      purchased(FIN_G),
    );
    const raced = events.map((e, i) => (i === 5 ? { ...e, sequence: 5 } : e));
    const life = deriveInvoiceLifecycle(raced, OPTIONS);
    expect(life.factored?.financierQuid).toBe(FIN_F);
    expect(life.violations.map((v) => [v.code, v.signerQuid])).toEqual([['ALREADY_FACTORED', FIN_G]]);
    expect(life.conflicts).toEqual([
      expect.objectContaining({
        code: 'SEQUENCE_CONFLICT',
        key: '5',
        events: [
          expect.objectContaining({ eventType: 'factor.purchased', signerQuid: FIN_F }),
          expect.objectContaining({ eventType: 'factor.purchased', signerQuid: FIN_G }),
        ],
      }),
    ]);
  });
});

describe('event id collision: properties', () => {
  const pool = [
    issued(),
    shipped(),
    delivered(),
    acknowledged(),
    purchased(),
    paid('p-1', 100),
    paid('p-2', 7, FIN_F),
  ];

  it('property: DUPLICATE_EVENT only ever drops a true repeat, and every colliding pair of different events is a flagged conflict', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(pool.length - 1), fc.nat(3)), { minLength: 1, maxLength: 12 }),
        (picks) => {
          // Ids from a pool of four, so unrelated events collide often; sequences follow ids.
          const events: VerifiedInvoiceEvent[] = picks.map(([which, id], i) => ({
            ...stream(pool[which]!)[0]!,
            id: `x${id}`,
            sequence: id + 1,
            timestamp: T_BASE + i,
          }));
          const life = deriveInvoiceLifecycle(events, OPTIONS);
          const same = (a: VerifiedInvoiceEvent, b: VerifiedInvoiceEvent) =>
            a.id === b.id &&
            a.signerQuid === b.signerQuid &&
            a.eventType === b.eventType &&
            JSON.stringify(a.payload) === JSON.stringify(b.payload);
          // Per (id, signer): exactly as many DUPLICATE_EVENTs as events repeating an earlier one.
          const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map());
          const reported = count(
            life.violations
              .filter((v) => v.code === 'DUPLICATE_EVENT')
              .map((v) => `${v.eventId}/${v.signerQuid}`),
          );
          const repeats = count(
            events
              .filter((e, i) => events.slice(0, i).some((earlier) => same(earlier, e)))
              .map((e) => `${e.id}/${e.signerQuid}`),
          );
          expect(reported).toEqual(repeats);
          // Every id shared by two different events is reported.
          for (const [i, e] of events.entries()) {
            const different = events.slice(0, i).some((earlier) => earlier.id === e.id && !same(earlier, e));
            if (different) {
              expect(life.conflicts.some((c) => c.code === 'EVENT_ID_CONFLICT' && c.key === e.id)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('front-running invoice.issued (finding 3)', () => {
  // The carrier co-owner posts an invoice.issued naming itself supplier, committed just before.
  const frontRun = (): VerifiedInvoiceEvent[] =>
    stream(['invoice.issued', CARRIER, { ...ISSUED, supplierQuid: CARRIER }], issued(), shipped());

  it("front-running invoice.issued: the title's first issuer is the supplier, so the carrier's earlier issue is refused and the genuine one stands", () => {
    const life = deriveInvoiceLifecycle(frontRun(), { supplierQuid: SUPPLIER });
    expect(life.issued?.signerQuid).toBe(SUPPLIER);
    expect(life.state).toBe('Shipped');
    expect(life.violations.map((v) => [v.code, v.signerQuid])).toEqual([['SIGNER_NOT_AUTHORIZED', CARRIER]]);
  });

  it("front-running invoice.issued: parties come from the title's supplier, not from the first self-declared issuer", () => {
    expect(deriveInvoiceParties(frontRun(), OWNERS)?.supplierQuid).toBe(SUPPLIER);
    expect(deriveInvoiceParties(frontRun(), undefined, SUPPLIER)?.supplierQuid).toBe(SUPPLIER);
  });

  it("decoy invoice.issued: the supplier's earlier issue naming another buyer does not set the parties, so the real buyer keeps its rights", () => {
    const DECOY = 'dddddddddddddddd';
    const events = stream(['invoice.issued', SUPPLIER, { ...ISSUED, buyerQuid: DECOY }], issued());
    // The lifecycle refuses the decoy (its buyer is not a title owner) and reads the genuine issue:
    // the parties the signer checks use must be the same ones.
    const life = deriveInvoiceLifecycle(events, { supplierQuid: SUPPLIER, titleOwners: OWNERS });
    expect(life.issued?.eventId).toBe('e2');
    expect(deriveInvoiceParties(events, OWNERS, SUPPLIER)?.buyerQuid).toBe(life.issued?.buyerQuid);
    expect(deriveInvoiceParties(events, OWNERS, SUPPLIER)?.buyerQuid).not.toBe(DECOY);
  });

  it('front-running with the supplier named in the payload but signed by the carrier is refused as well', () => {
    const events = stream(['invoice.issued', CARRIER, { ...ISSUED }], issued());
    const life = deriveInvoiceLifecycle(events, { supplierQuid: SUPPLIER, titleOwners: OWNERS });
    expect(life.issued?.eventId).toBe('e2');
    expect(life.violations[0]?.code).toBe('SIGNER_NOT_AUTHORIZED');
  });
});

describe('title chain of custody (finding 1)', () => {
  const s = (): Signer => generateSigner().signer;
  const [supplier, buyer, financier, stranger] = [s(), s(), s(), s()];
  const keys = new Map([supplier, buyer, financier, stranger].map((x) => [x.quidId, x.publicKey]));
  const keyOf = (quid: string): string | undefined => keys.get(quid);
  const owners: OwnershipStake[] = [
    { ownerId: supplier.quidId, percentage: 0.96, stakeType: 'supplier' },
    { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
    { ownerId: financier.quidId, percentage: 0.02, stakeType: 'financier' },
  ];
  const title = (signer: Signer, list: OwnershipStake[], timestamp = 1_790_000_000): Promise<TitleTx> =>
    buildTitle({
      signer,
      trustDomain: 'd.example',
      assetId: 'inv-c',
      owners: list,
      titleType: 'invoice',
      timestamp,
    });
  const transfer = async (
    current: TitleTx,
    next: OwnershipStake[],
    cosigners: Signer[],
    issuer = financier,
  ) => {
    const draft = draftTitleTransfer({
      signer: issuer,
      current,
      owners: next,
      timestamp: current.timestamp + 10,
    });
    const signatures: Record<string, string> = {};
    for (const c of cosigners) signatures[c.quidId] = await signTitleAsOwner(draft, c);
    return signTransaction({ ...draft, signatures }, issuer);
  };
  const sold: OwnershipStake[] = [
    { ownerId: supplier.quidId, percentage: 0.02, stakeType: 'supplier' },
    { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
    { ownerId: financier.quidId, percentage: 0.96, stakeType: 'financier' },
  ];

  it('a genuine issue and a co-signed transfer form a valid chain', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const custody = checkTitleCustody([v0, v1], keyOf);
    expect(custody.violations).toEqual([]);
    expect(custody.current?.id).toBe(v1.id);
    expect(custody.supplierQuid).toBe(supplier.quidId);
  });

  it("title takeover: a stranger's TITLE without previousOwners listing itself as financier is a violation; custody stays with the last valid version", async () => {
    const v0 = await title(supplier, owners);
    const takeover = await title(
      stranger,
      [
        { ownerId: supplier.quidId, percentage: 0.94, stakeType: 'supplier' },
        { ownerId: buyer.quidId, percentage: 0.02, stakeType: 'buyer' },
        { ownerId: financier.quidId, percentage: 0.02, stakeType: 'financier' },
        { ownerId: stranger.quidId, percentage: 0.02, stakeType: 'financier' },
      ],
      1_790_000_100,
    );
    const custody = checkTitleCustody([v0, takeover], keyOf);
    expect(custody.current?.id).toBe(v0.id);
    expect(custody.violations.map((v) => [v.version, v.code, v.issuerQuid])).toEqual([
      [1, 'TITLE_OVERWRITE', stranger.quidId],
    ]);
  });

  it("title takeover by replay: the supplier's original TITLE replayed after the transfer is a violation", async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const custody = checkTitleCustody([v0, v1, v0], keyOf);
    expect(custody.current?.id).toBe(v1.id);
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([[2, 'TITLE_OVERWRITE']]);
  });

  it("replayed transfer after a buyback: the financier's old transfer resubmitted does not give it the title back (TITLE_REPLAYED)", async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    // Recourse buyback: the owners of v1 hand the title back to the original owners.
    const v2 = await transfer(v1, owners, [supplier, buyer, financier]);
    // v1's previousOwners are the owners again, and its co-signatures still verify.
    const custody = checkTitleCustody([v0, v1, v2, v1], keyOf);
    expect(custody.current?.id).toBe(v2.id);
    expect(custody.accepted.map((t) => t.id)).toEqual([v0.id, v1.id, v2.id]);
    expect(custody.violations.map((v) => [v.version, v.code, v.titleId])).toEqual([
      [3, 'TITLE_REPLAYED', v1.id],
    ]);
  });

  it('replayed transfer re-issued: the same co-signed transfer under another issuer key is still a replay', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const v2 = await transfer(v1, owners, [supplier, buyer, financier]);
    // Another signature over the very transfer the owners co-signed: id, owner bytes and
    // co-signatures are v1's, the issuer and its signature are not.
    const reissued = await signTransaction({ ...v1, publicKey: '', signature: '' }, stranger);
    expect(reissued.id).toBe(v1.id);
    expect(reissued.signature).not.toBe(v1.signature);
    const custody = checkTitleCustody([v0, v1, v2, reissued], keyOf);
    expect(custody.current?.id).toBe(v2.id);
    expect(custody.violations.map((v) => [v.version, v.code, v.issuerQuid])).toEqual([
      [3, 'TITLE_REPLAYED', stranger.quidId],
    ]);
  });

  it('replayed transfer after a round trip and a resale: neither old transfer moves the title again', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const v2 = await transfer(v1, owners, [supplier, buyer, financier]);
    // A genuine resale to the financier (a later timestamp, so other signed bytes) is accepted.
    const v3 = await transfer(v2, sold, [supplier, buyer, financier]);
    // v2's previousOwners match v3's owners again; v1's do not.
    const custody = checkTitleCustody([v0, v1, v2, v3, v2, v1], keyOf);
    expect(custody.current?.id).toBe(v3.id);
    expect(custody.accepted.map((t) => t.id)).toEqual([v0.id, v1.id, v2.id, v3.id]);
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([
      [4, 'TITLE_REPLAYED'],
      [5, 'TITLE_REPLAYED'],
    ]);
  });

  it('the same transfer submitted twice in a row: the second is a replay, counted once', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const custody = checkTitleCustody([v0, v1, v1], keyOf);
    expect(custody.current?.id).toBe(v1.id);
    expect(custody.accepted.map((t) => t.id)).toEqual([v0.id, v1.id]);
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([[2, 'TITLE_REPLAYED']]);
  });

  it('a partial history starting at a transfer still refuses its replay after a buyback', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const v2 = await transfer(v1, owners, [supplier, buyer, financier]);
    const custody = checkTitleCustody([v1, v2, v1], keyOf, { complete: false });
    expect(custody.current?.id).toBe(v2.id);
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([[2, 'TITLE_REPLAYED']]);
  });

  it('title takeover with a forged co-signature: a key that does not derive to the owner is not the owner', async () => {
    const v0 = await title(supplier, owners);
    // The stranger took over the supplier's identity record, so the node checks its key.
    const draft = draftTitleTransfer({
      signer: stranger,
      current: v0,
      owners: sold,
      timestamp: v0.timestamp + 5,
    });
    const signatures: Record<string, string> = {
      [supplier.quidId]: await signTitleAsOwner(draft, stranger),
      [buyer.quidId]: await signTitleAsOwner(draft, buyer),
      [financier.quidId]: await signTitleAsOwner(draft, financier),
    };
    const forged = await signTransaction({ ...draft, signatures }, stranger);
    const lying = (quid: string) => (quid === supplier.quidId ? stranger.publicKey : keyOf(quid));
    const custody = checkTitleCustody([v0, forged], lying);
    expect(custody.current?.id).toBe(v0.id);
    expect(custody.violations.map((v) => v.code)).toEqual(['OWNER_KEY_UNKNOWN']);
    // With the genuine key, the stranger's signature does not verify.
    expect(checkTitleCustody([v0, forged], keyOf).violations.map((v) => v.code)).toEqual([
      'BAD_OWNER_SIGNATURE',
    ]);
  });

  it('a transfer missing one previous owner co-signature is a violation', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, financier]);
    expect(checkTitleCustody([v0, v1], keyOf).violations.map((v) => v.code)).toEqual([
      'OWNER_SIGNATURE_MISSING',
    ]);
  });

  it('a transfer whose previousOwners are not the last valid owners is a violation', async () => {
    const v0 = await title(supplier, owners);
    const takeover = await title(
      stranger,
      [{ ownerId: stranger.quidId, percentage: 1, stakeType: 'supplier' }],
      1_790_000_050,
    );
    // Co-signed by the stranger (the owner the node saw), against the overwritten owners.
    const v2 = await transfer(takeover, sold, [stranger], stranger);
    const custody = checkTitleCustody([v0, takeover, v2], keyOf);
    expect(custody.current?.id).toBe(v0.id);
    expect(custody.violations.map((v) => v.code)).toEqual(['TITLE_OVERWRITE', 'PREVIOUS_OWNERS_MISMATCH']);
  });

  it('asset squatting: a first version not issued by its supplier owner is refused, the real first issue stands', async () => {
    const squat = await title(stranger, owners, 1_789_999_000);
    const v0 = await title(supplier, owners);
    const custody = checkTitleCustody([squat, v0], keyOf);
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([[0, 'FIRST_ISSUER_NOT_SUPPLIER']]);
    expect(custody.supplierQuid).toBe(supplier.quidId);
    expect(custody.current?.id).toBe(v0.id);
  });

  it('a tampered version (issuer signature broken) is refused', async () => {
    const v0 = await title(supplier, owners);
    const bad = { ...v0, owners: sold };
    const custody = checkTitleCustody([bad], keyOf);
    expect(custody.current).toBeUndefined();
    expect(custody.violations.map((v) => v.code)).toEqual(['BAD_TITLE_SIGNATURE']);
  });

  it('stolen key after freeze: a transfer co-signed with a key its owner froze is refused, custody stays', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    // The reader's key history says the supplier froze its key before v1 was committed.
    const frozen = (quid: string, publicKey: string, tx: TitleTx): string | undefined =>
      tx.id === v1.id && quid === supplier.quidId && publicKey === supplier.publicKey
        ? 'frozen since 1790000005'
        : undefined;
    const custody = checkTitleCustody([v0, v1], keyOf, { keyRefusal: frozen });
    expect(custody.current?.id).toBe(v0.id);
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([[1, 'CO_SIGNER_KEY_INVALID']]);
    expect(custody.violations[0]?.message).toContain('frozen since 1790000005');
  });

  it('stolen key after freeze: a version issued with a key its issuer froze is refused', async () => {
    const v0 = await title(supplier, owners);
    const issuerFrozen = (quid: string, _key: string, tx: TitleTx): string | undefined =>
      tx.id === v0.id && quid === supplier.quidId ? 'frozen' : undefined;
    const custody = checkTitleCustody([v0], keyOf, { keyRefusal: issuerFrozen });
    expect(custody.current).toBeUndefined();
    expect(custody.violations.map((v) => [v.version, v.code])).toEqual([[0, 'ISSUER_KEY_INVALID']]);
  });

  it('keyRefusal is asked about every key a version relies on, and a clean history passes', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const asked: string[] = [];
    const custody = checkTitleCustody([v0, v1], keyOf, {
      keyRefusal: (quid, _key, tx) => {
        asked.push(`${tx.id === v0.id ? 0 : 1}:${quid}`);
        return undefined;
      },
    });
    expect(custody.current?.id).toBe(v1.id);
    expect(asked.sort()).toEqual(
      [
        `0:${supplier.quidId}`,
        `1:${financier.quidId}`,
        ...[supplier, buyer, financier].map((s) => `1:${s.quidId}`),
      ].sort(),
    );
  });

  it('partial history (only the current transfer readable): co-signatures are still verified and the result says it is incomplete', async () => {
    const v0 = await title(supplier, owners);
    const v1 = await transfer(v0, sold, [supplier, buyer, financier]);
    const good = checkTitleCustody([v1], keyOf, { complete: false });
    expect(good.complete).toBe(false);
    expect(good.current?.id).toBe(v1.id);
    expect(good.supplierQuid).toBe(supplier.quidId);
    const forged = await transfer(v0, sold, [supplier, buyer, stranger]);
    expect(checkTitleCustody([forged], keyOf, { complete: false }).current).toBeUndefined();
  });
});
