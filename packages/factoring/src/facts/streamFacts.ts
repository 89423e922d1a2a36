// Reads an invoice's verified event stream once into the facts the rules look at.

import { canonicalJson, type InvoiceEventPayloadResult, safeParseInvoiceEventPayload } from '@quidfin/core';
import type { VerifiedEvent } from '../inputs/events.js';
import type { InvoiceInput, TitleOwnerShare } from '../inputs/invoice.js';
import { isOwnedEvents } from '../inputs/plainInputs.js';
import type { StreamOptions } from '../inputs/streamOptions.js';
import { joinedInvoiceNumber } from '../math/fingerprint.js';
import { sortSmall } from '../math/sortSmall.js';

/**
 * An event that did not count because the wrong party signed it.
 *
 * @example
 * ```ts
 * const m: SignerMismatch = { eventId: 'ev-3', eventType: 'carrier.delivered', signerQuid: 'supplier-a',
 *   expected: 'carrier-z', bySupplier: true };
 * ```
 */
export interface SignerMismatch {
  readonly eventId: string;
  readonly eventType: string;
  readonly signerQuid: string;
  /** Who should have signed (a quid or a role). */
  readonly expected: string;
  /** The supplier signed someone else's attestation: a fraud signal. */
  readonly bySupplier: boolean;
}

/**
 * One `fraud.signal.<kind>` event that counted.
 *
 * @example
 * ```ts
 * const s: FraudSignalFact = { eventId: 'ev-9', key: { sequence: 9, timestamp: 1_700_000_900, id: 'ev-9' }, kind: 'invoice-forged', reporterQuid: 'fin-g', severity: 'high', evidence: 'PO reused' };
 * ```
 */
export interface FraudSignalFact {
  readonly eventId: string;
  readonly key: EventKey;
  readonly kind: string;
  readonly reporterQuid: string;
  /** As stated by the reporter; `undefined` when the payload states none (the policy decides). */
  readonly severity: 'low' | 'medium' | 'high' | undefined;
  readonly evidence: string;
}

/**
 * An event the engine could not use: its payload fails `@quidfin/core`'s schema, it belongs to
 * another invoice, it names no invoice, or it pays in another currency.
 *
 * @example
 * ```ts
 * const u: UnusableEvent = { eventId: 'ev-7', eventType: 'invoice.credited', detail: 'payload.amountMinor: must not be negative' };
 * ```
 */
export interface UnusableEvent {
  readonly eventId: string;
  readonly eventType: string;
  readonly detail: string;
}

/**
 * Two different events at one sequence of the invoice's stream (the node's transaction id does
 * not cover the payload, so two nodes can commit different events under one place in the stream).
 * `race` is true when one of them is a `factor.purchased`: the double-factoring race.
 *
 * @example
 * ```ts
 * const c: SequenceConflict = { sequence: 5, eventIds: ['tx-1', 'tx-2'], race: true };
 * ```
 */
export interface SequenceConflict {
  readonly sequence: number;
  /** Ids of the events at that sequence, sorted (equal ids are possible: the id omits the payload). */
  readonly eventIds: readonly string[];
  readonly race: boolean;
}

/**
 * Everything the rules need from an invoice's stream, reduced in one pass and independent of the
 * order the events arrive in: where one event of a kind is used it is the first by
 * (sequence, timestamp, id); lists are sorted by event id.
 *
 * @example
 * ```ts
 * const facts: StreamFacts = extractStreamFacts(invoice, events, true);
 * facts.delivered?.at;
 * ```
 */
export interface StreamFacts {
  issuedCount: number;
  /** The counted `invoice.issued` events (signed by the supplier), in array order. */
  issued: VerifiedEvent[];
  shipped:
    | { carrierQuid: string; at: number | undefined; ref: string | undefined; key: EventKey }
    | undefined;
  delivered:
    | { carrierQuid: string; at: number | undefined; ref: string | undefined; key: EventKey }
    | undefined;
  /**
   * The buyer's acknowledgement: the smallest amount any states, the first one's date, and
   * `payBy`, the latest `expectedPayDate` any states (the date least favourable to the financier).
   */
  ack:
    | { amountMinor: number | undefined; at: number | undefined; payBy: number | undefined; key: EventKey }
    | undefined;
  /**
   * The dates every counted shipment, delivery and acknowledgement states, at their extremes: the
   * date screens compare all of them, so a second attestation cannot hide a contradicting date.
   */
  shippedEarliest: number | undefined;
  deliveredEarliest: number | undefined;
  deliveredLatest: number | undefined;
  ackEarliest: number | undefined;
  /** The buyer's latest PO verdict (`po.matched` / `po.mismatch`) on the invoice's PO, in stream order; `amountMinor` is what a `po.matched` says it matched, `at` the date it says it matched (`matchedAt`). */
  poVerdict:
    | { matched: boolean; key: EventKey; amountMinor?: number | undefined; at?: number | undefined }
    | undefined;
  purchases: { eventId: string; financierQuid: string }[];
  /** Open disputes (disputeId -> amount), those the buyer resolved removed. */
  openDisputedMinor: number;
  openDisputeCount: number;
  /** Open disputes the supplier (not the buyer) says are resolved: they stay open. */
  supplierResolvedDisputeCount: number;
  /**
   * Disputes the buyer resolved 'credited' whose credit note is not (or not fully) on the stream:
   * their uncovered rest is still counted in `openDisputedMinor` and `openDisputeCount`.
   */
  promisedCredits: PromisedCredit[];
  creditedMinor: number;
  paidMinor: number;
  fraudSignals: FraudSignalFact[];
  mismatches: SignerMismatch[];
  /** Payloads that fail core's schema (only with `validatePayloads`). */
  invalid: UnusableEvent[];
  /** Events whose `subjectId` is another invoice (only with `requireSubject`). */
  foreign: UnusableEvent[];
  /** Events with no `subjectId` (only with `requireSubject`). */
  unbound: UnusableEvent[];
  /** Payments in a currency other than the invoice's (never counted as money). */
  otherCurrency: UnusableEvent[];
  conflicts: SequenceConflict[];
  /**
   * Positive evidence (shipment, delivery, acknowledgement, PO match, dispute resolution) dated
   * after the decision time: it did not count (only when `extractStreamFacts` is given `notAfter`).
   */
  futureDated: UnusableEvent[];
  /**
   * Repeats that disagree: one event id on different events, acknowledgements of different
   * amounts, one credit note, payment allocation or open dispute id with different content. Each
   * counted the way that favours the financier; `eventId` is the repeated id.
   */
  conflicting: UnusableEvent[];
  /**
   * The shipping documents (bills of lading, delivery proofs) every counted shipment and delivery
   * names, late ones included: the duplicate index compares them with every known invoice's.
   */
  documentRefs: string[];
}

/**
 * A dispute the buyer resolved 'credited' without the credit note to show for it: the credit is
 * only promised, so the part no credit note covers stays open.
 *
 * @example
 * ```ts
 * const p: PromisedCredit = { disputeId: 'd-1', creditNoteId: 'cn-1', disputedMinor: 2_000_000, creditedMinor: 0, openMinor: 2_000_000 };
 * ```
 */
export interface PromisedCredit {
  readonly disputeId: string;
  /** The credit note the resolution names; `undefined` when it names none. */
  readonly creditNoteId: string | undefined;
  readonly disputedMinor: number;
  /** What the named credit note credits (0 when it is not on the stream, or none is named). */
  readonly creditedMinor: number;
  /** The part of the dispute still open. */
  readonly openMinor: number;
}

/**
 * Sort key that makes "first event of a kind" independent of array order (the engine uses the
 * event itself, which carries these three fields).
 *
 * @example
 * ```ts
 * const k: EventKey = { sequence: 1, timestamp: 1_700_000_000, id: 'ev-1' };
 * ```
 */
export interface EventKey {
  readonly sequence: number;
  readonly timestamp: number;
  readonly id: string;
}

function before(a: VerifiedEvent, b: EventKey): boolean {
  if (a.sequence !== b.sequence) return a.sequence < b.sequence;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.id < b.id;
}

function compareKeys(a: EventKey, b: EventKey): number {
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// An event is its own sort key (it has sequence, timestamp and id): no key object per event.
function keyOf(e: VerifiedEvent): EventKey {
  return e;
}

const NO_PAYLOAD: Readonly<Record<string, unknown>> = {};

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Money under one business id (credit note, payment allocation): each different payload counts. */
interface Repeated {
  readonly id: string;
  amount: number;
  /** The first event under this id. */
  readonly first: VerifiedEvent;
  /** The first event of each other payload under this id (a conflict), if any. */
  others: VerifiedEvent[] | undefined;
  /** The canonical payloads seen under this id, once there are many of them. */
  payloads?: Set<string>;
}

// Lists and variants longer than this are looked up through an index, not scanned: a stream of
// thousands of credit notes (or of one credit note id with thousands of payloads) was read in
// quadratic time.
const SCAN_REPEATED = 8;
const repeatedIndex = new WeakMap<Repeated[], Map<string, Repeated>>();

/** The entry under `id` in `list`, through an index once the list is long. */
function repeatedEntry(list: Repeated[], id: string): Repeated | undefined {
  if (list.length <= SCAN_REPEATED) {
    for (const k of list) if (k.id === id) return k;
    return undefined;
  }
  let index = repeatedIndex.get(list);
  if (index === undefined) {
    index = new Map();
    for (const k of list) if (!index.has(k.id)) index.set(k.id, k);
    repeatedIndex.set(list, index);
  }
  return index.get(id);
}

/** Canonical JSON of a payload, or undefined when it is not JSON (then equal to nothing). */
function canonicalOf(e: VerifiedEvent): string | undefined {
  try {
    return canonicalJson(e.payload ?? null);
  } catch {
    return undefined;
  }
}

/**
 * Records `e`'s payload under `k` and says whether it is new (false for a re-delivery of one
 * already there). A few variants are compared one by one; many through a set of their canonical
 * JSON.
 */
function isNewPayload(k: Repeated, e: VerifiedEvent): boolean {
  if (samePayload(k.first, e)) return false;
  const others = k.others;
  if (others !== undefined && others.length > SCAN_REPEATED) {
    if (k.payloads === undefined) {
      k.payloads = new Set();
      for (const v of [k.first, ...others]) {
        const c = canonicalOf(v);
        if (c !== undefined) k.payloads.add(c);
      }
    }
    const c = canonicalOf(e);
    if (c !== undefined) {
      if (k.payloads.has(c)) return false;
      k.payloads.add(c);
    }
    return true;
  }
  if (others !== undefined) for (const v of others) if (samePayload(v, e)) return false;
  return true;
}

/**
 * Adds `e` (worth `amount`) under `id` to `list` (a new one-element list when there is none yet).
 * The same payload again is a re-delivery and counts once; another payload under the same id is
 * a conflict and counts in full too (the sum: what favours the financier).
 */
function addRepeated(list: Repeated[] | undefined, id: string, amount: number, e: VerifiedEvent): Repeated[] {
  // A literal list is allocated at its exact size; a pushed-to empty one reserves 17 slots.
  // The one event of a clean id is kept as it is: no list of variants per credit note.
  if (list === undefined) return [{ id, amount, first: e, others: undefined }];
  const k = repeatedEntry(list, id);
  if (k !== undefined) {
    if (!isNewPayload(k, e)) return list;
    k.others = append(k.others, e);
    k.amount += amount;
    return list;
  }
  const entry: Repeated = { id, amount, first: e, others: undefined };
  const out = append(list, entry);
  repeatedIndex.get(out)?.set(id, entry);
  return out;
}

/** Conflicts among `list` (ids with more than one payload), described for the reason. */
function repeatedConflicts(facts: StreamFacts, list: Repeated[], what: string): void {
  for (const k of list) {
    if (k.others === undefined) continue;
    const ids = [k.first, ...k.others].map((v) => v.id).sort();
    // Payment keys are "paymentId\u0000allocationId".
    const [id = '', alloc = ''] = k.id.split('\u0000');
    const name = alloc === '' ? id : `${id} allocation ${alloc}`;
    facts.conflicting = pushConflict(
      facts.conflicting,
      id,
      k.first.eventType,
      `${what} ${name} carried by ${ids.length} different events (${ids.join(', ')}): all count, ${k.amount} in total`,
    );
  }
}

function pushConflict(
  list: UnusableEvent[],
  eventId: string,
  eventType: string,
  detail: string,
): UnusableEvent[] {
  return append(list, { eventId, eventType, detail });
}

/** Why an event cannot be placed in the stream (its sequence or timestamp is not usable), or undefined. */
function badKey(e: VerifiedEvent): string | undefined {
  if (!Number.isSafeInteger(e.sequence) || e.sequence < 1) {
    return `sequence: must be a positive safe integer, not ${e.sequence}`;
  }
  if (!Number.isSafeInteger(e.timestamp)) {
    return `timestamp: must be a safe integer (Unix seconds), not ${e.timestamp}`;
  }
  return undefined;
}

const SHIPPED_AT = ['shippedAt', 'shipDate'] as const;
const DELIVERED_AT = ['deliveredAt'] as const;
const ACKNOWLEDGED_AT = ['acknowledgedAt', 'ackDate'] as const;
const MATCHED_AT = ['matchedAt'] as const;
const RESOLVED_AT = ['resolvedAt'] as const;

/** True when the payload names someone other than its signer in `field` (a forged claim). */
function claimsOther(p: Readonly<Record<string, unknown>>, field: string, signer: string): boolean {
  const v = p[field];
  return v !== undefined && v !== signer;
}

function pushMismatch(facts: StreamFacts, supplier: string, e: VerifiedEvent, expected: string): void {
  const m: SignerMismatch = {
    eventId: e.id,
    eventType: e.eventType,
    signerQuid: e.signerQuid,
    expected,
    bySupplier: e.signerQuid === supplier,
  };
  facts.mismatches = append(facts.mismatches, m);
}

/**
 * Who alone may sign an event of type `t` the supplier may never sign, whatever its payload says
 * (an attestation by the carrier or the buyer, or a purchase); undefined for the types the
 * supplier may sign or whose signer depends on the payload (a dispute's resolution).
 */
function neverBySupplier(t: string, buyer: string): string | undefined {
  switch (t) {
    case 'carrier.shipped':
    case 'carrier.delivered':
      return 'the carrier';
    case 'buyer.acknowledged':
    case 'buyer.disputed':
    case 'po.matched':
    case 'po.mismatch':
      return buyer;
    case 'factor.purchased':
      return 'financier';
    default:
      return undefined;
  }
}

/**
 * An event the stream cannot use (unplaceable, or a payload the schema refuses) is still a
 * forgery when the supplier signed what only another party may sign: a broken payload must not
 * turn a forged attestation into a mere malformed event.
 */
function flagForgedUnusable(facts: StreamFacts, supplier: string, buyer: string, e: VerifiedEvent): void {
  if (e.signerQuid !== supplier) return;
  const expected = neverBySupplier(e.eventType, buyer);
  if (expected !== undefined) pushMismatch(facts, supplier, e, expected);
}

// Where an unplaceable fraud signal sorts: after every placed one, then by id.
const LAST = Number.MAX_SAFE_INTEGER;

/**
 * Without signer binding (the proof of concept, which reads no sequence) a purchase or a fraud
 * signal that cannot be placed in the stream still counts: dropped, the invoice the proof of
 * concept rejects was approved. Evidence for the invoice (a delivery) stays unusable: it cannot
 * be ordered, and missing it only holds.
 */
function countUnplacedVeto(facts: StreamFacts, e: VerifiedEvent): void {
  const p = e.payload ?? NO_PAYLOAD;
  if (e.eventType === 'factor.purchased') {
    const named = str(p['financierQuid']) ?? str(p['financier']);
    facts.purchases = append(facts.purchases, { eventId: e.id, financierQuid: named ?? e.signerQuid });
  } else if (e.eventType.startsWith('fraud.signal.')) {
    const sev = p['severity'];
    const signal: FraudSignalFact = {
      eventId: e.id,
      key: { sequence: LAST, timestamp: LAST, id: e.id },
      kind: signalKind(e.eventType),
      reporterQuid: str(p['reporterQuid']) ?? str(p['reporter']) ?? e.signerQuid,
      severity: sev === 'low' || sev === 'medium' || sev === 'high' ? sev : undefined,
      evidence: str(p['evidence']) ?? '',
    };
    facts.fraudSignals = append(facts.fraudSignals, signal);
  }
}

// Who may sign a shipment or a delivery when the signer was a party to the sale or unknown.
const INDEPENDENT_CARRIER = 'a carrier other than supplier and buyer';
const KNOWN_CARRIER = 'the carrier of a shipment or of the invoice';

/** True when `q` is the supplier or the buyer: a party to the sale, never its carrier. */
function isParty(q: string, supplier: string, buyer: string): boolean {
  return q === supplier || q === buyer;
}

function isOwner(owners: readonly TitleOwnerShare[] | undefined, q: string): boolean {
  if (!owners) return true;
  for (const o of owners) if (o.ownerId === q) return true;
  return false;
}

function hasStake(owners: readonly TitleOwnerShare[] | undefined, q: string, stake: string): boolean {
  if (!owners) return true;
  for (const o of owners) if (o.ownerId === q && o.stakeType === stake) return true;
  return false;
}

function isFinancier(
  owners: readonly TitleOwnerShare[] | undefined,
  q: string,
  supplier: string,
  buyer: string,
  carrier: string | undefined,
): boolean {
  if (owners) return hasStake(owners, q, 'financier');
  return q !== supplier && q !== buyer && q !== carrier;
}

// Shared empty list: replaced by a fresh array on first push, so it is never mutated.
const NONE: never[] = [];
const NO_OPTIONS: StreamOptions = {};

// The kind of each fraud-signal event type seen (bounded): nearly every stream carries one, and
// slicing the type copied the same short string for each of them.
const SIGNAL_KINDS = new Map<string, string>();

function signalKind(eventType: string): string {
  let kind = SIGNAL_KINDS.get(eventType);
  if (kind === undefined) {
    kind = eventType.slice('fraud.signal.'.length);
    if (SIGNAL_KINDS.size < 256) SIGNAL_KINDS.set(eventType, kind);
  }
  return kind;
}

/**
 * `list` with `item` added: a new one-element list when there is none yet (undefined or NONE), a
 * new exact-size copy while it is short. Callers keep the returned list.
 */
function append<T>(list: T[] | undefined, item: T): T[] {
  // A literal list is allocated at its exact size; a push onto a full one grows it by 16 and more
  // slots (a dispute and its resolution made a 17-slot list per invoice).
  if (list === undefined || list === NONE) return [item];
  if (list.length === 1) return [list[0] as T, item];
  if (list.length === 2) return [list[0] as T, list[1] as T, item];
  list.push(item);
  return list;
}

function pushUnusable(list: UnusableEvent[], e: VerifiedEvent, detail: string): UnusableEvent[] {
  return append(list, { eventId: e.id, eventType: e.eventType, detail });
}

// Each stream is checked against core's schema once and the verdicts kept as long as the event
// list lives (a book re-decided on every trust change reuses its lists). The kept verdicts name the
// event objects they were made for and hold a copy of each type and payload as checked: a list
// changed in place, a changed copy of an event, or a payload replaced or edited in place on the
// same event (a credit note made negative after a first decision) is checked again.
interface StreamVerdicts {
  readonly refs: readonly VerifiedEvent[];
  /**
   * Per event: its type and its payload's snapshot (see {@link snapshotOf}) when checked; no
   * snapshots the first time a list is checked (a list decided once never needs them).
   */
  readonly types: readonly string[];
  readonly payloads: readonly unknown[] | undefined;
  /** Per event: why core's schema refuses it, or null; `undefined` when every payload is valid. */
  readonly problems: readonly (string | null)[] | undefined;
}
const verdicts = new WeakMap<readonly VerifiedEvent[], StreamVerdicts>();

function problemOf(e: VerifiedEvent): string | null {
  const r: InvoiceEventPayloadResult = safeParseInvoiceEventPayload(e.eventType, e.payload);
  return r.ok ? null : r.issues.map((x) => `${x.path}: ${x.message}`).join('; ');
}

// Payloads of more values than this (or cyclic ones) are not kept: their stream is checked every
// time. Every payload core's schemas accept has a few dozen at most.
const MAX_SNAPSHOT_VALUES = 1_024;
let snapshotBudget = 0;
/** Stands for a value that cannot be kept: it matches nothing, so the stream is checked again. */
const UNKEPT: readonly unknown[] = Object.freeze([]);

/**
 * A copy of `payload` to compare it with later: a primitive as it is, an object as a list of its
 * prototype then each key and value's snapshot, in enumeration order.
 */
function snapshotOf(payload: unknown): unknown {
  snapshotBudget = MAX_SNAPSHOT_VALUES;
  return snapshotValue(payload);
}

function snapshotValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (--snapshotBudget < 0) return UNKEPT;
  const out: unknown[] = [Object.getPrototypeOf(v)];
  const o = v as Record<string, unknown>;
  for (const k in o) out.push(k, snapshotValue(o[k]));
  return out;
}

/** True when `v` is still what `s` (its {@link snapshotOf}) recorded: same keys, order and values. */
function matchesSnapshot(v: unknown, s: unknown): boolean {
  if (typeof v !== 'object' || v === null) return v === s;
  if (s === UNKEPT || !Array.isArray(s) || s[0] !== Object.getPrototypeOf(v)) return false;
  const o = v as Record<string, unknown>;
  let j = 1;
  for (const k in o) {
    if (j >= s.length || s[j] !== k || !matchesSnapshot(o[k], s[j + 1])) return false;
    j += 2;
  }
  return j === s.length;
}

/** True when `known` was made for these very events, each still of the type and payload checked. */
function stillValid(known: StreamVerdicts, events: readonly VerifiedEvent[]): boolean {
  // Seen once, no copies were kept: nothing shows the payloads are as checked.
  if (known.payloads === undefined || known.refs.length !== events.length) return false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as VerifiedEvent;
    if (known.refs[i] !== e || known.types[i] !== e.eventType) return false;
    if (!matchesSnapshot(e.payload, known.payloads[i])) return false;
  }
  return true;
}

/**
 * The schema verdicts of a stream, from the cache when the same list of the same events, as they
 * were checked, was seen. The copies that show a payload unchanged are kept from the second check
 * of a list on: a list decided once (a batch loaded from storage) keeps none and pays none.
 */
function streamVerdicts(events: readonly VerifiedEvent[]): StreamVerdicts {
  const known = verdicts.get(events);
  // A list the engine copied the caller's into never changes: its verdicts need no snapshots.
  const own = isOwnedEvents(events);
  if (known !== undefined && (own || stillValid(known, events))) return known;
  let problems: (string | null)[] | undefined;
  const types = new Array<string>(events.length);
  const payloads = known === undefined || own ? undefined : new Array<unknown>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as VerifiedEvent;
    types[i] = e.eventType;
    if (payloads !== undefined) payloads[i] = snapshotOf(e.payload);
    const p = problemOf(e);
    if (p !== null) {
      problems ??= new Array<string | null>(events.length).fill(null);
      problems[i] = p;
    }
  }
  const v: StreamVerdicts = { refs: events.slice(), types, payloads, problems };
  verdicts.set(events, v);
  return v;
}

/** What the conflict screen found so far: sequences with different events, ids on different events. */
interface Screen {
  sequences: Map<number, { ids: Set<string>; race: boolean }> | undefined;
  /** Event id -> the sequences of the different events that carry it. */
  ids: Map<string, { eventType: string; sequences: Set<number> }> | undefined;
  /** A long stream's events by subject and sequence, and by subject and id (positions, ascending). */
  index?: StreamIndex;
}

interface StreamIndex {
  readonly bySequence: Map<unknown, Map<unknown, number[]>>;
  readonly byId: Map<unknown, Map<unknown, number[]>>;
}

/** Streams up to this long are screened by comparing each event with every earlier one. */
const SCAN_ALL = 64;

function positionsIn(map: Map<unknown, Map<unknown, number[]>>, outer: unknown, inner: unknown): number[] {
  let m = map.get(outer);
  if (m === undefined) {
    m = new Map();
    map.set(outer, m);
  }
  let list = m.get(inner);
  if (list === undefined) {
    list = [];
    m.set(inner, list);
  }
  return list;
}

function indexStream(events: readonly VerifiedEvent[]): StreamIndex {
  const index: StreamIndex = { bySequence: new Map(), byId: new Map() };
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as VerifiedEvent;
    positionsIn(index.bySequence, e.subjectId, e.sequence).push(k);
    positionsIn(index.byId, e.subjectId, e.id).push(k);
  }
  return index;
}

function recordSequenceConflict(screen: Screen, o: VerifiedEvent, e: VerifiedEvent): void {
  screen.sequences ??= new Map();
  let c = screen.sequences.get(e.sequence);
  if (c === undefined) {
    c = { ids: new Set(), race: false };
    screen.sequences.set(e.sequence, c);
  }
  c.ids.add(o.id).add(e.id);
  if (o.eventType === 'factor.purchased' || e.eventType === 'factor.purchased') c.race = true;
}

function recordIdConflict(screen: Screen, o: VerifiedEvent, e: VerifiedEvent): void {
  screen.ids ??= new Map();
  let c = screen.ids.get(e.id);
  if (c === undefined) {
    c = { eventType: e.eventType, sequences: new Set() };
    screen.ids.set(e.id, c);
  }
  c.sequences.add(o.sequence).add(e.sequence);
}

/**
 * {@link sameSequenceBefore} on a long stream, through an index of it: only the earlier events
 * sharing the subject and the sequence, or the subject and the id, are compared (a stream of
 * thousands of events was screened in quadratic time). Same findings in the same order.
 */
function sameSequenceBeforeIndexed(screen: Screen, events: readonly VerifiedEvent[], i: number): boolean {
  const e = events[i] as VerifiedEvent;
  screen.index ??= indexStream(events);
  const sameSequence = screen.index.bySequence.get(e.subjectId)?.get(e.sequence) ?? [];
  // The first earlier copy of this very event ends the screen, as in the full scan.
  let cut = i;
  for (const k of sameSequence) {
    if (k >= i) break;
    const o = events[k] as VerifiedEvent;
    if (o.id === e.id && (o === e || sameContent(o, e))) {
      cut = k;
      break;
    }
  }
  for (const k of sameSequence) {
    if (k >= cut) break;
    const o = events[k] as VerifiedEvent;
    if (!(o === e || sameContent(o, e))) recordSequenceConflict(screen, o, e);
  }
  for (const k of screen.index.byId.get(e.subjectId)?.get(e.id) ?? []) {
    if (k >= cut) break;
    const o = events[k] as VerifiedEvent;
    if (o.sequence !== e.sequence && !sameContent(o, e)) recordIdConflict(screen, o, e);
  }
  return cut < i;
}

/**
 * True when an earlier event is this very event delivered twice (same id, same content): it is
 * skipped. An earlier event at the same sequence with other content is a conflict, recorded in
 * `screen.sequences` (sequence -> ids, and whether a purchase is involved); an earlier event with
 * the same id and other content at another sequence is recorded in `screen.ids`. The event is
 * still read either way.
 */
function sameSequenceBefore(screen: Screen, events: readonly VerifiedEvent[], i: number): boolean {
  if (events.length > SCAN_ALL) return sameSequenceBeforeIndexed(screen, events, i);
  const e = events[i] as VerifiedEvent;
  for (let k = 0; k < i; k++) {
    const o = events[k] as VerifiedEvent;
    if (o.subjectId !== e.subjectId) continue;
    if (o.sequence !== e.sequence) {
      // The id covers neither payload nor signer: one id on two different events is a conflict.
      if (o.id === e.id && !sameContent(o, e)) recordIdConflict(screen, o, e);
      continue;
    }
    const same = o === e || sameContent(o, e);
    if (same && o.id === e.id) return true;
    if (same) continue;
    recordSequenceConflict(screen, o, e);
  }
  return false;
}

function sameContent(a: VerifiedEvent, b: VerifiedEvent): boolean {
  if (a.eventType !== b.eventType || a.signerQuid !== b.signerQuid) return false;
  return samePayload(a, b);
}

function samePayload(a: VerifiedEvent, b: VerifiedEvent): boolean {
  if (a.payload === b.payload) return true;
  const c = canonicalOf(a);
  return c !== undefined && c === canonicalOf(b);
}

/**
 * True (and recorded in `futureDated`) when `e` is dated after `notAfter` (none: never), by its
 * ledger timestamp or one of its own date `fields` (e.g. `deliveredAt`): it does not count.
 */
function late(
  facts: StreamFacts,
  e: VerifiedEvent,
  p: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  notAfter: number | undefined,
): boolean {
  if (notAfter === undefined) return false;
  let why: string | undefined;
  for (const f of fields) {
    const v = num(p[f]);
    if (v !== undefined && v > notAfter) {
      why = `${f} ${v}`;
      break;
    }
  }
  if (why === undefined && e.timestamp > notAfter) why = `timestamp ${e.timestamp}`;
  if (why === undefined) return false;
  facts.futureDated = pushUnusable(facts.futureDated, e, `${why} is after ${notAfter}`);
  return true;
}

/**
 * The buyer's acknowledgement: its date and key from the first in stream order, its amount the
 * smallest any of them states (acknowledgements of different amounts are a conflict).
 */
function readAcknowledgements(
  facts: StreamFacts,
  one: VerifiedEvent,
  more: VerifiedEvent[] | undefined,
): void {
  let first = one;
  let smallest = ackAmountOf(one);
  let payBy = payByOf(one);
  let differ = false;
  let earliest = ackDateOf(one);
  if (more !== undefined) {
    for (const e of more) {
      if (before(e, first)) first = e;
      const at = ackDateOf(e);
      if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at;
      const stated = payByOf(e);
      if (stated !== undefined && (payBy === undefined || stated > payBy)) payBy = stated;
      const amount = ackAmountOf(e);
      if (amount === undefined) continue;
      if (smallest !== undefined && amount !== smallest) differ = true;
      if (smallest === undefined || amount < smallest) smallest = amount;
    }
  }
  facts.ackEarliest = earliest;
  facts.ack = {
    amountMinor: smallest,
    at: ackDateOf(first),
    payBy,
    key: keyOf(first),
  };
  if (differ) {
    const seen = [one, ...(more ?? [])]
      .filter((e) => ackAmountOf(e) !== undefined)
      .sort(compareKeys)
      .map((e) => `${ackAmountOf(e)} (${e.id})`);
    facts.conflicting = pushConflict(
      facts.conflicting,
      first.id,
      'buyer.acknowledged',
      `the buyer acknowledged different amounts: ${seen.join(', ')}; the smallest, ${smallest}, counts`,
    );
  }
}

/** The date an acknowledgement states (`acknowledgedAt`, or the older `ackDate`). */
function ackDateOf(e: VerifiedEvent): number | undefined {
  const p = e.payload ?? NO_PAYLOAD;
  return num(p['acknowledgedAt']) ?? num(p['ackDate']);
}

/** The date the buyer says it will pay (`expectedPayDate`), if it states one. */
function payByOf(e: VerifiedEvent): number | undefined {
  return num((e.payload ?? NO_PAYLOAD)['expectedPayDate']);
}

function ackAmountOf(e: VerifiedEvent): number | undefined {
  const p = e.payload ?? NO_PAYLOAD;
  return num(p['acknowledgedAmountMinor']) ?? num(p['acknowledgedAmount']);
}

interface DisputeState {
  readonly id: string;
  /** The event that raised it (last raised, when raised again after a resolution). */
  raisedBy: VerifiedEvent;
  amount: number;
  open: boolean;
  /** The supplier claims it resolved: the buyer has not, so it stays open. */
  supplierResolved: boolean;
  /** The buyer resolved it 'credited': the credit note it names ('' for none), checked after the replay. */
  promised?: string | undefined;
}

/**
 * Replays disputes and their resolutions in stream order (sequence, timestamp, id): a resolution
 * closes only a dispute opened before it, only the buyer's own resolution closes it (the supplier
 * saying it is over is the party the dispute is against), and a dispute raised again under a
 * closed id is open again. A dispute id repeated while open keeps its largest amount (another
 * amount is a conflict).
 */
function replayDisputes(
  facts: StreamFacts,
  invoice: InvoiceInput,
  steps: VerifiedEvent[],
  credits: readonly Repeated[] | undefined,
): void {
  if (steps.length > 1) sortSmall(steps, compareKeys);
  let disputes: DisputeState[] | undefined;
  // A few disputes are found in the list; thousands (a spammed stream) through a map by id.
  const byId = steps.length > 8 ? new Map<string, DisputeState>() : undefined;
  for (const e of steps) {
    const p = e.payload ?? NO_PAYLOAD;
    const id = str(p['disputeId']) ?? (e.eventType === 'buyer.disputed' ? e.id : '');
    let d: DisputeState | undefined;
    if (byId !== undefined) d = byId.get(id);
    else if (disputes !== undefined) for (const x of disputes) if (x.id === id) d = x;
    if (e.eventType === 'buyer.disputed') {
      const amount = num(p['disputedAmountMinor']) ?? invoice.amountMinor;
      if (d === undefined) {
        d = { id, raisedBy: e, amount, open: true, supplierResolved: false };
        disputes = append(disputes, d);
        byId?.set(id, d);
      } else if (d.open) {
        // Raised again while open: a conflict when the amount differs; the largest counts.
        if (amount !== d.amount) {
          facts.conflicting = pushConflict(
            facts.conflicting,
            id,
            e.eventType,
            `dispute ${id} raised again while open with another amount (${d.amount}, then ${amount} in ${e.id}): the largest counts`,
          );
        }
        if (amount > d.amount) d.amount = amount;
      } else {
        d.amount = amount;
        d.raisedBy = e;
        d.open = true;
        d.supplierResolved = false;
        d.promised = undefined;
      }
    } else if (d?.open) {
      if (e.signerQuid === invoice.buyerQuid) {
        d.open = false;
        if (p['outcome'] === 'credited') d.promised = str(p['creditNoteId']) ?? '';
      } else d.supplierResolved = true;
    }
  }
  if (disputes === undefined) return;
  // Each credit note settles at most one dispute (in the order they were raised).
  const used = new Set<Repeated>();
  let credited = 0;
  for (const d of disputes) if (d.promised !== undefined) credited++;
  const matchCredits = credited * (credits?.length ?? 0) <= MAX_CREDIT_MATCHING;
  for (const d of disputes) {
    if (d.promised !== undefined) uncoveredCredit(facts, d, credits, used, matchCredits);
    if (!d.open) continue;
    facts.openDisputedMinor += d.amount;
    facts.openDisputeCount++;
    if (d.supplierResolved) facts.supplierResolvedDisputeCount++;
  }
}

/**
 * Credited disputes times credit notes past which no note is matched to a dispute (a spammed
 * stream would take quadratic time): those disputes stay open, the safe side.
 */
const MAX_CREDIT_MATCHING = 1_000_000;

/**
 * A dispute the buyer resolved 'credited' closes only with its credit note on the stream: the one
 * the resolution names, or (naming none) the smallest credit note of at least the disputed amount
 * posted at or after the dispute was raised. A note settles one dispute only (`used`), and a note
 * that names a dispute (`disputeId`) settles only that one. The part no credit note covers is
 * still open (counted here) and recorded in `promisedCredits`.
 */
function uncoveredCredit(
  facts: StreamFacts,
  d: DisputeState,
  credits: readonly Repeated[] | undefined,
  used: Set<Repeated>,
  matchCredits: boolean,
): void {
  const named = d.promised === '' ? undefined : d.promised;
  let match: Repeated | undefined;
  if (credits !== undefined && matchCredits) {
    for (const c of credits) {
      if (used.has(c)) continue;
      const forDispute = str((c.first.payload ?? NO_PAYLOAD)['disputeId']);
      if (forDispute !== undefined && forDispute !== d.id) continue;
      if (named !== undefined) {
        if (c.id !== named) continue;
        match = c;
        break;
      }
      // A note posted before the dispute was raised was issued for something else.
      if (c.amount < d.amount || compareKeys(c.first, d.raisedBy) < 0) continue;
      if (match === undefined || c.amount < match.amount) match = c;
    }
  }
  if (match !== undefined) used.add(match);
  const covered = match?.amount ?? 0;
  const rest = d.amount - Math.min(covered, d.amount);
  if (rest === 0) return;
  facts.openDisputedMinor += rest;
  facts.openDisputeCount++;
  const promise: PromisedCredit = {
    disputeId: d.id,
    creditNoteId: named,
    disputedMinor: d.amount,
    creditedMinor: named === undefined ? 0 : covered,
    openMinor: rest,
  };
  facts.promisedCredits = append(facts.promisedCredits, promise);
}

/** Two PO numbers that name one order (case, separators, look-alikes, leading zeros aside). */
function samePo(a: unknown, b: string): boolean {
  return a === b || (typeof a === 'string' && joinedInvoiceNumber(a) === joinedInvoiceNumber(b));
}

/** Plain string order, as `Array.prototype.sort` with no comparator gives for strings. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Event-id order, the order of every list in {@link StreamFacts} (internal). Ids are not unique (a
 * transaction id omits the payload, and refused versions share one), so entries under one id are
 * ordered by their content: the same events in any array order give the same lists.
 */
export const byId = (a: { eventId: string }, b: { eventId: string }): number => {
  if (a.eventId !== b.eventId) return a.eventId < b.eventId ? -1 : 1;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** One delivery, bound to the `expected` carrier (see {@link extractStreamFacts}). */
function readDelivery(
  facts: StreamFacts,
  e: VerifiedEvent,
  expected: string | undefined,
  bindSigners: boolean,
  supplier: string,
  notAfter: number | undefined,
): void {
  const p = e.payload ?? NO_PAYLOAD;
  const carrier = str(p['carrierQuid']) ?? '';
  if (bindSigners && (expected === undefined || e.signerQuid !== expected || carrier !== expected)) {
    pushMismatch(facts, supplier, e, expected ?? KNOWN_CARRIER);
    return;
  }
  const pod = str(p['deliveryProof']);
  if (pod !== undefined && pod !== '') facts.documentRefs = append(facts.documentRefs, pod);
  if (late(facts, e, p, DELIVERED_AT, notAfter)) return;
  const at = num(p['deliveredAt']);
  if (at !== undefined) {
    if (facts.deliveredEarliest === undefined || at < facts.deliveredEarliest) facts.deliveredEarliest = at;
    if (facts.deliveredLatest === undefined || at > facts.deliveredLatest) facts.deliveredLatest = at;
  }
  if (facts.delivered === undefined || before(e, facts.delivered.key)) {
    facts.delivered = {
      carrierQuid: carrier,
      at: num(p['deliveredAt']),
      ref: pod,
      key: keyOf(e),
    };
  }
}

/**
 * Reduces an invoice's verified events to {@link StreamFacts}. With `bindSigners` each event must
 * be signed by its role: shipment by the carrier it names (and the invoice's carrier, if set),
 * never the supplier or the buyer; delivery by the carrier named in the shipment or, with none,
 * the invoice's carrier (a delivery naming only itself does not count); acknowledgement and
 * disputes by the buyer, credit notes by the supplier, PO verdicts by the buyer, resolutions by
 * supplier or buyer (a withdrawal only by the buyer; whatever the signer, only the buyer's own
 * resolution closes a dispute, and only one raised before it), purchases by a financier (a financier
 * co-owner when title owners are known, otherwise anyone but supplier, buyer and carrier),
 * payments by the supplier or a financier, fraud signals by their reporter (a co-owner when owners
 * are known). Anything else is recorded as a {@link SignerMismatch} and ignored. Without
 * `bindSigners` (proof of concept) every event counts.
 *
 * An event whose sequence is not a positive safe integer, or whose timestamp is not a safe
 * integer, cannot be ordered and goes to `invalid` (without `bindSigners` a purchase or a fraud
 * signal among them still counts, as the proof of concept, which reads no sequence, counts it). Repeats that disagree (see
 * {@link StreamFacts.conflicting}) count the way that favours the financier: credit notes and
 * payments under one id sum their different payloads, acknowledgements count their smallest
 * amount. With `notAfter` (the decision time plus the clock skew), shipments, deliveries,
 * acknowledgements, PO matches and dispute resolutions whose timestamp or own date is later do
 * not count (they go to `futureDated`); disputes, credit notes, payments, purchases and fraud
 * signals always count, whenever dated.
 *
 * @example
 * ```ts
 * const facts = extractStreamFacts(invoice, events, true);
 * if (facts.mismatches.some((m) => m.bySupplier)) console.warn('supplier forged an attestation');
 * // As the engine reads it for a decision at `asOf` with an hour of clock skew:
 * const asDecided = extractStreamFacts(invoice, events, true, {}, asOf + 3_600);
 * asDecided.futureDated; // evidence that is not true yet
 * ```
 */
export function extractStreamFacts(
  invoice: InvoiceInput,
  events: readonly VerifiedEvent[],
  bindSigners: boolean,
  options: StreamOptions = NO_OPTIONS,
  notAfter: number | undefined = undefined,
): StreamFacts {
  const problems = options.validatePayloads === true ? streamVerdicts(events).problems : undefined;
  const requireSubject = options.requireSubject === true;
  const money = options.money !== false;
  const detectConflicts = options.detectConflicts === true;
  const supplier = invoice.supplierQuid;
  const buyer = invoice.buyerQuid;
  const owners = invoice.titleOwners;
  const facts: StreamFacts = {
    issuedCount: 0,
    issued: NONE,
    shipped: undefined,
    delivered: undefined,
    ack: undefined,
    shippedEarliest: undefined,
    deliveredEarliest: undefined,
    deliveredLatest: undefined,
    ackEarliest: undefined,
    poVerdict: undefined,
    purchases: NONE,
    openDisputedMinor: 0,
    openDisputeCount: 0,
    supplierResolvedDisputeCount: 0,
    promisedCredits: NONE,
    creditedMinor: 0,
    paidMinor: 0,
    fraudSignals: NONE,
    mismatches: NONE,
    invalid: NONE,
    foreign: NONE,
    unbound: NONE,
    otherCurrency: NONE,
    conflicts: NONE,
    futureDated: NONE,
    conflicting: NONE,
    documentRefs: NONE,
  };
  const mismatch = pushMismatch;
  // Deliveries are bound to the shipment's carrier, which may come later in the array:
  // collect them first and bind after the pass.
  // The first delivery and acknowledgement are kept on their own, the rare further ones in a
  // list: no list per stream for the one of each that a stream carries.
  let delivery: VerifiedEvent | undefined;
  let deliveries: VerifiedEvent[] | undefined;
  // Small keyed lists (usually 0-2 entries): arrays beat Maps here.
  let disputeSteps: VerifiedEvent[] | undefined;
  // Credit notes and payments repeated under one id count once per different payload.
  let credits: Repeated[] | undefined;
  let payments: Repeated[] | undefined;
  let ack: VerifiedEvent | undefined;
  let acks: VerifiedEvent[] | undefined;
  // The carrier of the first well-signed shipment, even one dated too late to count: deliveries
  // are bound to it.
  let shipperCarrier: string | undefined;
  let shipperKey: EventKey | undefined;
  const screen: Screen = { sequences: undefined, ids: undefined };

  for (let i = 0; i < events.length; i++) {
    const e = events[i] as VerifiedEvent;
    const t = e.eventType;
    if (requireSubject) {
      const subject = e.subjectId;
      if (subject !== invoice.invoiceId) {
        if (subject === undefined) facts.unbound = pushUnusable(facts.unbound, e, 'names no subject');
        else facts.foreign = pushUnusable(facts.foreign, e, `belongs to ${subject}`);
        continue;
      }
    }
    // An event that cannot be placed in the stream cannot be ordered against the others.
    const unplaced = badKey(e);
    if (unplaced !== undefined) {
      facts.invalid = pushUnusable(facts.invalid, e, unplaced);
      if (bindSigners) flagForgedUnusable(facts, supplier, buyer, e);
      else countUnplacedVeto(facts, e);
      continue;
    }
    if (detectConflicts && i > 0 && sameSequenceBefore(screen, events, i)) continue;
    if (problems !== undefined) {
      const detail = problems[i];
      if (detail !== null && detail !== undefined) {
        facts.invalid = pushUnusable(facts.invalid, e, detail);
        if (bindSigners) flagForgedUnusable(facts, supplier, buyer, e);
        continue;
      }
    }
    const p = e.payload ?? NO_PAYLOAD;
    const signer = e.signerQuid;
    switch (t) {
      case 'invoice.issued':
        if (bindSigners && signer !== supplier) {
          mismatch(facts, supplier, e, supplier);
          break;
        }
        facts.issuedCount++;
        facts.issued = append(facts.issued, e);
        break;
      case 'carrier.shipped': {
        const carrier = str(p['carrierQuid']) ?? '';
        if (bindSigners) {
          const expected = invoice.carrierQuid ?? carrier;
          // A party to the sale never attests its own shipment, whatever the invoice names.
          const party = isParty(carrier, supplier, buyer) || isParty(expected, supplier, buyer);
          if (
            party ||
            signer !== carrier ||
            signer !== expected ||
            carrier === '' ||
            !hasStake(owners, signer, 'carrier')
          ) {
            mismatch(facts, supplier, e, party ? INDEPENDENT_CARRIER : expected || 'carrier');
            break;
          }
        }
        if (shipperKey === undefined || before(e, shipperKey)) {
          shipperCarrier = carrier;
          shipperKey = keyOf(e);
        }
        const bol = str(p['billOfLading']) ?? str(p['bol']);
        if (bol !== undefined && bol !== '') facts.documentRefs = append(facts.documentRefs, bol);
        if (late(facts, e, p, SHIPPED_AT, notAfter)) break;
        const shippedAt = num(p['shippedAt']) ?? num(p['shipDate']);
        if (
          shippedAt !== undefined &&
          (facts.shippedEarliest === undefined || shippedAt < facts.shippedEarliest)
        )
          facts.shippedEarliest = shippedAt;
        if (facts.shipped === undefined || before(e, facts.shipped.key)) {
          facts.shipped = {
            carrierQuid: carrier,
            at: shippedAt,
            ref: bol,
            key: keyOf(e),
          };
        }
        break;
      }
      case 'carrier.delivered':
        if (delivery === undefined) delivery = e;
        else deliveries = append(deliveries, e);
        break;
      case 'buyer.acknowledged':
        if (bindSigners && (signer !== buyer || claimsOther(p, 'buyerQuid', signer))) {
          mismatch(facts, supplier, e, buyer);
          break;
        }
        if (late(facts, e, p, ACKNOWLEDGED_AT, notAfter)) break;
        if (ack === undefined) ack = e;
        else acks = append(acks, e);
        break;
      case 'po.matched':
      case 'po.mismatch':
        if (bindSigners && (signer !== buyer || claimsOther(p, 'buyerQuid', signer))) {
          mismatch(facts, supplier, e, buyer);
          break;
        }
        // A match of another PO than the invoice quotes (compared as the buyer may write it: 'PO 789'
        // is PO-789) says nothing about this invoice; the buyer's mismatch on its stream holds it
        // whatever PO it names.
        if (
          t === 'po.matched' &&
          invoice.poReference !== undefined &&
          !samePo(p['poNumber'], invoice.poReference)
        )
          break;
        // A match dated after the decision does not count; a mismatch always does.
        if (t === 'po.matched' && late(facts, e, p, MATCHED_AT, notAfter)) break;
        if (facts.poVerdict === undefined || !before(e, facts.poVerdict.key)) {
          facts.poVerdict = {
            matched: t === 'po.matched',
            key: keyOf(e),
            amountMinor: t === 'po.matched' ? num(p['matchedAmountMinor']) : undefined,
            at: t === 'po.matched' ? num(p['matchedAt']) : undefined,
          };
        }
        break;
      case 'buyer.disputed': {
        if (!money) break;
        if (bindSigners && (signer !== buyer || claimsOther(p, 'buyerQuid', signer))) {
          mismatch(facts, supplier, e, buyer);
          break;
        }
        // Disputes and resolutions are replayed in stream order after the pass.
        disputeSteps = append(disputeSteps, e);
        break;
      }
      case 'dispute.resolved': {
        if (!money) break;
        // Only the buyer may withdraw its own dispute: a supplier "withdrawing" it would hide it.
        if (bindSigners && signer !== buyer && (signer !== supplier || p['outcome'] === 'withdrawn')) {
          mismatch(facts, supplier, e, p['outcome'] === 'withdrawn' ? buyer : 'supplier or buyer');
          break;
        }
        if (late(facts, e, p, RESOLVED_AT, notAfter)) break;
        disputeSteps = append(disputeSteps, e);
        break;
      }
      case 'invoice.credited': {
        if (!money) break;
        if (bindSigners && signer !== supplier) {
          mismatch(facts, supplier, e, supplier);
          break;
        }
        const id = str(p['creditNoteId']) ?? e.id;
        credits = addRepeated(credits, id, num(p['amountMinor']) ?? 0, e);
        break;
      }
      case 'factor.purchased': {
        const named = str(p['financierQuid']) ?? str(p['financier']);
        if (
          bindSigners &&
          (!isFinancier(owners, signer, supplier, buyer, invoice.carrierQuid) ||
            (named !== undefined && named !== signer))
        ) {
          mismatch(facts, supplier, e, 'financier');
          break;
        }
        const purchase = { eventId: e.id, financierQuid: named ?? signer };
        facts.purchases = append(facts.purchases, purchase);
        break;
      }
      case 'payment.received': {
        if (!money) break;
        if (
          bindSigners &&
          signer !== supplier &&
          !isFinancier(owners, signer, supplier, buyer, invoice.carrierQuid)
        ) {
          mismatch(facts, supplier, e, 'supplier or financier');
          break;
        }
        const currency = str(p['currency']);
        if (currency !== undefined && currency !== invoice.currency) {
          facts.otherCurrency = pushUnusable(
            facts.otherCurrency,
            e,
            `pays in ${currency}, not ${invoice.currency}`,
          );
          break;
        }
        const id = str(p['paymentId']) ?? e.id;
        const alloc = str(p['allocationId']) ?? '';
        const k = `${id}\u0000${alloc}`;
        payments = addRepeated(payments, k, num(p['amountMinor']) ?? 0, e);
        break;
      }
      default:
        if (t.startsWith('fraud.signal.')) {
          const reporter = str(p['reporterQuid']) ?? str(p['reporter']) ?? signer;
          if (bindSigners && (reporter !== signer || !isOwner(owners, signer))) {
            mismatch(facts, supplier, e, reporter !== signer ? reporter : 'co-owner');
            break;
          }
          const sev = p['severity'];
          const signal: FraudSignalFact = {
            eventId: e.id,
            key: keyOf(e),
            kind: signalKind(t),
            reporterQuid: reporter,
            severity: sev === 'low' || sev === 'medium' || sev === 'high' ? sev : undefined,
            evidence: str(p['evidence']) ?? '',
          };
          facts.fraudSignals = append(facts.fraudSignals, signal);
        }
    }
  }

  if (delivery !== undefined) {
    // Only a carrier known apart from the delivery itself may confirm it (core's rule): the
    // shipment's carrier, or the invoice's. A delivery naming its own signer proves nothing.
    const known = shipperCarrier ?? invoice.carrierQuid;
    const expected = known === undefined || isParty(known, supplier, buyer) ? undefined : known;
    readDelivery(facts, delivery, expected, bindSigners, supplier, notAfter);
    if (deliveries !== undefined) {
      for (const e of deliveries) readDelivery(facts, e, expected, bindSigners, supplier, notAfter);
    }
  }
  if (disputeSteps) replayDisputes(facts, invoice, disputeSteps, credits);
  if (ack !== undefined) readAcknowledgements(facts, ack, acks);
  if (credits) {
    for (const c of credits) facts.creditedMinor += c.amount;
    repeatedConflicts(facts, credits, 'credit note');
  }
  if (payments) {
    for (const c of payments) facts.paidMinor += c.amount;
    repeatedConflicts(facts, payments, 'payment');
  }
  if (screen.ids !== undefined) {
    for (const [id, c] of screen.ids) {
      facts.conflicting = pushConflict(
        facts.conflicting,
        id,
        c.eventType,
        `event id ${id} names different events at sequences ${[...c.sequences].sort((a, b) => a - b).join(', ')}`,
      );
    }
  }
  if (facts.purchases.length > 1) sortSmall(facts.purchases, byId);
  // Signals keep stream order (sequence, timestamp, id), which is also the proof of concept's order.
  if (facts.fraudSignals.length > 1) sortSmall(facts.fraudSignals, (a, b) => compareKeys(a.key, b.key));
  if (facts.mismatches.length > 1) sortSmall(facts.mismatches, byId);
  // Every list is in event-id order, so the same stream in any order gives the same facts.
  if (facts.invalid.length > 1) sortSmall(facts.invalid, byId);
  if (facts.foreign.length > 1) sortSmall(facts.foreign, byId);
  if (facts.unbound.length > 1) sortSmall(facts.unbound, byId);
  if (facts.otherCurrency.length > 1) sortSmall(facts.otherCurrency, byId);
  if (facts.futureDated.length > 1) sortSmall(facts.futureDated, byId);
  if (facts.conflicting.length > 1) sortSmall(facts.conflicting, byId);
  if (facts.documentRefs.length > 1) sortSmall(facts.documentRefs, byText);
  const conflicts = screen.sequences;
  if (conflicts !== undefined) {
    facts.conflicts = [...conflicts]
      .sort((a, b) => a[0] - b[0])
      .map(([sequence, c]) => ({ sequence, eventIds: [...c.ids].sort(), race: c.race }));
  }
  return facts;
}
