// Pins the exact JSON of whole batches (every decision, trace, summary) over a varied generated
// book, so performance work cannot change a single byte of output. The hashes were recorded from
// the engine before the batch optimisations; a change that alters any decision fails here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  evaluateBatch,
  type FactoringPolicy,
  type InvoiceFingerprintRecord,
  type Portfolio,
  pocPolicy,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { seededRandom as rng } from './support/seededRandom.js';

const DAY = 86_400;
const NOW = 1_790_000_000;

interface Book {
  items: BatchItem[];
  trust: Record<string, TrustReading>;
  portfolio: Portfolio;
}

/** A small book that reaches every rule: forged and mis-signed events, duplicates, limits, ledgers. */
function book(n: number): Book {
  const r = rng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const trust: Record<string, TrustReading> = {};
  for (let b = 0; b < 30; b++) {
    const roll = r();
    trust[`b${b}`] =
      roll < 0.05
        ? { level: 0.9, pathLength: 0 }
        : roll < 0.1
          ? { level: 0.8, validUntil: NOW - DAY }
          : { level: 0.4 + 0.6 * r(), observedAt: NOW - Math.floor(r() * 200) * DAY, pathLength: 2 };
  }
  for (let s = 0; s < 12; s++)
    trust[`s${s}`] = { level: 0.35 + 0.65 * r(), observedAt: NOW - Math.floor(r() * 120) * DAY };
  for (let c = 0; c < 4; c++) if (c !== 3) trust[`c${c}`] = { level: c === 2 ? 0.2 : 0.7, pathLength: 1 };
  trust['fin-g'] = { level: 0.5 };
  trust['fin-h'] = { level: 0 };
  const items: BatchItem[] = [];
  const known: InvoiceFingerprintRecord[] = [];
  for (let i = 0; i < n; i++) {
    const supplier = `s${Math.floor(r() * 12)}`;
    const buyer = r() < 0.01 ? supplier : `b${Math.floor(r() * 30)}`;
    const carrier = `c${Math.floor(r() * 4)}`;
    const amount = r() < 0.01 ? 0 : 50_000 + Math.floor(r() * 30_000_000);
    const issuedAt = NOW - Math.floor(r() * 130) * DAY + (r() < 0.01 ? 40 * DAY : 0);
    const id = `inv-${i}`;
    const number =
      r() < 0.05 && i > 0
        ? pick([
            `N-${i - 1}`,
            `N ${i - 1}A`,
            `N-${String(i - 1)
              .split('')
              .reverse()
              .join('')}`,
            `n.${i - 1}`,
          ])
        : `N-${i}`;
    const ev: VerifiedEvent[] = [];
    let seq = 0;
    const add = (eventType: string, signerQuid: string, payload: Record<string, unknown>): void => {
      seq++;
      ev.push({
        id: `${id}-${seq}`,
        eventType,
        signerQuid,
        sequence: r() < 0.05 ? 1 : seq,
        timestamp: issuedAt + seq * 3_600,
        payload: payload as VerifiedEvent['payload'],
      });
    };
    add('invoice.issued', r() < 0.01 ? buyer : supplier, { invoiceId: id });
    if (r() < 0.95) add('carrier.shipped', carrier, { carrierQuid: carrier, billOfLading: `BOL-${i % 997}` });
    if (r() < 0.9)
      add('carrier.delivered', r() < 0.03 ? supplier : carrier, {
        carrierQuid: carrier,
        deliveryProof: `POD-${i}`,
        deliveredAt: issuedAt + (r() < 0.03 ? -DAY : DAY),
      });
    if (r() < 0.9)
      add('buyer.acknowledged', r() < 0.02 ? supplier : buyer, {
        buyerQuid: buyer,
        acknowledgedAmountMinor: r() < 0.1 ? amount - Math.floor(r() * amount * 0.05) : amount,
        acknowledgedAt: issuedAt + 2 * DAY,
      });
    if (r() < 0.2) {
      add('buyer.disputed', buyer, {
        buyerQuid: buyer,
        disputeId: `d-${i}`,
        disputedAmountMinor: r() < 0.1 ? amount : 10_000,
        reason: 'short',
      });
      if (r() < 0.5)
        add('dispute.resolved', pick([buyer, supplier]), { disputeId: `d-${i}`, outcome: 'withdrawn' });
    }
    if (r() < 0.2)
      add('invoice.credited', supplier, {
        creditNoteId: `cn-${i}`,
        amountMinor: r() < 0.05 ? amount : 5_000,
      });
    if (r() < 0.1)
      add('payment.received', supplier, { paymentId: `p-${i}`, allocationId: 'a', amountMinor: 20_000 });
    if (r() < 0.03) add('factor.purchased', 'fin-g', { financierQuid: 'fin-g', purchasePriceMinor: amount });
    if (r() < 0.15) {
      const reporter = pick(['fin-g', 'fin-h', supplier]);
      add(`fraud.signal.${pick(['invoice-forged', 'round-amount', 'double-financing'])}`, reporter, {
        reporterQuid: reporter,
        evidence: 'x',
        severity: pick(['low', 'medium', 'high', 'odd']),
      });
    }
    if (r() < 0.3) ev.reverse();
    const invoice = {
      invoiceId: id,
      invoiceNumber: number,
      supplierQuid: supplier,
      buyerQuid: buyer,
      amountMinor: amount,
      currency: 'USD',
      issuedAt,
      dueAt: issuedAt + pick([30, 60, 90]) * DAY,
      carrierQuid: carrier,
      ...(r() < 0.3 ? { poReference: `PO-${i % 50}` } : {}),
      titleOwners: [
        { ownerId: r() < 0.02 ? 'fin-g' : supplier, percentage: 0.94, stakeType: 'supplier' },
        { ownerId: buyer, percentage: 0.02, stakeType: 'buyer' },
        { ownerId: carrier, percentage: 0.02, stakeType: 'carrier' },
        { ownerId: 'fin-g', percentage: 0.02, stakeType: 'financier' },
      ],
    } as const;
    items.push({ invoice, events: ev });
    if (r() < 0.02) known.push({ ...invoice, invoiceId: `old-${i}`, documentRefs: [`BOL-${i % 997}`] });
  }
  const portfolio: Portfolio = {
    buyerLimitMinor: { b1: 30_000_000, b2: 1, b3: 80_000_000 },
    buyerExposureMinor: { b1: 10_000_000 },
    supplierLimitMinor: { s1: 50_000_000 },
    supplierExposureMinor: { s1: 5_000_000 },
    totalExposureMinor: 1_000_000,
    facilityLimitMinor: 900_000_000,
    supplierLedger: {
      s0: { totalOpenMinor: 100_000_000, byBuyerOpenMinor: { b0: 20_000_000 } },
      s2: { totalOpenMinor: 10_000_000, byBuyerOpenMinor: {} },
    },
    buyerAging: { b4: { openMinor: 1_000, over90Minor: 900 }, b5: { openMinor: 1_000, over90Minor: 10 } },
    knownInvoices: known,
  };
  return { items, trust, portfolio };
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const { items, trust, portfolio } = book(1_500);
const source = trustSourceFromRecord(trust);
const histories = {
  b0: { records: [{ dueAt: NOW - 50 * DAY, paidAt: NOW - 40 * DAY, amountMinor: 100, disputed: true }] },
  b6: {
    records: Array.from({ length: 12 }, (_, k) => ({
      dueAt: NOW - (k + 10) * DAY,
      paidAt: NOW - k * DAY,
      amountMinor: 1_000_000,
      disputed: k % 3 === 0,
      dilutedMinor: k % 2 === 0 ? 90_000 : 0,
    })),
  },
};

const CASES: readonly [string, FactoringPolicy, boolean, string][] = [
  ['standard, trace', standardPolicy(), true, '8471cd157d8f1dd7'],
  ['standard, no trace', standardPolicy(), false, '9335508144c46900'],
  [
    'standard, reject limits, funds-in-use, recourse, default buyer limit, trace',
    standardPolicy({
      limitMode: 'reject',
      recourse: true,
      defaultBuyerLimitMinor: 60_000_000,
      fee: { kind: 'funds-in-use', annualRateBps: 1200, serviceFeeBps: 50, dayCount: 365 },
    }),
    true,
    'af085433efbccc09',
  ],
  [
    'standard, stop at first, periodic fee, trace',
    standardPolicy({
      stopAtFirstDecisive: true,
      fee: { kind: 'periodic', periodDays: 30, ratePerPeriodBps: 150, minPeriods: 1 },
    }),
    true,
    '5345cca16dfb5fdf',
  ],
  ['poc, trace', pocPolicy(), true, '59606e323265aff7'],
  ['poc, no trace', pocPolicy(), false, '40c719016af1416c'],
];

describe('batch output is pinned byte for byte', () => {
  for (const [name, policy, trace, hash] of CASES) {
    it(name, () => {
      const result = evaluateBatch({
        items,
        trust: source,
        policy,
        asOf: NOW,
        portfolio,
        buyerHistories: histories,
        trace,
      });
      expect(sha(JSON.stringify(result))).toBe(hash);
    });
  }

  it('the book reaches the rules it is meant to exercise', () => {
    const { summary } = evaluateBatch({
      items,
      trust: source,
      policy: standardPolicy(),
      asOf: NOW,
      portfolio,
    });
    const seen = Object.keys(summary.byReason);
    for (const code of [
      'SUPPLIER_FORGED_ATTESTATION',
      'SIGNER_MISMATCH',
      'DOUBLE_FACTORED',
      'FRAUD_SIGNAL',
      'DUPLICATE_EXACT',
      'LIMIT_HAIRCUT',
      'CONCENTRATION_HAIRCUT',
      'STALE_TRUST',
      'TRUST_EXPIRED',
      'CREDIT_NOTE_APPLIED',
      'PARTIALLY_PAID',
      'DISPUTED_AMOUNT_INELIGIBLE',
    ]) {
      expect(seen).toContain(code);
    }
  });
});
