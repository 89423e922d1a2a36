// Pricing at the extremes of a buyer's history (red-team round 4): the advance rate falls 1 pp per
// pp of dilution only down to its floor (50 %), so past it the reserve no longer absorbs what the
// buyer is expected to take off the invoice, and the advance was wired on money the financier does
// not expect to collect.
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  compilePolicy,
  evaluateInvoice,
  type FactoringDecision,
  FactoringInputError,
  type FeeStructure,
  isFactoringError,
  type PricingInput,
  pocPolicy,
  priceInvoice,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal } from './fixtures.js';

const trust = trustSourceFromRecord(DEAL_TRUST);
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

/** Twenty invoices paid on their due date, each diluted by `share` (credit notes, short-pays). */
function dilutedHistory(shareBps: number): BuyerHistory {
  return {
    records: Array.from({ length: 20 }, (_, i) => ({
      dueAt: AS_OF - (100 + i) * DAY,
      paidAt: AS_OF - (100 + i) * DAY,
      amountMinor: 1_000_000,
      dilutedMinor: (1_000_000 * shareBps) / 10_000,
    })),
  };
}

const decide = (history: BuyerHistory | undefined, fee?: FeeStructure): FactoringDecision =>
  evaluateInvoice({
    ...deal(),
    trust,
    policy: standardPolicy(fee === undefined ? {} : { fee }),
    asOf: AS_OF,
    portfolio: BOOK,
    ...(history === undefined ? {} : { buyerHistory: history }),
  });

describe('a buyer that dilutes more than the reserve holds', () => {
  it('every past invoice credited in full: not approved (DILUTION_ABOVE_RESERVE), under risk-based pricing too', () => {
    // Approved before: 2,439,539 advanced at a 709 % APR on an invoice the buyer is expected to pay nothing of.
    const x = decide(dilutedHistory(10_000));
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('DILUTION_ABOVE_RESERVE');
  });

  it('60 % dilution under a flat fee: the 50 % floor advance is more than the buyer is expected to pay', () => {
    const x = decide(dilutedHistory(6_000), { kind: 'flat', rateBps: 200 });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('DILUTION_ABOVE_RESERVE');
  });

  it('dilution the graded advance absorbs (no history, 3 %; 20 %) is still approved', () => {
    for (const history of [undefined, dilutedHistory(2_000)]) {
      const x = decide(history, { kind: 'flat', rateBps: 200 });
      expect(x.outcome).toBe('approve');
      expect(codes(x)).not.toContain('DILUTION_ABOVE_RESERVE');
    }
  });
});

describe('priceInvoice called directly refuses inputs that would quote a cheaper fee', () => {
  const riskBased = compilePolicy(standardPolicy());
  const fundsInUse = compilePolicy(
    standardPolicy({ fee: { kind: 'funds-in-use', annualRateBps: 1200, serviceFeeBps: 50, dayCount: 365 } }),
  );
  const base: PricingInput = {
    eligibleMinor: 1_000_000,
    advanceMinor: 850_000,
    expectedDays: 60,
    stressedDays: 90,
    grade: 'A',
    pdAnnualBps: 100,
    dilutionBps: 0,
  };
  const issues = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      if (isFactoringError(e) && e.code === 'INVALID_INPUT') return e.issues.map((i) => i.path);
      throw e;
    }
    return [];
  };

  it('expectedDays of -60 (a date subtracted the wrong way) is refused, not priced at a fee of 0', () => {
    expect(priceInvoice(fundsInUse, base).feeMinor).toBeGreaterThan(0);
    expect(issues(() => priceInvoice(fundsInUse, { ...base, expectedDays: -60 }))).toEqual([
      'input.expectedDays',
    ]);
  });

  it('a negative PD or stressed horizon (a negative expected loss) is refused, not netted off the fee', () => {
    expect(issues(() => priceInvoice(riskBased, { ...base, pdAnnualBps: -100 }))).toEqual([
      'input.pdAnnualBps',
    ]);
    expect(issues(() => priceInvoice(riskBased, { ...base, stressedDays: -90 }))).toEqual([
      'input.stressedDays',
    ]);
    expect(issues(() => priceInvoice(riskBased, { ...base, dilutionBps: -5_000 }))).toEqual([
      'input.dilutionBps',
    ]);
  });

  it('NaN, fractional, string or unsafe amounts are INVALID_INPUT with their paths, not a raw RangeError', () => {
    expect(
      issues(() =>
        priceInvoice(riskBased, {
          ...base,
          eligibleMinor: Number.NaN,
          advanceMinor: '850000' as unknown as number,
          expectedDays: 0.5,
        }),
      ),
    ).toEqual(['input.eligibleMinor', 'input.advanceMinor', 'input.expectedDays']);
    expect(issues(() => priceInvoice(riskBased, { ...base, eligibleMinor: 2 ** 60 }))).toEqual([
      'input.eligibleMinor',
    ]);
  });

  it('an advance above the eligible amount, or a negative one, is refused', () => {
    expect(issues(() => priceInvoice(riskBased, { ...base, advanceMinor: 2_000_000 }))).toEqual([
      'input.advanceMinor',
    ]);
    expect(issues(() => priceInvoice(riskBased, { ...base, advanceMinor: -1 }))).toEqual([
      'input.advanceMinor',
    ]);
  });

  it('a policy that was not compiled is refused with its path, not a raw TypeError', () => {
    expect(issues(() => priceInvoice(standardPolicy() as never, base))).toEqual(['compiled']);
  });
});

describe('priceInvoice: the last inputs that priced cheaper or threw (third review)', () => {
  const base: PricingInput = {
    eligibleMinor: 5_000_000,
    advanceMinor: 4_500_000,
    expectedDays: 90,
    stressedDays: 90,
    grade: 'B',
    pdAnnualBps: 5_000,
    dilutionBps: 200,
  };
  const paths = (act: () => unknown): string[] => {
    try {
      act();
    } catch (e) {
      if (e instanceof FactoringInputError) return e.issues.map((i) => i.path);
      return [`untyped ${String(e)}`];
    }
    return [];
  };

  it('a stressed horizon shorter than the expected one (a third of the risk fee) is refused', () => {
    expect(
      paths(() => priceInvoice(compilePolicy(standardPolicy()), { ...base, stressedDays: 1 })),
    ).toContain('input.stressedDays');
  });

  it("the proof of concept's blend is refused (it prices elsewhere, not at the minimum fee)", () => {
    expect(paths(() => priceInvoice(compilePolicy(pocPolicy()), base))).toContain('compiled.fee');
  });

  it('an object that only looks compiled is refused with a typed error, not a TypeError', () => {
    expect(
      paths(() => priceInvoice({ policyId: 'x' } as unknown as ReturnType<typeof compilePolicy>, base)),
    ).toContain('compiled');
  });
});
