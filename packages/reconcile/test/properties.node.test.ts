import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BankTransaction, findExactSubsets, type OpenInvoice, reconcile } from '../src/index.js';
import { credit } from './support/builders.js';

const payers = ['p1', 'p2', 'p3'];

const invoiceArb = fc.record({
  payer: fc.constantFrom(...payers),
  amount: fc.integer({ min: 1, max: 2000 }),
  paidPart: fc.integer({ min: 0, max: 100 }),
  creditNote: fc.boolean(),
});

const lineArb = (n: number) =>
  fc.record({
    target: fc.integer({ min: 0, max: Math.max(0, n - 1) }),
    style: fc.constantFrom('number', 'payer', 'both', 'none', 'two'),
    amountKind: fc.constantFrom('exact', 'random', 'half', 'double'),
    random: fc.integer({ min: 1, max: 5000 }),
    second: fc.integer({ min: 0, max: Math.max(0, n - 1) }),
    direction: fc.constantFrom('credit', 'credit', 'credit', 'debit'),
  });

const scenarioArb = fc
  .array(invoiceArb, { minLength: 1, maxLength: 12 })
  .chain((invs) =>
    fc.tuple(fc.constant(invs), fc.array(lineArb(invs.length), { minLength: 1, maxLength: 15 })),
  );

function build([invs, lines]: [
  fc.Arbitrary<unknown> extends never
    ? never
    : { payer: string; amount: number; paidPart: number; creditNote: boolean }[],
  { target: number; style: string; amountKind: string; random: number; second: number; direction: string }[],
]): {
  invoices: OpenInvoice[];
  transactions: BankTransaction[];
} {
  const invoices: OpenInvoice[] = invs.map((x, i) => {
    const open = Math.max(1, x.amount - Math.floor((x.amount * x.paidPart) / 200));
    return {
      invoiceId: `i${i}`,
      invoiceNumber: `${x.creditNote ? 'CN' : 'INV'}-${1000 + i}`,
      ...(x.creditNote && i > 0 ? { kind: 'credit-note' as const } : {}),
      payerId: x.payer,
      payerName: `${x.payer} Trading GmbH`,
      payerAccounts: [`DE00${x.payer}`],
      currency: 'EUR',
      amountMinor: x.amount,
      openAmountMinor: open,
      issuedAt: '2026-01-01',
      dueAt: '2026-02-01',
    };
  });
  const transactions = lines.map((l) => {
    const inv = invoices[l.target] as OpenInvoice;
    const other = invoices[l.second] as OpenInvoice;
    const amount =
      l.amountKind === 'exact'
        ? inv.openAmountMinor
        : l.amountKind === 'half'
          ? Math.max(1, Math.floor(inv.openAmountMinor / 2))
          : l.amountKind === 'double'
            ? inv.openAmountMinor * 2
            : l.random;
    const text =
      l.style === 'number' || l.style === 'both'
        ? [inv.invoiceNumber]
        : l.style === 'two'
          ? [`${inv.invoiceNumber} ${other.invoiceNumber}`]
          : [];
    return credit({
      amountMinor: amount,
      direction: l.direction as 'credit' | 'debit',
      remittanceText: text,
      ...(l.style === 'payer' || l.style === 'both' ? { counterpartyAccount: `DE00${inv.payerId}` } : {}),
    });
  });
  return { invoices, transactions };
}

describe('allocation invariants (property tests)', () => {
  it('allocations never exceed a payment or an open amount; outcomes, events and adjustments agree; output is deterministic', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { invoices, transactions } = build(scenario as never);
        const options = { autoThreshold: 0.5, suggestThreshold: 0.1 };
        const r = reconcile({ transactions, invoices, options });
        const openOf = new Map(invoices.map((i) => [i.invoiceId, i.openAmountMinor]));
        const used = new Map<string, number>();
        r.lines.forEach((line, k) => {
          const tx = transactions[k] as BankTransaction;
          if (line.status !== 'auto') expect(line.allocations).toEqual([]);
          const paid = line.allocations.reduce((s, a) => s + a.paymentCashMinor, 0);
          expect(paid).toBeLessThanOrEqual(tx.amountMinor);
          expect(paid + line.unappliedMinor).toBeLessThanOrEqual(tx.amountMinor);
          for (const a of line.allocations) {
            for (const v of [a.cashMinor, a.creditMinor, a.writeOffMinor, a.paymentCashMinor])
              expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
            const consumed =
              a.kind === 'credit-note' ? a.creditMinor : a.cashMinor + a.creditMinor + a.writeOffMinor;
            used.set(a.invoiceId, (used.get(a.invoiceId) ?? 0) + consumed);
          }
          if (tx.direction === 'debit') expect(line.status).toBe('skipped');
        });
        for (const [id, total] of used) expect(total).toBeLessThanOrEqual(openOf.get(id) ?? 0);
        for (const o of r.invoices) {
          expect(o.openAfterMinor).toBe((openOf.get(o.invoiceId) ?? 0) - (used.get(o.invoiceId) ?? 0));
          expect(o.openAfterMinor).toBeGreaterThanOrEqual(0);
          expect(['PartiallyPaid', 'Reconciled', 'Credited', 'Issued']).toContain(o.state);
        }
        const cash = r.lines.flatMap((l) => l.allocations).reduce((s, a) => s + a.cashMinor, 0);
        expect(r.events.reduce((s, e) => s + e.payload.amountMinor, 0)).toBe(cash);
        for (const e of r.events) {
          expect(e.payload.amountMinor).toBeGreaterThan(0);
          expect(Number.isInteger(e.payload.receivedAt)).toBe(true);
        }
        const writeOffs = r.lines
          .flatMap((l) => l.allocations)
          .filter((a) => a.kind !== 'credit-note')
          .reduce((s, a) => s + a.writeOffMinor + a.creditMinor, 0);
        expect(r.adjustments.reduce((s, e) => s + e.payload.amountMinor, 0)).toBe(writeOffs);
        expect(JSON.stringify(reconcile({ transactions, invoices, options }))).toBe(JSON.stringify(r));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('each invoice is auto-applied at most up to its open amount even when many lines quote it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        (open, amounts) => {
          const inv: OpenInvoice = {
            invoiceId: 'x',
            invoiceNumber: 'INV-4711',
            payerId: 'p',
            currency: 'EUR',
            amountMinor: open,
            openAmountMinor: open,
          };
          const r = reconcile({
            transactions: amounts.map((a) => credit({ amountMinor: a, remittanceText: ['INV-4711'] })),
            invoices: [inv],
            options: { autoThreshold: 0.5 },
          });
          const total = r.lines
            .flatMap((l) => l.allocations)
            .reduce((s, a) => s + a.cashMinor + a.writeOffMinor, 0);
          expect(total).toBeLessThanOrEqual(open);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('findExactSubsets (property tests)', () => {
  const brute = (amounts: number[], target: number, min: number, max: number): number[][] => {
    const out: number[][] = [];
    for (let mask = 1; mask < 1 << amounts.length; mask++) {
      const idx = amounts.map((_, i) => i).filter((i) => mask & (1 << i));
      if (idx.length < min || idx.length > max) continue;
      if (idx.reduce((s, i) => s + (amounts[i] ?? 0), 0) === target) out.push(idx);
    }
    return out;
  };

  it('finds exactly the brute-force solutions (with credit notes as negatives), sorted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -300, max: 1000 }), { minLength: 0, maxLength: 11 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 2, max: 5 }),
        (amounts, target, maxSize) => {
          const expected = brute(amounts, target, 2, maxSize);
          const r = findExactSubsets(amounts, target, {
            minSize: 2,
            maxSize,
            maxSolutions: 10_000,
            maxSteps: 10_000_000,
          });
          expect(r.complete).toBe(true);
          expect(r.found).toBe(expected.length);
          const key = (s: readonly number[]) => s.join(',');
          expect(r.solutions.map(key).sort()).toEqual(expected.map(key).sort());
          for (const s of r.solutions) expect(s.reduce((sum, i) => sum + (amounts[i] ?? 0), 0)).toBe(target);
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it('stops at the step budget and says so', () => {
    const r = findExactSubsets(
      Array.from({ length: 40 }, (_, i) => 1000 + i),
      5090,
      { minSize: 2, maxSize: 5, maxSolutions: 5, maxSteps: 100 },
    );
    expect(r.complete).toBe(false);
  });
});
