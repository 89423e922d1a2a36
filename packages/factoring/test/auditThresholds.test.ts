// Thresholds on their documented side: trust exactly at the minimum passes (supplier >= 0.5, buyer
// >= 0.6, carrier >= 0.3), an advance that exactly fills a limit fits, an invoice exactly
// maxDaysSinceIssue old or maxDaysPastDue past due is still eligible; one unit or second beyond is not.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  type FactoringPolicy,
  type Portfolio,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';

function decide(
  d: Deal,
  o: {
    supplier?: number;
    buyer?: number;
    carrier?: number;
    asOf?: number;
    policy?: FactoringPolicy;
    portfolio?: Portfolio;
  } = {},
): FactoringDecision {
  const asOf = o.asOf ?? NOW + 7 * DAY;
  const readings: Record<string, TrustReading> = {
    [SUPPLIER]: viaBureau(SUPPLIER, o.supplier ?? 0.85, asOf),
    [BUYER]: viaBureau(BUYER, o.buyer ?? 0.9, asOf),
    [CARRIER]: { level: o.carrier ?? 0.7, observedAt: asOf, pathLength: 1 },
  };
  return evaluateInvoice({
    ...d,
    trust: trustSourceFromRecord(readings),
    policy: o.policy ?? standardPolicy(),
    asOf,
    portfolio: o.portfolio ?? { buyerLimitMinor: { [BUYER]: 1_000_000_000 } },
  });
}

const codes = (x: FactoringDecision): string[] => x.reasons.map((r) => r.code);

describe('trust exactly at the threshold passes', () => {
  it('supplier at 0.5 and buyer at 0.6 are approved; a hair below each is rejected', () => {
    const at = decide(deal(), { supplier: 0.5, buyer: 0.6 });
    expect(at.outcome).toBe('approve');
    const below = decide(deal(), { supplier: 0.4999999, buyer: 0.5999999 });
    expect(below.outcome).toBe('reject');
    expect(codes(below)).toEqual(expect.arrayContaining(['SUPPLIER_TRUST_LOW', 'BUYER_TRUST_LOW']));
  });

  it('carrier at 0.3 counts; a hair below holds for review', () => {
    expect(codes(decide(deal(), { carrier: 0.3 }))).not.toContain('CARRIER_NO_TRUST_PATH');
    expect(codes(decide(deal(), { carrier: 0.2999999 }))).toContain('CARRIER_NO_TRUST_PATH');
  });
});

describe('an advance that exactly fills a limit fits', () => {
  const d = deal({ amountMinor: 1_000_000 });
  const advance = decide(d).offer?.advanceMinor ?? 0;

  it('buyer exposure plus the advance equal to the limit: approved, after = limit', () => {
    expect(advance).toBeGreaterThan(0);
    for (const limitMode of ['reduce', 'reject'] as const) {
      const x = decide(d, {
        policy: standardPolicy({ limitMode }),
        portfolio: {
          buyerLimitMinor: { [BUYER]: 5_000_000 },
          buyerExposureMinor: { [BUYER]: 5_000_000 - advance },
        },
      });
      expect(x.outcome).toBe('approve');
      expect(x.offer?.advanceMinor).toBe(advance);
      expect(x.limits?.buyer.afterMinor).toBe(5_000_000);
    }
  });

  it('one unit more exposure: cut to fit (reduce) or refused (reject)', () => {
    const book = {
      buyerLimitMinor: { [BUYER]: 5_000_000 },
      buyerExposureMinor: { [BUYER]: 5_000_001 - advance },
    };
    const reduced = decide(d, { policy: standardPolicy({ limitMode: 'reduce' }), portfolio: book });
    expect(codes(reduced)).toContain('LIMIT_HAIRCUT');
    expect(reduced.limits?.buyer.afterMinor).toBeLessThanOrEqual(5_000_000);
    const refused = decide(d, { policy: standardPolicy({ limitMode: 'reject' }), portfolio: book });
    expect(refused.outcome).toBe('reject');
    expect(codes(refused)).toContain('BUYER_LIMIT_EXCEEDED');
  });
});

describe('age and past-due cut-offs count whole started days', () => {
  it('an invoice exactly maxDaysSinceIssue (90) days old is eligible; a second later it is not', () => {
    const d = deal({ dueAt: NOW + 120 * DAY, terms: 'NET-120' });
    expect(codes(decide(d, { asOf: NOW + 90 * DAY }))).not.toContain('AGED_OVER_CUTOFF');
    const late = decide(d, { asOf: NOW + 90 * DAY + 1 });
    expect(codes(late)).toContain('AGED_OVER_CUTOFF');
    expect(late.outcome).toBe('reject');
  });

  it('an invoice exactly maxDaysPastDue (60) days past due is not cut off; a second later it is', () => {
    const d = deal({ dueAt: NOW + 20 * DAY, terms: 'NET-20' });
    const policy = standardPolicy({ maxDaysSinceIssue: 200 });
    expect(codes(decide(d, { asOf: NOW + 80 * DAY, policy }))).not.toContain('PAST_DUE_CUTOFF');
    const late = decide(d, { asOf: NOW + 80 * DAY + 1, policy });
    expect(codes(late)).toContain('PAST_DUE_CUTOFF');
    expect(late.outcome).toBe('reject');
  });
});
