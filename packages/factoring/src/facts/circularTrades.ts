// Circular trades in a batch (FACTORING.md F9): A invoices B, B invoices C, C invoices A, for about
// the same amount within days. No goods need to move for the receivables to look real.

import type { InvoiceInput } from '../inputs/invoice.js';
import type { InvoiceFingerprintRecord } from '../math/fingerprint.js';
import type { PartyOf } from './partyKey.js';

const DAY = 86_400;
/** Invoices round a circle whose amounts are within this share (in bps) of the one judged. */
const AMOUNT_TOLERANCE_BPS = 1_000;
/** ... and issued within this many seconds of it. */
const WINDOW_SECONDS = 30 * DAY;
/** Longest circle searched, in invoices (A→B→C→D→A). */
const MAX_LENGTH = 4;
/**
 * Sales looked at per batch item before the search for its circle gives up: a batch of thousands
 * of alike invoices among a few parties would otherwise cost the cube of their number.
 */
const VISITS_PER_INVOICE = 4_096;

/** One invoice as an edge of the trade graph: its supplier sells to its buyer. */
type Sale = Pick<
  InvoiceFingerprintRecord,
  'invoiceId' | 'supplierQuid' | 'buyerQuid' | 'amountMinor' | 'issuedAt'
>;

/**
 * A circle of invoices found through one batch item: the invoice ids in order, starting with the
 * item's own, and the parties they pass through.
 */
export interface CircularTrade {
  readonly invoiceIds: readonly string[];
  readonly parties: readonly string[];
}

/** True when `s` could be part of a round trip of `x`: about its amount, about its date. */
function alike(x: Sale, s: Sale): boolean {
  return (
    Math.abs(s.amountMinor - x.amountMinor) * 10_000 <= x.amountMinor * AMOUNT_TOLERANCE_BPS &&
    Math.abs(s.issuedAt - x.issuedAt) <= WINDOW_SECONDS
  );
}

/** A sale between two counterparties (a group of the book counts as one). */
interface Leg {
  readonly sale: Sale;
  readonly from: string;
  readonly to: string;
}

/** The sale as a leg between its counterparties (its own quids when the book has no groups). */
function legOf(sale: Sale, party: PartyOf | undefined): Leg {
  return party === undefined
    ? { sale, from: sale.supplierQuid, to: sale.buyerQuid }
    : { sale, from: party(sale.supplierQuid), to: party(sale.buyerQuid) };
}

/**
 * The circle through `x` (its buyer back to its supplier over sales alike to it), or undefined.
 * Depth-first in input order, so the answer does not depend on anything but the inputs.
 */
function circleThrough(x: Leg, bySupplier: ReadonlyMap<string, readonly Leg[]>): Leg[] | undefined {
  const path: Leg[] = [x];
  let budget = VISITS_PER_INVOICE;
  const visit = (party: string): boolean => {
    for (const s of bySupplier.get(party) ?? []) {
      if (--budget < 0) return false;
      if (s === x || !alike(x.sale, s.sale) || path.includes(s)) continue;
      if (path.some((p) => p.from === s.to && s.to !== x.from)) continue;
      path.push(s);
      if (s.to === x.from) return true;
      if (path.length < MAX_LENGTH && visit(s.to)) return true;
      path.pop();
    }
    return false;
  };
  return visit(x.to) ? path : undefined;
}

/**
 * Each leg's supplier, named with the buyer of the leg before when that is another company of its
 * group (the circle closes through the group, not through one quid).
 */
function partiesOf(circle: readonly Leg[]): string[] {
  return circle.map((leg, k) => {
    const before = (circle[(k + circle.length - 1) % circle.length] as Leg).sale.buyerQuid;
    const supplier = leg.sale.supplierQuid;
    return before === supplier ? supplier : `${supplier} (group of ${before})`;
  });
}

/**
 * The positions of the batch items whose buyer also sells (in the batch or, with `known`, among
 * the invoices the financier already knows): the only items that can be set off against another
 * (contra) or close a circle. With `party` (the book's groups, {@link partyOf}) a group is one
 * party: a buyer whose sister company sells counts. Self-invoices (and sales within one group) are
 * left out (refused on their own). Undefined when there is none, the common case, which costs one
 * pass.
 *
 * @example
 * ```ts
 * const cross = crossSales(items, portfolio.knownInvoices, partyOf(state.groupOf));
 * ```
 */
export function crossSales(
  items: readonly { readonly invoice: InvoiceInput }[],
  known: readonly InvoiceFingerprintRecord[] = [],
  party?: PartyOf,
): number[] | undefined {
  const sellers = new Set<string>();
  for (const item of items) {
    const s = item.invoice.supplierQuid;
    sellers.add(party === undefined ? s : party(s));
  }
  for (const r of known) sellers.add(party === undefined ? r.supplierQuid : party(r.supplierQuid));
  let out: number[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const inv = (items[i] as { readonly invoice: InvoiceInput }).invoice;
    const buyer = party === undefined ? inv.buyerQuid : party(inv.buyerQuid);
    const supplier = party === undefined ? inv.supplierQuid : party(inv.supplierQuid);
    if (buyer === supplier || !sellers.has(buyer)) continue;
    out ??= [];
    out.push(i);
  }
  return out;
}

/**
 * For each of the batch items at `cross` (from {@link crossSales}) that closes a circle of sales
 * (with other items, or with invoices the financier already knows), the circle: at most four
 * invoices, each within 10 % of the item's amount and 30 days of its issue date. A supplier
 * selling straight back to its own buyer is a circle of two. With `party` (the book's groups) a
 * group is one party: a circle may close through another company of a buyer's group. The search
 * looks at a bounded number of sales per item (a batch built to make it slow finds fewer
 * circles, never more).
 *
 * @example
 * ```ts
 * const cross = crossSales(items, portfolio.knownInvoices);
 * const circles = cross && circularTrades(items, cross, portfolio.knownInvoices);
 * circles?.get(0)?.invoiceIds; // ['inv-1', 'inv-7', 'inv-9']
 * ```
 */
export function circularTrades(
  items: readonly { readonly invoice: InvoiceInput }[],
  cross: readonly number[],
  known: readonly InvoiceFingerprintRecord[] = [],
  party?: PartyOf,
): Map<number, CircularTrade> | undefined {
  const bySupplier = new Map<string, Leg[]>();
  const add = (leg: Leg): void => {
    if (leg.from === leg.to) return;
    const list = bySupplier.get(leg.from);
    if (list === undefined) bySupplier.set(leg.from, [leg]);
    else list.push(leg);
  };
  const legs = items.map((item) => legOf(item.invoice, party));
  for (const leg of legs) add(leg);
  for (const r of known) add(legOf(r, party));
  let found: Map<number, CircularTrade> | undefined;
  for (const i of cross) {
    const circle = circleThrough(legs[i] as Leg, bySupplier);
    if (circle === undefined) continue;
    found ??= new Map();
    found.set(i, {
      invoiceIds: circle.map((s) => s.sale.invoiceId),
      parties: partiesOf(circle),
    });
  }
  return found;
}

/**
 * {@link circularTrades} with every batch invoice of each circle found: a circle is searched from
 * each invoice with legs alike to that invoice, so one found from its middle invoice names
 * invoices whose own search did not close it; each of them is on that circle all the same. A
 * member keeps the circle found from itself, if any, else the first that names it.
 *
 * @example
 * ```ts
 * const circles = circleMembers(items, circularTrades(items, crossSales(items) ?? []));
 * ```
 */
export function circleMembers(
  items: readonly { readonly invoice: InvoiceInput }[],
  found: Map<number, CircularTrade> | undefined,
): Map<number, CircularTrade> | undefined {
  if (found === undefined) return undefined;
  // The first circle that names each invoice id.
  const byId = new Map<string, CircularTrade>();
  for (const circle of found.values())
    for (const id of circle.invoiceIds) if (!byId.has(id)) byId.set(id, circle);
  const spread = new Map(found);
  for (let i = 0; i < items.length; i++) {
    const circle = byId.get((items[i] as { readonly invoice: InvoiceInput }).invoice.invoiceId);
    if (circle !== undefined && !spread.has(i)) spread.set(i, circle);
  }
  return spread;
}
