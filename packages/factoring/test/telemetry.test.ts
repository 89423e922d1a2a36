// OpenTelemetry: one span per evaluateInvoice / evaluateBatch call, outcomes and counts only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtelRecorder, recordOtel } from '../../../test-support/otel.js';
import {
  type BatchItem,
  evaluateBatch,
  evaluateInvoice,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, deal, viaBureau } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9),
  c0c0c0c0c0c0c0c0: viaBureau('c0c0c0c0c0c0c0c0', 0.8),
});
const portfolio = { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 50_000_000 } };
const OUTCOMES = /^(approve|review|pending|reject|error)$/;
/** The only text an attribute may hold besides an error code: an operation or an outcome. */
const TEXT_VALUES = /^(evaluateInvoice|evaluateBatch|approve|review|pending|reject|error)$/;

describe('OpenTelemetry (factoring)', () => {
  let otel: OtelRecorder;
  beforeAll(() => {
    // A decision before any provider is registered: no-op instruments, which must not stick.
    const d = deal();
    evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF, portfolio });
    otel = recordOtel();
  });
  afterAll(() => otel.stop());

  it('one span per evaluateInvoice with the outcome and the number of reasons', () => {
    otel.spans.reset();
    const d = deal();
    const decision = evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF, portfolio });
    const spans = otel.spans.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['factoring.evaluateInvoice']);
    expect(spans[0]?.attributes).toEqual({
      'quidfin.factoring.outcome': decision.outcome,
      'quidfin.factoring.reason_count': decision.reasons.length,
    });
  });

  it('a batch of 50 is one span with the count per outcome, and no span per decision', () => {
    otel.spans.reset();
    const items: BatchItem[] = Array.from({ length: 50 }, (_, i) => {
      const d = deal(
        { invoiceId: `inv-${i}`, invoiceNumber: `INV-${1000 + i}`, amountMinor: 100_000 + i * 10_000 },
        { ids: `inv-${i}`, ...(i % 5 === 0 ? { ackAmount: 1 } : {}) },
      );
      return { invoice: d.invoice, events: i % 7 === 0 ? d.events.slice(0, 2) : d.events };
    });
    const r = evaluateBatch({ items, trust, policy: standardPolicy(), asOf: AS_OF, portfolio });
    const spans = otel.spans.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['factoring.evaluateBatch']);
    const a = spans[0]?.attributes ?? {};
    expect(a['quidfin.factoring.invoices']).toBe(50);
    for (const o of ['approve', 'review', 'pending', 'reject'] as const)
      expect(a[`quidfin.factoring.outcome.${o}`]).toBe(r.summary.counts[o]);
    expect(r.summary.counts.pending).toBeGreaterThan(0);
  });

  it('a refused request is an error span with the error code', () => {
    otel.spans.reset();
    const d = deal({ amountMinor: 1.5 });
    expect(() => evaluateInvoice({ ...d, trust, policy: standardPolicy(), asOf: AS_OF })).toThrow();
    const [span] = otel.spans.getFinishedSpans();
    expect(span?.status.code).toBe(2);
    expect(span?.attributes['error.type']).toMatch(/^[A-Z_]+$/);
  });

  it('metrics (instruments made before the provider follow it): decisions by outcome and call durations; no ids, parties, amounts or messages in any attribute', async () => {
    const recorded = await otel.metrics();
    const decisions = recorded.find((m) => m.name === 'quidfin.factoring.decisions');
    expect(decisions?.points.reduce((n, p) => n + Number(p.value), 0)).toBeGreaterThanOrEqual(51);
    expect(recorded.map((m) => m.name)).toContain('quidfin.factoring.evaluation.duration');
    const all = [
      ...otel.spans.getFinishedSpans().map((s) => s.attributes),
      ...recorded.flatMap((m) => m.points.map((p) => p.attributes)),
    ];
    for (const attrs of all)
      for (const [key, value] of Object.entries(attrs)) {
        expect(key).toMatch(/^(quidfin\.factoring\.[a-z_.]+|error\.type)$/);
        if (typeof value === 'number') continue;
        expect(String(value), key).toMatch(key === 'error.type' ? /^[A-Z][A-Z_]+$/ : TEXT_VALUES);
        if (key === 'quidfin.factoring.outcome') expect(String(value)).toMatch(OUTCOMES);
      }
  });
});
