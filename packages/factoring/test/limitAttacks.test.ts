// Limits that were not there (adversarial review): a book that names limits for some buyers funded
// a buyer it had none for without bound (a first invoice of 10,000,000,000 to a buyer whose
// history is thirty invoices of 10,000 was approved with a 9,000,000,000 advance).
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type Portfolio,
  pocPolicy,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, deal, NOW, viaBureau } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const TRUST: Record<string, TrustReading> = {
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
};
const huge = deal({ amountMinor: 1_000_000_000_000 }, { ackAmount: 1_000_000_000_000 });
const decide = (portfolio: Portfolio | undefined, policy = standardPolicy()): FactoringDecision =>
  evaluateInvoice({
    invoice: huge.invoice,
    events: huge.events,
    trust: trustSourceFromRecord(TRUST),
    policy,
    asOf: AS_OF,
    ...(portfolio !== undefined ? { portfolio } : {}),
  });
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

describe('a buyer with no credit limit on file', () => {
  it('is held, not funded without bound, when the book names limits only for other buyers', () => {
    const d = decide({ buyerLimitMinor: { b9b9b9b9b9b9b9b9: 5_000_000 } });
    expect(d.outcome).toBe('pending');
    expect(d.offer).toBeNull();
    expect(codes(d)).toContain('BUYER_LIMIT_MISSING');
  });

  it('is held with a book that names no buyer limit at all (facility only)', () => {
    const d = decide({ facilityLimitMinor: 10_000_000_000_000 });
    expect(d.outcome).toBe('pending');
    expect(codes(d)).toContain('BUYER_LIMIT_MISSING');
  });

  it("is funded within the policy's default buyer limit when the policy sets one", () => {
    const d = decide({}, standardPolicy({ defaultBuyerLimitMinor: 50_000_000 }));
    expect(codes(d)).not.toContain('BUYER_LIMIT_MISSING');
    expect(d.offer?.advanceMinor ?? 0).toBeLessThanOrEqual(50_000_000);
    expect(d.offer?.advanceMinor ?? 0).toBeGreaterThan(0);
  });

  it('is funded within its own limit when the book has one', () => {
    const d = decide({ buyerLimitMinor: { [BUYER]: 70_000_000 } });
    expect(codes(d)).not.toContain('BUYER_LIMIT_MISSING');
    expect(d.offer?.advanceMinor ?? 0).toBeLessThanOrEqual(70_000_000);
  });

  it('a policy may opt out explicitly (requireBuyerLimit: false), and the proof-of-concept preset has no limits', () => {
    expect(codes(decide({}, standardPolicy({ requireBuyerLimit: false })))).not.toContain(
      'BUYER_LIMIT_MISSING',
    );
    expect(codes(decide({}, pocPolicy()))).not.toContain('BUYER_LIMIT_MISSING');
  });

  it('requireBuyerLimit must be a boolean', () => {
    expect(() => compilePolicy(standardPolicy({ requireBuyerLimit: 'yes' as unknown as boolean }))).toThrow(
      /requireBuyerLimit/,
    );
  });
});

describe('an invoice decided with no portfolio at all', () => {
  // A first integration calls evaluateInvoice with the invoice, its events and trust, and no book:
  // 1,000,000,000,000 to one buyer was approved with no limit of any kind checked.
  it('is held (BUYER_LIMIT_MISSING), not funded without bound', () => {
    const d = decide(undefined);
    expect(d.outcome).toBe('pending');
    expect(d.offer).toBeNull();
    expect(d.reasons.find((r) => r.code === 'BUYER_LIMIT_MISSING')?.message).toContain('no portfolio');
  });

  it('is held in a batch with no portfolio too', () => {
    const { decisions } = evaluateBatch({
      items: [huge],
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy(),
      asOf: AS_OF,
    });
    expect(decisions[0]?.outcome).toBe('pending');
    expect(codes(decisions[0] as FactoringDecision)).toContain('BUYER_LIMIT_MISSING');
  });

  it("is funded within the policy's default buyer limit when the policy sets one", () => {
    const d = decide(undefined, standardPolicy({ defaultBuyerLimitMinor: 50_000_000 }));
    expect(codes(d)).toContain('LIMIT_HAIRCUT');
    expect(d.offer?.advanceMinor ?? Infinity).toBeLessThanOrEqual(50_000_000);
    expect(d.offer?.advanceMinor ?? 0).toBeGreaterThan(0);
  });

  it('an explicit opt-out (requireBuyerLimit: false) and the proof-of-concept preset decide without one', () => {
    expect(codes(decide(undefined, standardPolicy({ requireBuyerLimit: false })))).not.toContain(
      'BUYER_LIMIT_MISSING',
    );
    expect(codes(decide(undefined, pocPolicy()))).not.toContain('BUYER_LIMIT_MISSING');
  });
});

describe('stated totals below the sum of their parts', () => {
  // The facility total and a group's exposure are stated beside the exposures they contain; a
  // total left out (or stated too low) counted as 0, so the facility and group limits had room
  // that the book's own buyers had already used.
  const d5m = deal();
  const others = Object.fromEntries(
    ['b1', 'b2', 'b3', 'b4', 'b5'].map((b) => [b.padEnd(16, b.at(-1)), 20_000_000]),
  );
  const decideBook = (portfolio: Portfolio): FactoringDecision =>
    evaluateInvoice({
      invoice: d5m.invoice,
      events: d5m.events,
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy({ limitMode: 'reject' }),
      asOf: AS_OF,
      portfolio,
    });

  it('a facility whose buyers already use all of it is full, whatever totalExposureMinor says', () => {
    for (const stated of [undefined, 0, 10_000_000]) {
      const d = decideBook({
        facilityLimitMinor: 100_000_000,
        buyerExposureMinor: others,
        buyerLimitMinor: { [BUYER]: 50_000_000 },
        ...(stated !== undefined ? { totalExposureMinor: stated } : {}),
      });
      expect([stated, d.outcome]).toEqual([stated, 'reject']);
      expect(codes(d)).toContain('FACILITY_LIMIT_EXCEEDED');
    }
  });

  it('a group whose members already use its limit is full, whatever groupExposureMinor says', () => {
    const sister = 'b9b9b9b9b9b9b9b9';
    const d = decideBook({
      buyerLimitMinor: { [BUYER]: 50_000_000 },
      buyerGroup: { [BUYER]: 'G', [sister]: 'G' },
      groupLimitMinor: { G: 20_000_000 },
      buyerExposureMinor: { [sister]: 20_000_000 },
      groupExposureMinor: { G: 0 },
    });
    expect(d.outcome).toBe('reject');
    expect(codes(d)).toContain('GROUP_LIMIT_EXCEEDED');
  });

  it("a facility filled through a group's exposure is full, whatever totalExposureMinor says", () => {
    const d = decideBook({
      buyerLimitMinor: { [BUYER]: 1_000_000_000 },
      facilityLimitMinor: 100_000_000,
      buyerGroup: { e0e0e0e0e0e0e0e0: 'G1' },
      groupExposureMinor: { G1: 100_000_000 },
      groupLimitMinor: { G1: 200_000_000 },
    });
    expect(d.outcome).toBe('reject');
    expect(codes(d)).toContain('FACILITY_LIMIT_EXCEEDED');
  });
});
