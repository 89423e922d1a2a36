// The public helpers an integrator calls on its own (red-team round 6): `profileBuyer`,
// `predictCollection` and `aprBps` are exported, and the engine validates what it passes them
// first, but a direct caller does not. NaN dates or priors came back as NaN dates and quantiles,
// a NaN fee as a raw RangeError, and a negative fee as a negative APR. Each must be a typed
// FactoringInputError('INVALID_INPUT') naming the bad figure.
import { describe, expect, it } from 'vitest';
import {
  aprBps,
  type BuyerHistory,
  type BuyerProfile,
  isFactoringError,
  predictCollection,
  profileBuyer,
} from '../src/index.js';
import { AS_OF, DAY } from './fixtures.js';

/** The paths of the INVALID_INPUT `f` throws, or [] when it returns. */
const issues = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (isFactoringError(e) && e.code === 'INVALID_INPUT') return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
};

const PRIOR = [0, 5, 30] as const;
const profile: BuyerProfile = profileBuyer({ records: [] }, PRIOR, 5, 300);

describe('predictCollection called directly with a figure that is not a date', () => {
  it('a NaN dueAt is INVALID_INPUT at dueAt, not NaN collection dates', () => {
    expect(issues(() => predictCollection(profile, Number.NaN, AS_OF))).toEqual(['dueAt']);
  });

  it('a NaN asOf is INVALID_INPUT at asOf, not a NaN tenor', () => {
    expect(issues(() => predictCollection(profile, AS_OF + 60 * DAY, Number.NaN))).toEqual(['asOf']);
  });

  it('dates in milliseconds-with-fractions, strings or infinities are refused, every one at once', () => {
    expect(issues(() => predictCollection(profile, AS_OF + 0.5, Number.POSITIVE_INFINITY))).toEqual([
      'dueAt',
      'asOf',
    ]);
    expect(issues(() => predictCollection(profile, String(AS_OF) as unknown as number, AS_OF))).toEqual([
      'dueAt',
    ]);
  });

  it("a profile with a NaN or disordered daysLate (the caller's own) is refused at profile.daysLate", () => {
    const nan: BuyerProfile = { ...profile, daysLate: [0, Number.NaN, 30] };
    expect(issues(() => predictCollection(nan, AS_OF + 60 * DAY, AS_OF))).toEqual(['profile.daysLate[1]']);
    const early: BuyerProfile = { ...profile, daysLate: [0, -5_000, 30] };
    expect(issues(() => predictCollection(early, AS_OF + 60 * DAY, AS_OF))).toEqual(['profile.daysLate[1]']);
    const disordered: BuyerProfile = { ...profile, daysLate: [30, 5, 0] };
    expect(issues(() => predictCollection(disordered, AS_OF + 60 * DAY, AS_OF))).toEqual([
      'profile.daysLate',
    ]);
  });

  it('whole dates and a profile from profileBuyer still predict as before', () => {
    const p = predictCollection(profile, AS_OF + 60 * DAY, AS_OF);
    expect(p.expectedCollectionAt).toBe(AS_OF + 65 * DAY);
    expect(p.expectedDays).toBe(65);
  });
});

describe('profileBuyer called directly with a prior or decision date that is not a number', () => {
  it('a NaN in the prior is INVALID_INPUT at prior[1], not NaN quantiles', () => {
    expect(issues(() => profileBuyer({ records: [] }, [0, Number.NaN, 30], 5, 300))).toEqual(['prior[1]']);
  });

  it('a prior that is not three ordered whole days within ±3650 is refused', () => {
    expect(issues(() => profileBuyer({ records: [] }, [0, 5] as never, 5, 300))).toEqual(['prior']);
    expect(issues(() => profileBuyer({ records: [] }, [30, 5, 0], 5, 300))).toEqual(['prior']);
    expect(issues(() => profileBuyer({ records: [] }, [0, 5, 10_000], 5, 300))).toEqual(['prior[2]']);
  });

  it('a NaN or negative prior weight, or a dilution outside 0..10000 bps, is refused with its name', () => {
    expect(issues(() => profileBuyer({ records: [] }, PRIOR, Number.NaN, 300))).toEqual(['priorWeight']);
    expect(issues(() => profileBuyer({ records: [] }, PRIOR, -5, 300))).toEqual(['priorWeight']);
    expect(issues(() => profileBuyer({ records: [] }, PRIOR, 5, Number.NaN))).toEqual([
      'noHistoryDilutionBps',
    ]);
    expect(issues(() => profileBuyer({ records: [] }, PRIOR, 5, 20_000))).toEqual(['noHistoryDilutionBps']);
  });

  it('a NaN asOf is refused, not read as no decision date (which hides the unpaid overdue invoices)', () => {
    // Paid on time the five invoices it paid, and left fifteen unpaid for months.
    const history: BuyerHistory = {
      records: [
        ...Array.from({ length: 5 }, (_, i) => ({
          dueAt: AS_OF - (200 + i) * DAY,
          paidAt: AS_OF - (200 + i) * DAY,
          amountMinor: 1_000_000,
        })),
        ...Array.from({ length: 15 }, (_, i) => ({ dueAt: AS_OF - (120 + i) * DAY, amountMinor: 1_000_000 })),
      ],
    };
    expect(profileBuyer(history, PRIOR, 5, 300, AS_OF).daysLate[1]).toBeGreaterThan(60);
    expect(issues(() => profileBuyer(history, PRIOR, 5, 300, Number.NaN))).toEqual(['asOf']);
    expect(issues(() => profileBuyer(history, PRIOR, 5, 300, AS_OF + 0.5))).toEqual(['asOf']);
  });

  it('an invoice unpaid for over ten years counts at most 3650 days late: the profile passes the engine own check', () => {
    const history: BuyerHistory = { records: [{ dueAt: 0, amountMinor: 1_000_000 }] };
    const p = profileBuyer(history, PRIOR, 0, 300, AS_OF);
    expect(p.daysLate).toEqual([3_650, 3_650, 3_650]);
  });
});

describe('aprBps called directly with what cannot be an APR', () => {
  it('a NaN fee is INVALID_INPUT at feeMinor, not a raw RangeError', () => {
    expect(issues(() => aprBps(Number.NaN, 1_000, 10))).toEqual(['feeMinor']);
  });

  it('a negative fee is refused, not a negative APR (-36500 bps)', () => {
    expect(issues(() => aprBps(-100, 1_000, 10))).toEqual(['feeMinor']);
  });

  it('fractional, negative or non-numeric advances and days are refused with their names, every one at once', () => {
    expect(issues(() => aprBps(100, -1_000, 10))).toEqual(['advanceMinor']);
    expect(issues(() => aprBps(100, 1_000.5, -10))).toEqual(['advanceMinor', 'days']);
    expect(issues(() => aprBps(100, 1_000, Number.NaN))).toEqual(['days']);
    expect(issues(() => aprBps(1.5, '1000' as unknown as number, 10))).toEqual(['feeMinor', 'advanceMinor']);
  });

  it('the figures it always priced still give the same APR (nothing advanced, or no days: 0)', () => {
    expect(aprBps(50, 10_000, 20)).toBe(912);
    expect(aprBps(0, 10_000, 20)).toBe(0);
    expect(aprBps(1, 0, 20)).toBe(0);
    expect(aprBps(1, 10_000, 0)).toBe(0);
  });

  it('an advance times days past 2^53 is still exact (no rounded divisor)', () => {
    // A fee equal to the advance over 73 days is 5,000 % a year, exactly. 73 x advance is odd and
    // past 2^53: as a double it rounds up by one, and the APR floored to 49,999.
    const advance = 2 ** 47 + 3;
    expect(aprBps(advance, advance, 73)).toBe(50_000);
  });
});
