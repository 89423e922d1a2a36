// Approvals that evidence found after the decision has held: reserveApproval books none of them.

import type { FactoringDecision } from './decision.js';

const superseded = new WeakSet<FactoringDecision>();

/**
 * Marks `decision` as replaced by a held one (a key event or a ledger finding applied after it):
 * kept beside the hold, the approval must not be booked and wired.
 *
 * @example
 * ```ts
 * supersede(decision);
 * ```
 */
export function supersede(decision: FactoringDecision): void {
  superseded.add(decision);
}

/**
 * True when a later rule held `decision` (see {@link supersede}).
 *
 * @example
 * ```ts
 * if (isSuperseded(decision)) return false; // the held decision replaces it
 * ```
 */
export function isSuperseded(decision: FactoringDecision): boolean {
  return superseded.has(decision);
}
