// Pins the exact JSON of batches over a book of sound invoices, where most are approved, so the
// offers (advance, fee, APR, reserve, haircuts), the payment predictions and the limit figures of
// approvals are pinned byte for byte too. The hostile book of golden.test.ts approves none under
// the standard policy: it pins the refusals, this one the money.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  type BuyerHistory,
  evaluateBatch,
  type FactoringPolicy,
  type Portfolio,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { seededRandom as rng } from './support/seededRandom.js';

const DAY = 86_400;
const NOW = 1_790_000_000;
const q = (role: 'a' | 'b' | 'c' | 'f', n: number): string => `${role}${n.toString(16).padStart(15, '0')}`;
const FIN = q('f', 1);
const BUREAU = 'e9e9e9e9e9e9e9e9';
const BUYERS = 25;
const SUPPLIERS = 8;

interface Book {
  items: BatchItem[];
  trust: Record<string, TrustReading>;
  portfolio: Portfolio;
  histories: Record<string, BuyerHistory>;
}

/** Sound invoices: signed by the right parties, delivered, acknowledged, terms matching due dates. */
function soundBook(n: number): Book {
  const r = rng(7);
  const trust: Record<string, TrustReading> = {};
  const histories: Record<string, BuyerHistory> = {};
  const buyerLimitMinor: Record<string, number> = {};
  for (let b = 0; b < BUYERS; b++) {
    const buyer = q('b', b);
    trust[buyer] = {
      level: 0.65 + 0.35 * r(),
      observedAt: NOW - Math.floor(r() * 120) * DAY,
      pathLength: 2,
      path: [FIN, BUREAU, buyer],
    };
    // Two buyers with tight limits: their later invoices are cut to the room left.
    buyerLimitMinor[buyer] = b < 2 ? 60_000_000 : 2_000_000_000;
    histories[buyer] = {
      records: Array.from({ length: 12 }, (_, k) => {
        const dueAt = NOW - (400 - k * 25) * DAY;
        return {
          dueAt,
          paidAt: dueAt + Math.floor(r() * 20 - 3) * DAY,
          amountMinor: 500_000 + Math.floor(r() * 5_000_000),
          disputed: r() < 0.03,
          dilutedMinor: r() < 0.1 ? 20_000 : 0,
        };
      }),
    };
  }
  for (let s = 0; s < SUPPLIERS; s++)
    trust[q('a', s)] = {
      level: 0.6 + 0.4 * r(),
      observedAt: NOW - Math.floor(r() * 120) * DAY,
      pathLength: 1,
    };
  for (let c = 0; c < 3; c++) trust[q('c', c)] = { level: 0.8, observedAt: NOW - 5 * DAY, pathLength: 1 };
  const items: BatchItem[] = [];
  for (let i = 0; i < n; i++) {
    const supplier = q('a', Math.floor(r() * SUPPLIERS));
    const buyer = q('b', Math.floor(r() * BUYERS));
    const carrier = q('c', i % 3);
    const amount = 100_000 + Math.floor(r() * 40_000_000);
    const issuedAt = NOW - (5 + Math.floor(r() * 40)) * DAY;
    const netDays = [30, 45, 60][Math.floor(r() * 3)] as number;
    const id = `s-${i}`;
    const events: VerifiedEvent[] = [];
    const add = (
      eventType: string,
      signerQuid: string,
      hours: number,
      payload: Record<string, unknown>,
    ): void => {
      const sequence = events.length + 1;
      events.push({
        subjectId: id,
        id: `${id}-${sequence}`,
        eventType,
        signerQuid,
        sequence,
        timestamp: issuedAt + hours * 3_600,
        payload: payload as VerifiedEvent['payload'],
      });
    };
    // The invoice as input and as the supplier signed it: one set of fields.
    const fields = {
      invoiceId: id,
      invoiceNumber: `S-${1000 + i}`,
      supplierQuid: supplier,
      buyerQuid: buyer,
      amountMinor: amount,
      currency: 'USD',
      issuedAt,
      dueAt: issuedAt + netDays * DAY,
      terms: `Net ${netDays}`,
    };
    add('invoice.issued', supplier, 0, { ...fields, invoiceHash: 'cd'.repeat(32) });
    add('carrier.shipped', carrier, 2, {
      carrierQuid: carrier,
      billOfLading: `BL-${i}`,
      shippedAt: issuedAt,
    });
    add('carrier.delivered', carrier, 30, {
      carrierQuid: carrier,
      deliveryProof: `PD-${i}`,
      deliveredAt: issuedAt + DAY,
    });
    const short = r() < 0.1 ? Math.floor(amount / 200) : 0;
    add('buyer.acknowledged', buyer, 60, {
      buyerQuid: buyer,
      acknowledgedAmountMinor: amount - short,
      acknowledgedAt: issuedAt + 2 * DAY,
    });
    if (r() < 0.08)
      add('invoice.credited', supplier, 70, {
        creditNoteId: `CN-${i}`,
        amountMinor: Math.floor(amount / 20),
        reason: 'price adjustment',
        creditedAt: issuedAt + 3 * DAY,
      });
    items.push({
      invoice: {
        ...fields,
        carrierQuid: carrier,
        titleOwners: [
          { ownerId: supplier, percentage: 0.98, stakeType: 'supplier' },
          { ownerId: carrier, percentage: 0.02, stakeType: 'carrier' },
        ],
      },
      events,
    });
  }
  const portfolio: Portfolio = {
    currency: 'USD',
    buyerLimitMinor,
    facilityLimitMinor: 100_000_000_000,
    totalExposureMinor: 0,
  };
  return { items, trust, portfolio, histories };
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const book = soundBook(600);
const source = trustSourceFromRecord(book.trust);

const CASES: readonly [string, FactoringPolicy, boolean, string][] = [
  ['standard (risk-based), no trace', standardPolicy(), false, '3cf4f6ce86e47745'],
  ['standard (risk-based), trace', standardPolicy(), true, '5c55997d4a48fbaf'],
  [
    'flat fee, non-recourse',
    standardPolicy({ fee: { kind: 'flat', rateBps: 250 }, recourse: false }),
    false,
    '899948fd665a7fc9',
  ],
  [
    'funds in use, recourse',
    standardPolicy({
      fee: { kind: 'funds-in-use', annualRateBps: 1400, serviceFeeBps: 40, dayCount: 360 },
      recourse: true,
    }),
    false,
    '85156de6aebf2711',
  ],
  [
    'periodic fee',
    standardPolicy({ fee: { kind: 'periodic', periodDays: 15, ratePerPeriodBps: 90, minPeriods: 2 } }),
    false,
    'c583d9b6c9c83ba6',
  ],
];

describe('a sound book: approvals and their offers are pinned byte for byte', () => {
  for (const [name, policy, trace, hash] of CASES) {
    it(name, () => {
      const result = evaluateBatch({
        items: book.items,
        trust: source,
        policy,
        asOf: NOW,
        portfolio: book.portfolio,
        buyerHistories: book.histories,
        trace,
      });
      // The book is meant to fund: most decisions are approvals whose offers the hash then pins.
      expect(result.summary.counts.approve).toBeGreaterThan(book.items.length / 2);
      const funded = result.decisions.filter((d) => d.outcome === 'approve');
      for (const d of funded) {
        const o = d.offer;
        if (o === null) continue;
        expect(o.advanceMinor).toBeGreaterThan(0);
        expect(o.advanceMinor).toBeLessThanOrEqual(o.eligibleMinor);
        expect(o.eligibleMinor).toBeLessThanOrEqual(o.faceMinor);
        expect(o.feeMinor).toBeGreaterThanOrEqual(0);
      }
      expect(sha(JSON.stringify(result))).toBe(hash);
    });
  }

  it('the book reaches the rules that move money on an approval', () => {
    const { summary } = evaluateBatch({
      items: book.items,
      trust: source,
      policy: standardPolicy(),
      asOf: NOW,
      portfolio: book.portfolio,
      buyerHistories: book.histories,
    });
    for (const code of ['CREDIT_NOTE_APPLIED', 'ACK_SHORTFALL', 'LIMIT_HAIRCUT', 'STALE_TRUST'] as const)
      expect([code, (summary.byReason[code] ?? 0) > 0]).toEqual([code, true]);
  });
});
