// A first-time integrator's path through the documented flows (README, docs/quick-start.md,
// docs/financier-decisions.md, examples/): where following the docs or the types led to an
// approval the engine should not give, a wrong amount, or a safety input silently ignored.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  pocPolicy,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
  verificationTasks,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, type Deal, deal, NOW } from './fixtures.js';

const PEER = 'f1f1f1f1f1f1f1f1';

/** A peer financier's report on the deal's stream (it co-owns the title in the fixtures). */
function report(d: Deal, kind: string, reporter = PEER, id = 'fs-1'): VerifiedEvent {
  return {
    subjectId: d.invoice.invoiceId,
    id,
    eventType: `fraud.signal.${kind}`,
    signerQuid: reporter,
    sequence: 5,
    timestamp: NOW + 5 * DAY,
    payload: {
      reporterQuid: reporter,
      evidence: 'assigned to us under facility 118',
      reportedAt: NOW + 5 * DAY,
      severity: 'high',
    },
  };
}

function decide(
  d: Deal,
  events: readonly VerifiedEvent[],
  trust: Readonly<Record<string, TrustReading>>,
  policy = standardPolicy(),
): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events,
    trust: trustSourceFromRecord(trust),
    policy,
    asOf: AS_OF,
    portfolio: BOOK,
  });
}

const codes = (x: FactoringDecision): string[] => x.reasons.map((r) => r.code);

describe('trust read for the invoice parties only (the quick start read supplier, buyer and carrier)', () => {
  it("a peer financier's double-financing report whose reporter was never read is held (REPORTER_TRUST_MISSING), not approved", () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'double-financing')], DEAL_TRUST);
    expect(x.outcome).toBe('pending');
    expect(x.offer).toBeNull();
    expect(codes(x)).toContain('REPORTER_TRUST_MISSING');
    expect(codes(x)).not.toContain('UNTRUSTED_REPORTER_IGNORED');
    expect(x.reasons.find((r) => r.code === 'REPORTER_TRUST_MISSING')?.message).toContain(PEER);
    expect(verificationTasks(x).map((t) => t.task)).toContain('REFRESH_TRUST');
  });

  it('the same report with the reporter read and trusted rejects', () => {
    const d = deal();
    const trust = { ...DEAL_TRUST, [PEER]: { level: 0.9, observedAt: NOW, pathLength: 1 } };
    const x = decide(d, [...d.events, report(d, 'double-financing')], trust);
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('FRAUD_SIGNAL');
  });

  it('the reporter read with no trust path (what ledger.trustReading returns for a stranger) is ignored, as documented', () => {
    const d = deal();
    const trust = { ...DEAL_TRUST, [PEER]: { level: 0, observedAt: NOW, pathLength: 0, path: [] } };
    const x = decide(d, [...d.events, report(d, 'double-financing')], trust);
    expect(x.outcome).toBe('approve');
    expect(codes(x)).toContain('UNTRUSTED_REPORTER_IGNORED');
  });

  it('a weak kind (round-amount) from an unread reporter is held too: read, it could reach review', () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'round-amount')], DEAL_TRUST);
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('REPORTER_TRUST_MISSING');
  });

  it('the proof-of-concept preset weighs no reporter, so it keeps its verdict', () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'invoice-forged')], DEAL_TRUST, pocPolicy());
    expect(x.outcome).toBe('reject');
    expect(codes(x)).not.toContain('REPORTER_TRUST_MISSING');
  });
});
