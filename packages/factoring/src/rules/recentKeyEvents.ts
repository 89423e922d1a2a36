// Key compromise as a credit signal: a recent freeze, recovery or rotation of the supplier's or
// the buyer's key sends an otherwise clean decision to review (or rejects it, by policy).

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { FactoringDecision, Reason } from '../outputs/decision.js';
import { rankReasons } from './run.js';

/**
 * Something that happened to a party's key, with the Unix second of the block that committed it
 * (from the node's guardian routes, the party's `key.invalidated` events, or core's key history).
 *
 * @example
 * ```ts
 * const e: RecentKeyEvent = { quid: supplierQuid, kind: 'recovery-committed', at: 1_745_003_600 };
 * ```
 */
export interface RecentKeyEvent {
  readonly quid: string;
  readonly kind: 'frozen' | 'recovery-opened' | 'recovery-vetoed' | 'recovery-committed' | 'rotated';
  readonly at: number;
}

/**
 * What to do about recent key events on the supplier or the buyer.
 *
 * @example
 * ```ts
 * const p: KeyEventPolicy = { windowSeconds: 90 * 86_400, action: 'review' };
 * ```
 */
export interface KeyEventPolicy {
  /** How far back an event counts (a recovery still pending always counts). */
  readonly windowSeconds: number;
  /** `review` (default), `reject`, or `ignore`. */
  readonly action: 'review' | 'reject' | 'ignore';
}

/**
 * The default: events of the last 90 days send the decision to review.
 *
 * @example
 * ```ts
 * applyRecentKeyEvents(decision, { events, supplierQuid, buyerQuid, policy: { ...DEFAULT_KEY_EVENT_POLICY, action: 'reject' } });
 * ```
 */
export const DEFAULT_KEY_EVENT_POLICY: KeyEventPolicy = { windowSeconds: 90 * 86_400, action: 'review' };

const KINDS = new Set(['frozen', 'recovery-opened', 'recovery-vetoed', 'recovery-committed', 'rotated']);

function check(events: readonly RecentKeyEvent[], policy: KeyEventPolicy): void {
  const issues: ValidationIssue[] = [];
  if (!Number.isSafeInteger(policy.windowSeconds) || policy.windowSeconds < 0)
    issues.push({ path: 'policy.windowSeconds', message: 'expected a whole number of seconds ≥ 0' });
  if (!['review', 'reject', 'ignore'].includes(policy.action))
    issues.push({ path: 'policy.action', message: "expected 'review', 'reject' or 'ignore'" });
  events.forEach((e, i) => {
    if (!KINDS.has(e?.kind)) issues.push({ path: `events[${i}].kind`, message: 'unknown key event kind' });
    if (!Number.isSafeInteger(e?.at))
      issues.push({ path: `events[${i}].at`, message: 'expected Unix seconds' });
  });
  if (issues.length) throw new FactoringInputError('INVALID_INPUT', issues);
}

/** Events of `quid` that count at `asOf`: in the window, or a recovery opened and not yet closed. */
function counting(
  events: readonly RecentKeyEvent[],
  quid: string,
  asOf: number,
  window: number,
): RecentKeyEvent[] {
  const own = events.filter((e) => e.quid === quid && e.at <= asOf).sort((a, b) => a.at - b.at);
  let open: RecentKeyEvent | undefined;
  for (const e of own) {
    if (e.kind === 'recovery-opened') open = e;
    else if (e.kind === 'recovery-vetoed' || e.kind === 'recovery-committed') open = undefined;
  }
  const recent = own.filter((e) => asOf - e.at <= window);
  return open && !recent.includes(open) ? [...recent, open] : recent;
}

/**
 * Applies the key-event rule to a decision from `evaluateInvoice`: when the supplier or the buyer
 * had a key freeze, recovery or rotation within the window (or has a recovery pending), adds a
 * `RECENT_KEY_EVENT` reason and raises the outcome to `review` (or `reject`, which drops the
 * offer). A worse outcome stays. Events after the decision's `asOf` are ignored. Pure; throws
 * `FactoringInputError('INVALID_INPUT')` for malformed events or policy.
 *
 * @example
 * ```ts
 * const decision = applyRecentKeyEvents(evaluateInvoice(request), {
 *   events: [{ quid: invoice.supplierQuid, kind: 'recovery-committed', at: request.asOf - 86_400 }],
 *   supplierQuid: invoice.supplierQuid, buyerQuid: invoice.buyerQuid,
 * });
 * decision.outcome; // 'review'
 * ```
 */
export function applyRecentKeyEvents(
  decision: FactoringDecision,
  input: {
    readonly events: readonly RecentKeyEvent[];
    readonly supplierQuid: string;
    readonly buyerQuid: string;
    readonly policy?: KeyEventPolicy;
  },
): FactoringDecision {
  const policy = input.policy ?? DEFAULT_KEY_EVENT_POLICY;
  check(input.events, policy);
  if (policy.action === 'ignore') return decision;
  const found: Reason[] = [];
  for (const [role, quid] of [
    ['supplier', input.supplierQuid],
    ['buyer', input.buyerQuid],
  ] as const) {
    const hits = counting(input.events, quid, decision.asOf, policy.windowSeconds);
    if (hits.length === 0) continue;
    const list = hits.map((e) => `${e.kind} at ${e.at}`).join(', ');
    found.push({
      code: 'RECENT_KEY_EVENT',
      severity: policy.action,
      message: `${role} ${quid} key events: ${list}`,
    });
  }
  if (found.length === 0) return decision;
  const severityRank = { reject: 3, review: 2, pending: 1, approve: 0 } as const;
  const outcome =
    severityRank[decision.outcome] >= severityRank[policy.action] ? decision.outcome : policy.action;
  const rejected = outcome === 'reject';
  const message = found.map((r) => r.message).join('; ');
  return {
    ...decision,
    outcome,
    reasons: rankReasons([...decision.reasons, ...found]),
    offer: rejected ? null : decision.offer,
    limits: rejected ? null : decision.limits,
    trace:
      decision.trace.length > 0
        ? [
            ...decision.trace,
            {
              rule: 'recentKeyEvents',
              outcome: 'flag',
              inputs: { events: found.length, action: policy.action },
              threshold: policy.windowSeconds,
              effectMinor: 0,
            },
          ]
        : decision.trace,
    // The proof-of-concept verdict has no review: hold it rather than leave an approval standing.
    compat: decision.compat
      ? {
          ...decision.compat,
          verdict: rejected ? 'reject' : decision.compat.verdict === 'reject' ? 'reject' : 'pending',
          reasons: [...decision.compat.reasons, `recent key events: ${message}`],
        }
      : null,
  };
}
