// Shares identical reasons, flags, trace entries and predictions between a batch's decisions.

import { type BuyerProfile, type PaymentPrediction, predictCollection } from '../facts/predictPayment.js';
import type { Reason, TraceEntry } from './decision.js';
import { REASON_INFO, type ReasonCodeValue, type ReasonSeverity } from './reasonCodes.js';

/**
 * Interns the immutable parts of decisions within one batch: a reason with the same code and
 * message, the same single fraud flag, or the payment prediction of one buyer for one due date is
 * one shared object instead of a copy per decision.
 * Decisions a batch keeps survive the young generation, so every object they hold costs a copy in
 * each scavenge; most reasons repeat ("weak fraud signals: ..."), so sharing them shrinks what a
 * kept batch retains. Bounded, so a batch of unique messages does not grow it without limit.
 *
 * @example
 * ```ts
 * const cache = createInternCache(1_700_000_000);
 * internReason(cache, 'ACK_MISSING', 'pending', 'no buyer.acknowledged event yet');
 * ```
 */
export interface InternCache {
  readonly reasons: Map<string, Reason>;
  /** The last reason interned per code (by rank): a repeat is found without hashing the message. */
  readonly lastByRank: (Reason | undefined)[];
  readonly flags: Map<ReasonCodeValue, readonly ReasonCodeValue[]>;
  /** The batch's decision time: predictions are cached for this `asOf` only. */
  readonly asOf: number;
  readonly predictions: Map<BuyerProfile, Map<number, PaymentPrediction>>;
  /** Trace entries fixed by one party's figures (its trust level, its profile), by rule and value. */
  readonly traces: Map<string, TraceEntry>;
  /** Trace entries fixed by one number (a party's trust level), by rule, then by that number. */
  readonly tracesByNumber: Map<string, Map<number, TraceEntry>>;
  /** Frozen ranked reason lists of one or two (interned) reasons, by their reasons' identity. */
  readonly lists: Map<Reason, readonly Reason[]>;
  readonly pairs: Map<Reason, Map<Reason, readonly Reason[]>>;
  /** Messages made from one number, by the function that makes them, then by that number. */
  readonly messages: Map<(n: number) => string, Map<number, string>>;
}

const MAX_ENTRIES = 65_536;

/**
 * A fresh, empty {@link InternCache} (one per batch, for its `asOf`).
 *
 * @example
 * ```ts
 * const cache = createInternCache(1_700_000_000);
 * ```
 */
export function createInternCache(asOf: number): InternCache {
  return {
    reasons: new Map(),
    lastByRank: [],
    flags: new Map(),
    asOf,
    predictions: new Map(),
    traces: new Map(),
    tracesByNumber: new Map(),
    lists: new Map(),
    pairs: new Map(),
    messages: new Map(),
  };
}

/** A shared, frozen empty reason list (a clean decision holds no list of its own). */
export const NO_REASONS: readonly Reason[] = Object.freeze([]);

/**
 * The decision's ranked reasons as a shared frozen list when one like it (the same one or two
 * interned reasons, in the same order) was kept before; a fresh exact-size copy otherwise. Most
 * decisions of a book carry the same one or two reasons, and every list a kept decision holds is
 * copied by each scavenge until the batch is dropped.
 *
 * @example
 * ```ts
 * const reasons = internReasonList(cache, run.reasons);
 * ```
 */
export function internReasonList(cache: InternCache, ranked: readonly Reason[]): readonly Reason[] {
  const n = ranked.length;
  if (n === 0) return NO_REASONS;
  if (n > 2) return ranked.slice();
  const a = ranked[0] as Reason;
  if (n === 1) {
    let list = cache.lists.get(a);
    if (list === undefined) {
      list = Object.freeze([a]);
      if (cache.lists.size < MAX_ENTRIES) cache.lists.set(a, list);
    }
    return list;
  }
  const b = ranked[1] as Reason;
  let byB = cache.pairs.get(a);
  if (byB === undefined) {
    byB = new Map();
    if (cache.pairs.size < MAX_ENTRIES) cache.pairs.set(a, byB);
  }
  let list = byB.get(b);
  if (list === undefined) {
    list = Object.freeze([a, b]);
    if (byB.size < MAX_ENTRIES) byB.set(b, list);
  }
  return list;
}

/**
 * {@link predictCollection}, shared between the batch's invoices of one buyer due the same day.
 *
 * @example
 * ```ts
 * const p = internPrediction(cache, profile, 1_705_184_000, 1_700_000_000);
 * ```
 */
export function internPrediction(
  cache: InternCache | undefined,
  profile: BuyerProfile,
  dueAt: number,
  asOf: number,
): PaymentPrediction {
  if (cache === undefined || asOf !== cache.asOf) return predictCollection(profile, dueAt, asOf);
  let byDue = cache.predictions.get(profile);
  if (byDue === undefined) {
    byDue = new Map();
    cache.predictions.set(profile, byDue);
  }
  let p = byDue.get(dueAt);
  if (p === undefined) {
    p = predictCollection(profile, dueAt, asOf);
    if (byDue.size < MAX_ENTRIES) byDue.set(dueAt, p);
  }
  return p;
}

/**
 * The shared reason for (code, message), creating it on first use.
 *
 * @example
 * ```ts
 * const r = internReason(createInternCache(1_700_000_000), 'ACK_MISSING', 'pending', 'no buyer.acknowledged event yet');
 * ```
 */
export function internReason(
  cache: InternCache,
  code: ReasonCodeValue,
  severity: ReasonSeverity,
  message: string,
): Reason {
  const rank = REASON_INFO[code].rank;
  const last = cache.lastByRank[rank];
  if (last !== undefined && last.code === code && last.message === message) return last;
  const hit = cache.reasons.get(message);
  if (hit !== undefined && hit.code === code) {
    cache.lastByRank[rank] = hit;
    return hit;
  }
  const r: Reason = { code, severity, message };
  if (hit === undefined && cache.reasons.size < MAX_ENTRIES) cache.reasons.set(message, r);
  cache.lastByRank[rank] = r;
  return r;
}

/**
 * The shared one-element fraud-flag list `[code]`.
 *
 * @example
 * ```ts
 * internFlag(createInternCache(1_700_000_000), 'DOUBLE_FACTORED'); // ['DOUBLE_FACTORED']
 * ```
 */
export function internFlag(cache: InternCache, code: ReasonCodeValue): readonly ReasonCodeValue[] {
  let list = cache.flags.get(code);
  if (list === undefined) {
    list = [code];
    cache.flags.set(code, list);
  }
  return list;
}

/**
 * The shared trace entry for `key` (rule and the values that fix it), made by `make` on first use;
 * without a cache (a single decision) `make` runs every time.
 *
 * @example
 * ```ts
 * const t = internTrace(cache, `buyer-trust|${level}`, () => traceEntry('buyer-trust', 'pass', { buyerTrust: level }, 0.6, 0));
 * ```
 */
export function internTrace(cache: InternCache | undefined, key: string, make: () => TraceEntry): TraceEntry {
  if (cache === undefined) return make();
  let t = cache.traces.get(key);
  if (t === undefined) {
    t = make();
    if (cache.traces.size < MAX_ENTRIES) cache.traces.set(key, t);
  }
  return t;
}

/**
 * The shared trace entry of `rule` for the number `value` (a trust level), if one was kept: looked
 * up by the number itself, so no key string is formatted and no closure is made per decision.
 * Without a cache (a single decision) there is nothing to share.
 *
 * @example
 * ```ts
 * const t = tracedByNumber(cache, 'buyer-trust', 0.81) ?? keepTraceByNumber(cache, 'buyer-trust', 0.81, entry);
 * ```
 */
export function tracedByNumber(
  cache: InternCache | undefined,
  rule: string,
  value: number,
): TraceEntry | undefined {
  return cache?.tracesByNumber.get(rule)?.get(value);
}

/**
 * Keeps `entry` as the shared trace entry of `rule` for `value` (bounded) and returns it.
 *
 * @example
 * ```ts
 * keepTraceByNumber(cache, 'buyer-trust', 0.81, traceEntry('buyer-trust', 'pass', { buyerTrust: 0.81 }, 0.6, 0));
 * ```
 */
export function keepTraceByNumber(
  cache: InternCache | undefined,
  rule: string,
  value: number,
  entry: TraceEntry,
): TraceEntry {
  if (cache === undefined) return entry;
  let byValue = cache.tracesByNumber.get(rule);
  if (byValue === undefined) {
    byValue = new Map();
    cache.tracesByNumber.set(rule, byValue);
  }
  if (byValue.size < MAX_ENTRIES) byValue.set(value, entry);
  return entry;
}

/**
 * `make(n)`, made once per batch for each number: a message that only a number changes ("credit
 * notes of 5000 ...") is otherwise formatted, then flattened to be compared with the interned one,
 * for every decision that carries it. `make` must be a fixed function of `n` alone (a module-level
 * function, not a closure over other values): the message is kept by `make` and `n`.
 *
 * @example
 * ```ts
 * const creditMessage = (n: number): string => `credit notes of ${n} reduce the eligible amount`;
 * numberedMessage(cache, creditMessage, 5_000);
 * ```
 */
export function numberedMessage(
  cache: InternCache | undefined,
  make: (n: number) => string,
  n: number,
): string {
  if (cache === undefined) return make(n);
  let byNumber = cache.messages.get(make);
  if (byNumber === undefined) {
    byNumber = new Map();
    cache.messages.set(make, byNumber);
  }
  let m = byNumber.get(n);
  if (m === undefined) {
    m = make(n);
    if (byNumber.size < MAX_ENTRIES) byNumber.set(n, m);
  }
  return m;
}
