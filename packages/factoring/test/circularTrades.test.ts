// The circle search against a brute-force reference on small random trade graphs: every circle it
// reports is a real one, and every invoice it leaves alone is on none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleMembers, circularTrades, crossSales } from '../src/facts/circularTrades.js';
import { partyOf } from '../src/facts/partyKey.js';
import type { InvoiceInput } from '../src/inputs/invoice.js';

const DAY = 86_400;
const PARTIES = ['p0', 'p1', 'p2', 'p3', 'p4'];

const saleArb = fc
  .record({
    from: fc.integer({ min: 0, max: 4 }),
    to: fc.integer({ min: 0, max: 4 }),
    amount: fc.constantFrom(1_000_000, 1_050_000, 1_200_000, 3_000_000),
    day: fc.constantFrom(0, 10, 45),
  })
  .map(({ from, to, amount, day }) => ({ from, to, amount, day }));

const invoicesOf = (sales: { from: number; to: number; amount: number; day: number }[]): InvoiceInput[] =>
  sales.map((s, i) => ({
    invoiceId: `i${i}`,
    supplierQuid: PARTIES[s.from] as string,
    buyerQuid: PARTIES[s.to] as string,
    amountMinor: s.amount,
    currency: 'USD',
    issuedAt: s.day * DAY,
    dueAt: s.day * DAY + 60 * DAY,
  }));

/** The circles of a batch of these invoices, as the batch finds them. */
function circlesOf(invoices: readonly InvoiceInput[]) {
  const items = invoices.map((invoice) => ({ invoice }));
  const cross = crossSales(items);
  return cross === undefined ? undefined : circularTrades(items, cross);
}

const alike = (x: InvoiceInput, y: InvoiceInput): boolean =>
  Math.abs(y.amountMinor - x.amountMinor) * 10 <= x.amountMinor &&
  Math.abs(y.issuedAt - x.issuedAt) <= 30 * DAY;

/** Brute force: is there a circle of at most 4 invoices through x, each alike to x, parties distinct? */
function onCircle(x: InvoiceInput, all: readonly InvoiceInput[]): boolean {
  const go = (at: string, used: InvoiceInput[], seen: string[]): boolean => {
    if (used.length >= 4) return false;
    for (const s of all) {
      if (used.includes(s) || s.supplierQuid !== at || s.supplierQuid === s.buyerQuid || !alike(x, s))
        continue;
      if (s.buyerQuid === x.supplierQuid) return true;
      if (seen.includes(s.buyerQuid)) continue;
      if (go(s.buyerQuid, [...used, s], [...seen, s.buyerQuid])) return true;
    }
    return false;
  };
  return x.supplierQuid !== x.buyerQuid && go(x.buyerQuid, [x], [x.supplierQuid, x.buyerQuid]);
}

describe('circularTrades', () => {
  it('reports exactly the invoices on a circle of alike sales, and each circle it reports is closed', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 12 }), (sales) => {
        const invoices = invoicesOf(sales);
        const found = circlesOf(invoices);
        invoices.forEach((x, i) => {
          const circle = found?.get(i);
          expect([i, circle !== undefined]).toEqual([i, onCircle(x, invoices)]);
          if (circle === undefined) return;
          const byId = new Map(invoices.map((v) => [v.invoiceId, v]));
          const legs = circle.invoiceIds.map((id) => byId.get(id) as InvoiceInput);
          expect(legs[0]).toBe(x);
          for (let k = 0; k < legs.length; k++) {
            const next = legs[(k + 1) % legs.length] as InvoiceInput;
            expect((legs[k] as InvoiceInput).buyerQuid).toBe(next.supplierQuid);
            expect(alike(x, legs[k] as InvoiceInput)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('circleMembers reports every batch invoice a reported circle names, and only those', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 12 }), (sales) => {
        const invoices = invoicesOf(sales);
        const items = invoices.map((invoice) => ({ invoice }));
        const found = circlesOf(invoices);
        const spread = circleMembers(items, found);
        const named = new Set([...(found?.values() ?? [])].flatMap((c) => c.invoiceIds));
        invoices.forEach((x, i) => {
          expect([i, spread?.has(i) ?? false]).toEqual([i, found?.has(i) === true || named.has(x.invoiceId)]);
          if (found?.has(i)) expect(spread?.get(i)).toBe(found.get(i));
          if (spread?.has(i)) expect(spread.get(i)?.invoiceIds).toContain(x.invoiceId);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('with groups, finds the circles of the same sales with each group as one party', () => {
    // Merging a group's companies into one quid beforehand is the reference.
    fc.assert(
      fc.property(
        fc.array(saleArb, { maxLength: 12 }),
        fc.array(fc.constantFrom(undefined, 'g', 'h'), { minLength: 5, maxLength: 5 }),
        (sales, grouping) => {
          const groupOf = (q: string) => grouping[PARTIES.indexOf(q)];
          const party = partyOf(groupOf);
          const invoices = invoicesOf(sales);
          const items = invoices.map((invoice) => ({ invoice }));
          const cross = crossSales(items, [], party);
          const found = cross === undefined ? undefined : circularTrades(items, cross, [], party);
          const merged = invoices.map((v) => ({
            ...v,
            supplierQuid: groupOf(v.supplierQuid) ?? v.supplierQuid,
            buyerQuid: groupOf(v.buyerQuid) ?? v.buyerQuid,
          }));
          const reference = circlesOf(merged);
          expect([...(found?.keys() ?? [])]).toEqual([...(reference?.keys() ?? [])]);
          for (const [i, c] of found ?? []) expect(c.invoiceIds).toEqual(reference?.get(i)?.invoiceIds);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a book where no buyer also sells costs one pass and reports nothing', () => {
    const invoices = invoicesOf([
      { from: 0, to: 1, amount: 1_000_000, day: 0 },
      { from: 2, to: 3, amount: 1_000_000, day: 0 },
    ]);
    expect(circlesOf(invoices)).toBeUndefined();
  });
});

describe('circularTrades on a batch built to be slow', () => {
  it('layers of alike invoices that never lead back are searched within a bounded number of steps', () => {
    // A sells to B; B sells to C 1,000 times, C to D 1,000 times, D to E 1,000 times, and nothing
    // leads back to A. Without the bound on sales looked at per item, the search from A's invoice
    // alone is a billion steps (the test would time out); with it, the call returns and says no
    // invoice is on a circle.
    const layer = (from: string, to: string) => Array.from({ length: 1_000 }, (_, i) => ({ from, to, i }));
    const edges = [{ from: 'A', to: 'B', i: 0 }, ...layer('B', 'C'), ...layer('C', 'D'), ...layer('D', 'E')];
    const invoices: InvoiceInput[] = edges.map((e, k) => ({
      invoiceId: `s${k}`,
      supplierQuid: e.from,
      buyerQuid: e.to,
      amountMinor: 1_000_000,
      currency: 'USD',
      issuedAt: 0,
      dueAt: 60 * DAY,
    }));
    expect(circlesOf(invoices)?.size ?? 0).toBe(0);
  });
});

describe('the circle search is not used up by unrelated sales, nor by their order (third review)', () => {
  const sale = (
    id: string,
    from: string,
    to: string,
    amountMinor = 5_000_000,
  ): { invoice: InvoiceInput } => ({
    invoice: {
      invoiceId: id,
      supplierQuid: from,
      buyerQuid: to,
      amountMinor,
      currency: 'USD',
      issuedAt: 0,
      dueAt: 60 * DAY,
    },
  });
  const circle = [sale('sb', 'S', 'B'), sale('bc', 'B', 'C'), sale('cs', 'C', 'S')];
  // 4,100 sales from each of S, B and C to buyers that sell to nobody: they cannot be on a circle.
  const noise: { invoice: InvoiceInput }[] = [];
  for (const p of ['S', 'B', 'C'])
    for (let k = 0; k < 4_100; k++) noise.push(sale(`n-${p}-${k}`, p, `dead-${p}-${k}`));

  it.each([
    ['circle listed first', [...circle, ...noise]],
    ['noise listed first', [...noise, ...circle]],
  ])('%s: every invoice of the circle is found', (_name, items) => {
    const found = circularTrades(items, crossSales(items) ?? []);
    for (const id of ['sb', 'bc', 'cs']) {
      const i = items.findIndex((x) => x.invoice.invoiceId === id);
      expect([id, found?.get(i)?.incomplete ?? false, found?.get(i)?.invoiceIds.length]).toEqual([
        id,
        false,
        3,
      ]);
    }
  });

  it('a search that runs out of its budget on alike sales says so (incomplete), never "no circle"', () => {
    const items = [sale('x', 'S', 'B0')];
    for (let k = 0; k < 5_000; k++) {
      items.push(sale(`b-${k}`, 'B0', `T${k}`));
      items.push(sale(`t-${k}`, `T${k}`, 'Z'));
    }
    // A cycle back to S exists, but only five sales long (past the longest circle searched): the
    // search must walk every T to learn that, and runs out first.
    items.push(sale('z', 'Z', 'Y'), sale('y', 'Y', 'S'));
    const found = circularTrades(items, crossSales(items) ?? []);
    expect(found?.get(0)?.incomplete).toBe(true);
  });
});

describe('a circle member named by several circles', () => {
  it('listing order: an invoice whose own search closes no circle reports the same circle whichever way the batch is listed', () => {
    // p1 -> p0 -> p2 -> p1. The middle sale is more than 10 % below the first, so its own search
    // (legs alike to it) finds nothing; the searches from the other two both close the circle, each
    // naming it from its own start. Which one it reported depended on the input order.
    const invoices: InvoiceInput[] = [
      {
        ...invoicesOf([{ from: 1, to: 0, amount: 7_868_310, day: 4 }])[0],
        invoiceId: 'inv-0',
      } as InvoiceInput,
      {
        ...invoicesOf([{ from: 2, to: 1, amount: 7_336_926, day: 6 }])[0],
        invoiceId: 'inv-1',
      } as InvoiceInput,
      {
        ...invoicesOf([{ from: 0, to: 2, amount: 7_091_611, day: 3 }])[0],
        invoiceId: 'inv-2',
      } as InvoiceInput,
    ];
    const memberOf = (list: InvoiceInput[]) => {
      const items = list.map((invoice) => ({ invoice }));
      const spread = circleMembers(items, circularTrades(items, crossSales(items) ?? []));
      const k = list.findIndex((v) => v.invoiceId === 'inv-2');
      expect(circularTrades(items, crossSales(items) ?? [])?.has(k) ?? false).toBe(false);
      return spread?.get(k);
    };
    const listed = memberOf(invoices);
    expect(listed?.invoiceIds).toContain('inv-2');
    for (const order of [
      [1, 0, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      expect(memberOf(order.map((i) => invoices[i] as InvoiceInput))).toEqual(listed);
    }
  });
});
