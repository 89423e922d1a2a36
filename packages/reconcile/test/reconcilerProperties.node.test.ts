// Property tests of the period loop (#12): over random multi-day statements, with FX, charges,
// credit notes and returns, no allocation exceeds its payment or an item's open amount, the
// Reconciler's carried open amounts agree with what it applied and undid, booking order decides
// (not file order), and the output is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BankStatement,
  type BankTransaction,
  type LineDecision,
  type OpenInvoice,
  Reconciler,
  reconcile,
} from '../src/index.js';
import { credit } from './support/builders.js';

const itemArb = fc.record({
  payer: fc.constantFrom('p1', 'p2'),
  amount: fc.integer({ min: 100, max: 500_000 }),
  creditNote: fc.boolean(),
});
const lineArb = (n: number) =>
  fc.record({
    day: fc.integer({ min: 1, max: 4 }),
    target: fc.nat({ max: n - 1 }),
    second: fc.nat({ max: n - 1 }),
    how: fc.constantFrom('exact', 'half', 'fee', 'fx', 'charges', 'random', 'two', 'netted'),
    random: fc.integer({ min: 1, max: 600_000 }),
    text: fc.constantFrom('number', 'payer', 'both', 'none', 'year'),
    returned: fc.boolean(),
  });
const caseArb = fc
  .array(itemArb, { minLength: 2, maxLength: 10 })
  .chain((items) =>
    fc.tuple(fc.constant(items), fc.array(lineArb(items.length), { minLength: 1, maxLength: 14 })),
  );

type Item = { payer: string; amount: number; creditNote: boolean };
type Line = {
  day: number;
  target: number;
  second: number;
  how: string;
  random: number;
  text: string;
  returned: boolean;
};

function build(items: Item[], lines: Line[]): { invoices: OpenInvoice[]; days: BankStatement[] } {
  const invoices: OpenInvoice[] = items.map((x, i) => ({
    invoiceId: `i${i}`,
    invoiceNumber: `${x.creditNote && i > 0 ? 'GS' : 'RE'}-2026-${String(100 + i).padStart(5, '0')}`,
    ...(x.creditNote && i > 0 ? { kind: 'credit-note' as const } : {}),
    payerId: x.payer,
    payerName: `${x.payer === 'p1' ? 'Müller' : 'Schröder'} Handel GmbH`,
    payerAccounts: [`DE00${x.payer}`],
    currency: 'EUR',
    amountMinor: x.amount,
    openAmountMinor: x.amount,
    issuedAt: '2026-01-01',
    dueAt: '2026-02-01',
  }));
  const byDay = new Map<number, BankTransaction[]>();
  lines.forEach((l, k) => {
    const inv = invoices[l.target] as OpenInvoice;
    const other = invoices[l.second] as OpenInvoice;
    const o = inv.openAmountMinor;
    const amount =
      l.how === 'exact'
        ? o
        : l.how === 'half'
          ? Math.max(1, Math.floor(o / 2))
          : l.how === 'fee'
            ? Math.max(1, o - 1500)
            : l.how === 'charges'
              ? Math.max(1, o - 3000)
              : l.how === 'fx'
                ? Math.max(1, Math.floor((o * 997) / 1000))
                : l.how === 'two'
                  ? o + other.openAmountMinor
                  : l.how === 'netted'
                    ? Math.max(1, o - other.openAmountMinor)
                    : l.random;
    const d = `2026-02-0${l.day}`;
    const text =
      l.text === 'number' || l.text === 'both'
        ? [l.how === 'two' ? `${inv.invoiceNumber} ${other.invoiceNumber}` : inv.invoiceNumber]
        : l.text === 'year'
          ? ['Zahlung 2026 Betrag 1.234,56']
          : [];
    const tx = credit({
      amountMinor: amount,
      bookingDate: d,
      valueDate: d,
      endToEndId: `E2E-${k}`,
      remittanceText: text,
      ...(l.text === 'payer' || l.text === 'both' ? { counterpartyAccount: `DE00${inv.payerId}` } : {}),
      ...(l.how === 'charges'
        ? { chargesMinor: 3000, instructedAmount: { amountMinor: o, currency: 'EUR' } }
        : {}),
      ...(l.how === 'fx'
        ? {
            instructedAmount: { amountMinor: Math.floor((amount * 10000) / 10635), currency: 'CHF' },
            exchangeRate: { sourceCurrency: 'CHF', targetCurrency: 'EUR', rate: '1.0635' },
          }
        : {}),
    });
    const list = byDay.get(l.day) ?? [];
    list.push(tx);
    if (l.returned && l.day < 4) {
      const back = credit({
        amountMinor: amount,
        direction: 'debit',
        endToEndId: `E2E-${k}`,
        additionalInfo: ['AC06'],
        bookingDate: `2026-02-0${l.day + 1}`,
        valueDate: `2026-02-0${l.day + 1}`,
      });
      const next = byDay.get(l.day + 1) ?? [];
      next.push(back);
      byDay.set(l.day + 1, next);
    }
    byDay.set(l.day, list);
  });
  const days = [...byDay.keys()]
    .sort()
    .map((d) => ({ id: `D${d}`, format: 'camt.053' as const, transactions: byDay.get(d) ?? [] }));
  return { invoices, days };
}

const consumedBy = (a: LineDecision['allocations'][number]): number =>
  a.kind === 'credit-note' ? a.creditMinor : a.cashMinor + a.creditMinor + a.writeOffMinor;

describe('Reconciler invariants (property tests)', () => {
  it('no allocation exceeds its payment or an open amount; carried open amounts equal initial minus applied plus undone', () => {
    fc.assert(
      fc.property(caseArb, ([items, lines]) => {
        const { invoices, days } = build(items, lines);
        const r = new Reconciler({ invoices, options: { autoThreshold: 0.6, suggestThreshold: 0.1 } });
        const applied = new Map<string, LineDecision['allocations']>();
        const txById = new Map(days.flatMap((d) => d.transactions).map((t) => [t.id, t]));
        for (const day of days) {
          const res = r.process(day);
          for (const line of res.lines) {
            const tx = txById.get(line.transactionId) as BankTransaction;
            const paid = line.allocations.reduce((s, a) => s + a.paymentCashMinor, 0);
            expect(paid).toBeLessThanOrEqual(tx.amountMinor);
            for (const a of line.allocations)
              for (const v of [a.cashMinor, a.creditMinor, a.writeOffMinor, a.paymentCashMinor])
                expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
            if (line.status === 'auto') applied.set(line.transactionId, line.allocations);
          }
          for (const o of res.invoices) expect(o.openAfterMinor).toBeGreaterThanOrEqual(0);
          for (const ret of res.returns) {
            expect(ret.applied).toBe(applied.has(ret.returnsTransactionId));
            if (!ret.applied) continue;
            r.undo(ret.returnsTransactionId);
            applied.delete(ret.returnsTransactionId);
          }
        }
        for (const inv of invoices) {
          const used = [...applied.values()]
            .flat()
            .filter((a) => a.invoiceId === inv.invoiceId)
            .reduce((s, a) => s + consumedBy(a), 0);
          expect(used).toBeLessThanOrEqual(inv.openAmountMinor);
          expect(r.openAmount(inv.invoiceId)).toBe(inv.openAmountMinor - used);
        }
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('statement order is respected: one call over the month, day-by-day calls, and any order of the day files give the same decisions', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ([items, lines], rot) => {
        const { invoices, days } = build(items, lines);
        const key = (l: LineDecision) => [
          l.transactionId,
          l.status,
          l.allocations.map((a) => [a.invoiceId, a.cashMinor, a.writeOffMinor, a.creditMinor]),
        ];
        const dayByDay = new Reconciler({ invoices });
        const a = days.flatMap((d) => dayByDay.process(d).lines.map(key));
        const shuffled = days.map((_, k) => days[(k + rot) % days.length] as BankStatement);
        const once = new Reconciler({ invoices }).process(shuffled).lines.map(key);
        const sort = (x: unknown[][]) => [...x].sort((p, q) => String(p[0]).localeCompare(String(q[0])));
        expect(sort(once)).toEqual(sort(a));
        const plain = reconcile({
          transactions: shuffled.flatMap((d) => d.transactions),
          invoices,
        }).lines.map(key);
        expect(sort(plain)).toEqual(sort(a));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('deterministic: the same statements give byte-identical results', () => {
    fc.assert(
      fc.property(caseArb, ([items, lines]) => {
        const { invoices, days } = build(items, lines);
        const run = (): string => {
          const r = new Reconciler({ invoices });
          return JSON.stringify(days.map((d) => r.process(d)));
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
