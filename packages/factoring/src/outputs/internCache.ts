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
  };
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
