// An auditor's identities: on every approve or review decision the offer's figures reconcile, the
// outcome is what its reasons say, and held decisions name work to do. Random inputs under both presets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLedgerFindings,
  applyRecentKeyEvents,
  aprBps,
  type BuyerHistory,
  createPortfolioState,
  type DecisionOutcome,
  decide,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type FactoringPolicy,
  type FeeStructure,
  mulDivCeil,
  type Portfolio,
  pocPolicy,
  REASON_INFO,
  reserveApproval,
  standardPolicy,
  trustSourceFromRecord,
  type VerifiedEvent,
  verificationTasks,
} from '../src/index.js';
import { DAY, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';

const SEVERITY_OUTCOME: Record<string, DecisionOutcome | undefined> = {
  reject: 'reject',
  review: 'review',
  pending: 'pending',
};
const RANK: Record<DecisionOutcome, number> = { approve: 0, pending: 1, review: 2, reject: 3 };

const feeArb: fc.Arbitrary<FeeStructure> = fc.oneof(
  fc.constant<FeeStructure>({ kind: 'risk-based', costOfFundsBps: 600, opexBps: 200, capitalChargeBps: 150 }),
  fc.integer({ min: 0, max: 3_000 }).map((rateBps): FeeStructure => ({ kind: 'flat', rateBps })),
  fc
    .record({
      periodDays: fc.integer({ min: 1, max: 45 }),
      ratePerPeriodBps: fc.integer({ min: 0, max: 2_000 }),
      minPeriods: fc.integer({ min: 0, max: 3 }),
    })
    .map((p): FeeStructure => ({ kind: 'periodic', ...p })),
  fc
    .record({
      annualRateBps: fc.integer({ min: 0, max: 9_000 }),
      serviceFeeBps: fc.integer({ min: 0, max: 900 }),
      dayCount: fc.constantFrom<360 | 365>(360, 365),
    })
    .map((p): FeeStructure => ({ kind: 'funds-in-use', ...p })),
);

const standardArb: fc.Arbitrary<FactoringPolicy> = fc
  .record({
    fee: feeArb,
    recourse: fc.boolean(),
    minFeeMinor: fc.integer({ min: 0, max: 200_000 }),
    limitMode: fc.constantFrom<'reduce' | 'reject'>('reduce', 'reject'),
    openDisputes: fc.constantFrom<'hold' | 'haircut'>('hold', 'haircut'),
    newDebtor: fc.constantFrom<'review' | 'accept'>('review', 'accept'),
    stopAtFirstDecisive: fc.boolean(),
    requirePoMatch: fc.boolean(),
  })
  .map((o) => standardPolicy(o));
const pocArb: fc.Arbitrary<FactoringPolicy> = fc.oneof(
  fc.boolean().map((d) => pocPolicy({ requireDelivery: d })),
  // The preset's evaluation with a structured fee: pricing may add reasons after its first decisive one.
  fc.record({ fee: feeArb, minFeeMinor: fc.integer({ min: 0, max: 200_000 }) }).map((o) => pocPolicy(o)),
);

/** A deal with random money events, evidence gaps and a dated buyer history. */
/** Mostly 0, sometimes anything up to `max`: most cases keep a clean stream. */
const sometimes = (max: number) =>
  fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max }), weight: 1 });
const rarely = fc.oneof(
  { arbitrary: fc.constant(false), weight: 6 },
  { arbitrary: fc.constant(true), weight: 1 },
);

const level = fc.double({ min: 0, max: 1, noNaN: true });

const caseArb = fc.record({
  amount: fc.integer({ min: 1, max: 50_000_000_000 }),
  dueDays: fc.oneof(
    { arbitrary: fc.integer({ min: 60, max: 120 }), weight: 4 },
    fc.integer({ min: 1, max: 200 }),
  ),
  ageDays: fc.oneof(
    { arbitrary: fc.integer({ min: 5, max: 20 }), weight: 4 },
    fc.integer({ min: 0, max: 120 }),
  ),
  ackDelta: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: -2_000_000, max: 200_000 })),
  dropDelivery: rarely,
  dropAck: rarely,
  credited: sometimes(4_000_000),
  paid: sometimes(4_000_000),
  disputed: sometimes(4_000_000),
  terms: fc.constantFrom('NET-60', 'NET-60', '2/10 net 60', '30% deposit, balance net 60'),
  supplier: fc.oneof({ arbitrary: fc.constantFrom(0.5, 0.7, 0.85, 1), weight: 3 }, level),
  buyer: fc.oneof({ arbitrary: fc.constantFrom(0.6, 0.75, 0.85, 0.95), weight: 3 }, level),
  trustAgeDays: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 30 }), weight: 4 },
    fc.integer({ min: 0, max: 400 }),
  ),
  history: fc.array(
    fc.record({
      dueAgo: fc.integer({ min: 30, max: 700 }),
      late: fc.integer({ min: -10, max: 120 }),
      amount: fc.integer({ min: 1, max: 20_000_000_000 }),
      diluted: sometimes(3_000_000),
    }),
    { maxLength: 8 },
  ),
  buyerLimit: fc.oneof(
    { arbitrary: fc.constant(100_000_000_000), weight: 3 },
    { arbitrary: fc.option(fc.nat({ max: 60_000_000 }), { nil: undefined }), weight: 1 },
  ),
  buyerExposure: fc.nat({ max: 20_000_000 }),
  supplierLimit: fc.option(fc.nat({ max: 80_000_000_000 }), { nil: undefined }),
  facilityLimit: fc.option(fc.nat({ max: 300_000_000_000 }), { nil: undefined }),
  totalExposure: fc.nat({ max: 40_000_000 }),
  ledgerOpen: fc.option(fc.nat({ max: 200_000_000_000 }), { nil: undefined }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function requestOf(c: Case, policy: FactoringPolicy, n = 100) {
  const asOf = NOW + c.ageDays * DAY;
  const d = deal({
    invoiceId: `inv-${n}`,
    invoiceNumber: `INV-2026-0${n}`,
    amountMinor: c.amount,
    dueAt: NOW + c.dueDays * DAY,
    terms: c.terms,
  });
  let seq = 10;
  const extra = (
    eventType: string,
    signerQuid: string,
    payload: VerifiedEvent['payload'],
  ): VerifiedEvent => ({
    subjectId: d.invoice.invoiceId,
    id: `x-${seq}`,
    eventType,
    signerQuid,
    sequence: seq++,
    timestamp: NOW + DAY,
    payload,
  });
  const events = d.events
    .filter((e) => !(c.dropDelivery && e.eventType === 'carrier.delivered'))
    .filter((e) => !(c.dropAck && e.eventType === 'buyer.acknowledged'))
    .map((e) =>
      e.eventType === 'buyer.acknowledged'
        ? { ...e, payload: { ...e.payload, acknowledgedAmountMinor: Math.max(0, c.amount + c.ackDelta) } }
        : e,
    );
  if (c.credited > 0)
    events.push(extra('invoice.credited', SUPPLIER, { creditNoteId: 'cn', amountMinor: c.credited }));
  if (c.paid > 0)
    events.push(
      extra('payment.received', SUPPLIER, {
        paymentId: 'p',
        allocationId: 'a',
        amountMinor: c.paid,
        currency: 'USD',
        receivedAt: NOW + DAY,
      }),
    );
  if (c.disputed > 0)
    events.push(
      extra('buyer.disputed', BUYER, { buyerQuid: BUYER, disputeId: 'd', disputedAmountMinor: c.disputed }),
    );
  const observedAt = Math.min(asOf, Math.max(0, asOf - c.trustAgeDays * DAY));
  const trust = trustSourceFromRecord({
    [SUPPLIER]: viaBureau(SUPPLIER, c.supplier, observedAt),
    [BUYER]: viaBureau(BUYER, c.buyer, observedAt),
    [CARRIER]: { level: 0.7, observedAt, pathLength: 1 },
  });
  const history: BuyerHistory = {
    records: c.history.map((h) => ({
      dueAt: asOf - h.dueAgo * DAY,
      paidAt: Math.min(asOf, asOf - h.dueAgo * DAY + h.late * DAY),
      amountMinor: h.amount,
      dilutedMinor: Math.min(h.diluted, h.amount),
    })),
  };
  const portfolio: Portfolio = {
    ...(c.buyerLimit !== undefined ? { buyerLimitMinor: { [BUYER]: c.buyerLimit } } : {}),
    buyerExposureMinor: { [BUYER]: c.buyerExposure },
    ...(c.supplierLimit !== undefined ? { supplierLimitMinor: { [SUPPLIER]: c.supplierLimit } } : {}),
    ...(c.facilityLimit !== undefined ? { facilityLimitMinor: c.facilityLimit } : {}),
    totalExposureMinor: c.totalExposure + c.buyerExposure,
    ...(c.ledgerOpen !== undefined
      ? { supplierLedger: { [SUPPLIER]: { totalOpenMinor: c.ledgerOpen, byBuyerOpenMinor: {} } } }
      : {}),
  };
  return { invoice: d.invoice, events, trust, policy, asOf, portfolio, history };
}

function decideCase(c: Case, policy: FactoringPolicy): FactoringDecision {
  const r = requestOf(c, policy);
  return evaluateInvoice({ ...r, buyerHistory: r.history });
}

/** Every identity an auditor checks on one decision; returns the outcome for coverage counts. */
function assertReconciles(dec: FactoringDecision, policy: FactoringPolicy): DecisionOutcome {
  // Outcome vs reasons: the worst decisive severity is the outcome, and each severity is the code's.
  // The two rules applied after the engine carry their policy's action ('review' or 'reject').
  const ACTIONS: readonly string[] = ['review', 'reject'];
  for (const r of dec.reasons) {
    if (r.code === 'LEDGER_FINDING' || r.code === 'RECENT_KEY_EVENT') expect(ACTIONS).toContain(r.severity);
    else expect(r.severity).toBe(REASON_INFO[r.code].severity);
  }
  const worst = dec.reasons
    .map((r) => SEVERITY_OUTCOME[r.severity])
    .filter((o): o is DecisionOutcome => o !== undefined)
    .reduce<DecisionOutcome>((a, b) => (RANK[b] > RANK[a] ? b : a), 'approve');
  expect(dec.outcome).toBe(worst);
  expect(dec.fraudFlags).toEqual([
    ...new Set(dec.reasons.filter((r) => REASON_INFO[r.code].fraud).map((r) => r.code)),
  ]);
  // The proof of concept's view has no review: a hold is pending there, a reject only with a reject reason.
  if (dec.compat !== null)
    expect(dec.compat.verdict).toBe(
      dec.outcome === 'approve' ? 'approve' : dec.outcome === 'reject' ? 'reject' : 'pending',
    );
  if (dec.outcome === 'review' || dec.outcome === 'pending')
    expect(verificationTasks(dec).length).toBeGreaterThan(0);
  else expect(verificationTasks(dec)).toEqual([]);
  if (dec.outcome === 'reject' || dec.outcome === 'pending') {
    expect(dec.offer).toBeNull();
    expect(dec.limits).toBeNull();
    return dec.outcome;
  }
  const o = dec.offer;
  // An approval always carries its offer; a review carries one when pricing ran to the end.
  if (dec.outcome === 'approve') expect(o).not.toBeNull();
  if (o === null) {
    expect(dec.limits).toBeNull();
    return dec.outcome;
  }
  for (const v of [o.faceMinor, o.eligibleMinor, o.advanceMinor, o.reserveMinor, o.feeMinor]) {
    expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
  }
  for (const v of [o.purchasePriceMinor, o.expectedRebateMinor, o.discountBps, o.aprBps, o.tenorDays]) {
    expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
  }
  // Haircuts explain exactly the gap between face and eligible.
  expect(o.haircuts.reduce((s, h) => s + h.amountMinor, 0)).toBe(o.faceMinor - o.eligibleMinor);
  for (const h of o.haircuts) expect(h.amountMinor).toBeGreaterThan(0);
  expect(o.eligibleMinor).toBeLessThanOrEqual(o.faceMinor);
  if (o.feeKind === 'poc-blend') {
    // A discount purchase: the price is paid up front, nothing is held, the discount is the fee.
    expect([o.advanceMinor, o.reserveMinor]).toEqual([o.purchasePriceMinor, 0]);
  } else expect(o.advanceMinor + o.reserveMinor).toBe(o.eligibleMinor);
  expect(o.purchasePriceMinor + o.feeMinor).toBe(o.eligibleMinor);
  expect(o.purchasePriceMinor).toBeLessThanOrEqual(o.faceMinor);
  // The supplier is never advanced more than the financier pays in total.
  expect(o.advanceMinor).toBeLessThanOrEqual(o.purchasePriceMinor);
  expect(o.expectedRebateMinor).toBe(Math.max(0, o.reserveMinor - o.feeMinor));
  expect(o.advanceMinor + o.expectedRebateMinor).toBe(o.purchasePriceMinor);
  expect(o.discountBps).toBe(o.faceMinor > 0 ? mulDivCeil(o.feeMinor, 10_000, o.faceMinor) : 0);
  expect(o.aprBps).toBe(aprBps(o.feeMinor, o.advanceMinor, o.tenorDays));
  if (dec.outcome === 'approve') {
    expect(o.purchasePriceMinor).toBeGreaterThan(0);
    expect(o.advanceMinor).toBeGreaterThan(0);
  }
  // The pricing trace states the APR the offer quotes.
  const pricing = dec.trace.find((t) => t.rule === 'pricing');
  if (pricing !== undefined && pricing.inputs['aprBps'] !== undefined)
    expect(pricing.inputs['aprBps']).toBe(o.aprBps);
  // Limits: what this decision would add is its advance, on every line (the blend reads no limits).
  if (o.feeKind === 'poc-blend') expect(dec.limits).toBeNull();
  else expect(dec.limits).not.toBeNull();
  if (dec.limits !== null) {
    for (const l of [dec.limits.buyer, dec.limits.supplier, dec.limits.facility]) {
      expect(l.afterMinor).toBe(l.beforeMinor + o.advanceMinor);
      // Limits bind where the policy checks them (the proof-of-concept preset reports, never applies).
      if (policy.checks.limits && dec.outcome === 'approve' && l.limitMinor !== null && o.advanceMinor > 0)
        expect(l.afterMinor).toBeLessThanOrEqual(Math.max(l.limitMinor, l.beforeMinor));
    }
  }
  return dec.outcome;
}

describe('audit identities: every decision reconciles', () => {
  it('standard policy: offers add up, outcomes follow reasons, holds name work', () => {
    const seen: Record<DecisionOutcome, number> = { approve: 0, review: 0, pending: 0, reject: 0 };
    fc.assert(
      fc.property(caseArb, standardArb, (c, policy) => {
        seen[assertReconciles(decideCase(c, policy), policy)]++;
      }),
      { numRuns: 600 },
    );
    // The property must see offers, or it proves little.
    expect(seen.approve + seen.review).toBeGreaterThan(40);
  });

  it('proof-of-concept policy: offers add up, outcomes follow reasons', () => {
    const seen: Record<DecisionOutcome, number> = { approve: 0, review: 0, pending: 0, reject: 0 };
    fc.assert(
      fc.property(caseArb, pocArb, (c, policy) => {
        seen[assertReconciles(decideCase(c, policy), policy)]++;
      }),
      { numRuns: 400 },
    );
    expect(seen.approve).toBeGreaterThan(20);
  });
});

describe('audit: the same inputs give the same answer', () => {
  it('one invoice decided alone and as a batch of one, twice, give the same decision', () => {
    fc.assert(
      fc.property(caseArb, fc.oneof(standardArb, pocArb), (c, policy) => {
        const r = requestOf(c, policy);
        const alone = JSON.stringify(evaluateInvoice({ ...r, buyerHistory: r.history }));
        const batch = () =>
          evaluateBatch({
            items: [{ invoice: r.invoice, events: r.events }],
            trust: r.trust,
            policy,
            asOf: r.asOf,
            portfolio: r.portfolio,
            buyerHistories: { [BUYER]: r.history },
            trace: true,
          });
        const first = batch();
        expect(JSON.stringify(first.decisions[0])).toBe(alone);
        expect(JSON.stringify(batch())).toBe(JSON.stringify(first));
      }),
      { numRuns: 400 },
    );
  });
});

describe('audit: an empty book is the same alone and in a batch', () => {
  // With no portfolio at all, evaluateInvoice skips the duplicate checks (documented) and says
  // that no portfolio was passed; an empty one is the same book either way.
  it('one invoice decided alone and as a batch of one, on an empty portfolio, gives the same decision', () => {
    fc.assert(
      fc.property(caseArb, fc.oneof(standardArb, pocArb), (c, policy) => {
        const r = requestOf(c, policy);
        const portfolio = {};
        const alone = evaluateInvoice({ ...r, portfolio, buyerHistory: r.history });
        const batch = evaluateBatch({
          items: [{ invoice: r.invoice, events: r.events }],
          trust: r.trust,
          policy,
          asOf: r.asOf,
          portfolio,
          buyerHistories: { [BUYER]: r.history },
          trace: true,
        });
        expect(JSON.stringify(batch.decisions[0])).toBe(JSON.stringify(alone));
      }),
      { numRuns: 400 },
    );
  });
});

describe('audit: a reserved approval books exactly the limits it reported', () => {
  it("after reserveApproval, the state holds each limit line at the decision's afterMinor", () => {
    let booked = 0;
    fc.assert(
      fc.property(caseArb, standardArb, (c, policy) => {
        const r = requestOf(c, policy);
        const state = createPortfolioState(r.portfolio);
        const dec = decide({ ...r, buyerHistory: r.history }, policy, state);
        if (dec.outcome !== 'approve' || dec.limits === null) return;
        expect(reserveApproval(state, r.invoice, dec)).toBe(true);
        booked++;
        expect(state.buyerExposure(BUYER)).toBe(dec.limits.buyer.afterMinor);
        expect(state.supplierExposure(SUPPLIER)).toBe(dec.limits.supplier.afterMinor);
        expect(state.totalExposure()).toBe(dec.limits.facility.afterMinor);
      }),
      { numRuns: 600 },
    );
    expect(booked).toBeGreaterThan(5);
  });
});

describe('audit: a batch in several currencies adds nothing across them', () => {
  it("byCurrency holds each currency's counts and approval totals; the top-level amounts are null", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: caseArb, eur: fc.boolean() }), { minLength: 2, maxLength: 6 }),
        pocArb,
        (rows, policy) => {
          const reqs = rows.map((row, i) => {
            const r = requestOf(row.c, policy, 100 + i);
            const currency = row.eur ? 'EUR' : 'USD';
            const invoice = { ...r.invoice, currency };
            const events = r.events.map((e) =>
              e.eventType === 'invoice.issued' || e.eventType === 'payment.received'
                ? { ...e, payload: { ...e.payload, currency } }
                : e,
            );
            return { ...r, invoice, events };
          });
          const r0 = reqs[0] as (typeof reqs)[number];
          const res = evaluateBatch({
            items: reqs.map((r) => ({ invoice: r.invoice, events: r.events })),
            trust: r0.trust,
            policy,
            asOf: r0.asOf,
          });
          const currencies = [...new Set(reqs.map((r) => r.invoice.currency))].sort();
          expect(Object.keys(res.summary.byCurrency)).toEqual(currencies);
          for (const cur of currencies) {
            const mine = res.decisions.filter((_, i) => reqs[i]?.invoice.currency === cur);
            const t = res.summary.byCurrency[cur];
            const ok = mine.filter((d) => d.outcome === 'approve');
            expect(t?.advanceMinor).toBe(ok.reduce((a, d) => a + (d.offer?.advanceMinor ?? 0), 0));
            expect(t?.feeMinor).toBe(ok.reduce((a, d) => a + (d.offer?.feeMinor ?? 0), 0));
            expect(t?.faceMinor).toBe(
              reqs.filter((r) => r.invoice.currency === cur).reduce((a, r) => a + r.invoice.amountMinor, 0),
            );
            expect(t?.counts.approve).toBe(ok.length);
          }
          if (currencies.length > 1) {
            expect([res.summary.currency, res.summary.advanceMinor, res.summary.faceMinor]).toEqual([
              null,
              null,
              null,
            ]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("audit: stopping at the first reject gives the full run's outcome", () => {
  it('stopAtFirstDecisive changes no outcome, and no offer of a decision it does not reject', () => {
    fc.assert(
      fc.property(caseArb, standardArb, (c, policy) => {
        const full = decideCase(c, { ...policy, stopAtFirstDecisive: false });
        const stopped = decideCase(c, { ...policy, stopAtFirstDecisive: true });
        expect(stopped.outcome).toBe(full.outcome);
        if (full.outcome !== 'reject') expect(JSON.stringify(stopped.offer)).toBe(JSON.stringify(full.offer));
      }),
      { numRuns: 300 },
    );
  });
});

describe('audit: a ledger finding is the same hold alone and in a batch', () => {
  it('applyLedgerFindings on the decision alone equals the batch item with the same findings', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.oneof(standardArb, pocArb),
        fc.constantFrom<'review' | 'reject'>('review', 'reject'),
        (c, policy, action) => {
          const r = requestOf(c, policy);
          const ledgerFindings = { findings: [{ code: 'TITLE_HISTORY_UNAVAILABLE' }], policy: { action } };
          const alone = applyLedgerFindings(
            evaluateInvoice({ ...r, buyerHistory: r.history }),
            ledgerFindings,
          );
          const batch = evaluateBatch({
            items: [{ invoice: r.invoice, events: r.events, ledgerFindings }],
            trust: r.trust,
            policy,
            asOf: r.asOf,
            portfolio: r.portfolio,
            buyerHistories: { [BUYER]: r.history },
            trace: true,
          });
          expect(JSON.stringify(batch.decisions[0])).toBe(JSON.stringify(alone));
          assertReconciles(alone, policy);
          expect(batch.summary.counts.approve).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('audit: a recent key event is the same hold alone and in a batch', () => {
  it('applyRecentKeyEvents on the decision alone equals the batch item with the same events', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.oneof(standardArb, pocArb),
        fc.constantFrom<'review' | 'reject'>('review', 'reject'),
        fc.constantFrom(SUPPLIER, BUYER),
        fc.integer({ min: -100, max: 5 }),
        (c, policy, action, quid, daysBefore) => {
          const r = requestOf(c, policy);
          const keyEvents = {
            events: [{ quid, kind: 'recovery-committed' as const, at: r.asOf + daysBefore * DAY }],
            policy: { windowSeconds: 90 * DAY, action },
          };
          // A batch item's own events are its stream (their signers' key events count too).
          const alone = applyRecentKeyEvents(evaluateInvoice({ ...r, buyerHistory: r.history }), {
            ...keyEvents,
            invoice: r.invoice,
            stream: r.events,
          });
          const batch = evaluateBatch({
            items: [{ invoice: r.invoice, events: r.events, keyEvents }],
            trust: r.trust,
            policy,
            asOf: r.asOf,
            portfolio: r.portfolio,
            buyerHistories: { [BUYER]: r.history },
            trace: true,
          });
          expect(JSON.stringify(batch.decisions[0])).toBe(JSON.stringify(alone));
          assertReconciles(alone, policy);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('audit: item order does not decide an invoice', () => {
  it('a batch listed in reverse gives every invoice the same decision', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { minLength: 2, maxLength: 6 }),
        fc.oneof(standardArb, pocArb),
        fc.integer({ min: 0, max: 5 }),
        (cases, policy, asOfCase) => {
          const reqs = cases.map((c, i) => requestOf(c, policy, 100 + i));
          const r0 = reqs[Math.min(asOfCase, reqs.length - 1)]!;
          const items = reqs.map((r) => ({ invoice: r.invoice, events: r.events }));
          const run = (list: typeof items) =>
            evaluateBatch({
              items: list,
              trust: r0.trust,
              policy,
              asOf: r0.asOf,
              portfolio: r0.portfolio,
              buyerHistories: { [BUYER]: r0.history },
              trace: true,
            });
          const byId = (ds: readonly FactoringDecision[]) =>
            Object.fromEntries(ds.map((d) => [d.invoiceId, JSON.stringify(d)]));
          const a = run(items);
          const b = run([...items].reverse());
          expect(byId(b.decisions)).toEqual(byId(a.decisions));
          expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
          for (const d of a.decisions) assertReconciles(d, policy);
          // The summary is the sum of its decisions; the book after is the book before plus the approvals.
          const approved = a.decisions.filter((d) => d.outcome === 'approve');
          const sum = (k: 'advanceMinor' | 'feeMinor' | 'purchasePriceMinor') =>
            approved.reduce((t, d) => t + (d.offer?.[k] ?? 0), 0);
          expect(a.summary.advanceMinor).toBe(sum('advanceMinor'));
          expect(a.summary.feeMinor).toBe(sum('feeMinor'));
          expect(a.summary.purchasePriceMinor).toBe(sum('purchasePriceMinor'));
          expect(a.summary.faceMinor).toBe(items.reduce((t, i) => t + i.invoice.amountMinor, 0));
          for (const o of ['approve', 'review', 'pending', 'reject'] as const)
            expect(a.summary.counts[o]).toBe(a.decisions.filter((d) => d.outcome === o).length);
          expect(a.summary.facility.afterMinor).toBe(a.summary.facility.beforeMinor + sum('advanceMinor'));
          const after = a.portfolioAfter;
          const before = r0.portfolio;
          expect(after?.buyerExposureMinor?.[BUYER]).toBe(
            (before.buyerExposureMinor?.[BUYER] ?? 0) + sum('advanceMinor'),
          );
          expect(after?.totalExposureMinor).toBe((before.totalExposureMinor ?? 0) + sum('advanceMinor'));
          // Limits chain: in processing order, each approval's "before" is the previous approvals' "after".
          let running = before.buyerExposureMinor?.[BUYER] ?? 0;
          for (const i of a.processingOrder) {
            const d = a.decisions[i] as FactoringDecision;
            if (d.limits !== null) expect(d.limits.buyer.beforeMinor).toBe(running);
            if (d.outcome === 'approve') running = d.limits?.buyer.afterMinor ?? running;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('audit: a mixed book is decided the same whatever the listing order', () => {
  const PARTIES = ['a0a0a0a0a0a0a0a0', 'b0b0b0b0b0b0b0b0', 'd0d0d0d0d0d0d0d0', 'e0e0e0e0e0e0e0e0'];
  it('suppliers selling to each other across groups, limits and ledgers: shuffled, every invoice keeps its decision', () => {
    const rowArb = fc.record({
      s: fc.nat({ max: 3 }),
      b: fc.nat({ max: 3 }),
      amount: fc.integer({ min: 1_000, max: 9_000_000 }),
      day: fc.integer({ min: 0, max: 6 }),
      number: fc.nat({ max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 2, maxLength: 12 }),
        standardArb,
        fc.nat({ max: 30_000_000 }),
        fc.boolean(),
        fc.nat(),
        (rows, policy, limit, grouped, seed) => {
          const items = rows
            .filter((r) => r.s !== r.b)
            .map((r, i) => {
              const supplier = PARTIES[r.s] as string;
              const buyer = PARTIES[r.b] as string;
              const d = deal(
                {
                  invoiceId: `inv-${i}`,
                  invoiceNumber: `N-${r.number}`,
                  supplierQuid: supplier,
                  buyerQuid: buyer,
                  amountMinor: r.amount,
                  issuedAt: NOW + r.day * DAY,
                  dueAt: NOW + (r.day + 60) * DAY,
                  titleOwners: [
                    { ownerId: supplier, percentage: 0.96, stakeType: 'supplier' },
                    { ownerId: buyer, percentage: 0.02, stakeType: 'buyer' },
                    { ownerId: CARRIER, percentage: 0.02, stakeType: 'carrier' },
                  ],
                },
                { ids: `i${i}` },
              );
              return { invoice: d.invoice, events: d.events };
            });
          const trust = trustSourceFromRecord({
            ...Object.fromEntries(PARTIES.map((q, k) => [q, viaBureau(q, 0.6 + k * 0.1)])),
            [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
          });
          const portfolio: Portfolio = {
            currency: 'USD',
            buyerLimitMinor: Object.fromEntries(PARTIES.map((q) => [q, limit])),
            facilityLimitMinor: 4 * limit + 1,
            supplierLedger: {
              [PARTIES[0] as string]: { totalOpenMinor: 20_000_000, byBuyerOpenMinor: {} },
              [PARTIES[1] as string]: {
                totalOpenMinor: 10_000_000,
                byBuyerOpenMinor: { [PARTIES[0] as string]: 1_000_000 },
              },
            },
            ...(grouped ? { buyerGroup: { [PARTIES[2] as string]: 'g', [PARTIES[3] as string]: 'g' } } : {}),
          };
          const req = { trust, policy, asOf: NOW + 8 * DAY, portfolio, trace: true };
          const perm = fc.sample(
            fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
            { numRuns: 1, seed },
          )[0] as typeof items;
          const byId = (ds: readonly FactoringDecision[]) =>
            Object.fromEntries(ds.map((d) => [d.invoiceId, JSON.stringify(d)]));
          const a = evaluateBatch({ ...req, items });
          const b = evaluateBatch({ ...req, items: perm });
          expect(byId(b.decisions)).toEqual(byId(a.decisions));
          expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
          for (const d of a.decisions) assertReconciles(d, policy);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('audit: the trace states the figures the offer quotes', () => {
  it('fee above the reserve: the pricing trace gives the APR on the advance actually paid', () => {
    // A minimum fee of 2 on a face of 3: the fee is more than the reserve, so the advance is cut
    // from 2 to the purchase price 1, and the APR on the cash advanced doubles.
    const d = deal({ amountMinor: 3 });
    const trust = trustSourceFromRecord({
      [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
      [BUYER]: viaBureau(BUYER, 0.6),
      [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
    });
    const dec = evaluateInvoice({
      ...d,
      trust,
      policy: standardPolicy({ minFeeMinor: 2, fee: { kind: 'flat', rateBps: 0 }, newDebtor: 'accept' }),
      asOf: NOW + 7 * DAY,
      portfolio: { buyerLimitMinor: { [BUYER]: 1_000 } },
    });
    expect(dec.outcome).toBe('approve');
    expect(dec.reasons.map((r) => r.code)).toContain('FEE_ABOVE_RESERVE');
    expect(dec.offer?.advanceMinor).toBe(1);
    const quoted = dec.offer?.aprBps;
    expect(quoted).toBe(aprBps(2, 1, dec.offer?.tenorDays ?? 0));
    expect(dec.trace.find((t) => t.rule === 'pricing')?.inputs['aprBps']).toBe(quoted);
  });
});
