// Circular trades in a batch (FACTORING.md F9): A invoices B, B invoices C, C invoices A, for about
// the same amount within days. No goods need to move for the receivables to look real.

import type { InvoiceInput } from '../inputs/invoice.js';
import type { InvoiceFingerprintRecord } from '../math/fingerprint.js';

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

/**
 * The circle through `x` (its buyer back to its supplier over sales alike to it), or undefined.
 * Depth-first in input order, so the answer does not depend on anything but the inputs.
 */
function circleThrough(x: Sale, bySupplier: ReadonlyMap<string, readonly Sale[]>): Sale[] | undefined {
  const path: Sale[] = [x];
  let budget = VISITS_PER_INVOICE;
  const visit = (party: string): boolean => {
    for (const s of bySupplier.get(party) ?? []) {
      if (--budget < 0) return false;
      if (s === x || !alike(x, s) || path.includes(s)) continue;
      if (path.some((p) => p.supplierQuid === s.buyerQuid && s.buyerQuid !== x.supplierQuid)) continue;
      path.push(s);
      if (s.buyerQuid === x.supplierQuid) return true;
      if (path.length < MAX_LENGTH && visit(s.buyerQuid)) return true;
      path.pop();
    }
    return false;
  };
  return visit(x.buyerQuid) ? path : undefined;
}

/**
 * The positions of the batch items whose buyer also sells (in the batch or, with `known`, among
 * the invoices the financier already knows): the only items that can be set off against another
 * (contra) or close a circle. Self-invoices are left out (refused on their own). Undefined when
 * there is none, the common case, which costs one pass.
 *
 * @example
 * ```ts
 * const cross = crossSales(items, portfolio.knownInvoices);
 * ```
 */
export function crossSales(
  items: readonly { readonly invoice: InvoiceInput }[],
  known: readonly InvoiceFingerprintRecord[] = [],
): number[] | undefined {
  const sellers = new Set<string>();
  for (const item of items) sellers.add(item.invoice.supplierQuid);
  for (const r of known) sellers.add(r.supplierQuid);
  let out: number[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const inv = (items[i] as { readonly invoice: InvoiceInput }).invoice;
    if (inv.buyerQuid === inv.supplierQuid || !sellers.has(inv.buyerQuid)) continue;
    out ??= [];
    out.push(i);
  }
  return out;
}

/**
 * For each of the batch items at `cross` (from {@link crossSales}) that closes a circle of sales
 * (with other items, or with invoices the financier already knows), the circle: at most four
 * invoices, each within 10 % of the item's amount and 30 days of its issue date. A supplier
 * selling straight back to its own buyer is a circle of two. The search looks at a bounded number
 * of sales per item (a batch built to make it slow finds fewer circles, never more).
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
): Map<number, CircularTrade> | undefined {
  const bySupplier = new Map<string, Sale[]>();
  const add = (s: Sale): void => {
    if (s.supplierQuid === s.buyerQuid) return;
    const list = bySupplier.get(s.supplierQuid);
    if (list === undefined) bySupplier.set(s.supplierQuid, [s]);
    else list.push(s);
  };
  for (const item of items) add(item.invoice);
  for (const r of known) add(r);
  let found: Map<number, CircularTrade> | undefined;
  for (const i of cross) {
    const circle = circleThrough((items[i] as { readonly invoice: InvoiceInput }).invoice, bySupplier);
    if (circle === undefined) continue;
    found ??= new Map();
    found.set(i, {
      invoiceIds: circle.map((s) => s.invoiceId),
      parties: circle.map((s) => s.supplierQuid),
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
