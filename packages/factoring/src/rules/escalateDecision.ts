// Raises a finished decision for evidence found outside the engine (key events, the ledger's read findings).

import type { FactoringDecision, Reason, TraceEntry } from '../outputs/decision.js';
import { supersede } from '../outputs/superseded.js';
import { fraudFlagsOf } from './fraudChecks.js';
import { rankReasons } from './run.js';

const SEVERITY_RANK = { reject: 3, review: 2, pending: 1, approve: 0 } as const;

/**
 * `decision` with `found` added to its reasons and its outcome raised to `action` (a worse
 * outcome stays); a rejection drops the offer and limits. The trace gets `traceEntry` when the
 * decision was traced, and the proof-of-concept verdict, which has no review, is held (or
 * rejected) rather than left approving.
 */
export function escalateDecision(
  decision: FactoringDecision,
  found: readonly Reason[],
  action: 'review' | 'reject',
  traceEntry: TraceEntry,
  compatLabel: string,
): FactoringDecision {
  const outcome = SEVERITY_RANK[decision.outcome] >= SEVERITY_RANK[action] ? decision.outcome : action;
  // The approval this hold replaces must not be booked by reserveApproval (kept, it would be wired).
  if (outcome !== decision.outcome) supersede(decision);
  const rejected = outcome === 'reject';
  const message = found.map((r) => r.message).join('; ');
  const reasons = rankReasons([...decision.reasons, ...found]);
  return {
    ...decision,
    outcome,
    reasons,
    fraudFlags: fraudFlagsOf(reasons, undefined),
    offer: rejected ? null : decision.offer,
    limits: rejected ? null : decision.limits,
    trace: decision.trace.length > 0 ? [...decision.trace, traceEntry] : decision.trace,
    compat: decision.compat
      ? {
          ...decision.compat,
          verdict: rejected ? 'reject' : decision.compat.verdict === 'reject' ? 'reject' : 'pending',
          reasons: [...decision.compat.reasons, `${compatLabel}: ${message}`],
        }
      : null,
  };
}
