// Reason ranking, rule trace, stop-at-first mode, policy ids, error paths, and the public surface.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import {
  compilePolicy,
  evaluateInvoice,
  FactoringInputError,
  invoiceFromIssuedPayload,
  pocPolicy,
  REASON_INFO,
  ReasonCode,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, deal, NOW } from './fixtures.js';

// Dated readings: an undated one cannot be shown to be fresh (TRUST_UNDATED, pending).
const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 1 },
  b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 1 },
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
});

describe('explainability', () => {
  it('ranks reasons by severity, then by the stable code rank', () => {
    const d = deal({}, { deliveredAt: NOW + 6 * DAY, ackAt: NOW + 4 * DAY, ackAmount: 4_990_000 });
    const events = [
      ...d.events,
      {
        subjectId: 'inv-100',
        id: 'x1',
        eventType: 'factor.purchased',
        signerQuid: 'f1f1f1f1f1f1f1f1',
        sequence: 9,
        timestamp: NOW,
        payload: { financierQuid: 'f1f1f1f1f1f1f1f1', purchasePriceMinor: 4_000_000, factoredAt: NOW },
      },
    ];
    const dec = evaluateInvoice({ invoice: d.invoice, events, trust, policy: standardPolicy(), asOf: AS_OF });
    const codes = dec.reasons.map((r) => r.code);
    expect(codes).toEqual(['DOUBLE_FACTORED', 'DELIVERY_AFTER_ACKNOWLEDGEMENT', 'ACK_SHORTFALL']);
    expect(dec.outcome).toBe('reject');
    expect(dec.fraudFlags).toEqual(['DOUBLE_FACTORED', 'DELIVERY_AFTER_ACKNOWLEDGEMENT']);
    expect(dec.offer).toBeNull();
  });

  it('traces every rule with its inputs and outcome', () => {
    const d = deal();
    const dec = evaluateInvoice({
      ...d,
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 1e8 } },
    });
    expect(dec.trace.map((t) => t.rule)).toEqual([
      'invoice-valid',
      'signer-roles',
      'stream-integrity',
      'double-factoring',
      'fraud-signals',
      'duplicates',
      'title-ownership',
      'parties-and-dates',
      'tenor',
      'issued-evidence',
      'terms',
      'logistics',
      'shipment-lead',
      'evidence-dates',
      'delivery',
      'acknowledgement',
      'ack-amount',
      'trust-readings',
      'supplier-trust',
      'buyer-trust',
      'carrier-trust',
      'dispute-rate',
      'eligibility',
      'early-payment-discount',
      'advance-rate',
      'buyer-limit',
      'pricing',
    ]);
    expect(dec.trace.find((t) => t.rule === 'buyer-trust')).toEqual({
      rule: 'buyer-trust',
      outcome: 'pass',
      inputs: { buyerTrust: 0.9 },
      threshold: 0.6,
      effectMinor: 0,
    });
    const untraced = evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF, trace: false });
    expect(untraced.trace).toEqual([]);
    expect(untraced.offer).toEqual(
      evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF }).offer,
    );
  });

  it('stop-at-first mode skips the rules after the deciding one (proof of concept order)', () => {
    const d = deal();
    const dec = evaluateInvoice({
      ...d,
      events: d.events.slice(0, 2),
      trust,
      policy: pocPolicy(),
      asOf: AS_OF,
    });
    expect(dec.outcome).toBe('pending');
    expect(dec.trace.filter((t) => t.outcome === 'skip').map((t) => t.rule)).toEqual([
      'acknowledgement',
      'trust-readings',
      'supplier-trust',
      'buyer-trust',
      'pricing',
    ]);
  });

  it('worst severity wins in the standard mode: missing delivery plus low buyer trust rejects', () => {
    const d = deal();
    const low = trustSourceFromRecord({
      a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 1 },
      b0b0b0b0b0b0b0b0: { level: 0.3, observedAt: NOW, pathLength: 1 },
      c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
    });
    const dec = evaluateInvoice({
      ...d,
      events: d.events.slice(0, 2),
      trust: low,
      policy: standardPolicy(),
      asOf: AS_OF,
    });
    expect(dec.outcome).toBe('reject');
    expect(dec.reasons.map((r) => r.severity)).toEqual(['reject', 'pending', 'pending']);
  });

  it('policy ids are stable and change with the policy', () => {
    expect(compilePolicy(standardPolicy()).policyId).toBe(compilePolicy(standardPolicy()).policyId);
    expect(compilePolicy(standardPolicy()).policyId).not.toBe(
      compilePolicy(standardPolicy({ minBuyerTrust: 0.61 })).policyId,
    );
    expect(compilePolicy(standardPolicy()).policyId).toMatch(/^quidfin-standard@1#[0-9a-f]{8}$/);
  });

  it('refuses bad policies and money with located errors', () => {
    const bad = () => compilePolicy(standardPolicy({ lgdBps: 1.5, minBuyerTrust: 2 }));
    expect(bad).toThrow(FactoringInputError);
    try {
      bad();
    } catch (e) {
      expect((e as FactoringInputError).code).toBe('INVALID_POLICY');
      expect((e as FactoringInputError).issues.map((i) => i.path)).toEqual(['minBuyerTrust', 'lgdBps']);
    }
    const d = deal({ amountMinor: 10.5 });
    expect(() => evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF })).toThrow(
      /safe integers/,
    );
  });

  it('reads the invoice from an invoice.issued payload', () => {
    const d = deal();
    const inv = invoiceFromIssuedPayload(d.events[0]!.payload!, d.invoice.titleOwners);
    expect(inv).toMatchObject({
      invoiceId: 'inv-100',
      invoiceNumber: 'INV-2026-0100',
      amountMinor: 5_000_000,
    });
    expect(invoiceFromIssuedPayload({ invoiceId: 'x' })).toBeUndefined();
  });

  it('every reason code has a severity and a unique rank', () => {
    const codes = Object.values(ReasonCode);
    expect(Object.keys(REASON_INFO).sort()).toEqual([...codes].sort());
    expect(new Set(codes.map((c) => REASON_INFO[c].rank)).size).toBe(codes.length);
  });

  it('exposes the documented runtime API', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'REASON_INFO',
        'ReasonCode',
        'FactoringInputError',
        'isFactoringError',
        'aprBps',
        'clampInt',
        'compilePolicy',
        'createDuplicateIndex',
        'createPortfolioState',
        'decide',
        'evaluateBatch',
        'evaluateInvoice',
        'extractStreamFacts',
        'formatFixedPython',
        'invoiceFingerprint',
        'invoiceFingerprints',
        'invoiceFromIssuedPayload',
        'joinedInvoiceNumber',
        'mulDivCeil',
        'mulDivFloor',
        'normaliseInvoiceNumber',
        'pocOffer',
        'pocPolicy',
        'predictCollection',
        'priceInvoice',
        'profileBuyer',
        'pythonFloatRepr',
        'reserveApproval',
        'scoreDuplicate',
        'standardPolicy',
        'trustSourceFromRecord',
        'trustToPpm',
        'applyRecentKeyEvents',
        'DEFAULT_KEY_EVENT_POLICY',
        'applyLedgerFindings',
        'DEFAULT_LEDGER_FINDING_POLICY',
        'verificationTasks',
      ].sort(),
    );
  });
});
