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
 * Alike sales looked at per batch item before the search for its circle gives up (and says so):
 * a batch of thousands of alike invoices among a few parties would otherwise cost the cube of
 * their number. Unlike sales are only compared, up to sixteen times as many.
 */
const VISITS_PER_INVOICE = 4_096;
const COMPARISONS_PER_INVOICE = 16 * VISITS_PER_INVOICE;
/**
 * Visits per batch item on the searches from known invoices alike to it: sixteen full searches'
 * worth, charged as used, not per known invoice, so a thousand earlier sales that lead to nothing
 * alike cost next to nothing (a supplier shipping daily is not held), while known invoices on dense
 * alike graphs use it up (held, never cleared). Comparisons: sixteen times as many.
 */
const KNOWN_VISITS_PER_INVOICE = 16 * VISITS_PER_INVOICE;

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
  /**
   * The search through this item ran out of its budget before it could show there is no circle
   * (then `invoiceIds` names the item alone): a batch dense with alike sales is held, not cleared.
   */
  readonly incomplete?: true;
  /**
   * The currency of each invoice in `invoiceIds` (undefined where a known record states none and
   * the book has none), set only when they are not all one: amounts in different currencies are
   * not compared (no exchange rate is guessed), so the circle is one of sales within 30 days whose
   * amounts could not all be compared.
   */
  readonly currencies?: readonly (string | undefined)[];
}

/** True when `s`'s amount is within the tolerance of `x`'s (both in one currency). */
function alikeAmount(x: Sale, s: Sale): boolean {
  return Math.abs(s.amountMinor - x.amountMinor) * 10_000 <= x.amountMinor * AMOUNT_TOLERANCE_BPS;
}

/** A sale between two counterparties (a group of the book counts as one), in its currency. */
interface Leg {
  readonly sale: Sale;
  readonly from: string;
  readonly to: string;
  /** Undefined for a known record that states none when the book has none: compared with nothing. */
  readonly currency: string | undefined;
}

/** True when `s` could be part of a round trip of `x` in its currency: about its amount and date. */
function alike(x: Leg, s: Leg): boolean {
  return (
    s.currency === x.currency &&
    x.currency !== undefined &&
    alikeAmount(x.sale, s.sale) &&
    Math.abs(s.sale.issuedAt - x.sale.issuedAt) <= WINDOW_SECONDS
  );
}

/**
 * True when `s` could be part of a round trip of `path[0]` whatever its currency: about its date,
 * and about the amount of the first leg on the path in its own currency (none: not compared).
 */
function alikeAcross(path: readonly Leg[], s: Leg): boolean {
  const x = path[0] as Leg;
  if (Math.abs(s.sale.issuedAt - x.sale.issuedAt) > WINDOW_SECONDS) return false;
  if (s.currency === undefined) return true;
  for (const p of path) if (p.currency === s.currency) return alikeAmount(p.sale, s.sale);
  return true;
}

/** The sale as a leg between its counterparties (its own quids when the book has no groups). */
function legOf(sale: Sale, party: PartyOf | undefined, currency: string | undefined): Leg {
  return party === undefined
    ? { sale, from: sale.supplierQuid, to: sale.buyerQuid, currency }
    : { sale, from: party(sale.supplierQuid), to: party(sale.buyerQuid), currency };
}

/** The search ran out of its budget: neither a circle nor shown to be none. */
const INCOMPLETE = 'incomplete';

/** What a search may still look at: alike sales visited, and sales compared. Spent as it goes. */
interface Budget {
  visits: number;
  comparisons: number;
}

/**
 * The circle through `x` (its buyer back to its supplier over sales alike to it), undefined when
 * there is none, or INCOMPLETE when the budget ran out first. Depth-first over lists in issue
 * order, so the answer depends on the sales alone, not on how they are listed. With `across`,
 * legs in another currency than `x`'s count, their amounts compared only within their currency.
 * With `accept`, each circle found is handed to it and the search goes on unless it says stop
 * (true): from a known invoice, a circle through no open batch item must not end the search.
 */
function circleThrough(
  x: Leg,
  bySupplier: ReadonlyMap<string, readonly Leg[]>,
  across: boolean,
  budget: Budget = { visits: VISITS_PER_INVOICE, comparisons: COMPARISONS_PER_INVOICE },
  accept?: (circle: readonly Leg[]) => boolean,
): Leg[] | undefined | typeof INCOMPLETE {
  const path: Leg[] = [x];
  let ranOut = false;
  const visit = (party: string): boolean => {
    for (const s of bySupplier.get(party) ?? []) {
      if (--budget.comparisons < 0) {
        ranOut = true;
        return false;
      }
      if (s === x || path.includes(s) || !(across ? alikeAcross(path, s) : alike(x, s))) continue;
      if (--budget.visits < 0) {
        ranOut = true;
        return false;
      }
      if (path.some((p) => p.from === s.to && s.to !== x.from)) continue;
      path.push(s);
      if (s.to === x.from) {
        if (accept === undefined || accept(path)) return true;
      } else if (path.length < MAX_LENGTH && visit(s.to)) return true;
      if (ranOut) return false;
      path.pop();
    }
    return false;
  };
  if (visit(x.to)) return path;
  return ranOut ? INCOMPLETE : undefined;
}

/**
 * The sales that lie on some cycle of the trade graph (amounts and dates aside): sales from a
 * party nobody sells to, or to a party that sells nothing, are dropped, again and again until
 * none is left to drop. Linear in the sales; what is left is all a circle search needs, so sales
 * off every cycle (however many, in whatever order) cannot use up a search.
 */
function cycleCore(all: readonly Leg[]): Set<Leg> {
  const out = new Map<string, Leg[]>();
  const into = new Map<string, Leg[]>();
  const outDegree = new Map<string, number>();
  const inDegree = new Map<string, number>();
  const kept = new Set<Leg>();
  for (const leg of all) {
    if (leg.from === leg.to) continue;
    kept.add(leg);
    (out.get(leg.from) ?? out.set(leg.from, []).get(leg.from))?.push(leg);
    (into.get(leg.to) ?? into.set(leg.to, []).get(leg.to))?.push(leg);
    outDegree.set(leg.from, (outDegree.get(leg.from) ?? 0) + 1);
    inDegree.set(leg.to, (inDegree.get(leg.to) ?? 0) + 1);
  }
  const queue: string[] = [];
  for (const p of new Set([...out.keys(), ...into.keys()]))
    if ((inDegree.get(p) ?? 0) === 0 || (outDegree.get(p) ?? 0) === 0) queue.push(p);
  const done = new Set<string>();
  while (queue.length > 0) {
    const p = queue.pop() as string;
    if (done.has(p)) continue;
    done.add(p);
    for (const leg of out.get(p) ?? []) {
      if (!kept.delete(leg)) continue;
      const left = (inDegree.get(leg.to) ?? 0) - 1;
      inDegree.set(leg.to, left);
      if (left === 0) queue.push(leg.to);
    }
    for (const leg of into.get(p) ?? []) {
      if (!kept.delete(leg)) continue;
      const left = (outDegree.get(leg.from) ?? 0) - 1;
      outDegree.set(leg.from, left);
      if (left === 0) queue.push(leg.from);
    }
  }
  return kept;
}

/** Issue date, then invoice id: the order the search walks a party's sales in. */
function byIssue(a: Leg, b: Leg): number {
  if (a.sale.issuedAt !== b.sale.issuedAt) return a.sale.issuedAt - b.sale.issuedAt;
  return a.sale.invoiceId < b.sale.invoiceId ? -1 : a.sale.invoiceId > b.sale.invoiceId ? 1 : 0;
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
 * looks at a bounded number of sales per item; an item whose search runs out of it is reported
 * `incomplete` (held, never cleared), and sales on no cycle of the trade graph are not searched.
 * Amounts are compared only within one currency (`bookCurrency`, `portfolio.currency`, is the one
 * of known records that state none): a circle through a leg in another currency is still a
 * circle, found once none in one currency is, and reported with its `currencies`. An item no
 * circle is found from is searched again from the known invoices alike to it: a circle spread
 * over more than 30 days whose middle leg was bought in an earlier batch is found all the same.
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
  bookCurrency?: string,
): Map<number, CircularTrade> | undefined {
  const legs = items.map((item) => legOf(item.invoice, party, item.invoice.currency));
  // A known record without a currency is in the book's, or the batch's when it has only one.
  let recordCurrency = bookCurrency;
  if (recordCurrency === undefined && known.length > 0) {
    recordCurrency = legs[0]?.currency;
    for (const leg of legs)
      if (leg.currency !== recordCurrency) {
        recordCurrency = undefined;
        break;
      }
  }
  const onCycles = cycleCore([...legs, ...known.map((r) => legOf(r, party, r.currency ?? recordCurrency))]);
  // Legs on cycles in more than one currency (or in none stated): circles across currencies are
  // searched too, once no circle in one currency is found.
  let first: Leg | undefined;
  let mixed = false;
  for (const leg of onCycles) {
    first ??= leg;
    if (leg.currency === undefined || leg.currency !== first.currency) {
      mixed = true;
      break;
    }
  }
  // Each party's sales that may lie on a circle, in issue order.
  const bySupplier = new Map<string, Leg[]>();
  for (const leg of onCycles) {
    const list = bySupplier.get(leg.from);
    if (list === undefined) bySupplier.set(leg.from, [leg]);
    else list.push(leg);
  }
  for (const list of bySupplier.values()) list.sort(byIssue);
  let found: Map<number, CircularTrade> | undefined;
  for (const i of cross) {
    const x = legs[i] as Leg;
    if (!onCycles.has(x)) continue; // on no cycle of the trade graph at all
    let circle = circleThrough(x, bySupplier, false);
    if (circle !== undefined && circle !== INCOMPLETE) {
      found ??= new Map();
      found.set(i, { invoiceIds: circle.map((s) => s.sale.invoiceId), parties: partiesOf(circle) });
      continue;
    }
    if (mixed) circle = circleThrough(x, bySupplier, true) ?? circle;
    if (circle === undefined) continue;
    found ??= new Map();
    if (circle === INCOMPLETE) {
      found.set(i, { invoiceIds: [x.sale.invoiceId], parties: [x.from, x.to], incomplete: true });
      continue;
    }
    const across = circle.some((s) => s.currency !== x.currency || s.currency === undefined);
    found.set(i, {
      invoiceIds: circle.map((s) => s.sale.invoiceId),
      parties: partiesOf(circle),
      ...(across && { currencies: circle.map((s) => s.currency) }),
    });
  }
  return fromKnown(legs, cross, onCycles, bySupplier, found);
}

/**
 * Circles found from a known invoice alike to a batch item no circle was found from: a circle
 * spread over more than 30 days is found from its middle leg, and when that leg was bought in an
 * earlier batch (`portfolio.knownInvoices`) the new leg's own search does not reach its far end.
 * Each batch item on such a circle gets it, starting with its own invoice. From each known
 * invoice the search goes on past a circle until every open item alike to it is on one or shown
 * on none: a second closing leg (a decoy) does not hide the first. Known invoices are searched
 * from only when alike (currency, 10 %, 30 days) to such an item, out of a budget per item of
 * {@link KNOWN_VISITS_PER_INVOICE}: an item whose budget runs out, or whose search from a known
 * invoice does, is reported `incomplete` (held, never cleared).
 */
function fromKnown(
  legs: readonly Leg[],
  cross: readonly number[],
  onCycles: ReadonlySet<Leg>,
  bySupplier: ReadonlyMap<string, readonly Leg[]>,
  found: Map<number, CircularTrade> | undefined,
): Map<number, CircularTrade> | undefined {
  const open = cross
    .map((i) => legs[i] as Leg)
    .filter((leg, k) => onCycles.has(leg) && found?.has(cross[k] as number) !== true)
    .sort((a, b) => a.sale.issuedAt - b.sale.issuedAt);
  if (open.length === 0) return found;
  const batch = new Set(legs);
  const index = new Map(legs.map((leg, i) => [leg, i]));
  let out = found;
  // What each open item has left to spend on searches from known invoices alike to it.
  const left = new Map<Leg, Budget>();
  const unsure = new Set<Leg>();
  for (const k of onCycles) {
    if (batch.has(k)) continue;
    // The open items alike to k (those within 30 days of its date, by binary search).
    let lo = 0;
    let hi = open.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((open[mid] as Leg).sale.issuedAt < k.sale.issuedAt - WINDOW_SECONDS) lo = mid + 1;
      else hi = mid;
    }
    const pending = new Set<Leg>();
    for (
      let j = lo;
      j < open.length && (open[j] as Leg).sale.issuedAt <= k.sale.issuedAt + WINDOW_SECONDS;
      j++
    ) {
      const x = open[j] as Leg;
      // Only items k is next to on a circle (a party in common): a circle of at most four legs
      // through x has such a leg, and a search from an unrelated dense cluster that runs out must
      // not hold x.
      if (alike(k, x) && sharesParty(k, x) && out?.has(index.get(x) as number) !== true) pending.add(x);
    }
    if (pending.size === 0) continue;
    // The search from k may spend what the richest of its items has left, one search's at most.
    const budget: Budget = { visits: 0, comparisons: 0 };
    for (const x of pending) {
      const b = left.get(x) ?? {
        visits: KNOWN_VISITS_PER_INVOICE,
        comparisons: 16 * KNOWN_VISITS_PER_INVOICE,
      };
      left.set(x, b);
      budget.visits = Math.max(budget.visits, Math.min(b.visits, VISITS_PER_INVOICE));
      budget.comparisons = Math.max(budget.comparisons, Math.min(b.comparisons, COMPARISONS_PER_INVOICE));
    }
    const near = [...pending];
    if (budget.visits <= 0 || budget.comparisons <= 0) {
      for (const x of near) unsure.add(x);
      continue;
    }
    const start = { ...budget };
    const circle = circleThrough(k, bySupplier, false, budget, (found) => {
      if (!found.some((p) => pending.has(p))) return false;
      for (let at = 0; at < found.length; at++) {
        const leg = found[at] as Leg;
        pending.delete(leg);
        const i = index.get(leg);
        if (i === undefined || out?.has(i) === true) continue;
        const own = [...found.slice(at), ...found.slice(0, at)];
        out ??= new Map();
        out.set(i, { invoiceIds: own.map((s) => s.sale.invoiceId), parties: partiesOf(own) });
      }
      return pending.size === 0;
    });
    for (const x of near) {
      const b = left.get(x) as Budget;
      b.visits -= start.visits - budget.visits;
      b.comparisons -= start.comparisons - budget.comparisons;
    }
    // Ran out before every item alike to k was on a circle or shown on none.
    if (circle === INCOMPLETE) for (const x of pending) unsure.add(x);
  }
  // Neither a circle nor shown to be none.
  for (const x of unsure) {
    const i = index.get(x) as number;
    if (out?.has(i) === true) continue;
    out ??= new Map();
    out.set(i, { invoiceIds: [x.sale.invoiceId], parties: [x.from, x.to], incomplete: true });
  }
  return out;
}

/**
 * {@link circularTrades} with every batch invoice of each circle found: a circle is searched from
 * each invoice with legs alike to that invoice, so one found from its middle invoice names
 * invoices whose own search did not close it; each of them is on that circle all the same. A
 * member keeps the circle found from itself, if any, else the first that names it, taking the
 * circles' origins by issue date and invoice id (not by input position).
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
  // The first circle that names each invoice id, first by its origin's issue date and invoice id
  // (the batch's processing order), not by input position: a member named by several circles
  // reports the same one however the batch is listed.
  const invoiceAt = (i: number) => (items[i] as { readonly invoice: InvoiceInput }).invoice;
  const origins = [...found.keys()].sort((i, j) => {
    const a = invoiceAt(i);
    const b = invoiceAt(j);
    if (a.issuedAt !== b.issuedAt) return a.issuedAt - b.issuedAt;
    return a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : i - j;
  });
  const byId = new Map<string, CircularTrade>();
  for (const i of origins) {
    const circle = found.get(i) as CircularTrade;
    // An incomplete search names its own item only: nothing to pass on.
    if (circle.incomplete !== true)
      for (const id of circle.invoiceIds) if (!byId.has(id)) byId.set(id, circle);
  }
  const spread = new Map(found);
  for (let i = 0; i < items.length; i++) {
    const circle = byId.get((items[i] as { readonly invoice: InvoiceInput }).invoice.invoiceId);
    if (circle !== undefined && !spread.has(i)) spread.set(i, circle);
  }
  return spread;
}

/** True when two legs have a trading party in common. */
function sharesParty(a: Leg, b: Leg): boolean {
  return a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to;
}
