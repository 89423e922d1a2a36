// Portfolio batches: stated order, duplicates inside the batch, limit reservation, summary, and
// byte-identical output.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  evaluateBatch,
  pocPolicy,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { BOOK, DAY, deal, NOW } from './fixtures.js';

// Dated readings: an undated one cannot be shown to be fresh (TRUST_UNDATED, pending).
const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 1 },
  b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 1 },
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
});

function item(i: number, over: Parameters<typeof deal>[0] = {}): BatchItem {
  const d = deal(
    {
      invoiceId: `inv-${i}`,
      invoiceNumber: `INV-${1000 + i}`,
      issuedAt: NOW + i * DAY,
      dueAt: NOW + (i + 60) * DAY,
      ...over,
    },
    { ids: `i${i}` },
  );
  return { invoice: d.invoice, events: d.events };
}

describe('evaluateBatch', () => {
  it('traces only when asked (trace: true); the decisions are otherwise identical', () => {
    const items = [item(1), item(2)];
    const base = { items, trust, policy: standardPolicy(), asOf: NOW + 10 * DAY };
    const plain = evaluateBatch(base);
    const traced = evaluateBatch({ ...base, trace: true });
    expect(plain.decisions.map((d) => d.trace.length)).toEqual([0, 0]);
    expect(traced.decisions.every((d) => d.trace.length > 10)).toBe(true);
    expect(JSON.stringify(plain.decisions.map((d) => ({ ...d, trace: [] })))).toBe(
      JSON.stringify(traced.decisions.map((d) => ({ ...d, trace: [] }))),
    );
  });

  it('decides earliest issued first and reserves each approval against the buyer limit', () => {
    const items = [item(3), item(1), item(2)]; // listed out of order
    const r = evaluateBatch({
      items,
      trust,
      policy: standardPolicy({ limitMode: 'reject' }),
      asOf: NOW + 10 * DAY,
      portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 9_500_000 } },
    });
    expect(r.processingOrder).toEqual([1, 2, 0]);
    // 4,500,000 advance each: inv-1 and inv-2 fit (9,000,000), inv-3 does not.
    expect(r.decisions.map((d) => [d.invoiceId, d.outcome])).toEqual([
      ['inv-3', 'reject'],
      ['inv-1', 'approve'],
      ['inv-2', 'approve'],
    ]);
    expect(r.decisions[0]?.reasons[0]?.code).toBe('BUYER_LIMIT_EXCEEDED');
    expect(r.decisions[2]?.limits?.buyer).toEqual({
      limitMinor: 9_500_000,
      beforeMinor: 4_500_000,
      afterMinor: 9_000_000,
    });
    expect(r.summary).toMatchObject({
      counts: { approve: 2, review: 0, pending: 0, reject: 1 },
      faceMinor: 15_000_000,
      advanceMinor: 9_000_000,
      facility: { beforeMinor: 0, afterMinor: 9_000_000, limitMinor: null },
      byReason: { BUYER_LIMIT_EXCEEDED: 1 },
    });
  });

  it('catches the same invoice submitted twice in one batch (and a re-keyed copy)', () => {
    const a = item(1);
    const copy = item(2, { invoiceNumber: 'inv 1001', issuedAt: NOW + DAY, dueAt: NOW + 61 * DAY });
    const r = evaluateBatch({
      items: [copy, a],
      trust,
      policy: standardPolicy(),
      asOf: NOW + 10 * DAY,
      portfolio: BOOK,
    });
    // Same issue time: decided by invoice id, so inv-1 first and inv-2 is the duplicate.
    expect(r.decisions.map((d) => d.outcome)).toEqual(['reject', 'approve']);
    expect(r.decisions[0]?.reasons.map((x) => x.code)).toContain('DUPLICATE_EXACT');
    expect(r.decisions[0]?.duplicates[0]?.invoiceId).toBe('inv-1');
  });

  it('a shipping document reused by a later invoice is matched within the batch', () => {
    const first = item(1);
    const second = item(2, { amountMinor: 2_000_000 });
    const reused = {
      ...second,
      events: second.events.map((e) =>
        e.eventType === 'carrier.shipped' ? { ...e, payload: { ...e.payload, billOfLading: 'BOL-i1' } } : e,
      ),
    };
    const r = evaluateBatch({
      items: [first, reused],
      trust,
      policy: standardPolicy(),
      asOf: NOW + 10 * DAY,
    });
    expect(r.decisions[1]?.duplicates[0]).toMatchObject({
      invoiceId: 'inv-1',
      rules: expect.arrayContaining(['shared-document']),
    });
    // One shipment's document under two receivables is held, not bought with a haircut.
    expect(r.decisions[1]?.reasons.map((x) => x.code)).toContain('SHARED_SHIPPING_DOCUMENT');
    expect(r.decisions[1]?.outcome).toBe('review');
  });

  it('is byte-identical across runs', () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      item(i % 10, { invoiceId: `inv-${i}`, amountMinor: 100_000 * (i + 1) }),
    );
    const run = () =>
      JSON.stringify(
        evaluateBatch({
          items,
          trust,
          policy: standardPolicy(),
          asOf: NOW + 12 * DAY,
          portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 20_000_000 } },
        }),
      );
    expect(run()).toBe(run());
  });

  it('summarises a proof-of-concept batch like evaluate_batch', () => {
    const r = evaluateBatch({ items: [item(1), item(2)], trust, policy: pocPolicy(), asOf: NOW + 10 * DAY });
    expect(r.summary.counts).toEqual({ approve: 2, review: 0, pending: 0, reject: 0 });
  });

  it("a proof-of-concept batch's facility total is the stated exposure plus the advances it approved", () => {
    const items = [item(1), item(2), item(3, { supplierQuid: 'a1a1a1a1a1a1a1a1' })];
    const portfolio = { totalExposureMinor: 1_000_000, facilityLimitMinor: 900_000_000 };
    const r = evaluateBatch({ items, trust, policy: pocPolicy(), asOf: NOW + 10 * DAY, portfolio });
    const advanced = r.decisions.reduce(
      (n, d) => n + (d.outcome === 'approve' ? (d.offer?.advanceMinor ?? 0) : 0),
      0,
    );
    expect(r.summary.counts.approve).toBe(2);
    expect(advanced).toBeGreaterThan(0);
    expect(r.summary.advanceMinor).toBe(advanced);
    expect(r.summary.facility).toEqual({
      beforeMinor: 1_000_000,
      afterMinor: 1_000_000 + advanced,
      limitMinor: 900_000_000,
    });
  });
});
