// Fee structures, APR equivalence, expected loss, recourse, and payment-date prediction.
import { describe, expect, it } from 'vitest';
import {
  aprBps,
  type BuyerHistory,
  compilePolicy,
  evaluateInvoice,
  type FactoringDecision,
  mulDivCeil,
  mulDivFloor,
  type PolicyOverrides,
  predictCollection,
  priceInvoice,
  profileBuyer,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, deal, NOW } from './fixtures.js';
import { seededRandom } from './support/seededRandom.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 1 },
  b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 1 },
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
});

function decide(overrides: PolicyOverrides, buyerHistory?: BuyerHistory): FactoringDecision {
  const d = deal();
  return evaluateInvoice({
    ...d,
    trust,
    policy: standardPolicy(overrides),
    asOf: AS_OF,
    portfolio: BOOK,
    ...(buyerHistory ? { buyerHistory } : {}),
  });
}

describe('integer money helpers', () => {
  it('mulDiv is exact beyond 2^53', () => {
    expect(mulDivFloor(9_000_000_000_000_000, 3, 7)).toBe(Number((9_000_000_000_000_000n * 3n) / 7n));
    expect(mulDivCeil(10, 1, 3)).toBe(4);
    expect(mulDivFloor(10, 1, 3)).toBe(3);
    expect(mulDivCeil(9, 1, 3)).toBe(3);
  });
});

describe('fee structures and APR', () => {
  it('APR on the cash advanced: the C2FO example, 0.5 % for 20 days = 9.12 %', () => {
    expect(aprBps(50, 10_000, 20)).toBe(912);
    expect(aprBps(1, 0, 20)).toBe(0);
  });

  // Clean deal: face 5,000,000, grade A (buyer 0.9) -> advance 90 %, expected collection 58 days
  // out (due in 53 days + prior P50 of 5 days late), stressed 83 days.
  it('flat: rate x eligible', () => {
    const d = decide({ recourse: true, fee: { kind: 'flat', rateBps: 250 } });
    expect(d.offer?.advanceMinor).toBe(4_500_000);
    expect(d.offer?.tenorDays).toBe(58);
    expect(d.offer?.feeMinor).toBe(125_000);
    expect(d.offer?.purchasePriceMinor).toBe(4_875_000);
    expect(d.offer?.reserveMinor).toBe(500_000);
    expect(d.offer?.expectedRebateMinor).toBe(375_000);
    expect(d.offer?.aprBps).toBe(aprBps(125_000, 4_500_000, 58));
  });

  it('periodic: per started 30-day period (58 days = 2 periods)', () => {
    const d = decide({
      recourse: true,
      fee: { kind: 'periodic', periodDays: 30, ratePerPeriodBps: 150, minPeriods: 1 },
    });
    expect(d.offer?.feeMinor).toBe(150_000);
  });

  it('funds in use: annual rate on the advance for the days outstanding, plus a service fee', () => {
    const d = decide({
      recourse: true,
      fee: { kind: 'funds-in-use', annualRateBps: 1_200, serviceFeeBps: 50, dayCount: 365 },
    });
    expect(d.offer?.feeMinor).toBe(mulDivCeil(4_500_000, 1_200 * 58, 365 * 10_000) + 25_000);
  });

  it('risk-based: funding cost + PD x LGD x EAD over the stressed horizon + dilution beyond the reserve', () => {
    const d = decide({ recourse: true });
    const risk = d.offer?.risk;
    expect(risk).toMatchObject({ grade: 'A', lgdBps: 4_000, eadMinor: 4_500_000, dilutionLossMinor: 0 });
    // Recourse: joint default of buyer (A, 20 bps) and supplier (B, 60 bps) plus 10 % correlation
    // is 3 bps, lifted to the 5 bps PD floor.
    expect(mulDivCeil(20, 60, 10_000) + mulDivCeil(20, 1_000, 10_000)).toBe(3);
    expect(risk?.pdAnnualBps).toBe(5);
    expect(risk?.pdTenorPpm).toBe(mulDivCeil((risk?.pdAnnualBps ?? 0) * 100, 83, 365));
    const funding = mulDivCeil(4_500_000, (600 + 200 + 150) * 58, 3_650_000);
    expect(d.offer?.feeMinor).toBe(funding + (risk?.expectedLossMinor ?? 0));
  });

  it('non-recourse carries the buyer PD alone and a premium, so it costs more', () => {
    const rec = decide({ recourse: true });
    const non = decide({ recourse: false });
    expect(non.offer?.risk?.pdAnnualBps).toBe(20);
    expect(non.offer!.feeMinor).toBeGreaterThan(rec.offer!.feeMinor);
    expect(non.offer?.recourse).toBe(false);
  });

  it('a buyer that pays later pays more under a time-based fee', () => {
    const late: BuyerHistory = {
      records: Array.from({ length: 20 }, (_, i) => ({
        dueAt: NOW - 100 * DAY,
        paidAt: NOW - 100 * DAY + (40 + i) * DAY,
        amountMinor: 1_000,
      })),
    };
    const fee = { kind: 'periodic', periodDays: 30, ratePerPeriodBps: 150, minPeriods: 1 } as const;
    const prompt = decide({ recourse: true, fee });
    const slow = decide({ recourse: true, fee }, late);
    expect(slow.offer!.tenorDays).toBeGreaterThan(prompt.offer!.tenorDays);
    expect(slow.offer!.feeMinor).toBeGreaterThan(prompt.offer!.feeMinor);
  });

  it('minimum fee applies and the fee never exceeds the eligible amount', () => {
    const compiled = compilePolicy(
      standardPolicy({ minFeeMinor: 50_000, fee: { kind: 'flat', rateBps: 0 }, recourse: true }),
    );
    const p = priceInvoice(compiled, {
      eligibleMinor: 10_000,
      advanceMinor: 8_000,
      expectedDays: 30,
      stressedDays: 60,
      grade: 'A',
      pdAnnualBps: 20,
      dilutionBps: 0,
    });
    expect(p.feeMinor).toBe(10_000);
  });
});

describe('payment-date prediction', () => {
  const hist = (late: number[]): BuyerHistory => ({
    records: late.map((d, i) => ({
      dueAt: NOW + i * DAY,
      paidAt: NOW + i * DAY + d * DAY,
      amountMinor: 1_000,
    })),
  });

  it('empirical nearest-rank quantiles shrunk toward the prior', () => {
    const p = profileBuyer(hist([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), [0, 5, 30], 5, 300);
    // Empirical P10/P50/P90 = 0 / 4 / 8; weighted 10:5 with the prior 0 / 5 / 30.
    expect(p.daysLate).toEqual([0, 4, 15]);
    expect(p.sampleSize).toBe(10);
    expect(p.paidWithinBps).toEqual([10_000, 10_000, 10_000]);
  });

  it('no history gives the prior and the no-history dilution', () => {
    const p = profileBuyer(undefined, [0, 5, 30], 5, 300);
    expect(p.daysLate).toEqual([0, 5, 30]);
    expect(p.dilutionBps).toBe(300);
    expect(p.disputeRateBps).toBe(0);
  });

  it('a long history dominates the prior; early payers predict before due', () => {
    const p = profileBuyer(hist(Array.from({ length: 200 }, () => -3)), [0, 5, 30], 5, 300);
    expect(p.daysLate).toEqual([-3, -3, -2]);
    const c = predictCollection(p, NOW + 30 * DAY, NOW);
    expect(c.expectedCollectionAt).toBe(NOW + 27 * DAY);
    expect(c.earliestCollectionAt).toBe(NOW + 27 * DAY);
    expect(c.latestCollectionAt).toBe(NOW + 28 * DAY);
    expect([c.expectedDays, c.stressedDays]).toEqual([27, 28]);
  });

  it('share paid within 30/60/90 days late, dispute rate and dilution', () => {
    const p = profileBuyer(
      {
        records: [
          { dueAt: 0, paidAt: 10 * DAY, amountMinor: 1_000, disputed: true, dilutedMinor: 100 },
          { dueAt: 0, paidAt: 45 * DAY, amountMinor: 1_000 },
          { dueAt: 0, paidAt: 75 * DAY, amountMinor: 1_000 },
          { dueAt: 0, paidAt: 120 * DAY, amountMinor: 1_000 },
        ],
      },
      [0, 5, 30],
      5,
      300,
    );
    expect(p.paidWithinBps).toEqual([2_500, 5_000, 7_500]);
    expect(p.disputeRateBps).toBe(2_500);
    expect(p.dilutionBps).toBe(250);
  });

  it("profiles any order and length alike, and one buyer never sees another buyer's days", () => {
    // The days are sorted in a buffer shared between profiles (insertion sort up to 32, a typed
    // sort beyond): checked here against a plain sorted copy, long histories before short ones.
    const r = seededRandom(7);
    const reference = (late: number[]): [number, number, number] => {
      const s = [...late].sort((a, b) => a - b);
      const q = (pct: number, prior: number): number => {
        if (s.length === 0) return prior;
        const emp = s[Math.max(0, Math.floor((pct * s.length + 99) / 100) - 1)] as number;
        return Math.floor((2 * (emp * s.length + prior * 5) + s.length + 5) / (2 * (s.length + 5)));
      };
      const p10 = q(10, 0);
      const p50 = Math.max(p10, q(50, 5));
      return [p10, p50, Math.max(p50, q(90, 30))];
    };
    for (const n of [300, 33, 32, 31, 2, 1, 0, 90, 7]) {
      const late = Array.from({ length: n }, () => Math.floor(r() * 200) - 60);
      const p = profileBuyer(hist(late), [0, 5, 30], 5, 300);
      expect(p.daysLate).toEqual(reference(late));
      const within = (d: number): number =>
        n === 0 ? 10_000 : Math.floor((late.filter((x) => x <= d).length * 10_000) / n);
      expect(p.paidWithinBps).toEqual([within(30), within(60), within(90)]);
      expect(p.sampleSize).toBe(n);
    }
  });

  it('collection never predicted before the decision date', () => {
    const c = predictCollection(profileBuyer(undefined, [0, 5, 30], 5, 300), NOW - 100 * DAY, NOW);
    expect(c.expectedCollectionAt).toBe(NOW);
    expect(c.expectedDays).toBe(1);
  });
});
