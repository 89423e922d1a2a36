// The API tried as a careless integrator and as an attacker who controls some inputs (red-team
// review): a reservation repeated or made on a stale decision, an override set to undefined, a
// clock skew in milliseconds, duplicate scores nothing can reach, a policy edited after compiling.
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  createPortfolioState,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  FactoringInputError,
  invoiceFromIssuedPayload,
  type PolicyOverrides,
  type PortfolioState,
  reserveApproval,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, viaBureau } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const trust = trustSourceFromRecord(DEAL_TRUST);
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);
/** `d` decided under the standard policy on the running `state`. */
const decideOn = (state: PortfolioState, d: ReturnType<typeof deal>): FactoringDecision =>
  evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF, portfolio: state });

function refusal(overrides: PolicyOverrides): FactoringInputError {
  try {
    compilePolicy(standardPolicy(overrides));
  } catch (e) {
    if (e instanceof FactoringInputError) return e;
    throw e;
  }
  throw new Error('expected INVALID_POLICY');
}

describe('reserveApproval never books one receivable twice or past a limit', () => {
  it('the same decision reserved twice: the second reservation is refused and changes nothing', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 50_000_000 } });
    const d = deal();
    const a = decideOn(state, d);
    expect(reserveApproval(state, d.invoice, a)).toBe(true);
    const after = state.buyerExposure(BUYER);
    expect(reserveApproval(state, d.invoice, a)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBe(after);
  });

  it('two approvals decided before either was reserved: the one that no longer fits the limit is refused', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 5_000_000 } });
    const one = deal();
    const two = deal(
      { invoiceId: 'inv-2', invoiceNumber: 'ZZ-2', amountMinor: 4_000_000 },
      { ids: 'z2', ackAmount: 4_000_000 },
    );
    const a = decideOn(state, one);
    const b = decideOn(state, two);
    expect([a.outcome, b.outcome]).toEqual(['approve', 'approve']);
    expect(reserveApproval(state, one.invoice, a)).toBe(true);
    expect(reserveApproval(state, two.invoice, b)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBeLessThanOrEqual(5_000_000);
  });
});

describe('reserveApproval on a decision made before other reservations', () => {
  // Only the buyer, supplier and facility limits were re-checked: two approvals decided against
  // the same state both reserved past the facility share cap (20 %) and past a group limit.
  it('the second of two decisions made on the same state is refused once the first is reserved (share caps, group limits)', () => {
    const state = createPortfolioState({
      buyerLimitMinor: { [BUYER]: 1_000_000_000 },
      facilityLimitMinor: 25_000_000,
    });
    const one = deal();
    const two = deal({ invoiceId: 'inv-2', invoiceNumber: 'ZZ-2' }, { ids: 'z2' });
    const a = decideOn(state, one);
    const b = decideOn(state, two);
    expect([a.outcome, b.outcome]).toEqual(['approve', 'approve']);
    expect(reserveApproval(state, one.invoice, a)).toBe(true);
    expect(reserveApproval(state, two.invoice, b)).toBe(false);
    expect(state.buyerExposure(BUYER)).toBeLessThanOrEqual(5_000_000);
    // Decided again on the state as it is now, it is judged against the cap.
    const again = decideOn(state, two);
    expect(
      again.outcome === 'approve' ? (again.offer?.advanceMinor ?? 0) + state.buyerExposure(BUYER) : 0,
    ).toBeLessThanOrEqual(5_000_000);
  });
});

describe('policy overrides that quietly loosen the standard policy', () => {
  it('an override set to undefined keeps the standard value ({ x: cfg.x } with x unset)', () => {
    const p = standardPolicy({
      requireBuyerLimit: undefined,
      maxTenorDays: undefined,
      maxTrustAgeSeconds: undefined,
      maxThirdPartyTitleShareBps: undefined,
    } as unknown as PolicyOverrides);
    const std = standardPolicy();
    expect(p.requireBuyerLimit).toBe(std.requireBuyerLimit);
    expect(p.maxTenorDays).toBe(std.maxTenorDays);
    expect(p.maxTrustAgeSeconds).toBe(std.maxTrustAgeSeconds);
    expect(p.maxThirdPartyTitleShareBps).toBe(std.maxThirdPartyTitleShareBps);
    const huge = deal({ amountMinor: 1e12 }, { ackAmount: 1e12 });
    const x = evaluateInvoice({
      ...huge,
      trust,
      policy: p,
      asOf: AS_OF,
      portfolio: { buyerExposureMinor: { [BUYER]: 1 } },
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('BUYER_LIMIT_MISSING');
  });

  it('a clock skew over a day (an hour written in milliseconds) is refused', () => {
    const e = refusal({ clockSkewSeconds: 3_600_000 });
    expect(e.issues.map((i) => i.path)).toContain('clockSkewSeconds');
    expect(() => compilePolicy(standardPolicy({ clockSkewSeconds: 86_400 }))).not.toThrow();
  });

  it('duplicate scores above what any near copy can score (14) are refused', () => {
    const e = refusal({ duplicateReviewScore: 60, duplicateSoftScore: 15 });
    expect(e.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['duplicateReviewScore', 'duplicateSoftScore']),
    );
    expect(() =>
      compilePolicy(standardPolicy({ duplicateReviewScore: 14, duplicateSoftScore: 14 })),
    ).not.toThrow();
  });

  it('a policy edited after compiling does not change the compiled one (its policyId names what decides)', () => {
    const p = standardPolicy() as { minBuyerTrust: number };
    const compiled = compilePolicy(p as ReturnType<typeof standardPolicy>);
    const low = {
      ...DEAL_TRUST,
      [BUYER]: viaBureau(BUYER, 0.1),
    };
    const decideWith = () =>
      evaluateBatch({
        items: [deal()],
        trust: trustSourceFromRecord(low),
        policy: compiled,
        asOf: AS_OF,
        portfolio: BOOK,
      }).decisions[0]?.outcome;
    expect(decideWith()).toBe('reject');
    p.minBuyerTrust = Number.NaN;
    expect(decideWith()).toBe('reject');
    expect(Object.isFrozen(compiled.policy)).toBe(true);
  });
});

describe('dates', () => {
  it('an hour of skew still refuses an invoice issued 20 days after the decision', () => {
    const d = deal({ issuedAt: AS_OF + 20 * DAY, dueAt: AS_OF + 80 * DAY });
    expect(
      evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF, portfolio: BOOK }).outcome,
    ).toBe('reject');
  });
});

describe('invoiceFromIssuedPayload on what a wire can carry', () => {
  it('a payload of null, a string or an array (JSON "null" from a node) is no invoice (undefined), not a raw TypeError', () => {
    for (const payload of [null, undefined, 'invoice', 42, []]) {
      expect(invoiceFromIssuedPayload(payload as never)).toBeUndefined();
    }
  });
});
