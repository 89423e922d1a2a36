// Attacks on the engine's inputs, policy and pricing (adversarial review of the decision engine),
// one test per attack, each named after it: a title, a trust reading or a policy value that a
// careless integration or a supplier could send, and what the engine must do instead (refuse it
// as bad input with its path, or decline the invoice). Never approve.
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type FactoringInputError,
  type FactoringPolicy,
  type InvoiceInput,
  pocPolicy,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, type Deal, deal, NOW, refused, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const FIN_F = 'f0f0f0f0f0f0f0f0';
const FIN_G = 'f1f1f1f1f1f1f1f1';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
  [FIN_F]: { level: 0.8, pathLength: 1 },
};

function run(
  d: Deal,
  extra: {
    events?: VerifiedEvent[];
    trust?: Record<string, unknown>;
    policy?: FactoringPolicy;
    asOf?: number;
  } = {},
): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events: extra.events ?? d.events,
    trust: trustSourceFromRecord({ ...TRUST, ...extra.trust } as Record<string, TrustReading>),
    policy: extra.policy ?? standardPolicy(),
    asOf: extra.asOf ?? AS_OF,
    portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 } },
  });
}

const paths = (e: FactoringInputError): string[] => e.issues.map((i) => i.path);
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);
const owner = (ownerId: string, percentage: unknown, stakeType = 'financier'): TitleOwnerShare =>
  ({ ownerId, percentage, stakeType }) as TitleOwnerShare;
const withTitle = (owners: readonly TitleOwnerShare[]): Deal => deal({ titleOwners: owners });
const signal = (d: Deal, kind: string, reporter: string): VerifiedEvent => ({
  subjectId: d.invoice.invoiceId,
  id: `sig-${kind}`,
  eventType: `fraud.signal.${kind}`,
  signerQuid: reporter,
  sequence: 6,
  timestamp: NOW + 6 * DAY,
  payload: { reporterQuid: reporter, evidence: 'registry', reportedAt: NOW + 6 * DAY, severity: 'high' },
});
const dispute = (d: Deal, amount: number): VerifiedEvent => ({
  subjectId: d.invoice.invoiceId,
  id: 'dsp',
  eventType: 'buyer.disputed',
  signerQuid: BUYER,
  sequence: 5,
  timestamp: NOW + 5 * DAY,
  payload: {
    buyerQuid: BUYER,
    disputeId: 'D1',
    disputedAmountMinor: amount,
    reason: 'damaged',
    disputedAt: NOW + 5 * DAY,
  },
});
/** A policy object as a JSON config would give it: any shape. */
const loose = (over: Record<string, unknown>): FactoringPolicy =>
  ({ ...standardPolicy(), ...over }) as unknown as FactoringPolicy;

describe('finding 1: title shares are validated and the supplier must hold a majority', () => {
  it('a title two-thirds sold to financiers (supplier 34 %, financiers 33 % + 33 %) is refused, giving the share', () => {
    const x = run(withTitle([owner(SUPPLIER, 0.34, 'supplier'), owner(FIN_F, 0.33), owner(FIN_G, 0.33)]));
    expect(x.outcome).toBe('reject');
    expect(x.offer).toBeNull();
    const r = x.reasons.find((y) => y.code === 'TITLE_NOT_OWNED_BY_SUPPLIER');
    expect(r?.message).toContain('0.34');
  });

  it('exactly half the title is not a majority', () => {
    const x = run(withTitle([owner(SUPPLIER, 0.5, 'supplier'), owner(FIN_F, 0.5)]));
    expect(codes(x)).toContain('TITLE_NOT_OWNED_BY_SUPPLIER');
  });

  it("a NaN share next to a supplier's 1 % is refused as bad input, naming the share", () => {
    const e = refused(() =>
      run(withTitle([owner(SUPPLIER, 0.01, 'supplier'), owner(CARRIER, 0.01), owner(FIN_F, Number.NaN)])),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toContain('invoice.titleOwners[2].percentage');
  });

  it("a negative share (-0.99) cannot balance a supplier's 1 %", () => {
    const e = refused(() =>
      run(withTitle([owner(SUPPLIER, 0.01, 'supplier'), owner(CARRIER, 1.98), owner(FIN_F, -0.99)])),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['invoice.titleOwners[1].percentage', 'invoice.titleOwners[2].percentage']);
  });

  it('mixed scales (supplier 50 of 100, financier 0.99 of 1) are refused', () => {
    const e = refused(() => run(withTitle([owner(SUPPLIER, 50, 'supplier'), owner(FIN_F, 0.99)])));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toContain('invoice.titleOwners[0].percentage');
  });

  it('shares summing to 1.99 are refused', () => {
    const e = refused(() =>
      run(withTitle([owner(SUPPLIER, 1, 'supplier'), owner(CARRIER, 0.01), owner(FIN_F, 0.98)])),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['invoice.titleOwners']);
    expect(e.message).toContain('1.99');
  });

  it('an Infinity, string or zero share is refused, every one at once', () => {
    const e = refused(() =>
      run(
        withTitle([
          owner(SUPPLIER, Number.POSITIVE_INFINITY, 'supplier'),
          owner(FIN_F, '0.5'),
          owner(FIN_G, 0),
        ]),
      ),
    );
    expect(paths(e)).toEqual([
      'invoice.titleOwners[0].percentage',
      'invoice.titleOwners[1].percentage',
      'invoice.titleOwners[2].percentage',
    ]);
  });

  it('an empty owner list or an owner with no id is refused', () => {
    expect(paths(refused(() => run(withTitle([]))))).toEqual(['invoice.titleOwners']);
    expect(paths(refused(() => run(withTitle([owner(SUPPLIER, 0.5, 'supplier'), owner('', 0.5)]))))).toEqual([
      'invoice.titleOwners[1].ownerId',
    ]);
  });

  it('a supplier listed twice (0.45 + 0.45) holds 0.9 of the title: its lines are added', () => {
    const x = run(
      withTitle([
        owner(SUPPLIER, 0.45, 'supplier'),
        owner(SUPPLIER, 0.45, 'supplier'),
        owner(BUYER, 0.02, 'buyer'),
        owner(CARRIER, 0.02, 'carrier'),
        owner(FIN_F, 0.06),
      ]),
    );
    expect(codes(x)).not.toContain('TITLE_NOT_OWNED_BY_SUPPLIER');
    expect(x.outcome).toBe('approve');
  });

  it('a financier listed twice (0.3 + 0.3) holds 0.6: the supplier with 0.4 no longer owns the title', () => {
    const x = run(withTitle([owner(SUPPLIER, 0.4, 'supplier'), owner(FIN_F, 0.3), owner(FIN_F, 0.3)]));
    expect(codes(x)).toContain('TITLE_NOT_OWNED_BY_SUPPLIER');
  });

  it('a broken title is bad input under every policy, the PoC preset and title checks off included', () => {
    const bad = withTitle([owner(SUPPLIER, 0.01, 'supplier'), owner(FIN_F, Number.NaN)]);
    expect(refused(() => run(bad, { policy: pocPolicy() })).code).toBe('INVALID_INPUT');
    expect(
      refused(() => run(bad, { policy: standardPolicy({ checks: { titleOwnership: false } }) })).code,
    ).toBe('INVALID_INPUT');
  });

  it('a broken title in a batch refuses the batch with its path: the invoice is never decided', () => {
    const good = deal({ invoiceId: 'inv-good' }, { ids: 'g' });
    const bad = deal(
      { invoiceId: 'inv-bad', titleOwners: [owner(SUPPLIER, 0.6, 'supplier'), owner(FIN_F, -0.4)] },
      { ids: 'b' },
    );
    const e = refused(() =>
      evaluateBatch({
        items: [good, bad],
        trust: trustSourceFromRecord(TRUST),
        policy: standardPolicy(),
        asOf: AS_OF,
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toContain('items[1].invoice.titleOwners[1].percentage');
  });
});

describe('finding 2: tenor and price', () => {
  it('an invoice due 30 years after issue is refused (TENOR_TOO_LONG), not priced to a purchase price of 0', () => {
    const x = run(deal({ dueAt: NOW + 30 * 365 * DAY, terms: 'NET-10950' }));
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('TENOR_TOO_LONG');
    expect(x.offer).toBeNull();
  });

  it('the standard tenor limit is 180 days from the decision date: 180 passes, 181 does not', () => {
    expect(codes(run(deal({ dueAt: AS_OF + 180 * DAY })))).not.toContain('TENOR_TOO_LONG');
    expect(codes(run(deal({ dueAt: AS_OF + 180 * DAY + 1 })))).toContain('TENOR_TOO_LONG');
    expect(
      codes(run(deal({ dueAt: AS_OF + 400 * DAY }), { policy: standardPolicy({ maxTenorDays: 400 }) })),
    ).not.toContain('TENOR_TOO_LONG');
  });

  it('a fee that eats the whole eligible amount (purchase price 0) is never approved (PRICE_NOT_POSITIVE)', () => {
    const policy = standardPolicy({
      fee: { kind: 'risk-based', costOfFundsBps: 1_000_000_000_000, opexBps: 0, capitalChargeBps: 0 },
    });
    const x = run(deal(), { policy });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('PRICE_NOT_POSITIVE');
    expect(x.offer).toBeNull();
  });

  it('a flat fee of 100 % is never approved either', () => {
    const x = run(deal(), { policy: standardPolicy({ fee: { kind: 'flat', rateBps: 10_000 } }) });
    expect(codes(x)).toContain('PRICE_NOT_POSITIVE');
    expect(x.outcome).toBe('reject');
  });

  it('a PoC blend whose discount reaches 100 % is never approved', () => {
    const x = run(deal(), { policy: pocPolicy({ baseDiscountFraction: 1 }) });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('PRICE_NOT_POSITIVE');
  });
});

describe('finding 3: compilePolicy refuses bad values, all at once, with their paths', () => {
  const invalid = (p: FactoringPolicy): string[] => {
    const e = refused(() => compilePolicy(p));
    expect(e.code).toBe('INVALID_POLICY');
    return paths(e);
  };

  it("a typo in openDisputes ('HOLD') is refused, not read as the haircut", () => {
    const d = deal();
    const events = [...d.events, dispute(d, 1_000_000)];
    expect(invalid(standardPolicy({ openDisputes: 'HOLD' as 'hold' }))).toEqual(['openDisputes']);
    expect(() => run(d, { events, policy: standardPolicy({ openDisputes: 'HOLD' as 'hold' }) })).toThrow();
  });

  it('a typo in limitMode, compat, fraudMissingSeverity or the fee kind is refused', () => {
    expect(
      invalid(
        loose({
          compat: 'POC',
          fraudMissingSeverity: 'none',
          limitMode: 'Reject',
          fee: { kind: 'flatt', rateBps: 250 },
        }),
      ),
    ).toEqual(['fee.kind', 'compat', 'fraudMissingSeverity', 'limitMode']);
  });

  it("fee kind 'flatt' does not silently charge only the premium", () => {
    const e = refused(() => run(deal(), { policy: loose({ fee: { kind: 'flatt', rateBps: 250 } }) }));
    expect(paths(e)).toEqual(['fee.kind']);
  });

  it('fraud thresholds of NaN are refused: a trusted identity-mismatch signal is never waved through', () => {
    expect(invalid(standardPolicy({ fraudVetoScore: Number.NaN, fraudReviewScore: Number.NaN }))).toEqual([
      'fraudVetoScore',
      'fraudReviewScore',
    ]);
  });

  it('fraud thresholds no single signal can reach (5 when the heaviest weighs 1) are refused', () => {
    expect(invalid(standardPolicy({ fraudVetoScore: 5, fraudReviewScore: 5 }))).toEqual([
      'fraudVetoScore',
      'fraudReviewScore',
    ]);
    // With a heavier kind the same thresholds are reachable.
    expect(() =>
      compilePolicy(standardPolicy({ fraudVetoScore: 5, fraudReviewScore: 5, fraudKindWeights: { x: 5 } })),
    ).not.toThrow();
  });

  it('checks: {} does not silently turn every check off', () => {
    const p = invalid(loose({ checks: {} }));
    expect(p).toContain('checks.signerRoles');
    expect(p).toContain('checks.sequenceConflicts');
    expect(p).toHaveLength(13);
  });

  it('a policy with no checks key is INVALID_POLICY, not a raw TypeError', () => {
    const { checks: _checks, ...rest } = standardPolicy();
    expect(invalid(rest as FactoringPolicy)).toEqual(['checks']);
    expect(refused(() => run(deal(), { policy: rest as FactoringPolicy })).code).toBe('INVALID_POLICY');
  });

  it("a check flag given as a string ('no') or a requirement as 'no' is refused, not read as true", () => {
    expect(
      invalid(
        loose({
          checks: { ...standardPolicy().checks, duplicates: 'no' },
          requireBuyerAck: 'no',
          requirePoMatch: 1,
          recourse: 'false',
        }),
      ),
    ).toEqual(['checks.duplicates', 'requireBuyerAck', 'requirePoMatch', 'recourse']);
  });

  it('partial checks in the presets merge with the defaults', () => {
    const p = standardPolicy({ checks: { duplicates: false } });
    expect(p.checks.signerRoles).toBe(true);
    expect(p.checks.duplicates).toBe(false);
    expect(() => compilePolicy(p)).not.toThrow();
    expect(pocPolicy({ checks: { limits: true } }).checks.duplicates).toBe(false);
  });

  it('paymentPriorDaysLate of -1000 (paid years early) does not cut the fee; NaN is not a raw BigInt TypeError', () => {
    expect(invalid(standardPolicy({ paymentPriorDaysLate: [-1000, -1000, -1000] }))).toEqual([
      'paymentPriorDaysLate[0]',
      'paymentPriorDaysLate[1]',
      'paymentPriorDaysLate[2]',
    ]);
    const e = refused(() =>
      run(deal(), { policy: standardPolicy({ paymentPriorDaysLate: [Number.NaN, Number.NaN, Number.NaN] }) }),
    );
    expect(e.code).toBe('INVALID_POLICY');
    expect(invalid(standardPolicy({ paymentPriorDaysLate: [30, 5, 0] }))).toEqual(['paymentPriorDaysLate']);
  });

  it('bps shares above 100 % (advance 99,999 bps, stale cut 20,000 bps) are refused', () => {
    expect(invalid(standardPolicy({ baseAdvanceRateBps: 99_999, staleAdvanceCutBps: 20_000 }))).toEqual([
      'staleAdvanceCutBps',
      'baseAdvanceRateBps',
    ]);
  });

  it('a grade adjustment of 1e15 bps or an empty grade list is refused', () => {
    expect(
      invalid(standardPolicy({ grades: [{ grade: 'A', minTrust: 0, pdAnnualBps: 0, advanceAdjBps: 1e15 }] })),
    ).toEqual(['grades[0].advanceAdjBps']);
    expect(invalid(standardPolicy({ grades: [] }))).toEqual(['grades']);
  });

  it('duplicate scores of NaN and blend fractions of NaN are refused', () => {
    expect(
      invalid(
        standardPolicy({
          duplicateReviewScore: Number.NaN,
          duplicateSoftScore: -1,
          baseDiscountFraction: Number.NaN,
          maxRiskPremiumFraction: 2,
        }),
      ),
    ).toEqual([
      'baseDiscountFraction',
      'maxRiskPremiumFraction',
      'duplicateReviewScore',
      'duplicateSoftScore',
    ]);
  });

  it('fee fields are checked one by one, with their paths', () => {
    expect(
      invalid(
        standardPolicy({ fee: { kind: 'periodic', periodDays: 0, ratePerPeriodBps: 1.5, minPeriods: -1 } }),
      ),
    ).toEqual(['fee.periodDays', 'fee.ratePerPeriodBps', 'fee.minPeriods']);
    expect(
      invalid(
        loose({ fee: { kind: 'funds-in-use', annualRateBps: 1_200, serviceFeeBps: 50, dayCount: 364 } }),
      ),
    ).toEqual(['fee.dayCount']);
  });

  it('a misspelt policy field (maxDaysPastdue) is refused instead of silently keeping the default', () => {
    expect(invalid(loose({ maxDaysPastdue: 10 }))).toEqual(['maxDaysPastdue']);
    expect(invalid(loose({ checks: { ...standardPolicy().checks, duplicate: false } }))).toEqual([
      'checks.duplicate',
    ]);
  });

  it('kind lists, names and a negative tenor limit are checked', () => {
    expect(invalid(loose({ fraudSignalKinds: 'all', decisiveFraudKinds: [1], name: 7 }))).toEqual([
      'name',
      'fraudSignalKinds',
      'decisiveFraudKinds[0]',
    ]);
  });

  it('the presets compile as they are', () => {
    expect(() => compilePolicy(standardPolicy())).not.toThrow();
    expect(() => compilePolicy(pocPolicy())).not.toThrow();
  });
});

describe('finding 4: trust readings are validated', () => {
  const bad = (trust: Record<string, unknown>): FactoringInputError => {
    const e = refused(() => run(deal(), { trust }));
    expect(e.code).toBe('INVALID_TRUST');
    return e;
  };

  it('a buyer reading observed in the future (milliseconds by mistake) is refused, not read as never stale', () => {
    const e = bad({
      [BUYER]: viaBureau(BUYER, 0.9, AS_OF * 1000),
    });
    expect(paths(e)).toEqual(['trust.buyer.observedAt']);
    expect(e.message).toContain(BUYER);
  });

  it('a reading observed within the clock skew of the decision date is fine', () => {
    expect(
      run(deal(), {
        trust: {
          [BUYER]: viaBureau(BUYER, 0.9, AS_OF + 3_600),
        },
      }).outcome,
    ).toBe('approve');
  });

  it('observedAt NaN is refused, not read as never stale', () => {
    expect(
      paths(
        bad({
          [BUYER]: viaBureau(BUYER, 0.9, Number.NaN),
        }),
      ),
    ).toEqual(['trust.buyer.observedAt']);
  });

  it('validUntil NaN is refused, not read as never expiring', () => {
    expect(paths(bad({ [SUPPLIER]: { level: 0.85, validUntil: Number.NaN } }))).toEqual([
      'trust.supplier.validUntil',
    ]);
  });

  it("a level of true, '0.9' or [0.95] is refused, not coerced through the range check", () => {
    for (const level of [true, '0.9', [0.95]]) {
      expect(
        paths(
          bad({ [BUYER]: { level, pathLength: 2, path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', BUYER] } }),
        ),
      ).toEqual(['trust.buyer']);
    }
  });

  it('pathLength -1 (or 1.5) is refused, not counted as a path', () => {
    expect(paths(bad({ [BUYER]: { level: 0.9, pathLength: -1 } }))).toEqual(['trust.buyer.pathLength']);
    expect(paths(bad({ [BUYER]: { level: 0.9, pathLength: 1.5 } }))).toEqual(['trust.buyer.pathLength']);
  });

  it("a fraud reporter's or the carrier's bad reading is refused too", () => {
    const d = deal();
    const events = [...d.events, signal(d, 'identity-mismatch', FIN_F)];
    const e = refused(() => run(d, { events, trust: { [FIN_F]: { level: 0.8, observedAt: Number.NaN } } }));
    expect(paths(e)).toEqual(['trust.reporter.observedAt']);
    expect(paths(bad({ [CARRIER]: { level: 0.7, pathLength: -2 } }))).toEqual(['trust.carrier.pathLength']);
  });

  it('every bad field of a reading is reported at once', () => {
    expect(paths(bad({ [BUYER]: { level: 0.9, observedAt: 'x', validUntil: -5, pathLength: -1 } }))).toEqual([
      'trust.buyer.observedAt',
      'trust.buyer.validUntil',
      'trust.buyer.pathLength',
    ]);
  });
});

describe('finding 5: currency and negative amounts', () => {
  it("a lower-case currency ('usd') is an invalid invoice", () => {
    const x = run(deal({ currency: 'usd' }));
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('INVALID_INVOICE');
  });

  it('an empty currency is an invalid invoice', () => {
    const x = run(deal({ currency: '' }));
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('INVALID_INVOICE');
  });

  it('the PoC preset does not approve a face of -5,000,000 with a fee of -5,000,000: bad input', () => {
    const neg = deal({ amountMinor: -5_000_000 }, { ackAmount: 0 });
    const e = refused(() => run(neg, { policy: pocPolicy() }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['invoice.amountMinor']);
    expect(refused(() => run(neg)).code).toBe('INVALID_INPUT');
  });

  it('issue and due dates of NaN are bad input, located (and a bad asOf names asOf)', () => {
    const e = refused(() =>
      run(deal({ issuedAt: Number.NaN, dueAt: Number.NaN } as Partial<InvoiceInput>), {
        policy: pocPolicy(),
      }),
    );
    expect(paths(e)).toEqual(['invoice.issuedAt', 'invoice.dueAt']);
    expect(paths(refused(() => run(deal(), { asOf: Number.NaN })))).toEqual(['asOf']);
  });
});

describe("neighbours: the caller's precomputed facts and invoice fields", () => {
  const profile = {
    sampleSize: 10,
    invoiceCount: 10,
    daysLate: [0, 5, 30] as const,
    paidWithinBps: [9_000, 9_500, 10_000] as const,
    disputeRateBps: 0,
    dilutionBps: 100,
  };
  const withProfile = (p: Record<string, unknown>): FactoringDecision => {
    const d = deal();
    return evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: BOOK,
      buyerProfile: { ...profile, ...p } as unknown as typeof profile,
    });
  };

  it('a precomputed buyer profile paying 1,000 days early (or NaN days late) is refused, not priced on', () => {
    expect(withProfile({}).outcome).toBe('approve');
    const e = refused(() => withProfile({ daysLate: [-5_000, -5_000, Number.NaN], dilutionBps: -1 }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual([
      'buyerProfile.daysLate[0]',
      'buyerProfile.daysLate[1]',
      'buyerProfile.daysLate[2]',
      'buyerProfile.dilutionBps',
    ]);
    expect(paths(refused(() => withProfile({ daysLate: [30, 5, 0] })))).toEqual(['buyerProfile.daysLate']);
  });

  it('an invoice whose id or parties are not strings is bad input', () => {
    const e = refused(() =>
      run(deal({ supplierQuid: 7, invoiceId: undefined } as unknown as Partial<InvoiceInput>)),
    );
    expect(paths(e)).toEqual(['invoice.invoiceId', 'invoice.supplierQuid']);
  });
});
