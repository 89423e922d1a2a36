import type { Reason } from './decision.js';
import type { ReasonCodeValue, ReasonSeverity } from './reasonCodes.js';

/**
 * Interns the immutable parts of decisions within one batch: a reason with the same code and
 * message, or the same single fraud flag, is one shared object instead of a copy per decision.
 * Decisions a batch keeps survive the young generation, so every object they hold costs a copy in
 * each scavenge; most reasons repeat ("weak fraud signals: ..."), so sharing them shrinks what a
 * kept batch retains. Bounded, so a batch of unique messages does not grow it without limit.
 *
 * @example
 * ```ts
 * const cache = createInternCache();
 * internReason(cache, 'ACK_MISSING', 'pending', 'no buyer.acknowledged event yet');
 * ```
 */
export interface InternCache {
  readonly reasons: Map<string, Reason>;
  readonly flags: Map<ReasonCodeValue, readonly ReasonCodeValue[]>;
}

const MAX_ENTRIES = 65_536;

/**
 * A fresh, empty {@link InternCache} (one per batch).
 *
 * @example
 * ```ts
 * const cache = createInternCache();
 * ```
 */
export function createInternCache(): InternCache {
  return { reasons: new Map(), flags: new Map() };
}

/**
 * The shared reason for (code, message), creating it on first use.
 *
 * @example
 * ```ts
 * const r = internReason(createInternCache(), 'ACK_MISSING', 'pending', 'no buyer.acknowledged event yet');
 * ```
 */
export function internReason(
  cache: InternCache,
  code: ReasonCodeValue,
  severity: ReasonSeverity,
  message: string,
): Reason {
  const hit = cache.reasons.get(message);
  if (hit !== undefined && hit.code === code) return hit;
  const r: Reason = { code, severity, message };
  if (hit === undefined && cache.reasons.size < MAX_ENTRIES) cache.reasons.set(message, r);
  return r;
}

/**
 * The shared one-element fraud-flag list `[code]`.
 *
 * @example
 * ```ts
 * internFlag(createInternCache(), 'DOUBLE_FACTORED'); // ['DOUBLE_FACTORED']
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
