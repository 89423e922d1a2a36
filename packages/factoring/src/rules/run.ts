// One decision's rule run: collects reasons and the trace, and gives the outcome.

import { sortSmall } from '../math/sortSmall.js';
import type { DecisionOutcome, Reason, TraceEntry } from '../outputs/decision.js';
import { type InternCache, internReason } from '../outputs/internCache.js';
import { REASON_INFO, type ReasonCodeValue, type ReasonSeverity } from '../outputs/reasonCodes.js';
import { NO_INPUTS } from '../outputs/traceEntry.js';

// Lower is more severe; 0..2 (reject, review, pending) decide the outcome.
const SEVERITY_ORDER: Readonly<Record<ReasonSeverity, number>> = {
  reject: 0,
  review: 1,
  pending: 2,
  adjust: 3,
  info: 4,
};

const NO_RUN_REASONS: Reason[] = [];

/**
 * Mutable per-decision state: reasons in evaluation order, the trace, and when to stop. `stopFirst`
 * is the proof of concept's rule (no rule runs after the first decisive one); `stopAtReject` stops
 * once a reject is in (no later rule can change the outcome), so a hold never hides a reject.
 */
export class Run {
  /** In evaluation order. Starts as a shared empty list: most runs give one or two reasons, and a
   * list grown by push from empty reserves 17 slots. Never mutated while it is {@link NO_RUN_REASONS}. */
  reasons: Reason[] = NO_RUN_REASONS;
  readonly trace: TraceEntry[] | undefined;
  readonly stopFirst: boolean;
  readonly stopAtReject: boolean;
  decisive: ReasonSeverity | undefined;
  worst = 9;

  readonly cache: InternCache | undefined;

  constructor(traceOn: boolean, stopFirst: boolean, cache: InternCache | undefined, stopAtReject = false) {
    this.trace = traceOn ? [] : undefined;
    this.stopFirst = stopFirst;
    this.stopAtReject = stopAtReject;
    this.cache = cache;
  }

  /**
   * False once the run has stopped: a decisive rule fired in stop-at-first mode, or a reject in
   * stop-at-reject mode (the rule is then traced as skipped).
   */
  go(rule: string): boolean {
    if ((this.stopFirst && this.decisive !== undefined) || (this.stopAtReject && this.worst === 0)) {
      this.trace?.push({ rule, outcome: 'skip', inputs: NO_INPUTS, threshold: null, effectMinor: 0 });
      return false;
    }
    return true;
  }

  reason(code: ReasonCodeValue, message: string): void {
    const severity = REASON_INFO[code].severity;
    const r =
      this.cache === undefined
        ? { code, severity, message }
        : internReason(this.cache, code, severity, message);
    if (this.reasons === NO_RUN_REASONS) this.reasons = [r];
    else this.reasons.push(r);
    const order = SEVERITY_ORDER[severity];
    if (order <= 2) {
      if (this.decisive === undefined) this.decisive = severity;
      if (order < this.worst) this.worst = order;
    }
  }

  outcome(): DecisionOutcome {
    // Stopping at the first decisive rule leaves only that rule's reasons decisive; when it gave
    // several (a pending and a reject), the worst of them decides, as in a full run.
    return this.worst === 0
      ? 'reject'
      : this.worst === 1
        ? 'review'
        : this.worst === 2
          ? 'pending'
          : 'approve';
  }
}

/** A reason that decides the outcome (reject, review or pending). */
export function isDecisive(r: Reason): boolean {
  return SEVERITY_ORDER[r.severity] <= 2;
}

function compareReasons(a: Reason, b: Reason): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const r = REASON_INFO[a.code].rank - REASON_INFO[b.code].rank;
  if (r !== 0) return r;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Sorts the run's own reason list in place (it is not shared) and returns it. */
export function rankReasons(reasons: Reason[]): Reason[] {
  return sortSmall(reasons, compareReasons);
}
