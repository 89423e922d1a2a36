// @quidfin/factoring: decisions per second over a batch of 100,000 invoices with 8 events each,
// on one core, against a naive baseline measured in the same run. The naive baseline is what one
// would write first with @quidfin/core's helpers: per invoice, sort a copy of the events, check
// every signer with `checkEventSigner` (full payload validation), find each event kind with
// `find`/`filter`, and price with the proof-of-concept blend. The engine does far more work per
// invoice (all fraud checks, duplicates, limits, pricing, trace) in one pass over the events.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  checkEventSigner,
  type JsonObject,
  partiesFromIssued,
  type VerifiedInvoiceEvent,
} from '@quidfin/core';
import {
  type BatchItem,
  type BuyerHistory,
  compilePolicy,
  evaluateBatch,
  evaluateInvoice,
  pocPolicy,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '@quidfin/factoring';
import { seededRandom as rng } from '../packages/factoring/test/support/seededRandom.ts';
import { type Measurement, measure, report } from './harness.ts';

// A full collection before each case, so no case pays for the garbage the previous one left: a
// 100k batch takes over a second, each sample holds one or two calls, and a major GC of another
// case's garbage landing in it moved a figure by a third.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const N = Number(process.env.BENCH_N ?? 100_000);
const BUYERS = 2_000;
const SUPPLIERS = 500;
const DAY = 86_400;
const NOW = 1_790_000_000;

/** One verified event of invoice `id`; its id is `<invoice>-<sequence>`, as on a real stream. */
function event(
  id: string,
  sequence: number,
  eventType: string,
  signerQuid: string,
  timestamp: number,
  payload: JsonObject,
): VerifiedInvoiceEvent {
  return { id: `${id}-${sequence}`, eventType, signerQuid, sequence, timestamp, payload };
}

function build(): {
  items: BatchItem[];
  trust: Record<string, TrustReading>;
  histories: Record<string, BuyerHistory>;
} {
  const r = rng(42);
  const trust: Record<string, TrustReading> = {};
  for (let b = 0; b < BUYERS; b++)
    trust[`buyer-${b}`] = { level: 0.55 + 0.45 * r(), observedAt: NOW - 10 * DAY, pathLength: 2 };
  for (let s = 0; s < SUPPLIERS; s++)
    trust[`supplier-${s}`] = { level: 0.45 + 0.55 * r(), observedAt: NOW - 10 * DAY, pathLength: 2 };
  for (let c = 0; c < 20; c++) trust[`carrier-${c}`] = { level: 0.6, pathLength: 1 };
  trust['fin-g'] = { level: 0.5 };
  const histories: Record<string, BuyerHistory> = {};
  for (let b = 0; b < BUYERS; b++) {
    histories[`buyer-${b}`] = {
      records: Array.from({ length: 20 }, (_, i) => ({
        dueAt: NOW - 300 * DAY + i * 10 * DAY,
        paidAt: NOW - 300 * DAY + i * 10 * DAY + Math.floor(r() * 25) * DAY,
        amountMinor: 1_000_000,
        disputed: r() < 0.05,
        dilutedMinor: r() < 0.1 ? 50_000 : 0,
      })),
    };
  }
  const items: BatchItem[] = [];
  for (let i = 0; i < N; i++) {
    const supplier = `supplier-${Math.floor(r() * SUPPLIERS)}`;
    const buyer = `buyer-${Math.floor(r() * BUYERS)}`;
    const carrier = `carrier-${i % 20}`;
    const amount = 100_000 + Math.floor(r() * 20_000_000);
    // A ledger export lists invoices in issue order (oldest first); `shuffled` below undoes that.
    const issuedAt = NOW - 30 * DAY + Math.floor((i * 30) / N) * DAY;
    const id = `inv-${i}`;
    const x = r();
    const at = (days: number) => issuedAt + days * DAY;
    const events: VerifiedInvoiceEvent[] = [
      event(id, 1, 'invoice.issued', supplier, at(0), {
        invoiceId: id,
        supplierQuid: supplier,
        buyerQuid: buyer,
        amountMinor: amount,
        currency: 'USD',
        issuedAt,
        dueAt: at(60),
      }),
      event(id, 2, 'carrier.shipped', carrier, at(1), {
        carrierQuid: carrier,
        billOfLading: `BOL-${i}`,
        shippedAt: at(1),
      }),
      // 1 % of deliveries are signed by the supplier (forged).
      event(id, 3, 'carrier.delivered', x < 0.01 ? supplier : carrier, at(2), {
        carrierQuid: carrier,
        deliveryProof: `POD-${i}`,
        deliveredAt: at(2),
      }),
      event(id, 4, 'buyer.acknowledged', buyer, at(3), {
        buyerQuid: buyer,
        acknowledgedAmountMinor: x < 0.03 ? amount - 1000 : amount,
        acknowledgedAt: at(3),
      }),
      event(id, 5, 'buyer.disputed', buyer, at(4), {
        buyerQuid: buyer,
        disputeId: `d-${i}`,
        disputedAmountMinor: 10_000,
        reason: 'short',
        disputedAt: at(4),
      }),
      event(id, 6, 'dispute.resolved', buyer, at(5), {
        disputeId: `d-${i}`,
        outcome: 'withdrawn',
        resolvedAt: at(5),
      }),
      event(id, 7, 'invoice.credited', supplier, at(5), {
        creditNoteId: `cn-${i}`,
        amountMinor: 5_000,
        reason: 'discount',
        creditedAt: at(5),
      }),
      x < 0.02
        ? event(id, 8, 'factor.purchased', 'fin-g', at(6), {
            financierQuid: 'fin-g',
            purchasePriceMinor: amount - 100_000,
            factoredAt: at(6),
          })
        : event(id, 8, 'fraud.signal.round-amount', 'fin-g', at(6), {
            reporterQuid: 'fin-g',
            evidence: 'round',
            reportedAt: at(6),
            severity: 'low',
          }),
    ];
    items.push({
      invoice: {
        invoiceId: id,
        invoiceNumber: x < 0.005 && i > 0 ? `N-${i - 1}` : `N-${i}`,
        supplierQuid: supplier,
        buyerQuid: buyer,
        amountMinor: amount,
        currency: 'USD',
        issuedAt,
        dueAt: issuedAt + 60 * DAY,
        carrierQuid: carrier,
        titleOwners: [
          { ownerId: supplier, percentage: 0.94, stakeType: 'supplier' },
          { ownerId: buyer, percentage: 0.02, stakeType: 'buyer' },
          { ownerId: carrier, percentage: 0.02, stakeType: 'carrier' },
          { ownerId: 'fin-g', percentage: 0.02, stakeType: 'financier' },
        ],
      },
      events,
    });
  }
  return { items, trust, histories };
}

/** The naive baseline: obvious code on core's helpers, proof-of-concept pricing. */
function naiveDecide(item: BatchItem, trust: Record<string, TrustReading>): number {
  const inv = item.invoice;
  const parties = partiesFromIssued(inv, inv.titleOwners);
  const events = [...item.events].sort((a, b) => a.sequence - b.sequence);
  const shipped = events.find((e) => e.eventType === 'carrier.shipped');
  const withShip = shipped ? { ...parties, shippingCarrierQuid: shipped.signerQuid } : parties;
  const valid = events.filter((e) => checkEventSigner(e, withShip).ok);
  if (valid.filter((e) => e.eventType === 'factor.purchased').length > 0) return -1;
  if (valid.filter((e) => e.eventType.startsWith('fraud.signal.invoice-forged')).length > 0) return -1;
  if (!valid.find((e) => e.eventType === 'carrier.delivered')) return 0;
  if (!valid.find((e) => e.eventType === 'buyer.acknowledged')) return 0;
  const s = trust[inv.supplierQuid]?.level ?? 0;
  const b = trust[inv.buyerQuid]?.level ?? 0;
  if (s < 0.5 || b < 0.6) return -1;
  const discount = Math.min(0.01 + 0.1 * (1 - (0.7 * b + 0.3 * s)), 0.11);
  return Math.trunc(inv.amountMinor * (1 - discount));
}

const { items, trust, histories } = build();
const source = trustSourceFromRecord(trust);
const standard = compilePolicy(standardPolicy({ defaultBuyerLimitMinor: 400_000_000 }));
const poc = compilePolicy(pocPolicy());
const portfolio = { facilityLimitMinor: 500_000_000_000 };
const baselineItems = items.slice(0, 10_000);
// The same book listed in random order: the batch still decides it in issue order, but reads
// items scattered over the heap (memory-bound).
const shuffled = [...items];
{
  const r = rng(7);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as BatchItem, shuffled[i] as BatchItem];
  }
}

// Keep only the summary: holding 100,000 traced decisions would slow every later GC.
const summary = evaluateBatch({
  items,
  trust: source,
  policy: standard,
  asOf: NOW,
  portfolio,
  buyerHistories: histories,
}).summary;
console.log(`events per invoice: ${items.reduce((n, x) => n + x.events.length, 0) / items.length}`);
console.log('standard policy outcomes:', summary.counts);
console.log('reasons:', summary.byReason);
console.log(`heap after setup: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);

// The machine is small and shared: measure every case in several interleaved rounds and keep each
// case's median, so a burst of load from elsewhere hits all cases alike.
type Case = { name: string; ops: number; run: () => unknown };
const cases: Case[] = [
  {
    name: 'naive baseline (core checkEventSigner + find/filter + PoC price), 10k subset',
    ops: baselineItems.length,
    run: () => {
      let acc = 0;
      for (const it of baselineItems) acc += naiveDecide(it, trust);
      return acc;
    },
  },
  {
    name: 'engine, standard policy, full trace, 100k batch',
    ops: N,
    run: () =>
      evaluateBatch({
        items,
        trust: source,
        policy: standard,
        asOf: NOW,
        portfolio,
        buyerHistories: histories,
      }),
  },
  {
    name: 'engine, standard policy, no trace, 100k batch',
    ops: N,
    run: () =>
      evaluateBatch({
        items,
        trust: source,
        policy: standard,
        asOf: NOW,
        portfolio,
        buyerHistories: histories,
        trace: false,
      }),
  },
  {
    name: 'engine, standard policy, no trace, 100k batch streamed (keepDecisions: false)',
    ops: N,
    run: () => {
      let approved = 0;
      evaluateBatch({
        items,
        trust: source,
        policy: standard,
        asOf: NOW,
        portfolio,
        buyerHistories: histories,
        trace: false,
        keepDecisions: false,
        onDecision: (d) => {
          if (d.outcome === 'approve') approved++;
        },
      });
      return approved;
    },
  },
  {
    name: 'engine, standard policy, no trace, 100k batch listed in random order',
    ops: N,
    run: () =>
      evaluateBatch({
        items: shuffled,
        trust: source,
        policy: standard,
        asOf: NOW,
        portfolio,
        buyerHistories: histories,
        trace: false,
      }),
  },
  {
    name: 'engine, PoC preset, no trace, 100k batch',
    ops: N,
    run: () => evaluateBatch({ items, trust: source, policy: poc, asOf: NOW, trace: false }),
  },
  {
    // Compute-bound reference: one invoice decided over and over stays in cache.
    name: 'engine, standard policy, no trace, one invoice repeated (cache-hot), 10k',
    ops: 10_000,
    run: () => {
      const one = items[0] as BatchItem;
      let n = 0;
      for (let k = 0; k < 10_000; k++) {
        const d = evaluateInvoice({
          invoice: one.invoice,
          events: one.events,
          trust: source,
          policy: standard,
          asOf: NOW,
          trace: false,
        });
        if (d.outcome === 'approve') n++;
      }
      return n;
    },
  },
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// BENCH_ONLY=<text> keeps the baseline and the cases whose name contains it (for profiling).
const only = process.env.BENCH_ONLY;
if (only !== undefined) {
  for (let k = cases.length - 1; k > 0; k--) if (!(cases[k] as Case).name.includes(only)) cases.splice(k, 1);
}
const rates: number[][] = cases.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [k, c] of cases.entries()) {
    collect();
    const m = await measure(c.name, c.run, { ms: 1_500, opsPerCall: c.ops, samples: 1 });
    rates[k]?.push(m.opsPerSec);
  }
}
const results: Measurement[] = cases.map((c, k) => {
  const r = [...(rates[k] ?? [])].sort((a, b) => a - b);
  return { name: c.name, opsPerSec: r[Math.floor(r.length / 2)] ?? 0, samples: r.length };
});
report(
  `factoring decisions per second (100,000 invoices x 8 events, one core; median of ${ROUNDS} interleaved rounds)`,
  results[0] as Measurement,
  results.slice(1),
);
console.log(
  `load average during the run: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
