// One decision's (or one batch's) view of the caller's trust: each quid read once, its reading copied.

import { isStableTrustSource, plainReading, type TrustReading, type TrustSource } from './trust.js';

/**
 * The first readings in fields (a decision reads two or three parties: no Map per decision),
 * the rest in a Map.
 */
class TrustOnce implements TrustSource {
  private q0: string | undefined;
  private r0: TrustReading | undefined;
  private q1: string | undefined;
  private r1: TrustReading | undefined;
  private q2: string | undefined;
  private r2: TrustReading | undefined;
  private more: Map<string, TrustReading | undefined> | undefined;
  private readonly source: TrustSource;

  constructor(source: TrustSource) {
    this.source = source;
  }

  trustIn(quid: string): TrustReading | undefined {
    if (quid === this.q0) return this.r0;
    if (quid === this.q1) return this.r1;
    if (quid === this.q2) return this.r2;
    const more = this.more;
    if (more?.has(quid)) return more.get(quid);
    const r = plainReading(this.source.trustIn(quid));
    if (this.q0 === undefined) {
      this.q0 = quid;
      this.r0 = r;
    } else if (this.q1 === undefined) {
      this.q1 = quid;
      this.r1 = r;
    } else if (this.q2 === undefined) {
      this.q2 = quid;
      this.r2 = r;
    } else {
      this.more ??= new Map();
      this.more.set(quid, r);
    }
    return r;
  }
}

/**
 * A source that asks `source` about each quid once and answers every later question about it
 * with a copy of that first reading: a live source (a cache refreshed, a node queried twice)
 * cannot give one decision's checks one level and its pricing another. A source this made is
 * returned as it is (a batch's, read once for the whole batch).
 *
 * @example
 * ```ts
 * const trust = trustOnce(request.trust); // one per decision, or per batch
 * trust.trustIn('buyer-x') === trust.trustIn('buyer-x'); // true
 * ```
 */
export function trustOnce(source: TrustSource): TrustSource {
  return source instanceof TrustOnce || isStableTrustSource(source) ? source : new TrustOnce(source);
}
