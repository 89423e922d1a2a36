// Applies one exposure limit to the funded amount: a haircut or a refusal.

import type { FactoringPolicy } from '../inputs/policy.js';
import { mulDivFloor } from '../math/money.js';
import type { TraceEntry } from '../outputs/decision.js';
import type { ReasonCodeValue } from '../outputs/reasonCodes.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { addHaircut, type Funding } from '../rules/funding.js';
import type { Run } from '../rules/run.js';

/** What {@link applyLimit} returns when the invoice cannot be funded under the limit. */
export const LIMIT_FAILED = -1;

/**
 * Fits `advance` (funded at `rate` bps of `f.eligible`) under one limit: reduces the eligible
 * amount to the room left ('reduce') or fails. Returns the advance that fits, or
 * {@link LIMIT_FAILED} when the invoice cannot be funded under this limit (a plain number: no
 * funding object per priced invoice).
 */
export function applyLimit(
  run: Run,
  policy: FactoringPolicy,
  f: Funding,
  advance: number,
  rate: number,
  name: string,
  limit: number | undefined,
  exposure: number,
  code: ReasonCodeValue,
): number {
  if (limit === undefined) return advance;
  const room = limit - exposure;
  let outcome: TraceEntry['outcome'] = 'pass';
  let fitted = advance;
  if (advance > room) {
    if (policy.limitMode === 'reduce' && room > 0) {
      const before = f.eligible;
      f.eligible = Math.min(f.eligible, mulDivFloor(room, 10_000, rate));
      addHaircut(f, { code: 'LIMIT_HAIRCUT', amountMinor: before - f.eligible });
      fitted = mulDivFloor(f.eligible, rate, 10_000);
      run.reason('LIMIT_HAIRCUT', `${name} limit ${limit} leaves room for an advance of ${room}`);
      outcome = 'flag';
    } else {
      run.reason(
        code,
        `${name} limit ${limit} with exposure ${exposure} has no room for an advance of ${advance}`,
      );
      outcome = 'fail';
    }
  }
  run.trace?.push(
    traceEntry(
      `${name}-limit`,
      outcome,
      { limitMinor: limit, exposureMinor: exposure, advanceMinor: fitted },
      limit,
      0,
    ),
  );
  return outcome === 'fail' ? LIMIT_FAILED : fitted;
}
