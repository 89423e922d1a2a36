// A batch's summary is what a financier's dashboard shows as cash out: it must never add yen to
// cents, nor disagree with the decisions it sums.

import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  type BatchResult,
  evaluateBatch,
  pocPolicy,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { BOOK, DAY, deal, NOW } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 1 },
  b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 1 },
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
});
const asOf = NOW + 10 * DAY;

function item(i: number, over: Parameters<typeof deal>[0] = {}): BatchItem {
  const d = deal(
    {
      invoiceId: `inv-${i}`,
      invoiceNumber: `INV-${1000 + i}`,
      issuedAt: NOW + i * DAY,
      dueAt: NOW + (i + 60) * DAY,
      amountMinor: 5_000_000 + i * 100_000,
      ...over,
    },
    { ids: `i${i}` },
  );
  return { invoice: d.invoice, events: d.events };
}

/** The totals a dashboard would compute from the decisions themselves, per currency. */
function fromDecisions(items: readonly BatchItem[], r: BatchResult) {
  const out: Record<string, { face: number; advance: number; fee: number; price: number; n: number }> = {};
  r.decisions.forEach((d, i) => {
    const ccy = (items[i] as BatchItem).invoice.currency;
    out[ccy] ??= { face: 0, advance: 0, fee: 0, price: 0, n: 0 };
    const t = out[ccy];
    t.n++;
    t.face += (items[i] as BatchItem).invoice.amountMinor;
    if (d.outcome === 'approve' && d.offer !== null) {
      t.advance += d.offer.advanceMinor;
      t.fee += d.offer.feeMinor;
      t.price += d.offer.purchasePriceMinor;
    }
  });
  return out;
}

describe('a batch in several currencies: no total adds one currency to another', () => {
  // Possible with no limits on file (the proof-of-concept preset, or requireBuyerLimit: false).
  const mixed = [item(1), item(2, { currency: 'JPY' }), item(3), item(4, { currency: 'EUR' })];

  for (const [name, policy] of [
    ['the proof-of-concept preset', pocPolicy()],
    [
      'a standard policy with no limits required',
      standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' }),
    ],
  ] as const) {
    it(`${name}: USD, JPY and EUR approvals give no single advance total, and one total per currency`, () => {
      const r = evaluateBatch({ items: mixed, trust, policy, asOf });
      expect(r.decisions.filter((d) => d.outcome === 'approve').length).toBeGreaterThanOrEqual(3);
      expect(r.summary.currency).toBeNull();
      expect(r.summary.faceMinor).toBeNull();
      expect(r.summary.advanceMinor).toBeNull();
      expect(r.summary.feeMinor).toBeNull();
      expect(r.summary.purchasePriceMinor).toBeNull();
      // The facility's exposure cannot be stated in one currency either.
      expect(r.summary.facility.afterMinor).toBeNull();
      const want = fromDecisions(mixed, r);
      expect(Object.keys(r.summary.byCurrency)).toEqual(['EUR', 'JPY', 'USD']);
      for (const [ccy, t] of Object.entries(want)) {
        const got = r.summary.byCurrency[ccy];
        expect(got?.faceMinor).toBe(t.face);
        expect(got?.advanceMinor).toBe(t.advance);
        expect(got?.feeMinor).toBe(t.fee);
        expect(got?.purchasePriceMinor).toBe(t.price);
        expect(Object.values(got?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(t.n);
      }
    });
  }

  it('a book in USD with a JPY invoice held (CURRENCY_NOT_BOOK): the facility moves by the USD advances, the faces stay apart', () => {
    const items = [item(1), item(2, { currency: 'JPY' })];
    const portfolio = { ...BOOK, currency: 'USD', totalExposureMinor: 1_000 };
    const r = evaluateBatch({ items, trust, policy: standardPolicy(), asOf, portfolio });
    expect(r.decisions.map((d) => d.outcome)).toEqual(['approve', 'review']);
    const usdAdvance = r.decisions[0]?.offer?.advanceMinor as number;
    expect(r.summary.faceMinor).toBeNull();
    expect(r.summary.byCurrency['JPY']).toMatchObject({ faceMinor: 5_200_000, advanceMinor: 0 });
    expect(r.summary.byCurrency['USD']).toMatchObject({ faceMinor: 5_100_000, advanceMinor: usdAdvance });
    expect(r.summary.facility).toEqual({
      beforeMinor: 1_000,
      afterMinor: 1_000 + usdAdvance,
      limitMinor: null,
    });
  });

  it('the proof-of-concept preset on a USD book holds a JPY invoice, so the facility moves by the USD advance only', () => {
    const items = [item(1), item(2, { currency: 'JPY' })];
    const r = evaluateBatch({
      items,
      trust,
      policy: pocPolicy(),
      asOf,
      portfolio: { currency: 'USD', totalExposureMinor: 1_000 },
    });
    expect(r.decisions.map((d) => d.outcome)).toEqual(['approve', 'review']);
    const usdAdvance = r.decisions[0]?.offer?.advanceMinor as number;
    expect(r.summary.facility.afterMinor).toBe(1_000 + usdAdvance);
    expect(r.summary.advanceMinor).toBeNull();
    expect(r.summary.byCurrency['USD']?.advanceMinor).toBe(usdAdvance);
  });

  it('a one-currency batch keeps its totals, names its currency and has one entry per currency', () => {
    const items = [item(1), item(2)];
    const r = evaluateBatch({ items, trust, policy: standardPolicy(), asOf, portfolio: BOOK });
    const want = fromDecisions(items, r)['USD'];
    expect(r.summary.currency).toBe('USD');
    expect(r.summary.faceMinor).toBe(want?.face);
    expect(r.summary.advanceMinor).toBe(want?.advance);
    expect(r.summary.byCurrency).toEqual({
      USD: {
        counts: r.summary.counts,
        faceMinor: r.summary.faceMinor,
        advanceMinor: r.summary.advanceMinor,
        feeMinor: r.summary.feeMinor,
        purchasePriceMinor: r.summary.purchasePriceMinor,
      },
    });
  });

  it('an empty batch: no currency, zero totals', () => {
    const r = evaluateBatch({ items: [], trust, policy: standardPolicy(), asOf, portfolio: BOOK });
    expect(r.summary.currency).toBeNull();
    expect(r.summary.advanceMinor).toBe(0);
    expect(r.summary.byCurrency).toEqual({});
  });

  it("an invoice whose currency is '__proto__' (rejected) is its own entry, not the summary's prototype", () => {
    const items = [item(1), item(2, { currency: '__proto__' })];
    const portfolio = { ...BOOK, currency: 'USD' };
    const r = evaluateBatch({ items, trust, policy: standardPolicy(), asOf, portfolio });
    expect(r.decisions[1]?.outcome).toBe('reject');
    expect(Object.hasOwn(r.summary.byCurrency, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(r.summary.byCurrency)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(r.summary)).byCurrency.USD.faceMinor).toBe(5_100_000);
  });
});
