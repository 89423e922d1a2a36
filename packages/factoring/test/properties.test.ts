// Property tests: offers never exceed face; more trust never gives a worse price; a batch never
// exceeds a limit; decisions are deterministic and independent of event and item order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  type DecisionOutcome,
  evaluateBatch,
  evaluateInvoice,
  type FactoringPolicy,
  type FeeStructure,
  type PaidInvoiceRecord,
  pocPolicy,
  profileBuyer,
  standardPolicy,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, deal, NOW, viaBureau } from './fixtures.js';

const RANK: Record<DecisionOutcome, number> = { approve: 0, review: 1, pending: 2, reject: 3 };

const feeArb: fc.Arbitrary<FeeStructure> = fc.oneof(
  fc.constant<FeeStructure>({ kind: 'risk-based', costOfFundsBps: 600, opexBps: 200, capitalChargeBps: 150 }),
  fc.integer({ min: 0, max: 2_000 }).map((rateBps): FeeStructure => ({ kind: 'flat', rateBps })),
  fc
    .record({
      periodDays: fc.integer({ min: 1, max: 45 }),
      ratePerPeriodBps: fc.integer({ min: 0, max: 900 }),
      minPeriods: fc.integer({ min: 0, max: 3 }),
    })
    .map((p): FeeStructure => ({ kind: 'periodic', ...p })),
  fc
    .record({
      annualRateBps: fc.integer({ min: 0, max: 6_000 }),
      serviceFeeBps: fc.integer({ min: 0, max: 300 }),
      dayCount: fc.constantFrom<360 | 365>(360, 365),
    })
    .map((p): FeeStructure => ({ kind: 'funds-in-use', ...p })),
);

const policyArb: fc.Arbitrary<FactoringPolicy> = fc.oneof(
  fc.constant(pocPolicy()),
  fc
    .record({ fee: feeArb, recourse: fc.boolean(), minFeeMinor: fc.integer({ min: 0, max: 100_000 }) })
    .map((o) => standardPolicy(o)),
);

const trustLevel = fc.double({ min: 0, max: 1, noNaN: true });

/** A deal with a random subset of optional evidence and events. */
const dealArb = fc
  .record({
    amount: fc.integer({ min: 1, max: 9_000_000_000_000 }),
    ackDelta: fc.integer({ min: -50_000, max: 50_000 }),
    dueDays: fc.integer({ min: 1, max: 120 }),
    dropDelivery: fc.boolean(),
    secondAck: fc.option(
      fc.record({ amount: fc.nat({ max: 9_000_000_000_000 }), seq: fc.integer({ min: 0, max: 9 }) }),
      { nil: undefined },
    ),
    disputed: fc.nat({ max: 3_000_000 }),
    credited: fc.nat({ max: 3_000_000 }),
  })
  .map((r) => {
    const d = deal(
      { amountMinor: r.amount, dueAt: NOW + r.dueDays * DAY },
      { ackAmount: Math.max(0, r.amount + r.ackDelta) },
    );
    const events: VerifiedEvent[] = d.events.filter(
      (e) => !(r.dropDelivery && e.eventType === 'carrier.delivered'),
    );
    if (r.disputed > 0) {
      events.push({
        id: 'z-d',
        eventType: 'buyer.disputed',
        signerQuid: 'b0b0b0b0b0b0b0b0',
        sequence: 9,
        timestamp: NOW,
        payload: { buyerQuid: 'b0b0b0b0b0b0b0b0', disputeId: 'd', disputedAmountMinor: r.disputed },
      });
    }
    if (r.secondAck !== undefined) {
      // A second acknowledgement: which one counts must not depend on where it sits in the array.
      events.push({
        id: 'z-a',
        eventType: 'buyer.acknowledged',
        signerQuid: 'b0b0b0b0b0b0b0b0',
        sequence: r.secondAck.seq,
        timestamp: NOW + 2 * DAY,
        payload: {
          buyerQuid: 'b0b0b0b0b0b0b0b0',
          acknowledgedAmountMinor: r.secondAck.amount,
          acknowledgedAt: NOW + 2 * DAY,
        },
      });
    }
    if (r.credited > 0) {
      events.push({
        id: 'z-c',
        eventType: 'invoice.credited',
        signerQuid: 'a0a0a0a0a0a0a0a0',
        sequence: 9,
        timestamp: NOW,
        payload: { creditNoteId: 'c', amountMinor: r.credited },
      });
    }
    return { invoice: d.invoice, events };
  });

/** Deals that can be funded (delivered, acknowledged in full), so most runs compare two prices. */
const fundableDealArb = fc
  .record({ amount: fc.integer({ min: 1_000, max: 9_000_000_000_000 }), credited: fc.nat({ max: 500_000 }) })
  .map((r) => {
    const d = deal({ amountMinor: r.amount });
    const events: VerifiedEvent[] = [...d.events];
    if (r.credited > 0) {
      events.push({
        id: 'z-c',
        eventType: 'invoice.credited',
        signerQuid: 'a0a0a0a0a0a0a0a0',
        sequence: 9,
        timestamp: NOW,
        payload: { creditNoteId: 'c', amountMinor: r.credited },
      });
    }
    return { invoice: d.invoice, events };
  });

/** Trust levels mostly above the default thresholds (supplier 0.5, buyer 0.6), sometimes anywhere. */
const supplierLevel = fc.oneof(
  { arbitrary: fc.double({ min: 0.5, max: 1, noNaN: true }), weight: 5 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 },
);
const buyerLevel = fc.oneof(
  { arbitrary: fc.double({ min: 0.6, max: 1, noNaN: true }), weight: 5 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 },
);

function trustOf(s: number, b: number) {
  return trustSourceFromRecord({
    a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', s),
    b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', b),
    c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
  });
}

describe('properties', () => {
  it('an offer never exceeds the face value; amounts are integers and ordered', () => {
    fc.assert(
      fc.property(
        dealArb,
        policyArb,
        trustLevel,
        trustLevel,
        fc.nat({ max: 60_000_000 }),
        (d, policy, s, b, room) => {
          const dec = evaluateInvoice({
            ...d,
            trust: trustOf(s, b),
            policy,
            asOf: AS_OF,
            portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: room } },
          });
          const o = dec.offer;
          if (o === null) return;
          for (const v of [
            o.eligibleMinor,
            o.advanceMinor,
            o.reserveMinor,
            o.feeMinor,
            o.purchasePriceMinor,
            o.aprBps,
          ]) {
            expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          }
          expect(o.purchasePriceMinor).toBeLessThanOrEqual(o.faceMinor);
          expect(o.advanceMinor).toBeLessThanOrEqual(o.eligibleMinor);
          expect(o.eligibleMinor).toBeLessThanOrEqual(o.faceMinor);
          if (o.feeKind === 'poc-blend') {
            // A discount purchase: everything is paid up front, nothing held in reserve.
            expect([o.advanceMinor, o.reserveMinor]).toEqual([o.purchasePriceMinor, 0]);
          } else expect(o.advanceMinor + o.reserveMinor).toBe(o.eligibleMinor);
          expect(o.purchasePriceMinor + o.feeMinor).toBe(o.eligibleMinor);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a higher trust never gives a worse outcome or price, all else equal', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fundableDealArb,
        policyArb,
        supplierLevel,
        supplierLevel,
        buyerLevel,
        buyerLevel,
        (d, policy, s1, s2, b1, b2) => {
          const [sLo, sHi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const [bLo, bHi] = b1 <= b2 ? [b1, b2] : [b2, b1];
          const lo = evaluateInvoice({
            ...d,
            trust: trustOf(sLo, bLo),
            policy,
            asOf: AS_OF,
            portfolio: BOOK,
          });
          const hi = evaluateInvoice({
            ...d,
            trust: trustOf(sHi, bHi),
            policy,
            asOf: AS_OF,
            portfolio: BOOK,
          });
          expect(RANK[hi.outcome]).toBeLessThanOrEqual(RANK[lo.outcome]);
          if (lo.offer === null || hi.offer === null) return;
          compared++;
          if (lo.offer.feeKind === 'poc-blend') {
            expect(hi.offer.purchasePriceMinor).toBeGreaterThanOrEqual(lo.offer.purchasePriceMinor);
            return;
          }
          // More cash advanced, at no higher risk; and with the same advance, no higher fee.
          expect(hi.offer.advanceRateBps).toBeGreaterThanOrEqual(lo.offer.advanceRateBps);
          if (hi.offer.risk && lo.offer.risk)
            expect(hi.offer.risk.pdAnnualBps).toBeLessThanOrEqual(lo.offer.risk.pdAnnualBps);
          if (hi.offer.advanceRateBps === lo.offer.advanceRateBps) {
            expect(hi.offer.feeMinor).toBeLessThanOrEqual(lo.offer.feeMinor);
            expect(hi.offer.purchasePriceMinor).toBeGreaterThanOrEqual(lo.offer.purchasePriceMinor);
          }
        },
      ),
      { numRuns: 400 },
    );
    // Most runs must actually compare two offers, or the property proves little.
    expect(compared).toBeGreaterThan(100);
  });

  it('a batch never exceeds a buyer, supplier or facility limit', () => {
    const itemArb = fc.record({
      buyer: fc.constantFrom('b1', 'b2', 'b3'),
      supplier: fc.constantFrom('s1', 's2'),
      amount: fc.integer({ min: 1_000, max: 5_000_000 }),
      day: fc.integer({ min: 0, max: 20 }),
    });
    const limitArb = fc.integer({ min: 0, max: 12_000_000 });
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 40 }),
        fc.record({ b1: limitArb, b2: limitArb, b3: limitArb }),
        fc.record({ s1: limitArb, s2: limitArb }),
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.record({ b1: fc.nat({ max: 3_000_000 }), s1: fc.nat({ max: 3_000_000 }) }),
        fc.constantFrom<'reduce' | 'reject'>('reduce', 'reject'),
        (rows, buyerLimits, supplierLimits, facility, start, limitMode) => {
          const items: BatchItem[] = rows.map((r, i) => {
            const d = deal(
              {
                invoiceId: `inv-${i}`,
                invoiceNumber: `N-${i}`,
                supplierQuid: r.supplier,
                buyerQuid: r.buyer,
                amountMinor: r.amount,
                issuedAt: NOW + r.day * DAY,
                dueAt: NOW + (r.day + 60) * DAY,
                titleOwners: [
                  { ownerId: r.supplier, percentage: 0.96, stakeType: 'supplier' },
                  { ownerId: r.buyer, percentage: 0.02, stakeType: 'buyer' },
                  { ownerId: 'c0c0c0c0c0c0c0c0', percentage: 0.02, stakeType: 'carrier' },
                ],
              },
              { ids: `i${i}` },
            );
            return { invoice: d.invoice, events: d.events };
          });
          const trustAll: Record<string, number | { level: number; observedAt: number; pathLength: number }> =
            {
              b1: 0.9,
              b2: 0.75,
              b3: 0.65,
              s1: 0.8,
              s2: 0.6,
              c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
            };
          const res = evaluateBatch({
            items,
            trust: trustSourceFromRecord(trustAll),
            policy: standardPolicy({ limitMode }),
            asOf: NOW + 25 * DAY,
            portfolio: {
              buyerLimitMinor: buyerLimits,
              supplierLimitMinor: supplierLimits,
              facilityLimitMinor: facility,
              buyerExposureMinor: { b1: start.b1 },
              supplierExposureMinor: { s1: start.s1 },
              totalExposureMinor: start.b1 + start.s1,
            },
            trace: false,
          });
          const used: Record<string, number> = { b1: start.b1, b2: 0, b3: 0, s1: start.s1, s2: 0 };
          let total = start.b1 + start.s1;
          res.decisions.forEach((d, i) => {
            if (d.outcome !== 'approve' || d.offer === null) return;
            const r = rows[i]!;
            used[r.buyer] = (used[r.buyer] ?? 0) + d.offer.advanceMinor;
            used[r.supplier] = (used[r.supplier] ?? 0) + d.offer.advanceMinor;
            total += d.offer.advanceMinor;
          });
          for (const b of ['b1', 'b2', 'b3'] as const) {
            if (used[b]! > (b === 'b1' ? start.b1 : 0)) expect(used[b]).toBeLessThanOrEqual(buyerLimits[b]);
          }
          for (const s of ['s1', 's2'] as const) {
            if (used[s]! > (s === 's1' ? start.s1 : 0))
              expect(used[s]).toBeLessThanOrEqual(supplierLimits[s]);
          }
          if (total > start.b1 + start.s1) expect(total).toBeLessThanOrEqual(facility);
          expect(res.summary.facility.afterMinor).toBe(total);
          const c = res.summary.counts;
          expect(c.approve + c.review + c.pending + c.reject).toBe(rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('decisions are deterministic and independent of event order', () => {
    fc.assert(
      fc.property(dealArb, policyArb, trustLevel, trustLevel, fc.nat(), (d, policy, s, b, seed) => {
        const shuffled = fc.sample(
          fc.shuffledSubarray(d.events, { minLength: d.events.length, maxLength: d.events.length }),
          {
            numRuns: 1,
            seed,
          },
        )[0]!;
        const req = { invoice: d.invoice, trust: trustOf(s, b), policy, asOf: AS_OF };
        const a = JSON.stringify(evaluateInvoice({ ...req, events: d.events }));
        const again = JSON.stringify(evaluateInvoice({ ...req, events: d.events }));
        const other = JSON.stringify(evaluateInvoice({ ...req, events: shuffled }));
        expect(again).toBe(a);
        expect(other).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  it('batch decisions are independent of item order (limits applied in the stated order)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: 1_000, max: 4_000_000 }),
            day: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 2, maxLength: 25 },
        ),
        fc.nat(),
        (rows, seed) => {
          const items: BatchItem[] = rows.map((r, i) => {
            const d = deal(
              {
                invoiceId: `inv-${i}`,
                invoiceNumber: `N-${i % 7}`,
                amountMinor: r.amount,
                issuedAt: NOW + r.day * DAY,
              },
              { ids: `i${i}` },
            );
            return { invoice: d.invoice, events: d.events };
          });
          const req = {
            trust: trustSourceFromRecord({
              a0a0a0a0a0a0a0a0: 0.85,
              b0b0b0b0b0b0b0b0: 0.9,
              c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
            }),
            policy: standardPolicy(),
            asOf: NOW + 10 * DAY,
            portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 20_000_000 } },
          };
          const perm = fc.sample(
            fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
            { numRuns: 1, seed },
          )[0]!;
          const byId = (ds: readonly { invoiceId: string }[]) =>
            Object.fromEntries(ds.map((d) => [d.invoiceId, JSON.stringify(d)]));
          const a = evaluateBatch({ ...req, items });
          const b = evaluateBatch({ ...req, items: perm });
          expect(byId(b.decisions)).toEqual(byId(a.decisions));
          expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
        },
      ),
      { numRuns: 100 },
    );
  });

  // Histories long enough to take the sorted path (over 32 records) as well as the short one.
  const recordArb: fc.Arbitrary<PaidInvoiceRecord> = fc
    .record({
      due: fc.integer({ min: 0, max: 400 }),
      late: fc.option(fc.integer({ min: -30, max: 200 }), { nil: undefined }),
      amountMinor: fc.integer({ min: 0, max: 50_000_000 }),
      disputed: fc.boolean(),
    })
    .map(({ due, late, amountMinor, disputed }) => ({
      dueAt: NOW - due * DAY,
      ...(late !== undefined ? { paidAt: NOW - due * DAY + late * DAY } : {}),
      amountMinor,
      disputed,
    }));

  it("a buyer's profile does not depend on the order of its history", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 80, size: 'max' }), fc.nat(), (records, seed) => {
        const shuffled = [...records];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 7_919) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as PaidInvoiceRecord, shuffled[i] as PaidInvoiceRecord];
        }
        const a = profileBuyer({ records }, [0, 5, 30], 5, 300, NOW);
        expect(profileBuyer({ records: shuffled }, [0, 5, 30], 5, 300, NOW)).toEqual(a);
        // Ordered quantiles and shares in range, whatever the history.
        expect(a.daysLate[0]).toBeLessThanOrEqual(a.daysLate[1]);
        expect(a.daysLate[1]).toBeLessThanOrEqual(a.daysLate[2]);
        for (const w of a.paidWithinBps) expect(w >= 0 && w <= 10_000).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('paying a record later never makes the buyer look more punctual', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.integer({ min: 1, max: 120 }),
        (records, pick, days) => {
          const i = pick % records.length;
          const r = records[i] as PaidInvoiceRecord;
          // Paid `days` later, both dates known at NOW (a payment after NOW is not history yet).
          fc.pre(r.paidAt !== undefined && r.paidAt + days * DAY <= NOW);
          const later = { ...r, paidAt: (r.paidAt as number) + days * DAY };
          const before = profileBuyer({ records }, [0, 5, 30], 5, 300, NOW);
          const after = profileBuyer(
            { records: records.map((x, k) => (k === i ? later : x)) },
            [0, 5, 30],
            5,
            300,
            NOW,
          );
          for (let q = 0; q < 3; q++)
            expect(after.daysLate[q] as number).toBeGreaterThanOrEqual(before.daysLate[q] as number);
          for (let q = 0; q < 3; q++)
            expect(after.paidWithinBps[q] as number).toBeLessThanOrEqual(before.paidWithinBps[q] as number);
        },
      ),
      { numRuns: 200 },
    );
  });
});
