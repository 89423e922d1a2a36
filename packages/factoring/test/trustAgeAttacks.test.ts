// Trust readings read long ago for the other parties of an invoice: the carrier that attests
// delivery and the reporters of fraud signals. The supplier's and the buyer's readings were held
// past `maxTrustAgeSeconds` (TRUST_TOO_OLD); these were not dated-checked at all, so a carrier
// vouched for years ago made its delivery count, and a reporter trusted years ago could veto.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, type Deal, deal, NOW } from './fixtures.js';

const CARRIER = 'c0c0c0c0c0c0c0c0';
const REPORTER = 'f1f1f1f1f1f1f1f1';
const YEARS_AGO = NOW - 3 * 365 * DAY;

function run(d: Deal, trust: Record<string, TrustReading>, events = d.events): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events,
    trust: trustSourceFromRecord({ ...DEAL_TRUST, ...trust }),
    policy: standardPolicy(),
    asOf: AS_OF,
    portfolio: BOOK,
  });
}
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);
const messages = (d: FactoringDecision): string => d.reasons.map((r) => r.message).join(' | ');

describe('a carrier vouched for years ago', () => {
  it('a carrier reading three years old does not make the delivery count: held for a new reading (TRUST_TOO_OLD)', () => {
    const x = run(deal(), { [CARRIER]: { level: 0.9, observedAt: YEARS_AGO, pathLength: 1 } });
    expect(x.outcome).not.toBe('approve');
    expect(x.offer).toBeNull();
    expect(codes(x)).toContain('TRUST_TOO_OLD');
    expect(messages(x)).toContain(`carrier ${CARRIER}`);
  });

  it('a carrier reading read within the bound (200 days ago) still counts (unchanged)', () => {
    const x = run(deal(), { [CARRIER]: { level: 0.9, observedAt: AS_OF - 200 * DAY, pathLength: 1 } });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('TRUST_TOO_OLD');
  });

  it('a policy without an age bound (maxTrustAgeSeconds unset) keeps the old carrier reading', () => {
    const d = deal();
    const trust = trustSourceFromRecord({
      ...DEAL_TRUST,
      [CARRIER]: { level: 0.9, observedAt: YEARS_AGO, pathLength: 1 },
    });
    const { maxTrustAgeSeconds: _bound, ...noAgeBound } = standardPolicy();
    const noBound = evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust,
      policy: noAgeBound,
      asOf: AS_OF,
      portfolio: BOOK,
    });
    expect(codes(noBound)).not.toContain('TRUST_TOO_OLD');
    expect(noBound.outcome).toBe('approve');
  });
});

describe('a carrier reading with no date', () => {
  // The supplier's and the buyer's undated readings wait for a dated one (TRUST_UNDATED); the
  // carrier's counted as read today, so a level cached years ago made its delivery count.
  it('an undated carrier reading does not make the delivery count: held for a dated one (TRUST_UNDATED)', () => {
    const x = run(deal(), { [CARRIER]: { level: 0.9, pathLength: 1 } });
    expect(x.outcome).toBe('pending');
    expect(x.offer).toBeNull();
    expect(codes(x)).toContain('TRUST_UNDATED');
    expect(messages(x)).toContain(`carrier ${CARRIER}`);
  });

  it("undatedTrust: 'fresh' reads it as current, as for the supplier and the buyer", () => {
    const d = deal();
    const x = evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord({ ...DEAL_TRUST, [CARRIER]: { level: 0.9, pathLength: 1 } }),
      policy: standardPolicy({ undatedTrust: 'fresh' }),
      asOf: AS_OF,
      portfolio: BOOK,
    });
    expect(x.outcome).toBe('approve');
  });

  it('an undated carrier reading with no path is no trust, not an undated one', () => {
    const x = run(deal(), { [CARRIER]: { level: 0.9, pathLength: 0 } });
    expect(codes(x)).toContain('CARRIER_NO_TRUST_PATH');
    expect(codes(x)).not.toContain('TRUST_UNDATED');
  });
});

describe('a fraud reporter trusted years ago', () => {
  const signal = (d: Deal, kind: string, severity: string): VerifiedEvent => ({
    subjectId: d.invoice.invoiceId,
    id: `fs-${kind}-${severity}`,
    eventType: `fraud.signal.${kind}`,
    signerQuid: REPORTER,
    sequence: 10,
    timestamp: NOW + 5 * DAY,
    payload: { reporterQuid: REPORTER, evidence: 'seen', reportedAt: NOW + 5 * DAY, severity },
  });
  const withSignal = (kind: string, severity: string, reading: TrustReading): FactoringDecision => {
    const d = deal();
    return run(d, { [REPORTER]: reading }, [...d.events, signal(d, kind, severity)]);
  };
  const old = (level: number): TrustReading => ({ level, observedAt: YEARS_AGO, pathLength: 1 });
  const fresh = (level: number): TrustReading => ({ level, observedAt: NOW, pathLength: 1 });

  it('a forgery signal from a reporter trusted three years ago cannot veto: held for review, and the message says why', () => {
    expect(withSignal('invoice-forged', 'high', fresh(0.9)).outcome).toBe('reject');
    const x = withSignal('invoice-forged', 'high', old(0.9));
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('FRAUD_SIGNAL_REVIEW');
    expect(codes(x)).not.toContain('FRAUD_SIGNAL');
    expect(messages(x)).toContain(REPORTER);
  });

  it('a low-severity decisive signal from that reporter is still reviewed, never only noted and approved', () => {
    // Fresh, the reporter's decisive kind rejects whatever the severity; old, its weight alone
    // (0.6 x 0.25) is below the review score.
    expect(withSignal('double-financing', 'low', fresh(0.6)).outcome).toBe('reject');
    const x = withSignal('double-financing', 'low', old(0.6));
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('FRAUD_SIGNAL_REVIEW');
  });

  it('a routine signal from that reporter weighs as before (not ignored)', () => {
    const x = withSignal('round-amount', 'medium', old(0.9));
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('FRAUD_SIGNAL_REVIEW');
  });
});
