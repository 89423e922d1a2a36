// The invoice and its events read once into objects the engine owns (see plainCopy).

import type { VerifiedEvent } from './events.js';
import type { InvoiceInput, TitleOwnerShare } from './invoice.js';
import { plainCopy } from './plainCopy.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A title share's fields read once (an element that is no object is kept for the check to refuse). */
function plainShare(s: unknown): unknown {
  if (typeof s !== 'object' || s === null) return s;
  const x = s as TitleOwnerShare;
  const out: Writable<TitleOwnerShare> = { ownerId: x.ownerId, percentage: x.percentage };
  const stake = x.stakeType;
  if (stake !== undefined) out.stakeType = stake;
  return out;
}

/** Each share read once, by index (never the caller's own `map`, which a Proxy could answer). */
function plainShares(title: readonly unknown[]): unknown[] {
  const n = title.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = plainShare(title[i]);
  return out;
}

/**
 * The invoice's fields read once each into a plain object of one shape (an ORM entity's getters
 * included; an absent optional field is an undefined one); anything that is no object is
 * returned as given, for the input check to refuse.
 *
 * @example
 * ```ts
 * const invoice = plainInvoice(entity); // entity.amountMinor is read here and never again
 * ```
 */
export function plainInvoice(invoice: InvoiceInput): InvoiceInput {
  if (typeof invoice !== 'object' || invoice === null) return invoice;
  // A book re-decided on every trust change hands the same invoices again: compared field by
  // field (each read once), an unchanged one gets its earlier copy and allocates nothing.
  const last = lastInvoice.get(invoice);
  if (last !== undefined && sameInvoice(invoice, last)) return last;
  const discount = invoice.earlyPaymentDiscount;
  const title = invoice.titleOwners;
  const out: Writable<{ [K in keyof InvoiceInput]-?: InvoiceInput[K] | undefined }> = {
    invoiceId: invoice.invoiceId,
    invoiceNumber: invoice.invoiceNumber,
    supplierQuid: invoice.supplierQuid,
    buyerQuid: invoice.buyerQuid,
    amountMinor: invoice.amountMinor,
    currency: invoice.currency,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    terms: invoice.terms,
    poReference: invoice.poReference,
    carrierQuid: invoice.carrierQuid,
    earlyPaymentDiscount: discount === undefined ? undefined : plainCopy(discount),
    titleOwners: Array.isArray(title) ? (plainShares(title) as TitleOwnerShare[]) : title,
  };
  lastInvoice.set(invoice, out as InvoiceInput);
  return out as InvoiceInput;
}

/** The copy last made of each caller's invoice (see {@link plainInvoice}). */
const lastInvoice = new WeakMap<InvoiceInput, InvoiceInput>();

/** True when the caller's invoice (each field read once here) holds what its copy `c` does. */
function sameInvoice(v: InvoiceInput, c: InvoiceInput): boolean {
  if (
    v.invoiceId !== c.invoiceId ||
    v.invoiceNumber !== c.invoiceNumber ||
    v.supplierQuid !== c.supplierQuid ||
    v.buyerQuid !== c.buyerQuid ||
    v.amountMinor !== c.amountMinor ||
    v.currency !== c.currency ||
    v.issuedAt !== c.issuedAt ||
    v.dueAt !== c.dueAt ||
    v.terms !== c.terms ||
    v.poReference !== c.poReference ||
    v.carrierQuid !== c.carrierQuid ||
    !samePlain(v.earlyPaymentDiscount, c.earlyPaymentDiscount)
  )
    return false;
  const title = v.titleOwners;
  const kept = c.titleOwners;
  if (!Array.isArray(title) || !Array.isArray(kept)) return title === kept;
  const n = title.length;
  if (kept.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const s = title[i] as unknown;
    const k = kept[i] as unknown;
    if (typeof s !== 'object' || s === null || typeof k !== 'object' || k === null) {
      if (s !== k) return false;
      continue;
    }
    const share = s as TitleOwnerShare;
    const copy = k as TitleOwnerShare;
    if (
      share.ownerId !== copy.ownerId ||
      share.percentage !== copy.percentage ||
      share.stakeType !== copy.stakeType
    )
      return false;
  }
  return true;
}

/** One event's fields and payload read once (anything that is no object is kept as given). */
function plainEvent(e: VerifiedEvent): VerifiedEvent {
  if (typeof e !== 'object' || e === null) return e;
  const out: Writable<{ [K in keyof VerifiedEvent]-?: VerifiedEvent[K] | undefined }> = {
    id: e.id,
    eventType: e.eventType,
    payload: plainCopy(e.payload, 0, true),
    signerQuid: e.signerQuid,
    sequence: e.sequence,
    timestamp: e.timestamp,
    signature: e.signature,
    subjectId: e.subjectId,
  };
  return out as VerifiedEvent;
}

/** True when `v` (the caller's, read once here) holds what `c` (a plainCopy of it) does. */
function samePlain(v: unknown, c: unknown): boolean {
  if (typeof v !== 'object' || v === null || v === c) return v === c;
  if (typeof c !== 'object' || c === null) return false;
  if (Array.isArray(v)) {
    const n = v.length;
    if (!Array.isArray(c) || c.length !== n) return false;
    for (let i = 0; i < n; i++) if (!samePlain(v[i], c[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || proto !== Object.getPrototypeOf(c)) return false;
  // The copy has the keys the caller's object had, in its order: same count, each one in the copy.
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(c, k)) return false;
    if (!samePlain((v as Record<string, unknown>)[k], (c as Record<string, unknown>)[k])) return false;
    n++;
  }
  let kept = 0;
  for (const _ in c) kept++;
  return n === kept;
}

/** True when every event of `events` (read once here) is what `copy` holds. */
function sameEvents(events: readonly VerifiedEvent[], copy: readonly VerifiedEvent[]): boolean {
  const n = events.length;
  if (copy.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const e = events[i] as VerifiedEvent;
    const c = copy[i] as VerifiedEvent;
    if (typeof e !== 'object' || e === null) {
      if (e !== c) return false;
      continue;
    }
    if (
      e.id !== c.id ||
      e.eventType !== c.eventType ||
      e.signerQuid !== c.signerQuid ||
      e.sequence !== c.sequence ||
      e.timestamp !== c.timestamp ||
      e.signature !== c.signature ||
      e.subjectId !== c.subjectId ||
      !samePlain(e.payload, c.payload)
    )
      return false;
  }
  return true;
}

/**
 * The copy last made of each caller's list: a list decided again unchanged (a book re-decided on
 * every trust change) gets the same copy, so the stream's schema verdicts are reused.
 */
const lastCopy = new WeakMap<readonly VerifiedEvent[], readonly VerifiedEvent[]>();
/**
 * Marks a list the engine made and never changes (its verdicts hold as long as it lives): a
 * property holding this module's own object, which no caller's list (a Proxy's either) can
 * produce. Cheaper than a WeakSet entry per list for the collector.
 */
const OWNED = Symbol('quidfin.ownedEvents');
const MARK: object = Object.freeze({});
type Marked = readonly VerifiedEvent[] & { [OWNED]?: object };

/**
 * A list of events, each read once (a list sorted or emptied by the caller afterwards is not
 * this one); anything that is no list is returned as given, for the input check to refuse. A list
 * seen before and unchanged since (compared value by value, each read once) gets its earlier copy.
 *
 * @example
 * ```ts
 * const events = plainEvents(view.events);
 * ```
 */
export function plainEvents<L extends readonly VerifiedEvent[] | undefined>(events: L): L {
  if (!Array.isArray(events)) return events;
  const list = events as readonly VerifiedEvent[];
  if ((list as Marked)[OWNED] === MARK) return events;
  const last = lastCopy.get(list);
  if (last !== undefined && sameEvents(list, last)) return last as L;
  const n = list.length;
  const out = new Array<VerifiedEvent>(n);
  for (let i = 0; i < n; i++) out[i] = plainEvent(list[i] as VerifiedEvent);
  Object.defineProperty(out, OWNED, { value: MARK });
  lastCopy.set(list, out);
  return out as unknown as L;
}

/**
 * True for a list {@link plainEvents} made: the engine never changes one, so what was checked
 * of it still holds.
 *
 * @example
 * ```ts
 * isOwnedEvents(plainEvents(events)); // true
 * ```
 */
export function isOwnedEvents(events: readonly VerifiedEvent[]): boolean {
  return (events as Marked)[OWNED] === MARK;
}
