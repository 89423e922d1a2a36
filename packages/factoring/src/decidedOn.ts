// Which running book each decision was made on, and at which of its versions: reserveApproval
// books only a decision made on the state it books into, as that state is now.

import type { PortfolioState } from './facts/portfolioState.js';
import type { FactoringDecision } from './outputs/decision.js';

/** How many approvals each state has booked (a decision made before the last one is stale). */
const versions = new WeakMap<PortfolioState, number>();
const madeOn = new WeakMap<FactoringDecision, { readonly state: PortfolioState; readonly version: number }>();

/**
 * Notes that `decision` was made on `state` as it is now.
 *
 * @example
 * ```ts
 * noteDecidedOn(decision, state);
 * ```
 */
export function noteDecidedOn(decision: FactoringDecision, state: PortfolioState): void {
  madeOn.set(decision, { state, version: versions.get(state) ?? 0 });
}

/**
 * True when `decision` was made on `state` and nothing was booked in it since (the same object:
 * a decision rebuilt from JSON, or edited, is not).
 *
 * @example
 * ```ts
 * if (!isDecidedOn(decision, state)) return false; // decide it again on this state
 * ```
 */
export function isDecidedOn(decision: FactoringDecision, state: PortfolioState): boolean {
  const made = madeOn.get(decision);
  return made !== undefined && made.state === state && made.version === (versions.get(state) ?? 0);
}

/**
 * Counts one more approval booked in `state`: every decision made on it before is stale.
 *
 * @example
 * ```ts
 * bookedIn(state);
 * ```
 */
export function bookedIn(state: PortfolioState): void {
  versions.set(state, (versions.get(state) ?? 0) + 1);
}
