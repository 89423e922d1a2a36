// A trust reading taken from another quid's point of view: the path [bureau, buyer] says the bureau
// trusts the buyer directly, not the financier. With one hop it passed as the financier's own
// direct trust, while the supplier's reading started at the financier. Readings of one decision
// that start at different quids are not all the financier's: whose trust it is cannot be told.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, deal, NOW } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const FINANCIER = 'f9f9f9f9f9f9f9f9';
const BUREAU = 'e1e1e1e1e1e1e1e1';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: { level: 0.85, observedAt: NOW, pathLength: 2, path: [FINANCIER, BUREAU, SUPPLIER] },
  [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, BUREAU, BUYER] },
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1, path: [FINANCIER, CARRIER] },
};

function run(trust: Record<string, TrustReading>): FactoringDecision {
  const d = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord({ ...TRUST, ...trust }),
    policy: standardPolicy(),
    asOf: AS_OF,
    portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 } },
  });
}
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

describe("a reading from another quid's point of view (its path does not start where the others do)", () => {
  it('the buyer read from the bureau ([bureau, buyer], one hop): held (TRUST_PATH_UNKNOWN), not approved as direct trust', () => {
    expect(run({}).outcome).toBe('approve');
    const x = run({ [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 1, path: [BUREAU, BUYER] } });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
    expect(x.reasons.find((r) => r.code === 'TRUST_PATH_UNKNOWN')?.message).toMatch(/e1e1e1e1e1e1e1e1/);
  });

  it('the carrier read from the bureau: its delivery attestation does not count (held)', () => {
    const x = run({ [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1, path: [BUREAU, CARRIER] } });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
  });

  it('the supplier read from elsewhere, the buyer from the financier: held all the same', () => {
    const x = run({ [SUPPLIER]: { level: 0.85, observedAt: NOW, pathLength: 1, path: [BUREAU, SUPPLIER] } });
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
  });

  it("a buyer read from the supplier's point of view is still BUYER_TRUST_VIA_SUPPLIER (review), as before", () => {
    const x = run({ [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 1, path: [SUPPLIER, BUYER] } });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('BUYER_TRUST_VIA_SUPPLIER');
  });

  it('false-positive trap: readings without a path, or one direct and one through the bureau, from one financier', () => {
    const x = run({ [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 } });
    expect(x.outcome).toBe('approve');
  });
});

describe('readings whose starts cannot be compared (review of round 8)', () => {
  const bare = (level: number): TrustReading => ({ level, observedAt: NOW, pathLength: 1 });
  const withPolicy = (trust: Record<string, TrustReading>, financierQuid?: string): FactoringDecision => {
    const d = deal();
    return evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord(trust),
      policy: standardPolicy(financierQuid === undefined ? {} : { financierQuid }),
      asOf: AS_OF,
      portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 } },
    });
  };

  it('the supplier and carrier read with no path, the buyer from the bureau: with policy.financierQuid the buyer is held (without it, one start has nothing to be compared with)', () => {
    const x = withPolicy(
      {
        [SUPPLIER]: bare(0.85),
        [CARRIER]: bare(0.7),
        [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 1, path: [BUREAU, BUYER] },
      },
      FINANCIER,
    );
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
  });

  it('with policy.financierQuid, every reading that names a path starts at the financier: one that all start at the bureau is held', () => {
    const fromBureau: Record<string, TrustReading> = {
      [SUPPLIER]: { level: 0.85, observedAt: NOW, pathLength: 1, path: [BUREAU, SUPPLIER] },
      [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 1, path: [BUREAU, BUYER] },
      [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1, path: [BUREAU, CARRIER] },
    };
    expect(withPolicy(TRUST, FINANCIER).outcome).toBe('approve');
    const x = withPolicy(fromBureau, FINANCIER);
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
    expect(x.reasons.find((r) => r.code === 'TRUST_PATH_UNKNOWN')?.message).toMatch(/f9f9f9f9f9f9f9f9/);
  });

  it('policy.financierQuid must be a quid', () => {
    expect(() => standardPolicy({ financierQuid: 'F9F9F9F9F9F9F9F9' })).not.toThrow();
    expect(() =>
      evaluateInvoice({
        invoice: deal().invoice,
        events: deal().events,
        trust: trustSourceFromRecord(TRUST),
        policy: standardPolicy({ financierQuid: 'F9F9F9F9F9F9F9F9' }),
        asOf: AS_OF,
      }),
    ).toThrow(/financierQuid/);
  });
});

describe("a fraud reporter read from another quid's point of view, with policy.financierQuid (review of round 8)", () => {
  const REPORTER = 'f1f1f1f1f1f1f1f1';
  const decideWith = (reporter: TrustReading): FactoringDecision => {
    const d = deal();
    const signal = {
      subjectId: d.invoice.invoiceId,
      id: 'fs-1',
      eventType: 'fraud.signal.invoice-forged',
      signerQuid: REPORTER,
      sequence: 20,
      timestamp: NOW + 5 * 86_400,
      payload: { reporterQuid: REPORTER, evidence: 'seen', reportedAt: NOW + 5 * 86_400, severity: 'high' },
    };
    return evaluateInvoice({
      invoice: d.invoice,
      events: [...d.events, signal],
      trust: trustSourceFromRecord({ ...TRUST, [REPORTER]: reporter }),
      policy: standardPolicy({ financierQuid: FINANCIER }),
      asOf: AS_OF,
      portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 } },
    });
  };

  it("the financier's own reading of the reporter weighs the signal (a trusted reporter's forgery rejects)", () => {
    const x = decideWith({ level: 0.95, observedAt: NOW, pathLength: 1, path: [FINANCIER, REPORTER] });
    expect(x.outcome).toBe('reject');
  });

  it("a bureau's low view of the reporter does not silence its forgery report: held, not approved", () => {
    const x = decideWith({ level: 0.05, observedAt: NOW, pathLength: 1, path: [BUREAU, REPORTER] });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('REPORTER_TRUST_MISSING');
  });
});
